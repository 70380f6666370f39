using Statecraft.Core.Forecasting;
using Statecraft.Core.Reporting;
using Statecraft.Core.Scenarios.Analysis;

namespace Statecraft.Cli.Commands;

/// <summary>
/// The one seam through which forecasts of dated events reach the report's key judgements: every
/// binary forecast question linked to an analysis question, forecast as <c>statecraft forecast</c>
/// does but with the analysis's own samples, seed and weights. A judgement on a question that a dated
/// event names states that event's probability; the others, their own.
/// </summary>
internal static class ReportForecasts
{
    public static IReadOnlyList<DatedEvent> DatedEvents(AnalysisResult result, CancellationToken cancellationToken = default)
    {
        var s = result.Scenario;
        if (s.Forecasts.Count == 0) return [];
        var evidence = ModelEvidence.FromModels(s, result.Options, cancellationToken);
        return Forecaster.Forecast(s, evidence)
            .Where(f => f.Question.Model is not null && f.Headline.Prediction.P is not null)
            .Select(f => new DatedEvent(f.Question.Id, f.Question.Text, f.Deadline, f.Headline.Prediction.P!.Value, f.Question.Model!.Questions, Forecaster.SourceOf(f)))
            .ToArray();
    }
}
