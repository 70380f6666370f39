using Statecraft.Core.Domain;

namespace Statecraft.Core.Ensemble;

/// <summary>
/// The ensemble's predictive distribution of an issue's outcome: a linear pool over members
/// (weights from calibration) of each member's forecast in every Monte Carlo draw plus the member's
/// own out-of-sample error, clamped to the scale. In symbols, with draws k = 1..N, members m,
/// weights w_m renormalised over the members that ran in draw k, forecasts f_mk and the member's
/// calibration residuals e (symmetrised: e and −e, rescaled from 0-100 to the issue's span):
/// P(Y ≤ y) = Σ_k Σ_m (w_m / N) · P(f_mk + e ≤ y) for min ≤ y &lt; max, and 1 at max.
/// It carries three sources of uncertainty at once: the inputs (the draws), the models'
/// disagreement (the pool), and each model's error on real decisions (the residuals). Quantiles
/// are exact to 1e-12 of the span (bisection on the exact CDF).
/// </summary>
public sealed class PredictiveDistribution
{
    private readonly IssueScale _scale;
    private readonly double[][] _locations;  // per member: forecasts in the draws where it ran, ascending
    private readonly double[][] _cumulative; // per member: mass of locations[0..i] (inclusive)
    private readonly double[][] _kernel;     // per member: its symmetrised residuals on the issue's scale, ascending

    internal PredictiveDistribution(IssueScale scale, double[][] locations, double[][] cumulative, double[][] kernel, int draws)
    {
        _scale = scale;
        _locations = locations;
        _cumulative = cumulative;
        _kernel = kernel;
        Draws = draws;
    }

    public IssueScale Scale => _scale;

    /// <summary>Monte Carlo draws behind the distribution (1 for a single set of inputs, e.g. a DEU issue).</summary>
    public int Draws { get; }

    public double Median => Quantile(0.5);

    /// <summary>P(Y ≤ y).</summary>
    public double Cdf(double y)
    {
        if (double.IsNaN(y)) throw new ArgumentException("expected a number", nameof(y));
        if (y < _scale.Min) return 0;
        if (y >= _scale.Max) return 1;
        return Math.Min(1, Unclamped(y));
    }

    /// <summary>P(Y &gt; y): e.g. the probability that the outcome lies above a threshold.</summary>
    public double ProbabilityAbove(double y) => 1 - Cdf(y);

    /// <summary>
    /// The p-quantile: where P(Y ≤ y) reaches p, to 1e-12 of the scale's span. Where the CDF sits
    /// exactly at p over an interval (between two atoms), the middle of that interval, so the median
    /// of a symmetric distribution is its centre (Hyndman and Fan's type 2).
    /// </summary>
    public double Quantile(double p)
    {
        if (!(p is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "expected a probability");
        return 0.5 * (Search(p, strict: false) + Search(p, strict: true));
    }

    /// <summary>The least y with P(Y ≤ y) ≥ p (or &gt; p when <paramref name="strict"/>), by bisection.</summary>
    private double Search(double p, bool strict)
    {
        var lo = _scale.Min;
        var hi = _scale.Max;
        if (Reaches(Unclamped(lo), p, strict)) return lo;
        if (strict && p >= 1) return hi;
        var tolerance = 1e-12 * (hi - lo);
        // Invariant: the CDF at lo falls short, at hi it reaches (P(Y ≤ max) = 1 by the clamp).
        while (hi - lo > tolerance)
        {
            var mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            if (Reaches(Unclamped(mid), p, strict)) hi = mid;
            else lo = mid;
        }

        return hi;
    }

    private static bool Reaches(double cdf, double p, bool strict) => strict ? cdf > p : cdf >= p;

    /// <summary>Quantiles at the given probabilities.</summary>
    public double[] Quantiles(IReadOnlyList<double> probabilities)
    {
        var q = new double[probabilities.Count];
        for (var i = 0; i < q.Length; i++) q[i] = Quantile(probabilities[i]);
        return q;
    }

    /// <summary>P(f + e ≤ y) before the clamp: Σ_m mean over its kernel e of (mass of forecasts ≤ y − e).</summary>
    private double Unclamped(double y)
    {
        double total = 0;
        for (var m = 0; m < _locations.Length; m++)
        {
            var locations = _locations[m];
            if (locations.Length == 0) continue;
            var cumulative = _cumulative[m];
            var kernel = _kernel[m];
            double member = 0;
            for (var r = 0; r < kernel.Length; r++)
            {
                var upTo = UpperBound(locations, y - kernel[r]);
                if (upTo > 0) member += cumulative[upTo - 1];
            }

            total += member / kernel.Length;
        }

        return total;
    }

    /// <summary>The number of sorted values ≤ x.</summary>
    private static int UpperBound(double[] sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }
}
