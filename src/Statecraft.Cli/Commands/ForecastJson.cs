using System.Text.Json.Serialization;
using Statecraft.Core.Forecasting;
using Statecraft.Core.Scenarios;
using Statecraft.Core.Scenarios.Analysis;
using Statecraft.Io.Models;

namespace Statecraft.Cli.Commands;

/// <summary>
/// The JSON contract of <c>statecraft forecast --json</c> (docs/forecasting.md):
/// <c>{"scenario":{...}, "forecasts":[{"id", "question", "kind", "p", "term", "base_rate", "deadline", "made_at", "drivers", ...}]}</c>.
/// A binary question has <c>p</c>, <c>term</c> and a numeric <c>base_rate</c>; a numeric one a
/// <c>distribution</c> and a distribution as base rate; a categorical one <c>probabilities</c>.
/// </summary>
public sealed record ForecastJson(AnalyzeJson.ScenarioRef Scenario, IReadOnlyList<ForecastJson.Item> Forecasts)
{
    public sealed record Resolution(string Criterion, string Deadline, string DecidedBy);

    /// <summary>What the ledger keeps of a forecast beside its probability.</summary>
    public sealed record LedgerDetail(Resolution Resolution, string? Term, string? ModelNote, string? Unit, IReadOnlyList<ForecastDriver> Drivers);

    public sealed record Distribution(double Median, double P05, double P25, double P75, double P95);

    public sealed record ForecasterJson(string Forecaster, double? P, Distribution? Distribution, IReadOnlyDictionary<string, double>? Probabilities);

    public sealed record Item(
        string Id,
        string Question,
        string Kind,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? P,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Term,
        Distribution? Distribution,
        IReadOnlyDictionary<string, double>? Probabilities,
        object BaseRate,
        string Deadline,
        string MadeAt,
        string Forecaster,
        IReadOnlyList<ForecasterJson> Forecasters,
        string? ModelNote,
        Resolution Resolution,
        IReadOnlyList<ForecastDriver> Drivers,
        string? Unit)
    {
        /// <summary>A numeric or categorical forecast in a few words, for tables.</summary>
        [JsonIgnore]
        public string Summary { get; init; } = "";

        [JsonIgnore]
        public string BaseRateSummary { get; init; } = "";
    }

    public static ForecastJson From(Scenario scenario, string sha256, IReadOnlyList<QuestionForecast> forecasts) => new(
        new AnalyzeJson.ScenarioRef(scenario.Id, sha256, scenario.Header.Title, Date(scenario.Date), Core.Elicitation.ExpertPooling.Name(scenario.Header.Aggregation)),
        forecasts.Select(f =>
        {
            var q = f.Question;
            var headline = f.Headline.Prediction;
            return new Item(
                q.Id,
                q.Text,
                ResolvableQuestion.KindName(q.Kind),
                headline.P,
                f.Term,
                DistributionOf(headline),
                ProbabilitiesOf(headline),
                (object?)q.BaseRate.Prediction.P ?? (object?)DistributionOf(q.BaseRate.Prediction) ?? ProbabilitiesOf(q.BaseRate.Prediction)!,
                Date(f.Deadline),
                Date(f.MadeAt),
                f.Headline.Forecaster,
                f.Predictions.Select(p => new ForecasterJson(p.Forecaster, p.Prediction.P, DistributionOf(p.Prediction), ProbabilitiesOf(p.Prediction))).ToArray(),
                f.ModelNote,
                new Resolution(q.Resolution.Criterion, Date(q.Resolution.Deadline), q.Resolution.DecidedBy),
                f.Drivers,
                q.Unit)
            {
                Summary = headline.ToString(),
                BaseRateSummary = q.BaseRate.Prediction.ToString(),
            };
        }).ToArray());

    /// <summary>The ledger's records of these forecasts: one per forecaster and question, the headline marked.</summary>
    public static IReadOnlyList<LedgerEntry> LedgerEntries(ForecastJson json, IReadOnlyList<QuestionForecast> forecasts, string version, DateTimeOffset recordedAt)
    {
        var entries = new List<LedgerEntry>();
        for (var i = 0; i < forecasts.Count; i++)
        {
            var f = forecasts[i];
            var item = json.Forecasts[i];
            var detail = Infrastructure.Output.ToJson(new LedgerDetail(item.Resolution, item.Term, item.ModelNote, item.Unit, item.Drivers));
            foreach (var p in f.Predictions)
                entries.Add(new LedgerEntry(0, f.Question.Id, f.Question.Text, f.Question.Kind, f.Question.CategoryNames, p.Forecaster,
                    ReferenceEquals(p, f.Headline), p.Prediction, f.Question.BaseRate.Prediction, f.MadeAt, f.Deadline,
                    json.Scenario.Id, json.Scenario.Sha256, version, recordedAt, null, detail));
        }

        return entries;
    }

    private static Distribution? DistributionOf(Prediction p) => p.Kind == QuestionKind.Numeric
        ? new Distribution(p.Median, p.Quantile(0.05), p.Quantile(0.25), p.Quantile(0.75), p.Quantile(0.95))
        : null;

    private static IReadOnlyDictionary<string, double>? ProbabilitiesOf(Prediction p) =>
        p.Categories?.ToDictionary(c => c.Category, c => c.P);

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The seam between the models and the forecasts (docs/forecasting.md, "From models to probabilities"):
/// the linked models run as <c>statecraft analyze</c> runs them by default (its samples, seed and the
/// shipped ensemble weights), so a forecast's model probability reads the same distribution as
/// analyze's headline.
/// </summary>
internal static class ForecastEvidence
{
    public static ModelEvidence For(Scenario scenario, CancellationToken cancellationToken = default) => ModelEvidence.FromModels(scenario,
        new AnalysisOptions(AnalysisOptions.DefaultSamples, AnalysisOptions.DefaultSeed, EnsembleWeightsFile.BuiltIn) { Disputes = DisputeModelFile.BuiltIn() },
        cancellationToken);
}
