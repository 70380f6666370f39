using FsCheck;
using FsCheck.Xunit;
using Statecraft.Core.Random;
using Statecraft.Core.Uncertainty;

namespace Statecraft.Core.Tests.Uncertainty;

public sealed class DistributionPropertyTests
{
    private static double Unit(int x) => (Math.Abs((long)x) % 997 + 1) / 999.0; // in (0, 1)

    private static IEnumerable<Distribution> Kinds(int a, int b, int c)
    {
        var lo = -5 + 10 * Unit(a);
        var width = 0.1 + 5 * Unit(b);
        yield return Distribution.Uniform(lo, lo + width);
        yield return Distribution.Triangular(lo, lo + width * Unit(c), lo + width);
        yield return Distribution.Normal(lo, width);
        yield return Distribution.Beta(0.5 + 4 * Unit(a), 0.5 + 4 * Unit(c), lo, lo + width);
        yield return Distribution.Normal(lo, width, new Bounds(lo - width * Unit(c), lo + width));
        yield return Distribution.Triangular(lo, lo + width * Unit(c), lo + width, new Bounds(lo + 0.1 * width, lo + 0.9 * width));
    }

    [Property(MaxTest = 60)]
    public bool Cdf_inverts_the_quantile(int a, int b, int c, int q)
    {
        var p = Unit(q);
        return Kinds(a, b, c).All(d => Math.Abs(d.Cdf(d.Quantile(p)) - p) < 1e-9);
    }

    [Property(MaxTest = 60)]
    public bool Quantiles_are_monotone_and_inside_the_support(int a, int b, int c, int q)
    {
        var p = Unit(q);
        return Kinds(a, b, c).All(d =>
        {
            var x = d.Quantile(p);
            var y = d.Quantile(Math.Min(1, p + 0.01));
            return x <= y && d.Support.Contains(x) && d.Support.Contains(y);
        });
    }

    [Property(MaxTest = 30)]
    public bool Draws_stay_in_the_support(int a, int b, int c, ulong seed)
    {
        var random = Xoshiro256StarStar.ForStream(seed, 0);
        return Kinds(a, b, c).All(d => Enumerable.Range(0, 50).All(_ => d.Support.Contains(d.Sample(random))));
    }

    [Fact]
    public void Sample_means_match_closed_form_means()
    {
        foreach (var d in Kinds(123, 456, 789))
        {
            if (d.Mean is not { } mean) continue;
            var random = Xoshiro256StarStar.ForStream(77, 1);
            double sum = 0;
            const int n = 20000;
            for (var i = 0; i < n; i++) sum += d.Sample(random);
            var sd = d.Quantile(0.8413447460685429) - d.Quantile(0.15865525393145707); // about 2 sd for normal-like shapes
            (sum / n).ShouldBe(mean, 5 * sd / Math.Sqrt(n), d.ToString());
        }
    }
}
