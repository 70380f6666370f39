using FsCheck;
using FsCheck.Xunit;
using Statecraft.Core.Bargaining;
using Statecraft.Core.Domain;
using Statecraft.Core.Ensemble;

namespace Statecraft.Core.Tests.Ensemble;

public sealed class PredictiveDistributionTests
{
    private static readonly IssueScale Scale = IssueScale.Percent;

    [Fact]
    public void One_member_one_draw_is_the_forecast_plus_or_minus_each_residual()
    {
        // Only BDM has weight; it says 50; its one residual is 10, symmetrised to -10 and +10.
        var p = EnsembleModel.Predictive([50, 0, 0, 0], 1, TestWeights.Of([1, 0, 0, 0], [10]), Scale);
        p.Cdf(39.9).ShouldBe(0);
        p.Cdf(40).ShouldBe(0.5);
        p.Cdf(59.9).ShouldBe(0.5);
        p.Cdf(60).ShouldBe(1);
        // Half the mass at 40, half at 60: the median is the middle of the gap, not its lower end.
        p.Median.ShouldBe(50, 1e-6);
        p.Quantile(0.25).ShouldBe(40, 1e-6);
        p.Quantile(0.75).ShouldBe(60, 1e-6);
        p.ProbabilityAbove(50).ShouldBe(0.5);
    }

    [Fact]
    public void Mass_beyond_the_scale_sits_at_its_end()
    {
        var p = EnsembleModel.Predictive([95, 0, 0, 0], 1, TestWeights.Of([1, 0, 0, 0], [10]), Scale);
        p.Cdf(99.99).ShouldBe(0.5);
        p.Cdf(100).ShouldBe(1);
        p.Quantile(0.9).ShouldBe(100);
        p.Quantile(0.1).ShouldBe(85, 1e-6);
    }

    [Fact]
    public void Members_are_pooled_by_their_weights()
    {
        // BDM (weight 0.25) says 20, SMP (0.75) says 80, no error: 25% at 20, 75% at 80.
        var p = EnsembleModel.Predictive([20, 80, 0, 0], 1, TestWeights.Of([0.25, 0.75, 0, 0], [0]), Scale);
        p.Cdf(20).ShouldBe(0.25, 1e-12);
        p.Quantile(0.2).ShouldBe(20, 1e-6);
        p.Median.ShouldBe(80, 1e-6);
    }

    [Fact]
    public void A_member_that_cannot_run_in_a_draw_leaves_that_draw_to_the_others()
    {
        // Draw 0: SMP missing, so BDM carries the draw's whole mass at 10; draw 1: both at 90.
        var p = EnsembleModel.Predictive([10, double.NaN, 0, 0, 90, 90, 0, 0], 2, TestWeights.Of([0.5, 0.5, 0, 0], [0]), Scale);
        p.Cdf(10).ShouldBe(0.5, 1e-12);
        p.Cdf(89).ShouldBe(0.5, 1e-12);
        p.Median.ShouldBe(50, 1e-6);
        p.Draws.ShouldBe(2);
    }

    [Fact]
    public void Residuals_learnt_on_0_to_100_are_rescaled_to_the_issues_span()
    {
        var p = EnsembleModel.Predictive([5, 0, 0, 0], 1, TestWeights.Of([1, 0, 0, 0], [10]), new IssueScale(0, 10, "", ""));
        p.Quantile(0.25).ShouldBe(4, 1e-8);
        p.Quantile(0.75).ShouldBe(6, 1e-8);
    }

    [Property(MaxTest = 200)]
    public bool The_median_lies_inside_the_90_percent_interval_and_the_cdf_never_falls(PositiveInt seed)
    {
        var rng = new System.Random(seed.Get);
        var draws = 1 + rng.Next(20);
        var forecasts = Enumerable.Range(0, 4 * draws).Select(_ => rng.NextDouble() < 0.05 ? double.NaN : 100 * rng.NextDouble()).ToArray();
        for (var k = 0; k < draws; k++) forecasts[k * 4 + 2] = 100 * rng.NextDouble(); // the weighted mean always runs
        var weights = Enumerable.Range(0, 4).Select(_ => 0.01 + rng.NextDouble()).ToArray();
        var total = weights.Sum();
        var residuals = Enumerable.Range(0, 1 + rng.Next(30)).Select(_ => 200 * rng.NextDouble() - 100).ToArray();
        var p = EnsembleModel.Predictive(forecasts, draws, TestWeights.Of(weights.Select(w => w / total).ToArray(), residuals), Scale);
        var (lo, mid, hi) = (p.Quantile(0.05), p.Median, p.Quantile(0.95));
        var monotone = true;
        var last = 0.0;
        for (var y = 0.0; y <= 100; y += 0.5)
        {
            var c = p.Cdf(y);
            monotone &= c >= last - 1e-12 && c <= 1 + 1e-12;
            last = c;
        }

        return lo <= mid && mid <= hi && lo >= 0 && hi <= 100 && monotone && p.Cdf(100) == 1 && p.Cdf(mid) >= 0.5 - 1e-9;
    }
}

public sealed class EnsembleCalibrationTests
{
    private static readonly CalibrationProvenance Provenance = new("test", "", "");

    private static CalibrationCase Case(string id, double outcome, params double[] f) => new(id, outcome, f);

    [Fact]
    public void Weights_are_inverse_mean_squared_errors_over_the_complete_cases()
    {
        // Errors: bdm 10, 10 (MSE 100); smp 20, 0 (MSE 200); mean 0, 0 (floored); median 10, 30 (MSE 500).
        // The third case lacks SMP and is left out of every member's errors.
        var cases = new[]
        {
            Case("a", 50, 40, 30, 50, 40),
            Case("b", 50, 60, 50, 50, 80),
            Case("c", 0, 100, double.NaN, 100, 100),
        };
        var mean = cases[0] with { Forecasts = [40, 30, 45, 40] };
        var w = EnsembleCalibration.Fit([mean, cases[1], cases[2]], Provenance);
        // Now mean errs 5 and 0: MSE 12.5.
        var inverse = new[] { 1 / 100.0, 1 / 200.0, 1 / 12.5, 1 / 500.0 };
        for (var m = 0; m < 4; m++) w.Members[m].Weight.ShouldBe(inverse[m] / inverse.Sum(), 1e-12);
        w.Issues.ShouldBe(2);
        w.Members[0].MeanAbsoluteError.ShouldBe(10);
        w.Members[3].RootMeanSquaredError.ShouldBe(Math.Sqrt(500), 1e-12);
        w.Members[1].Residuals.ShouldBe([0.0, 20.0]);
        w.Problems().ShouldBeEmpty();
    }

    [Fact]
    public void An_issue_is_scored_by_weights_and_errors_that_never_saw_it()
    {
        var rng = new System.Random(11);
        var cases = Enumerable.Range(0, 12).Select(i => Case($"i{i}", 100 * rng.NextDouble(),
            Enumerable.Range(0, 4).Select(_ => 100 * rng.NextDouble()).ToArray())).ToArray();
        var loo = EnsembleCalibration.LeaveOneOut(cases);
        loo.Count.ShouldBe(12);

        // Moving issue 3's outcome changes every other issue's forecast inputs but never its own.
        var moved = cases.ToArray();
        moved[3] = moved[3] with { Outcome = 100 - moved[3].Outcome };
        var again = EnsembleCalibration.LeaveOneOut(moved);
        again[3].Median.ShouldBe(loo[3].Median);
        again[3].Weights.ShouldBe(loo[3].Weights);
        again.Where((f, i) => i != 3).Select(f => f.Weights).ShouldNotBe(loo.Where((f, i) => i != 3).Select(f => f.Weights));

        // Its weights are the fit on the other eleven.
        var others = EnsembleCalibration.Fit(cases.Where((c, i) => i != 3).ToArray(), Provenance);
        loo[3].Weights.ShouldBe(others.Members.Select(m => m.Weight).ToArray());
        loo.ShouldAllBe(f => f.Lower <= f.Median && f.Median <= f.Upper);
    }

    [Fact]
    public void Members_forecast_each_issue_as_the_models_do()
    {
        var issue = Issue.Create("i", IssueScale.Percent,
        [
            new Actor("A", new Capability(2), new Position(10), new Salience(0.9)),
            new Actor("B", new Capability(1), new Position(90), new Salience(0.5)),
            new Actor("C", new Capability(1), new Position(60), new Salience(0.2)),
        ]).Value;
        var c = EnsembleCalibration.Cases([("i", issue, 40)]).Single();
        c.Forecasts[0].ShouldBe(BdmModel.Run(issue, BdmOptions.Default).ForecastMedian);
        c.Forecasts[1].ShouldBeInRange(10, 90);
        c.Forecasts[2].ShouldBe(Baselines.WeightedMean(issue));
        c.Forecasts[3].ShouldBe(Baselines.WeightedMedian(issue));
        c.Complete.ShouldBeTrue();
    }

    [Fact]
    public void Smp_leaves_out_actors_that_care_about_nothing_and_needs_two()
    {
        var issue = Issue.Create("i", IssueScale.Percent,
        [
            new Actor("A", new Capability(2), new Position(10), new Salience(0.9)),
            new Actor("B", new Capability(1), new Position(90), new Salience(0)),
        ]).Value;
        EnsembleMembers.Smp(issue).ShouldBeNull();
        var forecasts = new double[4];
        EnsembleMembers.Forecast(issue, forecasts);
        double.IsNaN(forecasts[1]).ShouldBeTrue();
    }
}
