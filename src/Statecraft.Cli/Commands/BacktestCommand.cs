using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Statecraft.Cli.Infrastructure;
using Statecraft.Core.Ensemble;
using Statecraft.Core.Forecasting.Backtests;
using Statecraft.Io.Deu;

namespace Statecraft.Cli.Commands;

public sealed class BacktestDeuSettings : StoredRunSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("DEU-layout file with the Commission ('pcom'), the reference point ('rp') and the outcome ('out'), e.g. ../shared/reference/deu/deu3_public.tsv")]
    public string File { get; init; } = "";

    [CommandOption("--json")]
    [Description("Write the scores and every case's probabilities as JSON.")]
    public bool Json { get; init; }
}

/// <summary>
/// <c>statecraft backtest deu FILE</c>: every DEU issue asked as a binary question (does the outcome
/// fall on the Commission's side of the midpoint?), each bargaining model's probability from its
/// forecast plus its out-of-sample errors, scored like the ledger (docs/forecasting.md, "Backtests").
/// </summary>
public sealed class BacktestDeuCommand(IAnsiConsole console) : Command<BacktestDeuSettings>
{
    public override int Execute(CommandContext context, BacktestDeuSettings settings, CancellationToken cancellationToken)
    {
        var data = DeuReader.Read(settings.File);
        if (!data.Success) return Output.ReportProblems(console, data.Problems);
        var (evaluation, _) = Evaluation.Run(data.Value, settings.File, new CalibrationProvenance("backtest", "", ""));
        var issues = data.Value.Issues.ToDictionary(i => i.Id);
        // The ensemble is scored on its own out-of-sample predictive distribution, not its median plus errors.
        var (withOutcomes, _) = DeuIssues.WithOutcomes(data.Value);
        var ensemble = EnsembleCalibration.LeaveOneOutDistributions(EnsembleCalibration.Cases(withOutcomes.Select(c => (c.Id, c.Issue, c.Outcome))))
            .ToDictionary(x => x.Case.Id, x => x.Predictive);
        var cases = evaluation.Issues.Select(e => new Core.Forecasting.Backtests.DeuCase(e.Id, e.Outcome,
            issues[e.Id].Stances.FirstOrDefault(s => s.Actor == "com")?.Position, issues[e.Id].ReferencePoint, e.Forecasts,
            ensemble.TryGetValue(e.Id, out var d) ? new Dictionary<string, PredictiveDistribution> { [Evaluation.EnsembleName] = d } : null)).ToArray();
        var report = DeuBacktest.Run(cases, evaluation.Models.ToDictionary(m => m.Model, m => m.Description));
        var json = Output.ToJson(report);
        if (settings.Json) Output.WriteJson(console, report);
        else Write(report, settings.File);
        return RunsRecording.Record(console, "backtest deu", settings, json);
    }

    private void Write(DeuBacktestReport report, string file)
    {
        console.MarkupLineInterpolated($"[bold]DEU backtest[/] on {file}: {report.Issues} issue(s) with an outcome");
        foreach (var q in report.Questions)
        {
            console.WriteLine();
            console.MarkupLineInterpolated($"[bold]{q.Id}[/]: {q.Question}");
            console.MarkupLineInterpolated($"{q.Cases} issue(s) asked; yes in {q.Events} ({Percent(q.Events, q.Cases)}).");
            foreach (var note in q.Notes) console.MarkupLineInterpolated($"[grey]note: {note}[/]");
            BacktestTables.Write(console, q.Models);
        }

        console.WriteLine();
        console.MarkupLine("[bold]Both questions pooled[/]");
        BacktestTables.Write(console, report.Pooled);
    }

    private static string Percent(int k, int n) => n == 0 ? "—" : ((double)k / n).ToString("0%", CultureInfo.InvariantCulture);
}

/// <summary>The terminal view of backtest scores, shared by every backtest.</summary>
internal static class BacktestTables
{
    public static void Write(IAnsiConsole console, IReadOnlyList<BacktestScore> models)
    {
        var table = new Table().AddColumns("Model", "Cases", "Brier", "Base rate's", "Skill vs base rate", "Skill vs 50%", "Log score", "AUC", "Sharpness");
        foreach (var m in models)
            table.AddRow(m.Model, m.Cases.ToString(CultureInfo.InvariantCulture), N(m.Brier), N(m.BaseRateBrier), N(m.SkillVsBaseRate), N(m.SkillVsEven),
                N(m.LogScore), N(m.Auc), N(m.Sharpness));
        console.Write(table);
        console.MarkupLine("[grey]Brier: 0 perfect, 0.25 always saying 50%. Skill: 1 − Brier / reference Brier; above 0 beats the reference. Calibration tables: --json.[/]");
    }

    private static string N(double? x) => x is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "—";
}
