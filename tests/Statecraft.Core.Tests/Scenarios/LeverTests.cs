using Statecraft.Core.Coercion;
using Statecraft.Core.Domain;
using Statecraft.Core.Scenarios;
using Statecraft.Core.Scenarios.Analysis;
using Statecraft.Core.Tests.Ensemble;

namespace Statecraft.Core.Tests.Scenarios;

/// <summary>Levers as the source article argues them: the channels each kind needs, dollars beside GDP shares, and the pressure a lever puts on a government.</summary>
public sealed class LeverTests
{
    // A deportation with every channel the article names, in round numbers (A deports B's workers).
    private static Dictionary<string, SourcedValue> DeportInputs() => new()
    {
        ["share_cut"] = Tiny.V(0.5),
        ["workers"] = Tiny.V(1000),
        ["target.remittances.flow"] = Tiny.V(2_000_000),
        ["target.returning_workers.absorbed"] = Tiny.V(0.2),
        ["target.returning_workers.idle_cost"] = Tiny.V(2_000),
        ["sender.vacancies.unfilled"] = Tiny.V(0.5),
        ["sender.vacancies.output_per_worker"] = Tiny.V(10_000),
        ["sender.vacancies.wage"] = Tiny.V(8_000),
        ["sender.vacancies.wage_premium"] = Tiny.V(0.25),
        ["political_pressure"] = Tiny.R(0.4, 0.2, 0.6),
        ["sender_gdp"] = Tiny.V(1e9),
        ["target_gdp"] = Tiny.V(1e8),
    };

    private static ParseResult<Scenario> WithLever(LeverKind kind, Dictionary<string, SourcedValue> inputs, CoercionMeasure measure = CoercionMeasure.Usd) =>
        Scenario.Create(Tiny.Header, Tiny.Sources, Tiny.Actors, [Tiny.Issue], Tiny.Ties, Tiny.Parameters,
            [new Lever("deport", kind, "A", "B", "A expels B's workers.", inputs)], [],
            [new Question("deport", "Who loses more?", QuestionModel.Coercion, ["C1"], "The sender.", new Expectation(Above: 1), Lever: "deport", Measure: measure)]);

    [Fact]
    public void A_deportation_needs_remittances_returning_workers_and_the_sender_s_labour_market()
    {
        WithLever(LeverKind.DeportMigrants, DeportInputs()).Success.ShouldBeTrue();
        var inputs = DeportInputs();
        inputs.Remove("target.returning_workers.absorbed");
        inputs.Remove("target.returning_workers.idle_cost");
        inputs.Remove("sender.vacancies.unfilled");
        var problems = WithLever(LeverKind.DeportMigrants, inputs).Problems.Select(p => p.ToString()).ToArray();
        problems.ShouldContain("deport: inputs: a deport-migrants lever needs the channel target.returning_workers");
        problems.ShouldContain("deport: inputs: channel sender.vacancies needs 'unfilled' (as sender.vacancies.unfilled or a shared 'unfilled')");
    }

    [Fact]
    public void A_lever_without_a_cost_model_and_a_pressure_outside_0_1_are_refused()
    {
        WithLever(LeverKind.Attack, DeportInputs()).Problems.ShouldContain(p => p.Message.Contains("lever kind 'attack' has no cost model"));
        var inputs = DeportInputs();
        inputs["political_pressure"] = Tiny.R(1.2, 0.8, 1.5);
        WithLever(LeverKind.DeportMigrants, inputs).Problems.ShouldContain(p => p.Message.StartsWith("input 'political_pressure': expected a judgement in [0, 1]", StringComparison.Ordinal));
    }

    [Fact]
    public void The_answer_is_in_the_claim_s_measure_with_the_other_beside_it_and_the_pressure_reported()
    {
        // Sender: 250 jobs empty x 10,000 + 250 refilled x 8,000 x 0.25 = 3.0 m. Target: remittances 1.0 m
        // + 500 returnees x 80% idle x 2,000 = 0.8 m, 1.8 m. In US$ 3.0/1.8; as GDP shares 0.003/0.018.
        var usd = QuestionEngine.Analyze(WithLever(LeverKind.DeportMigrants, DeportInputs()).Value, [], new AnalysisOptions(16, 3, TestWeights.Spread)).Answers.Single();
        usd.Value.ShouldBe(3.0 / 1.8, 1e-9);
        usd.Unit.ShouldContain("US$");
        usd.Models.Single(m => m.Model == "cost_ratio_share_of_gdp").Value!.Value.ShouldBe(0.003 / 0.018, 1e-9);
        usd.Models.Single(m => m.Model == "sender_cost_usd").Value!.Value.ShouldBe(3_000_000, 1e-6);
        usd.Models.Single(m => m.Model == "target_cost_usd").Value!.Value.ShouldBe(1_800_000, 1e-6);
        usd.Models.Single(m => m.Model == "political_pressure_on_target").Value.ShouldBe(0.4);
        usd.Verdict.ShouldContain("(the comparison C1 is about)");
        usd.Verdict.ShouldContain("pressure on B's government, a stated judgement (j)");
        usd.AgreesWithSource.ShouldBeTrue();

        var gdp = QuestionEngine.Analyze(WithLever(LeverKind.DeportMigrants, DeportInputs(), CoercionMeasure.ShareOfGdp).Value, [], new AnalysisOptions(16, 3, TestWeights.Spread)).Answers.Single();
        gdp.Value.ShouldBe(0.003 / 0.018, 1e-9);
        gdp.AgreesWithSource.ShouldBeFalse("relative to its economy the sender loses less");
    }
}
