using Statecraft.Core.Scenarios;
using Statecraft.Core.Scenarios.Analysis;
using Statecraft.Core.Tests.Ensemble;
using Statecraft.Core.Tests.Scenarios;
using Statecraft.Core.Uncertainty;

namespace Statecraft.Core.Tests.Scenarios.Analysis;

public sealed class AnalysisRunsTests
{
    private static readonly Scenario S = Tiny.Create().Value;

    private static AnalysisRuns Runs(AnalysisOptions o) => new(o, new AnalysisRuns.Counter(0, null), CancellationToken.None);

    [Fact]
    public void A_run_cut_from_a_longer_one_or_extended_from_a_shorter_one_is_the_run_made_afresh()
    {
        var o = new AnalysisOptions(40, 11, TestWeights.Spread);
        var runs = Runs(o);
        // Shorter first (then extended), longer, then shorter again (cut from the longest).
        foreach (var n in new[] { 10, 40, 25, 10, 3 })
        {
            var run = runs.Issue(S, "border", n);
            var fresh = EnsembleForecast.Predict(S, "border", o.Weights, new MonteCarloOptions(n, o.Seed));
            run.Draws.ShouldBe(fresh.PointForecasts);
            run.Value.ShouldBe(fresh.Median);
            run.Forecast!.Predictive.Quantile(0.05).ShouldBe(fresh.Predictive.Quantile(0.05));
            for (var m = 0; m < Core.Ensemble.EnsembleMembers.Count; m++) run.Forecast.MemberMedian(m).ShouldBe(fresh.MemberMedian(m));
        }

        var q = S.Questions.Single(x => x.Id == "a-attacks");
        var inputs = ScenarioInputs.Create(S, QuestionModels.WarTrapPaths(S, q));
        var model = QuestionModels.WarTrap(S, q, withBacker: true);
        foreach (var n in new[] { 7, 30, 12 })
        {
            var fresh = MonteCarlo.Run(inputs, model, Verdict.GreaterThan(0), new MonteCarloOptions(n, o.Seed));
            runs.WarTrap(S, q, withBacker: true, n).Draws.ShouldBe(fresh.Values);
        }
    }

    [Fact]
    public void A_policy_that_changes_the_inputs_gets_its_own_draws()
    {
        var o = new AnalysisOptions(20, 11, TestWeights.Spread);
        var runs = Runs(o);
        var before = runs.Issue(S, "border", 20);
        var after = runs.Issue(S.Apply(S.Policy("care")), "border", 20);
        after.Draws.ShouldNotBe(before.Draws);
        after.Draws.ShouldBe(EnsembleForecast.Predict(S.Apply(S.Policy("care")), "border", o.Weights, new MonteCarloOptions(20, o.Seed)).PointForecasts);
    }
}
