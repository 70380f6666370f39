using Statecraft.Core.Domain;

namespace Statecraft.Core.Uncertainty;

/// <summary>
/// An equal-weight mixture of distributions: the linear opinion pool of several experts' judgements
/// of one number. CDF = the mean of the components' CDFs; a draw inverts that CDF (one uniform per
/// draw, like every kind), so its quantiles, tornado ends and medians are the pool's own.
/// </summary>
public sealed class MixtureDistribution : Distribution
{
    private const int Bisections = 200;

    public MixtureDistribution(IReadOnlyList<Distribution> components) : base(null)
    {
        Throw(Validate(components));
        Components = components.ToArray();
        Complete();
    }

    public IReadOnlyList<Distribution> Components { get; }

    public override string Kind => "mixture";

    public override bool IsPoint => Components.All(c => c.IsPoint) && Components.Select(c => c.Median).Distinct().Count() == 1;

    public override double? Mean =>
        Components.All(c => c.Mean is not null) ? Components.Average(c => c.Mean!.Value) : null;

    public static IReadOnlyList<Problem> Validate(IReadOnlyList<Distribution> components)
    {
        var problems = new List<Problem>();
        if (components.Count == 0) problems.Add(new Problem("", "components", "expected at least one component"));
        return problems;
    }

    private protected override (double Min, double Max) BaseSupport =>
        (Components.Min(c => c.Support.Min), Components.Max(c => c.Support.Max));

    private protected override double BaseCdf(double x) => Components.Average(c => c.Cdf(x));

    private protected override double BaseQuantile(double p)
    {
        var (lo, hi) = BaseSupport;
        if (p <= 0) return lo;
        if (p >= 1) return hi;

        // The smallest x with CDF(x) >= p, by bisection; an expert's point judgement is an atom
        // of the pool, so a bracket that closes on one returns it exactly.
        for (var i = 0; i < Bisections && hi - lo > 1e-12 * Math.Max(1, Math.Abs(hi)); i++)
        {
            var mid = 0.5 * (lo + hi);
            if (BaseCdf(mid) >= p) hi = mid;
            else lo = mid;
        }

        foreach (var c in Components)
            if (c.IsPoint && c.Median >= lo && c.Median <= hi) return c.Median;
        return hi;
    }

    public override string ToString() => $"mixture({string.Join(", ", Components)})";
}
