using Statecraft.Core.Random;
using Statecraft.Core.Uncertainty;

namespace Statecraft.Core.Tests.Uncertainty;

public sealed class DistributionTests
{
    [Theory]
    [InlineData(0.95, 1.6448536269514722)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.025, -1.959963984540054)]
    [InlineData(1e-10, -6.361340902404056)]
    public void Normal_quantile_matches_known_values(double p, double z) =>
        Distribution.Normal(0, 1).Quantile(p).ShouldBe(z, 1e-13);

    [Fact]
    public void Normal_cdf_inverts_its_quantile_in_both_tails()
    {
        var d = Distribution.Normal(10, 2);
        foreach (var p in new[] { 1e-12, 0.001, 0.2, 0.7, 0.999, 1 - 1e-9 })
            d.Cdf(d.Quantile(p)).ShouldBe(p, p * 1e-9 + 1e-15);
        d.Cdf(10 + 2 * 1.96).ShouldBe(0.9750021048517795, 1e-15);
    }

    [Fact]
    public void Beta_cdf_matches_the_binomial_identity_and_quantile_inverts_it()
    {
        // I_0.4(2, 3) = P(Binomial(4, 0.4) >= 2) = 0.5248.
        var d = Distribution.Beta(2, 3);
        d.Cdf(0.4).ShouldBe(0.5248, 1e-14);
        d.Quantile(0.5248).ShouldBe(0.4, 1e-12);
        d.Mean.ShouldBe(0.4);
        Distribution.Beta(2, 3, 10, 20).Quantile(0.5248).ShouldBe(14, 1e-10);
    }

    [Fact]
    public void Triangular_has_closed_form_quantiles_and_mean()
    {
        var d = Distribution.Triangular(0, 1, 4);
        d.Quantile(0.25).ShouldBe(1, 1e-15); // mass below the mode is (1-0)/(4-0)
        d.Quantile(1 - 1.0 / 3 * 3 / 4).ShouldBe(4 - Math.Sqrt(0.25 * 4 * 3), 1e-14);
        d.Mean.ShouldBe(5.0 / 3);
        d.Cdf(d.Quantile(0.8)).ShouldBe(0.8, 1e-14);
    }

    [Fact]
    public void Truncation_renormalises_and_keeps_draws_inside()
    {
        var d = Distribution.Normal(0, 1, new Bounds(0, double.PositiveInfinity));
        d.Median.ShouldBe(0.6744897501960817, 1e-13); // half-normal median = z(0.75)
        d.Mean!.Value.ShouldBe(Math.Sqrt(2 / Math.PI), 1e-14);
        var random = Xoshiro256StarStar.ForStream(1, 0);
        for (var i = 0; i < 1000; i++) d.Sample(random).ShouldBeGreaterThanOrEqualTo(0);
        Distribution.Uniform(0, 10, new Bounds(2, 4)).Mean.ShouldBe(3);
    }

    [Fact]
    public void Point_mass_always_draws_its_value()
    {
        var d = Distribution.Point(0.25);
        var random = Xoshiro256StarStar.ForStream(7, 3);
        d.Sample(random).ShouldBe(0.25);
        d.Quantile(0.05).ShouldBe(0.25);
        d.IsPoint.ShouldBeTrue();
    }

    [Fact]
    public void Invalid_parameters_name_the_field()
    {
        UniformDistribution.Validate(3, 1).Single().Field.ShouldBe("lo");
        TriangularDistribution.Validate(0, 5, 1).Single().Field.ShouldBe("mode");
        NormalDistribution.Validate(0, -1).Single().Field.ShouldBe("sd");
        BetaDistribution.Validate(0, -1).Select(p => p.Field).ShouldBe(["alpha", "beta"]);
        PointDistribution.Validate(2, new Bounds(0, 1)).Single().Field.ShouldBe("value");
        UniformDistribution.Validate(0, 1, new Bounds(2, 3)).Single().Message.ShouldContain("no probability");
        UniformDistribution.IsValidParameterSet(0, 1).ShouldBeTrue();
        Should.Throw<ArgumentException>(() => Distribution.Uniform(1, 0));
    }

    [Fact]
    public void Sampling_uses_one_uniform_so_a_stream_fixes_the_draws()
    {
        var a = Xoshiro256StarStar.ForStream(42, 5);
        var b = Xoshiro256StarStar.ForStream(42, 5);
        var d = Distribution.Beta(2, 5);
        d.Sample(a).ShouldBe(d.Sample(b));
        a.NextUInt64().ShouldBe(b.NextUInt64());
    }
}
