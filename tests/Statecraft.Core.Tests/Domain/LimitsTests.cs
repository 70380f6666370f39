using Statecraft.Core.Domain;

namespace Statecraft.Core.Tests.Domain;

public sealed class LimitsTests
{
    [Fact]
    public void Every_named_limit_can_be_raised_from_the_variable()
    {
        foreach (var name in Limits.Names)
        {
            var raised = Limits.Parse($"{name}=123456789").Value;
            raised[name].ShouldBe(123456789, name);
            foreach (var other in Limits.Names.Where(n => n != name)) raised[other].ShouldBe(Limits.Default[other], other);
        }
    }

    [Theory]
    [InlineData("actors")]
    [InlineData("actors=0")]
    [InlineData("actors=-5")]
    [InlineData("actors=lots")]
    [InlineData("actors=99999999999")]
    [InlineData("no-such-limit=5")]
    public void A_malformed_setting_is_a_problem_naming_the_variable(string text)
    {
        var result = Limits.Parse(text);
        result.Success.ShouldBeFalse();
        result.Problems.Single().Subject.ShouldBe(Limits.Variable);
    }

    [Fact]
    public void An_empty_setting_keeps_the_defaults()
    {
        Limits.Parse(null).Value.ShouldBe(Limits.Default);
        Limits.Parse(" ").Value.ShouldBe(Limits.Default);
    }

    [Fact]
    public void A_check_over_the_limit_says_how_much_and_how_to_raise_it()
    {
        var limits = Limits.Default with { Dimensions = 10 };
        limits.Check("dimensions", 10, "s", "nDims").ShouldBeNull();
        var problem = limits.Check("dimensions", 20_000_000, "s", "nDims", new SourceLocation("f.csv", 1, 5)).ShouldNotBeNull();
        problem.ToString().ShouldBe(
            "f.csv:1:5: s: nDims: 20,000,000 is over the limit of 10 dimensions; if this input is genuine, raise it with STATECRAFT_LIMITS=dimensions=N (docs/reliability.md)");
    }
}

public sealed class FiniteTests
{
    [Theory]
    [InlineData(0.0, true)]
    [InlineData(1e18, true)]
    [InlineData(-1e-18, true)]
    [InlineData(1e308, false)]
    [InlineData(5e-324, false)]
    [InlineData(double.NaN, false)]
    [InlineData(double.PositiveInfinity, false)]
    [InlineData(double.NegativeInfinity, false)]
    public void Input_numbers_must_be_finite_and_of_a_computable_magnitude(double value, bool usable)
    {
        Finite.IsUsable(value).ShouldBe(usable);
        (Finite.Input(value, "A", "capability") is null).ShouldBe(usable);
    }

    [Fact]
    public void A_non_finite_result_is_a_problem_and_a_finite_one_is_not()
    {
        Finite.Output(double.MaxValue * 2, "q", "mean")!.Message.ShouldContain("Infinity");
        Finite.Output(1e308, "q", "mean").ShouldBeNull();
        Finite.Outputs("q", ("mean", 1), ("median", double.NaN)).Single().Field.ShouldBe("median");
    }
}
