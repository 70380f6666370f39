using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Statecraft.Cli.Infrastructure;
using Statecraft.Core.Conflict;
using Statecraft.Core.Domain;
using Statecraft.Core.DyadYears;
using Statecraft.Io.Datasets;

namespace Statecraft.Cli.Commands;

public sealed class DyadsSettings : CommandSettings
{
    [CommandOption("--from <YEAR>")]
    [Description("First year (default: the first year the data share, 1816)")]
    public int? From { get; init; }

    [CommandOption("--to <YEAR>")]
    [Description("Last year (default: the last year the state, capability and alliance data share: 2012 with COW alliances, 2016 with ATOP)")]
    public int? To { get; init; }

    [CommandOption("--relevant")]
    [Description("Politically relevant dyads only: contiguous by land or up to 150 miles of water, or either side a major power")]
    public bool Relevant { get; init; }

    [CommandOption("--all")]
    [Description("Every directed dyad of system members (the default)")]
    public bool All { get; init; }

    [CommandOption("--alliances <SOURCE>")]
    [Description("Alliance data: atop (ATOP v5, 1815-2018; the default) or cow (COW Formal Alliances v4.1, 1816-2012, as EUGene)")]
    public string Alliances { get; init; } = "atop";

    [CommandOption("--measure <MEASURE>")]
    [Description("Alliance-portfolio similarity for War Trap: tau_b (default), s, weighted_s")]
    public string Measure { get; init; } = "tau_b";

    [CommandOption("--third-parties <RULE>")]
    [Description("War Trap third parties: region (the target's home region plus major powers; default), dyad (both home regions plus major powers), all")]
    public string ThirdParties { get; init; } = "region";

    [CommandOption("--format <FORMAT>")]
    [Description("csv or parquet (default: parquet when --out ends in .parquet, else csv)")]
    public string? Format { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("Output file (default: CSV on standard output; Parquet needs a file)")]
    public string? Out { get; init; }

    [CommandOption("--threads <T>")]
    [Description("Years built in parallel (default: all cores); the output is the same byte for byte")]
    public int? Threads { get; init; }

    [CommandOption("--data <DIR>")]
    [Description("The conflict datasets folder (default: data/conflict above the program or the working directory)")]
    public string? Data { get; init; }
}

/// <summary>
/// <c>statecraft dyads</c>: directed dyad-years with capabilities, contiguity, distance, alliances,
/// similarity, War Trap EU, disputes, wars and peace years (docs/dyads.md), as CSV or Parquet. Progress
/// goes to the terminal's standard error, so standard output stays a clean CSV.
/// </summary>
public sealed class DyadsCommand(IAnsiConsole console) : Command<DyadsSettings>
{
    public override int Execute(CommandContext context, DyadsSettings settings, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        if (settings.Relevant && settings.All) problems.Add(new Problem("", "--relevant", "give --relevant or --all, not both"));
        var source = settings.Alliances switch { "cow" => AllianceSource.Cow, "atop" => AllianceSource.Atop, _ => (AllianceSource?)null };
        if (source is null) problems.Add(new Problem("", "--alliances", $"expected cow or atop, found '{settings.Alliances}'"));
        if (!SimilarityMeasures.TryParse(settings.Measure, out var measure))
            problems.Add(new Problem("", "--measure", $"expected {SimilarityMeasures.Expected}, found '{settings.Measure}'"));
        if (!Regions.TryParse(settings.ThirdParties, out var rule))
            problems.Add(new Problem("", "--third-parties", $"expected region, dyad or all, found '{settings.ThirdParties}'"));
        var format = settings.Format ?? (settings.Out?.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) == true ? "parquet" : "csv");
        if (format is not ("csv" or "parquet")) problems.Add(new Problem("", "--format", $"expected csv or parquet, found '{format}'"));
        if (format == "parquet" && settings.Out is null) problems.Add(new Problem("", "--out", "Parquet is binary: give a file with --out"));
        if (settings.Threads is < 1) problems.Add(new Problem("", "--threads", $"expected a whole number >= 1, found {settings.Threads}"));
        if (problems.Count > 0) return Output.ReportProblems(console, problems);

        var directory = settings.Data ?? ConflictDataFiles.FindDirectory();
        if (directory is null)
            return Output.ReportProblems(console, [new Problem("", "--data", "the conflict datasets (data/conflict) were not found; give --data DIR or set STATECRAFT_DATA")]);
        var data = ConflictDataFiles.Load(directory, source!.Value).Then(DyadYearBuilder.Create);
        if (!data.Success) return Output.ReportProblems(console, data.Problems);
        var builder = data.Value;

        var options = new DyadYearOptions(
            settings.From ?? builder.Years.First,
            settings.To ?? builder.Years.Last,
            settings.Relevant,
            measure,
            rule,
            settings.Threads ?? Environment.ProcessorCount,
            Risk: true);
        var optionProblems = builder.Check(options);
        if (optionProblems.Count > 0) return Output.ReportProblems(console, optionProblems);

        try
        {
            var rows = Write(settings, format, builder, options, cancellationToken);
            if (settings.Out is not null)
                console.MarkupLineInterpolated($"{rows:N0} directed dyad-years {options.From}-{options.To} written to {settings.Out}");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Output.ReportError(console, $"--out {settings.Out}: cannot write: {e.Message}", ExitCodes.Failure);
        }
    }

    private long Write(DyadsSettings settings, string format, DyadYearBuilder builder, DyadYearOptions options, CancellationToken ct)
    {
        var blocks = builder.Build(options).Select(b =>
        {
            ct.ThrowIfCancellationRequested();
            return b;
        });
        var years = options.To - options.From + 1;
        return WithProgress(years, options, done =>
        {
            if (settings.Out is null) return DyadYearFile.WriteCsv(console.Profile.Out.Writer, blocks, done);
            using var stream = File.Create(settings.Out);
            if (format == "parquet") return DyadYearFile.WriteParquet(stream, blocks, done);
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
            return DyadYearFile.WriteCsv(writer, blocks, done);
        });
    }

    // A progress bar on standard error when a person watches it; nothing when it is redirected (tests, pipes).
    private static long WithProgress(int years, DyadYearOptions options, Func<Action<DyadYearBlock>?, long> write)
    {
        if (Console.IsErrorRedirected) return write(null);
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        long rows = 0;
        terminal.Progress().AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"Directed dyad-years {options.From}-{options.To}", maxValue: years);
                rows = write(block =>
                {
                    task.Increment(1);
                    task.Description = $"Directed dyad-years {options.From}-{options.To}: {block.Year}";
                });
            });
        return rows;
    }
}
