using Statecraft.Core.Domain;

namespace Statecraft.Core.Tests.Domain;

public sealed class QuantitiesTests
{
    [Theory]
    [InlineData(double.NaN, false)]
    [InlineData(double.PositiveInfinity, false)]
    [InlineData(double.NegativeInfinity, false)]
    [InlineData(-1e-12, false)]
    [InlineData(0.0, true)]
    [InlineData(1e300, true)]
    public void Capability_accepts_only_finite_non_negative(double value, bool valid)
    {
        Capability.IsValid(value).ShouldBe(valid);
        if (valid) new Capability(value).Value.ShouldBe(value);
        else Should.Throw<ArgumentOutOfRangeException>(() => new Capability(value));
    }

    [Theory]
    [InlineData(double.NaN, false)]
    [InlineData(-0.01, false)]
    [InlineData(0.0, true)]
    [InlineData(1.0, true)]
    [InlineData(1.0000001, false)]
    [InlineData(double.PositiveInfinity, false)]
    public void Salience_is_a_share(double value, bool valid) => Salience.IsValid(value).ShouldBe(valid);

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(-1.0, false)]
    [InlineData(0.5, true)]
    [InlineData(double.NaN, false)]
    public void RiskExponent_is_positive(double value, bool valid) => RiskExponent.IsValid(value).ShouldBe(valid);

    [Fact]
    public void Position_rejects_nan() => Should.Throw<ArgumentOutOfRangeException>(() => new Position(double.NaN));
}
