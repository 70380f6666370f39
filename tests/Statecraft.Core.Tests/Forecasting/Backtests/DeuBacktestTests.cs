using Statecraft.Core.Ensemble;
using Statecraft.Core.Forecasting.Backtests;

namespace Statecraft.Core.Tests.Forecasting.Backtests;

public sealed class DeuBacktestTests
{
    private static readonly DeuQuestion CommissionSide = DeuBacktest.Questions.Single(q => q.Id == "commission-side");
    private static readonly DeuQuestion Above50 = DeuBacktest.Questions.Single(q => q.Id == "above-50");

    private static DeuCase Case(string id, double outcome, double? com = 80, double? rp = 20, double forecast = 50) =>
        new(id, outcome, com, rp, new Dictionary<string, double> { ["m"] = forecast });

    [Theory]
    [InlineData(80, 20, 60, 1)] // midpoint 50; 60 is towards the Commission
    [InlineData(80, 20, 40, -1)]
    [InlineData(80, 20, 50, 0)]
    [InlineData(10, 70, 30, 1)] // the Commission below the status quo: the midpoint is 40, 30 is its side
    [InlineData(10, 70, 45, -1)]
    public void The_commission_side_of_the_midpoint(double com, double rp, double x, int side) =>
        CommissionSide.Side(Case("i", 0, com, rp), x).ShouldBe(side);

    [Fact]
    public void Nothing_is_asked_without_a_commission_and_a_reference_point_apart()
    {
        CommissionSide.Side(Case("i", 0, null, 20), 50).ShouldBeNull();
        CommissionSide.Side(Case("i", 0, 80, null), 50).ShouldBeNull();
        CommissionSide.Side(Case("i", 0, 30, 30), 50).ShouldBeNull();
        Above50.Side(Case("i", 0, null, null), 51).ShouldBe(1);
    }

    [Fact]
    public void The_probability_is_the_share_of_forecast_plus_the_other_cases_errors_by_hand()
    {
        // Forecast 45 with residuals {+10, −10, +3, +5, 0 (its own, left out)}: draws 55, 35, 48, 50.
        // Midpoint 50 (Commission 80, reference 20): 55 yes, 35 and 48 no, 50 on the midpoint counts one half.
        var p = DeuBacktest.Probability(CommissionSide, Case("i", 0), 45, [10, -10, 3, 5, 0], own: 4);
        p.ShouldBe(1.5 / 4, 1e-15);
        // Draws beyond the scale are clamped to it: 45 + 70 = 115 → 100 is still above 50, 45 − 70 → 0.
        DeuBacktest.Probability(Above50, Case("i", 0), 45, [70, -70, 0], own: 2).ShouldBe(0.5, 1e-15);
    }

    [Fact]
    public void A_model_with_its_own_predictive_distribution_is_read_on_the_yes_side_an_atom_on_the_threshold_counting_half()
    {
        // Atoms at 0..99: above 50 are 51..99 (49), one atom sits on 50. Commission 10, reference 70:
        // midpoint 40, the yes side is below it: 0..39 (40), one atom on 40.
        var d = ForecasterTests.Atoms(Enumerable.Range(0, 100).Select(i => (double)i).ToArray());
        Above50.Probability(Case("i", 0), d).ShouldBe(0.495, 1e-12);
        CommissionSide.Probability(Case("i", 0, com: 10, rp: 70), d).ShouldBe(0.405, 1e-12);

        // In a backtest the distribution replaces forecast-plus-errors for that model only.
        var cases = new[] { Case("a", 90), Case("b", 90), Case("c", 10) }
            .Select(c => c with { Distributions = new Dictionary<string, PredictiveDistribution> { ["m"] = d } }).ToArray();
        var q = DeuBacktest.Ask(Above50, cases, new Dictionary<string, string> { ["m"] = "test model" });
        q.Detail.ShouldAllBe(c => Math.Abs(c.P["m"] - 0.495) < 1e-12);
    }

    [Fact]
    public void An_issue_never_sees_its_own_outcome()
    {
        // Three issues whose model is always 40 points too low. If a case used its own residual, its
        // probability would change with its own outcome; here only the others' residuals count.
        var cases = new[] { Case("a", 90, forecast: 50), Case("b", 90, forecast: 50), Case("c", 90, forecast: 50), Case("d", 10, forecast: 50) };
        var q = DeuBacktest.Ask(CommissionSide, cases, new Dictionary<string, string> { ["m"] = "test model" });
        q.Cases.ShouldBe(4);
        q.Events.ShouldBe(3);
        // a: residuals of b, c, d = {+40, +40, −40} → draws 90, 90, 10 → 2/3 yes. d: residuals {+40, +40, +40} → 1.
        q.Detail.Single(d => d.Id == "a").P["m"].ShouldBe(2.0 / 3, 1e-15);
        q.Detail.Single(d => d.Id == "d").P["m"].ShouldBe(1, 1e-15);
        // Base rates leave the case out too: a sees 2 of 3 others, d sees 3 of 3.
        q.Detail.Single(d => d.Id == "a").BaseRate.ShouldBe(2.0 / 3, 1e-15);
        q.Detail.Single(d => d.Id == "d").BaseRate.ShouldBe(1, 1e-15);
        var score = q.Models.ShouldHaveSingleItem();
        score.Brier.ShouldBe((3 * Math.Pow(1 - 2.0 / 3, 2) + 1) / 4, 1e-12);
    }

    [Fact]
    public void Issues_that_ask_nothing_or_sit_on_the_threshold_are_left_out_and_said_so()
    {
        var cases = new[] { Case("a", 90), Case("b", 10), Case("c", 70), Case("d", 50), Case("e", 60, 30, 30) };
        var q = DeuBacktest.Ask(CommissionSide, cases, new Dictionary<string, string> { ["m"] = "x" });
        q.Cases.ShouldBe(3);
        q.Notes.ShouldContain(n => n.StartsWith("1 issue(s) the question cannot be asked of"));
        q.Notes.ShouldContain(n => n.StartsWith("1 issue(s) whose outcome sits exactly on the threshold"));
        DeuBacktest.Ask(CommissionSide, cases.Take(2).ToArray(), new Dictionary<string, string> { ["m"] = "x" }).Models.ShouldBeEmpty();
    }

    [Fact]
    public void Pooled_scores_take_every_questions_cases()
    {
        var cases = Enumerable.Range(0, 10).Select(i => Case($"i{i}", 10 * i + 5, forecast: 10 * i)).ToArray();
        var report = DeuBacktest.Run(cases, new Dictionary<string, string> { ["m"] = "x" });
        report.Pooled.ShouldHaveSingleItem().Cases.ShouldBe(report.Questions.Sum(q => q.Cases));
    }
}
