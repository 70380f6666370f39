namespace Statecraft.Core.Forecasting;

/// <summary>
/// One bin of a calibration table (a reliability diagram's point): the forecasts whose probability
/// fell in [<see cref="Low"/>, <see cref="High"/>) — the last bin also takes p = 1 — how many there
/// were, their mean probability and how often the event happened among them.
/// </summary>
public sealed record CalibrationBin(double Low, double High, int Count, double MeanProbability, double Frequency);

/// <summary>Calibration tables: do events forecast at p happen about p of the time?</summary>
public static class Calibration
{
    public const int DefaultBins = 10;

    /// <summary>
    /// Equal-width bins over [0, 1]; a forecast on an inner edge belongs to the bin it opens (0.1 goes
    /// to [0.1, 0.2)), 1 to the last bin. Empty bins are left out, so every row has a count and two
    /// finite means.
    /// </summary>
    public static IReadOnlyList<CalibrationBin> Table(IReadOnlyList<double> p, IReadOnlyList<bool> outcomes, int bins = DefaultBins)
    {
        if (bins < 1) throw new ArgumentOutOfRangeException(nameof(bins), bins, "at least one bin");
        if (p.Count != outcomes.Count) throw new ArgumentException($"{p.Count} forecasts but {outcomes.Count} outcomes.");
        var count = new int[bins];
        var sumP = new double[bins];
        var hits = new int[bins];
        for (var i = 0; i < p.Count; i++)
        {
            Scores.CheckProbability(p[i]);
            var b = BinOf(p[i], bins);
            count[b]++;
            sumP[b] += p[i];
            if (outcomes[i]) hits[b]++;
        }

        var table = new List<CalibrationBin>();
        for (var b = 0; b < bins; b++)
        {
            if (count[b] == 0) continue;
            table.Add(new CalibrationBin((double)b / bins, (double)(b + 1) / bins, count[b], sumP[b] / count[b], (double)hits[b] / count[b]));
        }

        return table;
    }

    /// <summary>
    /// Bins of (nearly) equal count instead of equal width, for rare events whose forecasts all sit in
    /// the first equal-width bin: the forecasts sorted by p and cut into <paramref name="bins"/> runs,
    /// a cut moved up past equal probabilities so that ties share a bin. A row's <see cref="CalibrationBin.Low"/>
    /// and <see cref="CalibrationBin.High"/> are the smallest and largest p in it (both included).
    /// </summary>
    public static IReadOnlyList<CalibrationBin> ByQuantile(IReadOnlyList<double> p, IReadOnlyList<bool> outcomes, int bins = DefaultBins)
    {
        if (bins < 1) throw new ArgumentOutOfRangeException(nameof(bins), bins, "at least one bin");
        if (p.Count != outcomes.Count) throw new ArgumentException($"{p.Count} forecasts but {outcomes.Count} outcomes.");
        foreach (var x in p) Scores.CheckProbability(x);
        var order = Enumerable.Range(0, p.Count).OrderBy(i => p[i]).ThenBy(i => i).ToArray();
        var table = new List<CalibrationBin>();
        var start = 0;
        for (var b = 1; b <= bins && start < order.Length; b++)
        {
            var end = b == bins ? order.Length : Math.Max(start + 1, (int)((long)order.Length * b / bins));
            while (end < order.Length && p[order[end]] == p[order[end - 1]]) end++;
            double sum = 0;
            var hits = 0;
            for (var k = start; k < end; k++)
            {
                sum += p[order[k]];
                if (outcomes[order[k]]) hits++;
            }

            var n = end - start;
            table.Add(new CalibrationBin(p[order[start]], p[order[end - 1]], n, sum / n, (double)hits / n));
            start = end;
        }

        return table;
    }

    /// <summary>The bin index of probability <paramref name="p"/> among <paramref name="bins"/> equal-width bins.</summary>
    public static int BinOf(double p, int bins)
    {
        Scores.CheckProbability(p);
        // Multiply then floor can put an exact edge such as 0.3 (0.3 * 10 = 2.9999999999999996) in the
        // bin below; compare with the edge itself to keep "an edge opens its bin" exact.
        var b = (int)Math.Floor(p * bins);
        if (b < bins - 1 && p >= (double)(b + 1) / bins) b++;
        return Math.Min(b, bins - 1);
    }
}
