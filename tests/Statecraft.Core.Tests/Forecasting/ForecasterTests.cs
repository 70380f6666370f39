using Statecraft.Core.Domain;
using Statecraft.Core.Ensemble;
using Statecraft.Core.Forecasting;
using Statecraft.Core.Scenarios;
using Statecraft.Core.Tests.Ensemble;

namespace Statecraft.Core.Tests.Forecasting;

public sealed class ForecasterTests
{
    [Theory]
    [InlineData(0.1, 365, 0.1)]
    [InlineData(0.1, 0, 0.0)]
    [InlineData(0.19, 730, 0.3439)] // two years: 1 − 0.81²
    [InlineData(0.0373, 179, 0.0184695)] // about the russia-strikes base rate: 1 − 0.9627^(179/365)
    public void A_yearly_probability_is_brought_to_the_window_at_a_constant_hazard(double yearly, int days, double expected) =>
        Forecaster.ForWindow(yearly, days).ShouldBe(expected, 1e-6);

    [Fact]
    public void Without_model_output_a_linked_question_uses_its_judgement_and_says_why()
    {
        var scenario = TestScenarios.WithForecasts();
        var f = Forecaster.Forecast(scenario, ModelEvidence.None("no model yet"));
        var war = f.Single(x => x.Question.Id == "war-2025");
        war.Headline.Forecaster.ShouldBe(Forecaster.Judgement);
        war.Headline.Prediction.P.ShouldBe(0.04);
        war.Term.ShouldBe("almost no chance");
        war.ModelNote!.ShouldContain("no model yet");
        war.Predictions.Count.ShouldBe(1);
        war.Drivers.Select(d => d.Kind).ShouldBe(["base rate", "judgement"]);
    }

    [Fact]
    public void A_war_trap_link_brings_each_dyad_to_the_window_and_combines_them_as_any_of_them()
    {
        var scenario = TestScenarios.WithForecasts();
        var evidence = new ModelEvidence(
            new Dictionary<string, MidProbability> { ["a-attacks-b"] = new(0.2), ["b-attacks-a"] = new(0.1) },
            new Dictionary<string, PredictiveDistribution>(), "");
        var war = Forecaster.Forecast(scenario, evidence).Single(x => x.Question.Id == "war-2025");
        // 179 days; share 0.5: (1 − (0.8^(179/365))·(0.9^(179/365)))·0.5
        var expected = (1 - Math.Pow(0.8, 179 / 365.0) * Math.Pow(0.9, 179 / 365.0)) * 0.5;
        war.Headline.Forecaster.ShouldBe("war-trap");
        war.Headline.Prediction.P!.Value.ShouldBe(expected, 1e-12);
        war.Predictions.Select(p => p.Forecaster).ShouldBe([Forecaster.Judgement, "war-trap"]);
        war.ModelNote.ShouldBeNull();
        war.Drivers.Count(d => d.Kind == "model").ShouldBe(2);
    }

    /// <summary>A predictive distribution with atoms at <paramref name="draws"/> (one member, no error), made through the ensemble.</summary>
    internal static PredictiveDistribution Atoms(double[] draws)
    {
        var n = EnsembleMembers.Count;
        var forecasts = new double[draws.Length * n];
        for (var k = 0; k < draws.Length; k++)
            for (var m = 0; m < n; m++) forecasts[k * n + m] = m == 0 ? draws[k] : double.NaN;
        var weights = TestWeights.Of([1, 0, 0, 0], [0]);
        return EnsembleModel.Predictive(forecasts, draws.Length, weights, IssueScale.Percent);
    }

    [Fact]
    public void An_outcome_link_is_the_share_of_the_predictive_distribution_beyond_the_threshold()
    {
        var scenario = TestScenarios.WithForecasts();
        var draws = Enumerable.Range(0, 100).Select(i => (double)i).ToArray(); // 0..99: 49 draws above 50
        var evidence = new ModelEvidence(new Dictionary<string, MidProbability>(),
            new Dictionary<string, PredictiveDistribution> { ["deal"] = Atoms(draws) }, "");
        var f = Forecaster.Forecast(scenario, evidence);
        var deal = f.Single(x => x.Question.Id == "deal-2025");
        deal.Headline.Prediction.P!.Value.ShouldBe(0.49, 1e-12);
        deal.Predictions.Select(p => (p.Forecaster, p.Prediction.P)).ShouldBe([(Forecaster.Judgement, 0.3), ("bargaining", deal.Headline.Prediction.P)]);
        var level = f.Single(x => x.Question.Id == "deal-level-2025");
        level.Headline.Forecaster.ShouldBe("bargaining");
        level.Headline.Prediction.Median.ShouldBe(49.5, 1e-9);
        level.Term.ShouldBeNull(); // estimative terms are for probabilities of events
    }

    [Fact]
    public void A_below_link_counts_the_mass_strictly_below_the_threshold()
    {
        var scenario = TestScenarios.WithForecasts();
        var below = scenario.Forecasts[1] with { Model = new ModelLink(["deal"], ModelLinkKind.OutcomeBelow, Threshold: 50) };
        var evidence = new ModelEvidence(new Dictionary<string, MidProbability>(),
            new Dictionary<string, PredictiveDistribution> { ["deal"] = Atoms(Enumerable.Range(0, 100).Select(i => (double)i).ToArray()) }, "");
        // 0..49 lie below 50; the atom at 50 itself is not below.
        Forecaster.Forecast(scenario, below, evidence).Headline.Prediction.P!.Value.ShouldBe(0.5, 1e-12);
    }

    [Fact]
    public void Key_probabilities_give_the_date_the_source_and_the_term()
    {
        var scenario = TestScenarios.WithForecasts();
        var evidence = new ModelEvidence(new Dictionary<string, MidProbability>(),
            new Dictionary<string, PredictiveDistribution> { ["deal"] = Atoms([10, 20, 60, 70]) }, "War Trap pending");
        var keys = Forecaster.KeyProbabilities(scenario, evidence);
        keys.Select(k => k.Id).ShouldBe(["war-2025", "deal-2025"]);
        keys.ShouldAllBe(k => k.Deadline == TestScenarios.Deadline);
        keys[0].P.ShouldBe(0.04);
        keys[0].Source.ShouldBe("base rate adjusted by judgement (model link pending)");
        keys[1].P.ShouldBe(0.5, 1e-12);
        keys[1].Term.ShouldBe("roughly even chance");
        keys[1].Source.ShouldBe("bargaining model (outcome-above deal, threshold 50)");
    }

    [Fact]
    public void Key_probabilities_list_the_binary_questions_with_their_terms()
    {
        var keys = Forecaster.KeyProbabilities(TestScenarios.WithForecasts(), ModelEvidence.None(""));
        keys.Select(k => k.Id).ShouldBe(["war-2025", "deal-2025"]);
        keys[1].P.ShouldBe(0.3);
        keys[1].Term.ShouldBe("unlikely");
    }
}
