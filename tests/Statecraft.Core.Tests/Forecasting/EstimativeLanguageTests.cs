using Statecraft.Core.Forecasting;

namespace Statecraft.Core.Tests.Forecasting;

public sealed class EstimativeLanguageTests
{
    [Theory]
    [InlineData(0.0, EstimativeTerm.AlmostNoChance)]
    [InlineData(0.0499, EstimativeTerm.AlmostNoChance)]
    [InlineData(0.05, EstimativeTerm.VeryUnlikely)]
    [InlineData(0.1999, EstimativeTerm.VeryUnlikely)]
    [InlineData(0.20, EstimativeTerm.Unlikely)]
    [InlineData(0.4499, EstimativeTerm.Unlikely)]
    [InlineData(0.45, EstimativeTerm.RoughlyEvenChance)]
    [InlineData(0.50, EstimativeTerm.RoughlyEvenChance)]
    [InlineData(0.55, EstimativeTerm.RoughlyEvenChance)]
    [InlineData(0.5501, EstimativeTerm.Likely)]
    [InlineData(0.80, EstimativeTerm.Likely)]
    [InlineData(0.8001, EstimativeTerm.VeryLikely)]
    [InlineData(0.95, EstimativeTerm.VeryLikely)]
    [InlineData(0.9501, EstimativeTerm.AlmostCertain)]
    [InlineData(1.0, EstimativeTerm.AlmostCertain)]
    public void Every_boundary_of_the_ICD_203_scale(double p, EstimativeTerm term) =>
        EstimativeLanguage.Term(p).ShouldBe(term);

    [Fact]
    public void The_scale_is_symmetric()
    {
        for (var k = 0; k <= 10_000; k++)
        {
            var term = EstimativeLanguage.Term(k / 10_000.0);
            var mirror = EstimativeLanguage.Term((10_000 - k) / 10_000.0);
            ((int)term + (int)mirror).ShouldBe(6, $"p = {k / 10_000.0}");
        }
    }

    [Fact]
    public void Words_and_ranges_are_the_directive_s()
    {
        EstimativeLanguage.Words(0.1).ShouldBe("very unlikely");
        EstimativeLanguage.Words(0.5).ShouldBe("roughly even chance");
        EstimativeLanguage.Words(EstimativeTerm.AlmostCertain).ShouldBe("almost certain");
        EstimativeLanguage.Range(EstimativeTerm.Unlikely).ShouldBe((0.20, 0.45));
        EstimativeLanguage.Range(EstimativeTerm.AlmostNoChance).ShouldBe((0.01, 0.05));
    }
}
