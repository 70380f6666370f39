using Statecraft.Core.Reporting;
using Statecraft.Core.Scenarios.Analysis;

namespace Statecraft.Cli.Commands;

/// <summary>
/// The one seam through which forecasts of dated events reach the report's key judgements. A
/// judgement on a question that a dated event names states that event's probability; the others,
/// the share of Monte Carlo draws. Until the scenario's resolvable questions are forecast here
/// (statecraft forecast), there are none.
/// </summary>
internal static class ReportForecasts
{
    public static IReadOnlyList<DatedEvent> DatedEvents(AnalysisResult result) => [];
}
