using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Statecraft.Cli.Infrastructure;
using Statecraft.Core.Domain;
using Statecraft.Core.DyadYears;
using Statecraft.Core.Forecasting;
using Statecraft.Core.Validation;
using Statecraft.Io.Datasets;
using Statecraft.Io.Models;

namespace Statecraft.Cli.Commands;

public sealed class ValidateConflictSettings : CommandSettings
{
    [CommandOption("--json")]
    [Description("Machine-readable JSON: counts, necessary_condition, models")]
    public bool Json { get; init; }

    [CommandOption("--alliances <SOURCE>")]
    [Description("Alliance data: atop (default; covers 1816-2014) or cow (ends 2012: the test years stop there)")]
    public string Alliances { get; init; } = "atop";

    [CommandOption("--threads <T>")]
    [Description("Threads (default: all cores); the results do not depend on it")]
    public int? Threads { get; init; }

    [CommandOption("--data <DIR>")]
    [Description("The conflict datasets folder (default: data/conflict)")]
    public string? Data { get; init; }

    [CommandOption("--model-out <FILE>")]
    [Description("Also fit every model on all years 1816-2014 and write the coefficients (the file analyze ships: data/models/dispute-models.json)")]
    public string? ModelOut { get; init; }
}

internal sealed record CountsJson(int[] Years, long All, long PoliticallyRelevant, long LandOrMajor, long AnyContiguityOrMajor, long? BennettStamAll, long? BennettStamRelevant);

internal sealed record ShareJson(long Count, long EuNonNegative, double Share);

internal sealed record NecessaryJson(string Spec, string Population, int[] Years, ShareJson WarInitiators, ShareJson MidInitiators, ShareJson DyadYears);

internal sealed record BinJson(double Low, double High, int Count, double MeanProbability, double Frequency);

internal sealed record FoldJson(int[] Train, int[] Test, int Rows, int Events, double? Auc, double Brier, double LogLoss);

internal sealed record ValidatedModelJson(
    string Name,
    string? Spec,
    IReadOnlyList<string> Features,
    int[] Train,
    int[] Test,
    int TrainRows,
    int TestRows,
    int TestEvents,
    double? Auc,
    double Brier,
    double LogLoss,
    IReadOnlyList<BinJson> Calibration,
    IReadOnlyList<double> Coefficients,
    IReadOnlyList<FoldJson>? Folds);

internal sealed record ComparisonJson(string Model, string Reference, double LogLossDifference, double StandardError, bool Distinguishable);

internal sealed record ValidationJson(
    string Outcome,
    string Alliances,
    int SampleRows,
    int SampleEvents,
    IReadOnlyList<CountsJson> Counts,
    IReadOnlyList<NecessaryJson> NecessaryCondition,
    IReadOnlyList<ValidatedModelJson> Models,
    IReadOnlyList<ComparisonJson> Comparisons,
    IReadOnlyList<string> OpenModels);

/// <summary>
/// <c>statecraft validate conflict</c>: the War Trap expected utility tried on two centuries of
/// militarized disputes (docs/validation/conflict.md).
/// </summary>
public sealed class ValidateConflictCommand(IAnsiConsole console) : Command<ValidateConflictSettings>
{
    // Bennett and Stam (2000, ISQ 44:451-480): directed dyad-years 1816-1984, all and politically relevant.
    private const long BennettStamAll = 805_439;
    private const long BennettStamRelevant = 122_712;

    public override int Execute(CommandContext context, ValidateConflictSettings settings, CancellationToken cancellationToken)
    {
        var loaded = ConflictDataInput.Load(settings.Alliances, settings.Threads, settings.Data);
        if (!loaded.Success) return Output.ReportProblems(console, loaded.Problems);
        var builder = loaded.Value;

        var threads = settings.Threads ?? Environment.ProcessorCount;
        var last = Math.Min(builder.Years.Last, builder.Data.CowDisputeYears.Last);
        var options = ConflictValidationOptions.Default with { Test = ConflictValidationOptions.Default.Test with { Last = last }, Threads = threads };
        var progress = settings.Json || Console.IsErrorRedirected ? null : new Progress<string>(m => Console.Error.WriteLine($"  {m} ..."));
        var result = ConflictValidation.Run(builder, options, progress: progress);
        var json = ToJson(result, settings.Alliances);

        if (settings.ModelOut is not null)
        {
            var span = new YearSpan(options.Train.First, last);
            var sample = DisputeSample.Build(builder, ConflictSpec.All, span, threads);
            var set = DisputeModelSet.Fit(sample, span, settings.Alliances, ConflictDataFiles.Versions(builder.Data.AllianceSource),
                $"statecraft validate conflict --alliances {settings.Alliances} --model-out {settings.ModelOut}", result.OpenModels, result.BestEuSpec);
            try
            {
                File.WriteAllText(settings.ModelOut, DisputeModelFile.ToJson(set));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return Output.ReportError(console, $"--model-out {settings.ModelOut}: cannot write: {e.Message}", ExitCodes.Failure);
            }
        }

        if (settings.Json) Output.WriteJson(console, json);
        else Write(json);
        return ExitCodes.Ok;
    }

    private static ValidationJson ToJson(ConflictValidationResult r, string alliances) => new(
        DisputeModelSet.OutcomeText,
        alliances,
        r.SampleRows,
        r.SampleEvents,
        r.Counts.Select(c => new CountsJson([c.Years.First, c.Years.Last], c.All, c.Relevant, c.LandOrMajor, c.AnyContiguityOrMajor,
            c.Years.Last == 1984 ? BennettStamAll : null, c.Years.Last == 1984 ? BennettStamRelevant : null)).ToArray(),
        r.NecessaryConditions.Select(n => new NecessaryJson(n.Spec, n.Population, [n.Years.First, n.Years.Last],
            Share(n.WarInitiators), Share(n.MidInitiators), Share(n.DyadYears))).ToArray(),
        r.Models.Select(m => new ValidatedModelJson(m.Name, m.Spec, m.Features, [m.Train.First, m.Train.Last], [m.Test.First, m.Test.Last],
            m.TrainRows, m.TestRows, m.TestEvents, m.Auc, m.Brier, m.LogLoss,
            m.Calibration.Select(b => new BinJson(b.Low, b.High, b.Count, b.MeanProbability, b.Frequency)).ToArray(),
            m.Coefficients,
            m.Folds.Count == 0 ? null : m.Folds.Select(f => new FoldJson([f.Train.First, f.Train.Last], [f.Test.First, f.Test.Last], f.Rows, f.Events, f.Auc, f.Brier, f.LogLoss)).ToArray()))
            .ToArray(),
        r.Comparisons.Select(c => new ComparisonJson(c.Model, c.Reference, c.Difference, c.StandardError, c.Distinguishable)).ToArray(),
        r.OpenModels);

    private static ShareJson Share(EuShare s) => new(s.Count, s.NonNegative, s.Share);

    private void Write(ValidationJson json)
    {
        console.MarkupLineInterpolated($"[bold]War Trap on history[/]: {json.SampleRows:N0} politically relevant directed dyad-years without a continuing dispute, {json.SampleEvents:N0} initiations with force ({json.Alliances} alliances)");
        var counts = new Table().Border(TableBorder.Rounded).Title("Directed dyad-years");
        foreach (var c in new[] { "years", "all", "relevant (contiguity 1-4 or major)", "land or major", "contiguity 1-5 or major", "Bennett & Stam all", "Bennett & Stam relevant" })
            counts.AddColumn(new TableColumn(c).RightAligned());
        foreach (var c in json.Counts)
            counts.AddRow($"{c.Years[0]}-{c.Years[1]}", N(c.All), N(c.PoliticallyRelevant), N(c.LandOrMajor), N(c.AnyContiguityOrMajor),
                c.BennettStamAll is { } a ? N(a) : "", c.BennettStamRelevant is { } b ? N(b) : "");
        console.Write(counts);

        var nc = new Table().Border(TableBorder.Rounded).Title("Necessary condition: share with EU >= 0");
        foreach (var c in new[] { "specification", "population", "war initiators", "MID initiators (force)", "all in the population" })
            nc.AddColumn(c);
        foreach (var n in json.NecessaryCondition)
            nc.AddRow(n.Spec, n.Population, ShareText(n.WarInitiators), ShareText(n.MidInitiators), ShareText(n.DyadYears));
        console.Write(nc);

        var models = new Table().Border(TableBorder.Rounded).Title("Out of sample: MID initiation with force");
        foreach (var c in new[] { "model", "train", "test", "rows", "events", "AUC", "Brier", "log loss" })
            models.AddColumn(new TableColumn(c).RightAligned());
        foreach (var m in json.Models)
            models.AddRow(Markup.Escape(m.Name), $"{m.Train[0]}-{m.Train[1]}", $"{m.Test[0]}-{m.Test[1]}", N(m.TestRows), N(m.TestEvents),
                m.Auc is { } auc ? auc.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a",
                m.Brier.ToString("0.000000", CultureInfo.InvariantCulture), m.LogLoss.ToString("0.000000", CultureInfo.InvariantCulture));
        console.Write(models);
        var comparisons = new Table().Border(TableBorder.Rounded).Title("Log loss, paired on the test rows, standard errors clustered by year (negative: the model predicts better)");
        foreach (var c in new[] { "model", "against", "difference", "standard error", "told apart?" })
            comparisons.AddColumn(c);
        foreach (var c in json.Comparisons)
            comparisons.AddRow(Markup.Escape(c.Model), Markup.Escape(c.Reference), c.LogLossDifference.ToString("+0.000000;-0.000000", CultureInfo.InvariantCulture),
                c.StandardError.ToString("0.000000", CultureInfo.InvariantCulture), c.Distinguishable ? "yes" : "no");
        console.Write(comparisons);
        console.MarkupLineInterpolated($"Models history cannot tell from the best: {string.Join(", ", json.OpenModels)}");
        console.MarkupLine("[grey]docs/validation/conflict.md explains the sample, the models and the figures; --json for every number.[/]");
    }

    private static string N(long x) => x.ToString("N0", CultureInfo.InvariantCulture);

    private static string ShareText(ShareJson s) => $"{(100 * s.Share).ToString("0.0", CultureInfo.InvariantCulture)}% of {N(s.Count)}";
}
