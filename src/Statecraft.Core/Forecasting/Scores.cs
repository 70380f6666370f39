namespace Statecraft.Core.Forecasting;

/// <summary>
/// Proper scores of forecasts against what happened, the one place every validation, backtest and
/// ledger score is computed. Probabilities must be finite and in [0, 1]; readers check user input
/// first, so a bad value here is a bug and throws.
/// </summary>
public static class Scores
{
    /// <summary>
    /// Probabilities are clipped to [<see cref="LogFloor"/>, 1 − <see cref="LogFloor"/>] before a log
    /// is taken, so a confident miss costs about 34.5 nats instead of an infinite score (as
    /// scikit-learn's log_loss does).
    /// </summary>
    public const double LogFloor = 1e-15;

    /// <summary>Brier score of one binary forecast: (p − o)², o = 1 when the event happened. 0 is perfect, 1 the worst.</summary>
    public static double Brier(double p, bool outcome)
    {
        CheckProbability(p);
        var o = outcome ? 1.0 : 0.0;
        return (p - o) * (p - o);
    }

    /// <summary>
    /// Log score of one binary forecast: the natural log of the probability given to what happened
    /// (0 is perfect, more negative is worse). The log loss is its negative.
    /// </summary>
    public static double LogScore(double p, bool outcome)
    {
        CheckProbability(p);
        var q = outcome ? p : 1 - p;
        return Math.Log(Math.Clamp(q, LogFloor, 1 - LogFloor));
    }

    /// <summary>Mean Brier score over forecasts and outcomes of the same length (at least one).</summary>
    public static double MeanBrier(IReadOnlyList<double> p, IReadOnlyList<bool> outcomes) =>
        Mean(p, outcomes, Brier);

    /// <summary>Mean log loss (the negative mean log score) over forecasts and outcomes of the same length (at least one).</summary>
    public static double LogLoss(IReadOnlyList<double> p, IReadOnlyList<bool> outcomes) =>
        -Mean(p, outcomes, LogScore);

    /// <summary>
    /// Brier score of a categorical forecast in Brier's (1950) original form: Σ_k (p_k − o_k)² over the
    /// categories, o_k = 1 for the category that happened. 0 is perfect, 2 the worst; for two
    /// categories it is twice the binary Brier score.
    /// </summary>
    public static double CategoricalBrier(IReadOnlyList<double> p, int happened)
    {
        if (happened < 0 || happened >= p.Count) throw new ArgumentOutOfRangeException(nameof(happened), happened, "the index of a category");
        double sum = 0;
        for (var k = 0; k < p.Count; k++)
        {
            CheckProbability(p[k]);
            var o = k == happened ? 1.0 : 0.0;
            sum += (p[k] - o) * (p[k] - o);
        }

        return sum;
    }

    /// <summary>
    /// Sharpness of binary forecasts: the mean of |2p − 1|, how far they stand from a coin flip. 0
    /// for a forecaster who always says 50%, 1 for one who only says 0 or 1. It rewards nothing by
    /// itself: a forecaster should be as sharp as it can while staying calibrated.
    /// </summary>
    public static double Sharpness(IReadOnlyList<double> p)
    {
        if (p.Count == 0) throw new ArgumentException("No forecasts to score.");
        double sum = 0;
        foreach (var x in p)
        {
            CheckProbability(x);
            sum += Math.Abs(2 * x - 1);
        }

        return sum / p.Count;
    }

    /// <summary>
    /// Continuous ranked probability score of a numeric forecast given as samples from its predictive
    /// distribution: CRPS = E|X − y| − ½ E|X − X'| (Gneiting and Raftery 2007), with the expectations
    /// taken over the empirical distribution of the samples. 0 is perfect; it has the unit of y.
    /// </summary>
    public static double Crps(IReadOnlyList<double> samples, double outcome)
    {
        if (samples.Count == 0) throw new ArgumentException("CRPS needs at least one sample.", nameof(samples));
        if (!double.IsFinite(outcome)) throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "a finite number");
        var sorted = new double[samples.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            if (!double.IsFinite(samples[i])) throw new ArgumentOutOfRangeException(nameof(samples), samples[i], "finite samples");
            sorted[i] = samples[i];
        }

        Array.Sort(sorted);
        double toOutcome = 0, spread = 0;
        var n = sorted.Length;
        for (var i = 0; i < n; i++)
        {
            toOutcome += Math.Abs(sorted[i] - outcome);
            // Σ_i Σ_j |x_i − x_j| = 2 Σ_i (2i − n − 1) x_(i) with 1-based ranks i over the sorted samples.
            spread += (2.0 * (i + 1) - n - 1) * sorted[i];
        }

        return toOutcome / n - spread / ((double)n * n);
    }

    /// <summary>
    /// Skill of a score against a reference forecaster's score on the same cases, for scores where
    /// lower is better (Brier, log loss, CRPS): 1 − score/reference. 1 is perfect, 0 no better than the
    /// reference, negative worse. Null when the reference is perfect (0), where skill is undefined.
    /// </summary>
    public static double? Skill(double score, double reference)
    {
        if (!double.IsFinite(score) || !double.IsFinite(reference))
            throw new ArgumentOutOfRangeException(nameof(score), "scores must be finite");
        return reference == 0 ? null : 1 - score / reference;
    }

    /// <summary>
    /// Area under the ROC curve: the probability that a random case where the event happened got a
    /// higher forecast than a random case where it did not, ties counting one half (the Mann-Whitney
    /// statistic with average ranks). Null when the outcomes are all alike, where it is undefined.
    /// </summary>
    public static double? Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> outcomes)
    {
        CheckLengths(scores.Count, outcomes.Count);
        var n = scores.Count;
        var order = new int[n];
        var keys = new double[n];
        for (var i = 0; i < n; i++)
        {
            if (double.IsNaN(scores[i])) throw new ArgumentOutOfRangeException(nameof(scores), "scores must not be NaN");
            order[i] = i;
            keys[i] = scores[i];
        }

        Array.Sort(keys, order);
        long positives = 0;
        double rankSum = 0;
        for (var start = 0; start < n;)
        {
            var end = start;
            while (end + 1 < n && keys[end + 1] == keys[start]) end++;
            var averageRank = (start + end) / 2.0 + 1; // 1-based ranks start+1 .. end+1
            for (var k = start; k <= end; k++)
            {
                if (!outcomes[order[k]]) continue;
                positives++;
                rankSum += averageRank;
            }

            start = end + 1;
        }

        var negatives = n - positives;
        if (positives == 0 || negatives == 0) return null;
        return (rankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    internal static void CheckProbability(double p)
    {
        if (!double.IsFinite(p) || p is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(p), p, "a probability: a finite number in [0, 1]");
    }

    private static void CheckLengths(int forecasts, int outcomes)
    {
        if (forecasts != outcomes) throw new ArgumentException($"{forecasts} forecasts but {outcomes} outcomes.");
        if (forecasts == 0) throw new ArgumentException("No forecasts to score.");
    }

    private static double Mean(IReadOnlyList<double> p, IReadOnlyList<bool> outcomes, Func<double, bool, double> score)
    {
        CheckLengths(p.Count, outcomes.Count);
        double sum = 0;
        for (var i = 0; i < p.Count; i++) sum += score(p[i], outcomes[i]);
        return sum / p.Count;
    }
}
