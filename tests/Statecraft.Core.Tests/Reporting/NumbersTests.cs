using FsCheck;
using FsCheck.Xunit;
using Statecraft.Core.Reporting;

namespace Statecraft.Core.Tests.Reporting;

public sealed class NumbersTests
{
    [Theory]
    [InlineData(2359376546, "2.36 bn")]
    [InlineData(23593765460, "23.6 bn")]
    [InlineData(2021421476035, "2,021 bn")]
    [InlineData(513100000, "513 m")]
    [InlineData(3433800, "3.43 m")]
    [InlineData(308165, "308,165")]
    [InlineData(12000, "12,000")]
    [InlineData(9999, "9,999")]
    [InlineData(999, "999")]
    [InlineData(1, "1")]
    [InlineData(69.4, "69")]
    [InlineData(-0.482, "-0.48")]
    [InlineData(0.0233, "0.023")]
    [InlineData(0.00117, "0.0012")]
    [InlineData(0, "0")]
    [InlineData(-1.5e9, "-1.50 bn")]
    public void Values_read_as_people_write_them(double x, string expected) => Numbers.Value(x).ShouldBe(expected);

    [Fact]
    public void Money_percentages_and_probabilities()
    {
        Numbers.Usd(2359376546).ShouldBe("US$ 2.36 bn");
        Numbers.Percent(0.0017).ShouldBe("0.17%");
        Numbers.Percent(0.709).ShouldBe("71%");
        Numbers.Percent(0).ShouldBe("0%");
        Numbers.Probability(0.004).ShouldBe("< 1%");
        Numbers.Probability(0.996).ShouldBe("> 99%");
        Numbers.Probability(1).ShouldBe("> 99%");
        Numbers.Probability(0).ShouldBe("< 1%");
        Numbers.Probability(0.5).ShouldBe("50%");
        Numbers.Signed(3.25).ShouldBe("+3.25");
        Numbers.Value(double.NaN).ShouldBe("n/a");
        Numbers.Value(3e-7).ShouldBe("≈ 0");
    }

    [Property]
    public void No_value_prints_in_exponent_notation_or_with_more_than_five_digits_after_the_point(NormalFloat x)
    {
        var text = Numbers.Value(x.Get);
        text.ShouldNotContain("E");
        var point = text.IndexOf('.');
        if (point >= 0) text[(point + 1)..].TakeWhile(char.IsDigit).Count().ShouldBeLessThanOrEqualTo(5, text);
    }
}
