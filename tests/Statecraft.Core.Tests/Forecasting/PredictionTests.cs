using Statecraft.Core.Domain;
using Statecraft.Core.Forecasting;
using Statecraft.Core.Uncertainty;

namespace Statecraft.Core.Tests.Forecasting;

public sealed class PredictionTests
{
    [Fact]
    public void Samples_become_quantiles_at_the_midpoint_levels()
    {
        // 0..100 in steps of 1: type-7 quantile at level q is 100q exactly.
        var p = Prediction.FromSamples(Enumerable.Range(0, 101).Select(i => (double)i).Reverse().ToArray());
        p.Kind.ShouldBe(QuestionKind.Numeric);
        p.Quantiles!.Count.ShouldBe(Prediction.QuantileCount);
        p.Quantiles[0].ShouldBe(100 * 0.5 / Prediction.QuantileCount, 1e-9);
        p.Quantiles[^1].ShouldBe(100 * (Prediction.QuantileCount - 0.5) / Prediction.QuantileCount, 1e-9);
        p.Median.ShouldBe(50, 1e-9);
        p.Quantile(0.05).ShouldBe(5, 1e-9);
        p.Quantile(0.0).ShouldBe(p.Quantiles[0]); // clamped to the outermost kept quantile
    }

    [Fact]
    public void Crps_of_a_stated_normal_matches_the_closed_form()
    {
        // CRPS(N(0,1), y) = y(2Φ(y) − 1) + 2φ(y) − 1/√π; the 200 kept quantiles must come within 1%.
        var normal = Distribution.Normal(0, 1);
        var p = Prediction.FromQuantileFunction(normal.Quantile);
        const double y = 0.7;
        var phi = Math.Exp(-y * y / 2) / Math.Sqrt(2 * Math.PI);
        var exact = y * (2 * normal.Cdf(y) - 1) + 2 * phi - 1 / Math.Sqrt(Math.PI);
        Scores.Crps(p.Quantiles!, y).ShouldBe(exact, exact * 0.01);
    }

    [Fact]
    public void Category_probabilities_must_form_a_distribution()
    {
        Prediction.CategoricalProblem([new("a", 0.6), new("b", 0.4)]).ShouldBeNull();
        Prediction.CategoricalProblem([new("a", 0.6), new("b", 0.5)])!.ShouldContain("sum to 1");
        Prediction.CategoricalProblem([new("a", 1.2), new("b", -0.2)])!.ShouldContain("'a'");
        Prediction.CategoricalProblem([new("a", 0.5), new("a", 0.5)])!.ShouldContain("each category once");
        Prediction.CategoricalProblem([new("a", 1)])!.ShouldContain("two categories");
        Should.Throw<ArgumentException>(() => Prediction.Categorical([new("a", 0.6), new("b", 0.5)]));
    }

    [Fact]
    public void Stored_quantiles_are_checked()
    {
        var q = Prediction.FromSamples([1.0, 2, 3]).Quantiles!;
        Prediction.FromQuantiles(q).ShouldBe(Prediction.FromSamples([1.0, 2, 3]));
        Should.Throw<ArgumentException>(() => Prediction.FromQuantiles(q.Take(10).ToArray()));
        Should.Throw<ArgumentException>(() => Prediction.FromQuantiles(q.Reverse().ToArray()));
    }

    [Fact]
    public void The_probability_given_to_what_happened()
    {
        Prediction.Binary(0.3).ProbabilityOf(new Outcome(QuestionKind.Binary, Happened: true)).ShouldBe(0.3);
        Prediction.Binary(0.3).ProbabilityOf(new Outcome(QuestionKind.Binary, Happened: false))!.Value.ShouldBe(0.7, 1e-15);
        Prediction.Categorical([new("a", 0.6), new("b", 0.4)]).ProbabilityOf(new Outcome(QuestionKind.Categorical, Category: "b")).ShouldBe(0.4);
    }

    [Theory]
    [InlineData("yes", QuestionKind.Binary, "yes")]
    [InlineData(" No ", QuestionKind.Binary, "no")]
    [InlineData("12.50", QuestionKind.Numeric, "12.5")]
    [InlineData("-3e2", QuestionKind.Numeric, "-300")]
    [InlineData("frozen", QuestionKind.Categorical, "frozen")]
    public void Outcomes_parse_by_the_question_kind(string text, QuestionKind kind, string canonical)
    {
        var o = Outcome.Parse(text, kind, ["war", "frozen", "treaty"], "q");
        o.Success.ShouldBeTrue();
        o.Value.ToString().ShouldBe(canonical);
    }

    [Theory]
    [InlineData("12", QuestionKind.Binary, "yes or no")]
    [InlineData("yes", QuestionKind.Numeric, "a number")]
    [InlineData("NaN", QuestionKind.Numeric, "a number")]
    [InlineData("Infinity", QuestionKind.Numeric, "a number")]
    [InlineData("peace", QuestionKind.Categorical, "war, frozen, treaty")]
    public void An_outcome_of_the_wrong_kind_is_a_located_problem(string text, QuestionKind kind, string expected)
    {
        var o = Outcome.Parse(text, kind, ["war", "frozen", "treaty"], "q", new SourceLocation("r.csv", 4));
        var problem = o.Problems.ShouldHaveSingleItem();
        problem.Field.ShouldBe("outcome");
        problem.Message.ShouldContain(expected);
        problem.ToString().ShouldStartWith("r.csv:4: q: outcome:");
    }
}
