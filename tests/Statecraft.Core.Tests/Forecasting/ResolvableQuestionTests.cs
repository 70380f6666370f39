using Statecraft.Core.Domain;
using Statecraft.Core.Forecasting;
using Statecraft.Core.Scenarios;
using Statecraft.Core.Tests.Scenarios;

namespace Statecraft.Core.Tests.Forecasting;

/// <summary>The scenario's rules for resolvable questions, each broken once.</summary>
public sealed class ResolvableQuestionTests
{
    [Fact]
    public void The_test_scenario_is_valid_and_keeps_its_forecasts()
    {
        var s = TestScenarios.Create(TestScenarios.Forecasts);
        s.Success.ShouldBeTrue(string.Join("; ", s.Problems));
        s.Value.Forecasts.Select(f => f.Id).ShouldBe(["war-2025", "deal-2025", "deal-level-2025", "who-wins-2025"]);
        s.Value.Forecasts[3].ForecastDate(s.Value.Date).ShouldBe(s.Value.Date); // no made_at: the scenario's date
        // Applying a policy keeps them.
        s.Value.Apply(s.Value.Policy("care")).Forecasts.Count.ShouldBe(4);
    }

    public static TheoryData<string, ResolvableQuestion, string, string> Broken() => new()
    {
        { "unknown model question", TestScenarios.War(new ModelLink(["nope"], ModelLinkKind.WarTrapMid)), "model", "unknown model question 'nope'" },
        { "link to the wrong model", TestScenarios.War(new ModelLink(["deal"], ModelLinkKind.WarTrapMid)), "model", "reads a war-trap question; 'deal' is not one" },
        { "threshold off the scale", TestScenarios.War(new ModelLink(["deal"], ModelLinkKind.OutcomeAbove, Threshold: 120)), "model", "outside issue 'border''s scale" },
        { "threshold missing", TestScenarios.War(new ModelLink(["deal"], ModelLinkKind.OutcomeAbove)), "model", "needs a threshold" },
        { "numeric link on a binary question", TestScenarios.War(new ModelLink(["deal"], ModelLinkKind.Outcome)), "model", "gives a numeric forecast" },
        { "deadline before the forecast", TestScenarios.War(deadline: new DateOnly(2025, 7, 1)), "deadline", "must come after the forecast date" },
        { "forecast before the scenario's facts", TestScenarios.War(madeAt: new DateOnly(2024, 12, 31)), "made_at", "before the scenario date" },
        { "no reasoning", TestScenarios.War(judgement: TestScenarios.Binary(0.04, " ")), "judgement", "state the reasoning" },
        { "numeric statement on a binary question", TestScenarios.War(baseRate: new SourcedPrediction(Prediction.FromSamples([1.0]), new SourceRef("j"), "x", [])), "base_rate", "needs a binary statement" },
        { "unknown source", TestScenarios.War(judgement: new SourcedPrediction(Prediction.Binary(0.1), new SourceRef("nope"), "x", [])), "judgement", "unknown source 'nope'" },
        { "unknown citation", TestScenarios.War(judgement: new SourcedPrediction(Prediction.Binary(0.1), new SourceRef("j"), "x", ["F9"])), "judgement", "unknown source 'F9' in cites" },
        { "range that misses the value", TestScenarios.War(judgement: new SourcedPrediction(Prediction.Binary(0.1), new SourceRef("j"), "x", [], 0.2, 0.3)), "judgement", "low <= value <= high" },
        { "dataset without field and year", TestScenarios.War(baseRate: new SourcedPrediction(Prediction.Binary(0.1), new SourceRef("d"), "x", [])), "base_rate", "name its field and year" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_rule_is_reported_with_its_field(string rule, ResolvableQuestion question, string field, string message)
    {
        var s = TestScenarios.Create([question]);
        s.Success.ShouldBeFalse(rule);
        s.Problems.ShouldContain(p => p.Subject == "war-2025" && p.Field == field && p.Message.Contains(message), string.Join("; ", s.Problems));
    }

    [Fact]
    public void A_source_dated_after_the_forecast_is_hindsight()
    {
        var later = new Source("F1", SourceKind.Fact, "Something that happened later.", "https://example.org", Date: new DateOnly(2025, 3, 1));
        var s = TestScenarios.Create(
            [TestScenarios.War(madeAt: new DateOnly(2025, 1, 15), judgement: new SourcedPrediction(Prediction.Binary(0.1), new SourceRef("j"), "x", ["F1"]))],
            [.. Tiny.Sources, later]);
        s.Problems.ShouldContain(p => p.Field == "judgement" && p.Message.Contains("dated 2025-03-01, after the forecast date 2025-01-15"));
    }

    [Fact]
    public void Categories_must_match_the_questions()
    {
        var q = TestScenarios.Forecasts[3] with { Categories = ["A", "B", "C"] };
        var s = TestScenarios.Create([q]);
        s.Problems.Count(p => p.Message.Contains("exactly the categories A, B, C")).ShouldBe(2); // base rate and judgement
        TestScenarios.Create([TestScenarios.Forecasts[3] with { Categories = ["A"] }]).Problems
            .ShouldContain(p => p.Field == "categories" && p.Message.Contains("at least two"));
    }

    [Fact]
    public void Ids_are_unique_and_apart_from_the_model_questions()
    {
        TestScenarios.Create([TestScenarios.War(), TestScenarios.War()]).Problems.ShouldContain(p => p.Message == "duplicate forecast id");
        TestScenarios.Create([TestScenarios.War() with { Id = "deal" }]).Problems.ShouldContain(p => p.Message.Contains("a model question has this id"));
    }
}
