using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Statecraft.Cli.Infrastructure;
using Statecraft.Core.Forecasting;
using Statecraft.Store;

namespace Statecraft.Cli.Commands;

public sealed class ScoreSettings : RunStoreSettings
{
}

/// <summary>
/// <c>statecraft score</c>: the ledger's forecasts scored against their resolutions: Brier and log
/// scores per question and overall, CRPS for numeric questions, skill against the base rate and
/// against always 50%, sharpness, the calibration table, and the same per model.
/// </summary>
public sealed class ScoreCommand(IAnsiConsole console) : Command<ScoreSettings>
{
    public override int Execute(CommandContext context, ScoreSettings settings, CancellationToken cancellationToken)
    {
        var store = settings.OpenStore();
        ScoreReport report;
        try
        {
            report = Scoreboard.Score(store.Forecasts(), store.Resolutions());
        }
        catch (RunStoreException e)
        {
            return Output.ReportError(console, e.Message, ExitCodes.Failure);
        }

        var view = LedgerViews.ToView(report);
        if (settings.Json)
        {
            Output.WriteJson(console, view);
            return ExitCodes.Ok;
        }

        console.MarkupLineInterpolated($"[bold]Forecast scores[/] from {store.Path}: {view.Forecasts} question(s) forecast in {view.Records} record(s), {view.Resolved} resolved");
        foreach (var note in view.Notes) console.MarkupLineInterpolated($"[grey]note: {note}[/]");
        if (view.Resolved == 0)
        {
            console.MarkupLine("Nothing to score yet: record what happened with `statecraft resolve QUESTION yes|no --date D --source TEXT` or `resolve --file`.");
            return ExitCodes.Ok;
        }

        var questions = new Table().Title("Headline forecasts").AddColumns("Question", "By", "Forecast", "Outcome", "Brier", "Log score", "Base rate", "Base rate's score");
        foreach (var q in view.Questions)
            questions.AddRow(q.Id, q.Forecaster, q.P is { } p ? N(p) : q.Median is { } m ? "median " + N(m) : "—", q.Outcome,
                N(q.Brier ?? q.Crps ?? q.CategoricalBrier), N(q.LogScore), N(q.BaseRate), N(q.BaseRateScore));
        console.Write(questions);

        var models = new Table().Title("Scores (binary: Brier and log score; numeric: CRPS)")
            .AddColumns("Forecaster", "Resolved", "Brier", "Log score", "Skill vs base rate", "Skill vs 50%", "Sharpness", "CRPS", "CRPS skill vs base rate");
        void Row(string name, int resolved, double? brier, double? log, double? skillBase, double? skillEven, double? sharp, double? crps, double? crpsSkill) =>
            models.AddRow(name, resolved.ToString(CultureInfo.InvariantCulture), N(brier), N(log), N(skillBase), N(skillEven), N(sharp), N(crps), N(crpsSkill));
        Row("headline", view.Resolved, view.Brier, view.LogScore, view.SkillVsBaseRate, view.SkillVsEven, view.Sharpness, view.Crps, view.CrpsSkillVsBaseRate);
        foreach (var m in view.Models)
            Row(m.Model, m.Resolved, m.Brier, m.LogScore, m.SkillVsBaseRate, m.SkillVsEven, m.Sharpness, m.Crps, m.CrpsSkillVsBaseRate);
        console.Write(models);

        if (view.Calibration.Count > 0)
        {
            var calibration = new Table().Title("Calibration (headline, binary): do events forecast at p happen p of the time?")
                .AddColumns("Bin", "Forecasts", "Mean p", "Happened");
            foreach (var b in view.Calibration)
                calibration.AddRow($"{N(b.Bin[0])}-{N(b.Bin[1])}", b.N.ToString(CultureInfo.InvariantCulture), N(b.MeanP), N(b.Frequency));
            console.Write(calibration);
        }

        return ExitCodes.Ok;
    }

    private static string N(double? x) => x is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "—";
}
