using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Statecraft.Cli.Infrastructure;
using Statecraft.Core.Domain;
using Statecraft.Core.Scenarios.Analysis;
using Statecraft.Core.Watch;
using Statecraft.Io.Models;
using Statecraft.Io.Scenarios;

namespace Statecraft.Cli.Commands;

/// <summary>
/// <c>statecraft watch SCENARIO EVENTS...</c>: for each question of the scenario, which coded events bear on
/// the inputs its answer rests on (its flip points and drivers), which way they push each input and how far,
/// each event linked to its document and sentence. The mapping from events to inputs is
/// <see cref="EventBearings"/> (docs/events.md, "Watching a scenario").
/// </summary>
internal sealed class WatchCommand(IAnsiConsole console) : Command<WatchCommand.Settings>
{
    public const string BuiltIn = "built-in";

    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SCENARIO>")]
        [Description("Scenario YAML file, or built-in for the South Caucasus scenario")]
        public string Scenario { get; init; } = "";

        [CommandArgument(1, "<EVENTS>")]
        [Description("Event CSVs (ingest --csv, CAMEO or PLOVER) or any input ingest reads; texts are coded with the built-in dictionaries and dated with the scenario's date")]
        public string[] Events { get; init; } = [];

        [CommandOption("--since <DATE>")]
        [Description("Only events dated on or after DATE (YYYY-MM-DD)")]
        public string? Since { get; init; }

        [CommandOption("--samples <N>")]
        [Description("Monte Carlo draws per question for the drivers and flip points")]
        [DefaultValue(AnalysisOptions.DefaultSamples)]
        public int Samples { get; init; } = AnalysisOptions.DefaultSamples;

        [CommandOption("--seed <S>")]
        [Description("Master random seed; the same seed gives the same bytes")]
        [DefaultValue(AnalysisOptions.DefaultSeed)]
        public ulong Seed { get; init; } = AnalysisOptions.DefaultSeed;

        [CommandOption("--json")]
        [Description("Write the watch as JSON")]
        public bool Json { get; init; }
    }

    internal sealed record WatchOutput(string Scenario, string Date, string? Since, int EventsRead, IReadOnlyList<QuestionJson> Questions);

    internal sealed record QuestionJson(string Id, string Text, double Answer, string Unit, string Verdict, int Events, IReadOnlyList<InputJson> Inputs);

    internal sealed record InputJson(string Input, string Label, string Role, double? Baseline, double? FlipAt, int Events, double NetPush,
        double? TowardFlip, double? AwayFromFlip, IReadOnlyList<PushMonth> Months, IReadOnlyList<EvidenceJson> Evidence);

    internal sealed record EvidenceJson(string? Date, string Source, string Target, string Code, string? Mode, double Push, string Doc, int Sentence, string Span, string Text, string Why);

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var since = OptionValues.Date(settings.Since, "--since", problems);

        if (settings.Samples < 1 || Limits.Current.Check("samples", settings.Samples, "", "--samples") is not null)
            problems.Add(new Problem("", "--samples", $"expected a whole number from 1 to {Limits.Current.Samples}, found {settings.Samples}"));
        if (settings.Events.Length == 0) problems.Add(new Problem("", "EVENTS", "no event file"));
        if (problems.Count > 0) return Output.ReportProblems(console, problems);

        var loaded = settings.Scenario == BuiltIn
            ? ScenarioLoader.Load(AnalyzeCommand.BuiltInText(), $"{AnalyzeCommand.BuiltInName} (built in)")
            : ScenarioLoader.LoadFile(settings.Scenario);
        if (!loaded.Success) return Output.ReportProblems(console, loaded.Problems);
        var scenario = loaded.Value.Scenario;
        var events = TimelineTrends.Load(settings.Events, scenario.Date);
        if (!events.Success) return Output.ReportProblems(console, events.Problems);

        var result = QuestionEngine.Analyze(scenario, [], new AnalysisOptions(settings.Samples, settings.Seed, EnsembleWeightsFile.BuiltIn), null, cancellationToken);
        var watch = Watchlist.Build(result, events.Value, since);
        var output = new WatchOutput(scenario.Id, scenario.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), events.Value.Count, [.. watch.Select(ToJson)]);
        if (settings.Json) Output.WriteJson(console, output);
        else Write(output);
        return ExitCodes.Ok;
    }

    private static QuestionJson ToJson(QuestionWatch q) => new(q.Id, q.Text, q.Value, q.Unit, q.Verdict, q.Events,
        [.. q.Inputs.Select(i => new InputJson(i.Input, i.Label, i.IsFlipPoint && i.IsDriver ? "flip point, driver" : i.IsFlipPoint ? "flip point" : "driver",
            i.Baseline, i.FlipAt, i.Events, i.NetPush, i.FlipDirection == 0 ? null : i.TowardFlip, i.FlipDirection == 0 ? null : i.AwayFromFlip, i.Months,
            [.. i.Evidence.Select(b => new EvidenceJson(b.Event.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), b.Event.Source, b.Event.Target,
                b.Event.Code, b.Event.Mode, Math.Round(b.Push, 6), b.Event.Doc, b.Event.Sentence, b.Event.Span, b.Event.Text, b.Why))]))]);

    private void Write(WatchOutput w)
    {
        console.MarkupLineInterpolated($"[bold]Watching {w.Scenario}[/] (dated {w.Date}): {w.EventsRead} events read{(w.Since is null ? "" : $", those from {w.Since} on")}");
        foreach (var q in w.Questions)
        {
            console.WriteLine();
            console.MarkupLineInterpolated($"[bold]{q.Id}[/]: {q.Text}");
            console.MarkupLineInterpolated($"  answer {N(q.Answer)} {q.Unit}: {q.Verdict}");
            if (q.Inputs.Count == 0) console.MarkupLine("  [grey]no drivers or flip points to watch[/]");
            foreach (var i in q.Inputs)
            {
                var where = i.FlipAt is { } f ? $", now {N(i.Baseline ?? 0)}, flips at {N(f)}" : i.Role.Contains("flip", StringComparison.Ordinal) ? ", never flips the answer alone" : "";
                var moved = i.Events == 0 ? "no events bear on it"
                    : $"{i.Events} events, net push {Signed(i.NetPush)}" + (i.TowardFlip is { } t ? $" ({N(t)} toward the flip, {N(i.AwayFromFlip ?? 0)} away)" : "");
                console.MarkupLineInterpolated($"  {i.Role}: {i.Label}{where} — {moved}");
                foreach (var e in i.Evidence)
                    console.MarkupLineInterpolated($"    {e.Date ?? "undated"} {e.Source} -> {e.Target} {e.Code}{(e.Mode is null ? "" : ":" + e.Mode)} push {Signed(e.Push)}  {e.Doc}:{e.Sentence} \"{e.Span}\"");
            }
        }
    }

    private static string N(double x) => UncertaintyOutput.N(x, "0.###");

    private static string Signed(double x) => (x > 0 ? "+" : "") + N(x);
}
