using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Statecraft.Cli.Infrastructure;
using Statecraft.Store;

namespace Statecraft.Cli.Commands;

/// <summary>Settings of every command that records its runs or reads the store: the one <c>--store</c> option.</summary>
public abstract class StoredRunSettings : CommandSettings
{
    [CommandOption("--store <PATH>")]
    [Description("Run store file (default: $STATECRAFT_STORE, else statecraft/runs.db in the user's data directory).")]
    public string? Store { get; init; }

    public RunStore OpenStore() => RunStore.OpenDefault(Store);
}

public abstract class RunStoreSettings : StoredRunSettings
{
    [CommandOption("--json")]
    [Description("Write JSON instead of tables.")]
    public bool Json { get; init; }
}

public sealed class RunsListSettings : RunStoreSettings
{
    [CommandOption("--command <NAME>")]
    [Description("Only runs of this command (analyze, bargain, ...).")]
    public string? Command { get; init; }

    [CommandOption("--limit <N>")]
    [Description("At most N runs, newest first (default 50).")]
    [DefaultValue(50)]
    public int Limit { get; init; } = 50;

    public override ValidationResult Validate() =>
        Limit < 1 ? ValidationResult.Error("--limit must be at least 1") : ValidationResult.Success();
}

public sealed class RunsShowSettings : RunStoreSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The run's id, as `statecraft runs list` shows it.")]
    public long Id { get; init; }
}

public sealed class RunsDiffSettings : RunStoreSettings
{
    [CommandArgument(0, "<A>")]
    [Description("The earlier run's id.")]
    public long A { get; init; }

    [CommandArgument(1, "<B>")]
    [Description("The later run's id.")]
    public long B { get; init; }
}

/// <summary><c>statecraft runs list</c>: the recorded runs, newest first.</summary>
public sealed class RunsListCommand(IAnsiConsole console) : Command<RunsListSettings>
{
    public override int Execute(CommandContext context, RunsListSettings settings, CancellationToken cancellationToken)
    {
        var store = settings.OpenStore();
        IReadOnlyList<RunSummary> runs;
        RunListing listing;
        try
        {
            listing = store.Read(settings.Limit, settings.Command);
            runs = listing.Runs;
        }
        catch (RunStoreException e)
        {
            return Output.ReportError(console, e.Message, ExitCodes.Failure);
        }

        // Damaged rows are named and skipped; the others are listed as usual.
        foreach (var damaged in listing.Damaged)
            console.MarkupLineInterpolated($"[yellow]warning:[/] run {damaged.Id} is damaged and was skipped: {damaged.Reason}");
        if (settings.Json)
        {
            Output.WriteJson(console, runs.Select(r => r.Manifest.ToView(r.Id)));
            return ExitCodes.Ok;
        }

        if (runs.Count == 0)
        {
            console.MarkupLineInterpolated($"No runs recorded in {store.Path}.");
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns("id", "command", "input", "seed", "started (UTC)", "took", "version");
        foreach (var run in runs)
        {
            var m = run.Manifest;
            table.AddRow(
                Markup.Escape(run.Id.ToString(CultureInfo.InvariantCulture)),
                Markup.Escape(m.Command),
                Markup.Escape(RunsView.Input(m)),
                Markup.Escape(m.Seed ?? ""),
                Markup.Escape(m.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
                Markup.Escape(RunsView.Took(m)),
                Markup.Escape(RunsView.ShortVersion(m.Version)));
        }

        console.Write(table);
        console.MarkupLineInterpolated($"[grey]{runs.Count} run(s) from {store.Path}[/]");
        return ExitCodes.Ok;
    }
}

/// <summary><c>statecraft runs show ID</c>: one run's manifest and result.</summary>
public sealed class RunsShowCommand(IAnsiConsole console) : Command<RunsShowSettings>
{
    public override int Execute(CommandContext context, RunsShowSettings settings, CancellationToken cancellationToken)
    {
        var store = settings.OpenStore();
        StoredRun? run;
        try
        {
            run = store.Find(settings.Id);
        }
        catch (RunStoreException e)
        {
            return Output.ReportError(console, e.Message, ExitCodes.Failure);
        }

        if (run is null) return Output.ReportError(console, $"no run {settings.Id} in {store.Path} (see `statecraft runs list`)");

        if (run.IntegrityWarning is { } warning) console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        if (settings.Json)
        {
            // The manifest, whether the result still matches its SHA-256, then the result exactly as recorded.
            var writer = console.Profile.Out.Writer;
            writer.Write("{\n\"manifest\": ");
            writer.Write(Output.ToJson(run.Manifest.ToView(run.Id)));
            writer.Write(run.Intact ? ",\n\"result_verified\": true" : ",\n\"result_verified\": false");
            writer.Write(",\n\"result\": ");
            writer.Write(run.Result);
            writer.Write("\n}\n");
            writer.Flush();
            return ExitCodes.Ok;
        }

        var m = run.Manifest;
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string name, string? value) => grid.AddRow(new Text(name, new Style(decoration: Decoration.Bold)), new Text(value ?? "—"));
        Row("run", run.Id.ToString(CultureInfo.InvariantCulture));
        Row("command", m.Command);
        Row("input", m.InputId);
        Row("input SHA-256", m.InputSha256);
        Row("seed", m.Seed);
        Row("version", m.Version);
        Row("started", m.StartedAt.ToString("O", CultureInfo.InvariantCulture));
        Row("ended", m.EndedAt.ToString("O", CultureInfo.InvariantCulture));
        foreach (var (key, value) in m.Options) Row("--" + key, value);
        Row("result SHA-256", run.ResultSha256);
        console.Write(grid);
        console.WriteLine();
        console.Profile.Out.Writer.Write(run.Result);
        console.Profile.Out.Writer.Write('\n');
        return ExitCodes.Ok;
    }
}

/// <summary><c>statecraft runs diff A B</c>: what changed in the inputs and how each answer moved.</summary>
public sealed class RunsDiffCommand(IAnsiConsole console) : Command<RunsDiffSettings>
{
    public override int Execute(CommandContext context, RunsDiffSettings settings, CancellationToken cancellationToken)
    {
        var store = settings.OpenStore();
        StoredRun? a, b;
        try
        {
            a = store.Find(settings.A);
            b = store.Find(settings.B);
        }
        catch (RunStoreException e)
        {
            return Output.ReportError(console, e.Message, ExitCodes.Failure);
        }

        var missing = new[] { (settings.A, a), (settings.B, b) }.Where(x => x.Item2 is null).Select(x => x.Item1).ToList();
        if (missing.Count > 0) return Output.ReportError(console, $"no run {string.Join(" or ", missing)} in {store.Path} (see `statecraft runs list`)");

        foreach (var run in new[] { a!, b! })
            if (run.IntegrityWarning is { } warning) console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        RunDiff diff;
        try
        {
            diff = RunDiff.Compare(a!, b!);
        }
        catch (JsonException e)
        {
            return Output.ReportError(console, $"a stored result is not valid JSON, so the runs cannot be compared (the store row is damaged): {e.Message}", ExitCodes.Failure);
        }

        if (settings.Json)
        {
            Output.WriteJson(console, diff);
            return ExitCodes.Ok;
        }

        console.MarkupLineInterpolated($"[bold]Run {diff.Before} → run {diff.After}[/]");
        if (diff.Inputs.Count == 0) console.MarkupLine("Inputs: the same (command, input, options, seed, version).");
        else
        {
            var inputs = new Table().Title("Inputs that changed").AddColumns("input", $"run {diff.Before}", $"run {diff.After}");
            foreach (var change in diff.Inputs) inputs.AddRow(new Text(change.Field), new Text(change.Before ?? "—"), new Text(change.After ?? "—"));
            console.Write(inputs);
        }

        if (diff.Answers.Count == 0)
        {
            console.MarkupLineInterpolated($"Results: identical ({diff.AnswersCompared} values compared).");
            return ExitCodes.Ok;
        }

        // The answers first; their details (drivers, flip points, rounds) after, up to a screenful.
        var ordered = diff.Answers.Where(a => a.Key).Concat(diff.Answers.Where(a => !a.Key)).ToList();
        var keys = diff.Answers.Count(a => a.Key);
        var answers = new Table().Title($"Values that moved: {diff.Answers.Count} of {diff.AnswersCompared}, {keys} of them answers")
            .AddColumns("answer", $"run {diff.Before}", $"run {diff.After}", "change");
        var shown = Math.Max(keys, 40);
        foreach (var change in ordered.Take(shown))
        {
            answers.AddRow(
                new Text(change.Path),
                new Text(Shorten(change.Before) ?? "—"),
                new Text(Shorten(change.After) ?? "—"),
                new Text(change.Delta is { } d ? d.ToString("+0.####;-0.####;0", CultureInfo.InvariantCulture) : ""));
        }

        console.Write(answers);
        if (diff.Answers.Count > shown)
            console.MarkupLineInterpolated($"[grey]... and {diff.Answers.Count - shown} more details (drivers, flip points, rounds); `--json` lists them all.[/]");
        return ExitCodes.Ok;
    }

    private static string? Shorten(string? text) => text is { Length: > 80 } ? text[..77] + "..." : text;
}

internal static class RunsView
{
    public static string Input(RunManifest m) =>
        m.InputId is null ? "" : m.InputSha256 is null ? m.InputId : $"{m.InputId} {m.InputSha256[..Math.Min(8, m.InputSha256.Length)]}";

    /// <summary>"0.1.0+abcdef1234..." → "0.1.0+abcdef1": the build's commit, short enough for a table.</summary>
    public static string ShortVersion(string version) =>
        version.IndexOf('+', StringComparison.Ordinal) is var plus and >= 0 && version.Length > plus + 8 ? version[..(plus + 8)] : version;

    public static string Took(RunManifest m)
    {
        var seconds = (m.EndedAt - m.StartedAt).TotalSeconds;
        return seconds.ToString(seconds < 10 ? "0.00" : "0", CultureInfo.InvariantCulture) + " s";
    }

}
