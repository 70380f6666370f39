using Statecraft.Core.DyadYears;
using Statecraft.Core.Validation;

namespace Statecraft.Core.Forecasting.Backtests;

/// <summary>One dispute model's out-of-sample predictions, to be scored.</summary>
public sealed record ConflictModelPredictions(string Model, string Description, IReadOnlyList<DisputePrediction> Predictions);

/// <summary>The conflict backtest: the held-out years, the reference base rates, each model's scores.</summary>
public sealed record ConflictBacktestReport(
    int[] Train,
    int[] Test,
    int Cases,
    int Events,
    string BaseRate,
    IReadOnlyList<BacktestScore> Models);

/// <summary>
/// The War Trap dispute models as probability forecasters on years they never saw: every politically
/// relevant directed dyad-year of the test years is a binary question (does the challenger initiate
/// a militarized dispute with force that year?), the probability the model fitted on the training
/// years gives it. The reference forecaster is the base rate of the dyad-year's group (contiguity
/// class × major-power pairing, as the shipped models report it) counted on the training years only.
/// Scored with the ledger's scores.
/// </summary>
public static class ConflictBacktest
{
    /// <summary>Calibration bins of equal count: disputes are rare (about 1 in 100 dyad-years), so equal widths would put nearly every forecast in the first.</summary>
    public const int Bins = 10;

    public const string BaseRateText = "share of training dyad-years of the same group (contiguity class x major-power pairing) with the event";

    public static ConflictBacktestReport Run(DisputeSample sample, YearSpan train, YearSpan test, IReadOnlyList<ConflictModelPredictions> models)
    {
        var rates = GroupRates(sample, train);
        var groupOf = new Dictionary<(int Year, int C1, int C2), string>();
        foreach (var i in sample.Rows(test))
        {
            var c = sample.Covariates[i];
            groupOf[(sample.Year[i], sample.Ccode1[i], sample.Ccode2[i])] = BaseRate.GroupOf(c.Contiguity, c.Major1, c.Major2);
        }

        var overall = rates.Values.Sum(r => r.Events) / (double)Math.Max(1, rates.Values.Sum(r => r.Rows));
        var scores = models.Select(m =>
        {
            var cases = m.Predictions.Select(p => new BacktestCase($"{p.Year}/{p.Ccode1}-{p.Ccode2}", p.Probability, p.Outcome,
                rates.TryGetValue(groupOf[(p.Year, p.Ccode1, p.Ccode2)], out var r) && r.Rows > 0 ? r.Rate : overall)).ToArray();
            return BinaryBacktest.Score(m.Model, m.Description, cases) with
            {
                Calibration = Calibration.ByQuantile(cases.Select(c => c.P).ToArray(), cases.Select(c => c.Happened).ToArray(), Bins),
            };
        }).ToArray();
        var first = models.Count > 0 ? models[0].Predictions : [];
        return new ConflictBacktestReport([train.First, train.Last], [test.First, test.Last], first.Count, first.Count(p => p.Outcome), BaseRateText, scores);
    }

    /// <summary>Base rates by group over the training years.</summary>
    public static IReadOnlyDictionary<string, BaseRate> GroupRates(DisputeSample sample, YearSpan train)
    {
        var counts = new Dictionary<string, (long Rows, long Events)>(StringComparer.Ordinal);
        foreach (var i in sample.Rows(train))
        {
            var c = sample.Covariates[i];
            var g = BaseRate.GroupOf(c.Contiguity, c.Major1, c.Major2);
            var (rows, events) = counts.GetValueOrDefault(g);
            counts[g] = (rows + 1, events + (sample.Outcome[i] ? 1 : 0));
        }

        return counts.ToDictionary(kv => kv.Key, kv => new BaseRate(kv.Key, kv.Value.Rows, kv.Value.Events), StringComparer.Ordinal);
    }
}
