namespace Statecraft.Core.Forecasting;

/// <summary>
/// One forecast scored against its question's resolution: the Brier and log scores (binary), the
/// CRPS (numeric) or the categorical Brier score, and the same score of the question's base rate.
/// </summary>
public sealed record ScoredForecast(
    LedgerEntry Entry,
    Resolution Resolution,
    double? Brier,
    double? LogScore,
    double? Crps,
    double? CategoricalBrier,
    double BaseRateScore);

/// <summary>
/// The scores of one forecaster (or of the headline forecasts) over the questions it forecast that
/// have resolved. Binary questions give the Brier and log scores, their skill against the base rate
/// and against always saying 50%, the sharpness and the calibration table; numeric questions the
/// CRPS and its skill against the base rate's distribution; categorical questions the categorical
/// Brier score. A score is null where there is nothing of its kind to score.
/// </summary>
public sealed record ForecasterScore(
    string Forecaster,
    int Resolved,
    int Binary,
    double? Brier,
    double? LogScore,
    double? BaseRateBrier,
    double? SkillVsBaseRate,
    double? SkillVsEven,
    double? Sharpness,
    IReadOnlyList<CalibrationBin> Calibration,
    int Numeric,
    double? Crps,
    double? CrpsSkillVsBaseRate,
    int Categorical,
    double? CategoricalBrier);

/// <summary>Everything `statecraft score` reports.</summary>
public sealed record ScoreReport(
    int Forecasts,
    int Records,
    int Resolved,
    ForecasterScore Headline,
    IReadOnlyList<ScoredForecast> Questions,
    IReadOnlyList<ForecasterScore> Models,
    IReadOnlyList<string> Notes);

/// <summary>
/// Scores the ledger against the resolutions. For each question and forecaster the forecast scored
/// is the latest one made on or before the day the question was settled (by date made, then by record);
/// the headline score takes the headline forecasts, the per-model scores each forecaster's own.
/// </summary>
public static class Scoreboard
{
    public static ScoreReport Score(IReadOnlyList<LedgerEntry> ledger, IReadOnlyList<Resolution> resolutions, int bins = Calibration.DefaultBins)
    {
        var current = ResolutionRules.Current(resolutions);
        var notes = new List<string>();
        var questions = ledger.Select(e => e.QuestionId).Distinct(StringComparer.Ordinal).Count();
        var headline = new List<ScoredForecast>();
        var byForecaster = new SortedDictionary<string, List<ScoredForecast>>(StringComparer.Ordinal);
        foreach (var group in ledger.GroupBy(e => e.QuestionId, StringComparer.Ordinal))
        {
            if (!current.TryGetValue(group.Key, out var resolution)) continue;
            var eligible = group.Where(e => e.MadeAt <= resolution.Date).ToList();
            if (eligible.Count == 0)
            {
                notes.Add($"{group.Key}: every forecast of it was made after it was settled ({resolution.Date:yyyy-MM-dd}); not scored");
                continue;
            }

            if (Latest(eligible.Where(e => e.Headline)) is { } h) headline.Add(ScoreOne(h, resolution));
            foreach (var byWho in eligible.GroupBy(e => e.Forecaster, StringComparer.Ordinal))
            {
                if (!byForecaster.TryGetValue(byWho.Key, out var list)) byForecaster[byWho.Key] = list = [];
                list.Add(ScoreOne(Latest(byWho)!, resolution));
            }
        }

        var resolvedWithoutForecast = current.Keys.Count(k => ledger.All(e => e.QuestionId != k));
        if (resolvedWithoutForecast > 0) notes.Add($"{resolvedWithoutForecast} resolution(s) of questions the ledger does not hold");
        var models = byForecaster.Select(kv => Summarize(kv.Key, kv.Value, bins)).ToArray();
        return new ScoreReport(questions, ledger.Count, headline.Count, Summarize("headline", headline, bins), headline, models, notes);
    }

    /// <summary>Scores one forecast against what happened.</summary>
    public static ScoredForecast ScoreOne(LedgerEntry entry, Resolution resolution)
    {
        var outcome = resolution.Outcome;
        if (outcome.Kind != entry.Kind)
            throw new ArgumentException($"{entry.QuestionId}: a {entry.Kind} forecast cannot be scored against a {outcome.Kind} outcome");
        return entry.Kind switch
        {
            QuestionKind.Binary => new ScoredForecast(entry, resolution,
                Scores.Brier(entry.Prediction.P!.Value, outcome.Happened!.Value),
                Scores.LogScore(entry.Prediction.P!.Value, outcome.Happened!.Value), null, null,
                Scores.Brier(entry.BaseRate.P!.Value, outcome.Happened!.Value)),
            QuestionKind.Numeric => new ScoredForecast(entry, resolution, null, null,
                Scores.Crps(entry.Prediction.Quantiles!, outcome.Value!.Value), null,
                Scores.Crps(entry.BaseRate.Quantiles!, outcome.Value!.Value)),
            _ => new ScoredForecast(entry, resolution, null, null, null,
                CategoricalBrier(entry.Prediction, outcome), CategoricalBrier(entry.BaseRate, outcome)),
        };
    }

    private static double CategoricalBrier(Prediction p, Outcome outcome)
    {
        var categories = p.Categories!;
        var happened = categories.Select(c => c.Category).ToList().IndexOf(outcome.Category!);
        return Scores.CategoricalBrier(categories.Select(c => c.P).ToArray(), happened);
    }

    private static LedgerEntry? Latest(IEnumerable<LedgerEntry> entries) =>
        entries.OrderBy(e => e.MadeAt).ThenBy(e => e.Id).LastOrDefault();

    private static ForecasterScore Summarize(string forecaster, IReadOnlyList<ScoredForecast> scored, int bins)
    {
        var binary = scored.Where(s => s.Brier is not null).ToList();
        var numeric = scored.Where(s => s.Crps is not null).ToList();
        var categorical = scored.Where(s => s.CategoricalBrier is not null).ToList();
        double? brier = null, logScore = null, baseBrier = null, sharpness = null;
        IReadOnlyList<CalibrationBin> calibration = [];
        if (binary.Count > 0)
        {
            var p = binary.Select(s => s.Entry.Prediction.P!.Value).ToArray();
            var o = binary.Select(s => s.Resolution.Outcome.Happened!.Value).ToArray();
            brier = Scores.MeanBrier(p, o);
            logScore = -Scores.LogLoss(p, o);
            baseBrier = binary.Average(s => s.BaseRateScore);
            sharpness = Scores.Sharpness(p);
            calibration = Calibration.Table(p, o, bins);
        }

        double? crps = numeric.Count > 0 ? numeric.Average(s => s.Crps!.Value) : null;
        double? crpsBase = numeric.Count > 0 ? numeric.Average(s => s.BaseRateScore) : null;
        return new ForecasterScore(
            forecaster, scored.Count,
            binary.Count, brier, logScore, baseBrier,
            brier is { } b && baseBrier is { } bb ? Scores.Skill(b, bb) : null,
            brier is { } b2 ? Scores.Skill(b2, 0.25) : null,
            sharpness, calibration,
            numeric.Count, crps, crps is { } c && crpsBase is { } cb ? Scores.Skill(c, cb) : null,
            categorical.Count, categorical.Count > 0 ? categorical.Average(s => s.CategoricalBrier!.Value) : null);
    }
}
