using System.Globalization;
using System.Text.Json.Serialization;
using Statecraft.Core.Forecasting;

namespace Statecraft.Store;

/// <summary>
/// The ledger, the resolutions and the scores as `statecraft score --json` and the dashboard's
/// <c>/api/forecasts</c> both show them (snake_case through each one's JSON options). Scores that
/// cannot be computed (nothing of their kind resolved) are null, never NaN.
/// </summary>
public static class LedgerViews
{
    public sealed record CalibrationRow(double[] Bin, int N, double MeanP, double Frequency);

    public sealed record QuestionScore(
        string Id,
        string Question,
        string Kind,
        string Forecaster,
        long Record,
        string MadeAt,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? P,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Median,
        string Outcome,
        string ResolvedOn,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Brier,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? LogScore,
        double? Crps,
        double? CategoricalBrier,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? BaseRate,
        double BaseRateScore);

    public sealed record ModelScore(
        string Model,
        int Resolved,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Brier,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? LogScore,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? SkillVsBaseRate,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? SkillVsEven,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Sharpness,
        double? Crps,
        double? CrpsSkillVsBaseRate,
        double? CategoricalBrier,
        IReadOnlyList<CalibrationRow> Calibration);

    /// <summary>The JSON contract of <c>statecraft score --json</c> (docs/forecasting.md, "Scores").</summary>
    public sealed record Score(
        int Forecasts,
        int Records,
        int Resolved,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Brier,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? LogScore,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? BaseRateBrier,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? SkillVsBaseRate,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? SkillVsEven,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Sharpness,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Crps,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? CrpsSkillVsBaseRate,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? CategoricalBrier,
        IReadOnlyList<QuestionScore> Questions,
        IReadOnlyList<CalibrationRow> Calibration,
        IReadOnlyList<ModelScore> Models,
        IReadOnlyList<string> Notes);

    public sealed record Forecast(
        long Id,
        string QuestionId,
        string Question,
        string Kind,
        string Forecaster,
        bool Headline,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? P,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Term,
        string Prediction,
        string BaseRate,
        string MadeAt,
        string Deadline,
        string ScenarioId,
        string ScenarioSha256,
        string Version,
        DateTimeOffset RecordedAt,
        long? RunId);

    public sealed record ResolutionView(long Id, string QuestionId, string Outcome, string Date, string Source, DateTimeOffset RecordedAt, long? Corrects, string? Reason);

    public static Score ToView(ScoreReport r)
    {
        var h = r.Headline;
        return new Score(r.Forecasts, r.Records, r.Resolved, h.Brier, h.LogScore, h.BaseRateBrier, h.SkillVsBaseRate, h.SkillVsEven, h.Sharpness,
            h.Crps, h.CrpsSkillVsBaseRate, h.CategoricalBrier, r.Questions.Select(ToView).ToArray(), Rows(h.Calibration),
            r.Models.Select(m => new ModelScore(m.Forecaster, m.Resolved, m.Brier, m.LogScore, m.SkillVsBaseRate, m.SkillVsEven, m.Sharpness,
                m.Crps, m.CrpsSkillVsBaseRate, m.CategoricalBrier, Rows(m.Calibration))).ToArray(),
            r.Notes);
    }

    public static QuestionScore ToView(ScoredForecast s)
    {
        var e = s.Entry;
        return new QuestionScore(e.QuestionId, e.Question, ResolvableQuestion.KindName(e.Kind), e.Forecaster, e.Id, Date(e.MadeAt), e.Prediction.P,
            e.Kind == QuestionKind.Numeric ? e.Prediction.Median : null, s.Resolution.Outcome.ToString(), Date(s.Resolution.Date),
            s.Brier, s.LogScore, s.Crps, s.CategoricalBrier, e.BaseRate.P, s.BaseRateScore);
    }

    public static Forecast ToView(LedgerEntry e) => new(e.Id, e.QuestionId, e.Question, ResolvableQuestion.KindName(e.Kind), e.Forecaster, e.Headline,
        e.Prediction.P, e.Prediction.P is { } p ? EstimativeLanguage.Words(p) : null, e.Prediction.ToString(), e.BaseRate.ToString(),
        Date(e.MadeAt), Date(e.Deadline), e.ScenarioId, e.ScenarioSha256, e.Version, e.RecordedAt, e.RunId);

    public static ResolutionView ToView(Resolution r) =>
        new(r.Id, r.QuestionId, r.Outcome.ToString(), Date(r.Date), r.Source, r.RecordedAt, r.Corrects, r.Reason);

    public static IReadOnlyList<CalibrationRow> Rows(IReadOnlyList<CalibrationBin> bins) =>
        bins.Select(b => new CalibrationRow([b.Low, b.High], b.Count, b.MeanProbability, b.Frequency)).ToArray();

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
