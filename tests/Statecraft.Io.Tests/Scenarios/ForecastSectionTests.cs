using Statecraft.Core.Forecasting;
using Statecraft.Io.Scenarios;

namespace Statecraft.Io.Tests.Scenarios;

/// <summary>The forecasts: section: read in every shape, and every problem located at file:line:column.</summary>
public sealed class ForecastSectionTests
{
    // The valid little scenario (19 lines) plus one question of each kind (lines 21, 28 and 37).
    internal const string Valid = BadScenarioTests.Valid + "\n" + """
        forecasts:
          - id: deal-2025
            text: Will the border deal be signed in 2025?
            kind: binary
            resolution: {yes_when: "Both sign.", deadline: 2025-12-31, decided_by: "The two foreign ministries."}
            base_rate: {value: 0.1, source: data, field: deals signed, year: 2024, reasoning: "One year in ten saw a deal."}
            judgement: {value: 0.3, low: 0.2, high: 0.4, source: judge, cites: [C1], reasoning: "Talks are further along than ever."}
            model: {question: q, link: outcome-above, threshold: 50}
          - id: border-line-2025
            text: Where will the line be drawn?
            kind: numeric
            unit: km from A's capital
            made_at: 2025-02-01
            resolution: {measure: "The agreed line.", deadline: 2025-12-31, decided_by: "The treaty text."}
            base_rate: {dist: normal, mean: 50, sd: 20, source: judge, reasoning: "Anywhere in between."}
            judgement: {dist: triangular, lo: 30, mode: 60, hi: 80, source: judge, reasoning: "B's claim is stronger."}
            model: {question: q, link: outcome}
          - id: lead-2025
            text: Who leads the talks?
            kind: categorical
            categories: [A, B]
            resolution: {measure: "The lead negotiator's state.", deadline: 2025-12-31, decided_by: "Press."}
            base_rate: {probabilities: {A: 0.5, B: 0.5}, source: judge, reasoning: "Even."}
            judgement: {probabilities: {A: 0.7, B: 0.3}, source: judge, reasoning: "A is stronger."}
        """;

    private static IReadOnlyList<string> Problems(string yaml)
    {
        var result = ScenarioLoader.Load(yaml, "bad.yaml");
        result.Success.ShouldBeFalse();
        return result.Problems.Select(p => p.ToString()).ToArray();
    }

    [Fact]
    public void Every_kind_of_question_reads()
    {
        var loaded = ScenarioLoader.Load(Valid, "ok.yaml");
        loaded.Success.ShouldBeTrue(string.Join("\n", loaded.Problems));
        var f = loaded.Value.Scenario.Forecasts;
        f.Select(q => q.Kind).ShouldBe([QuestionKind.Binary, QuestionKind.Numeric, QuestionKind.Categorical]);
        f[0].ForecastDate(loaded.Value.Scenario.Date).ShouldBe(new DateOnly(2025, 1, 1));
        f[0].Judgement.Prediction.P.ShouldBe(0.3);
        (f[0].Judgement.Low, f[0].Judgement.High).ShouldBe((0.2, 0.4));
        f[0].Judgement.Cites.ShouldBe(["C1"]);
        f[0].BaseRate.Source.ToString().ShouldBe("data:deals signed:2024");
        (f[0].Model!.Questions.Single(), f[0].Model!.Kind, f[0].Model!.Threshold).ShouldBe(("q", ModelLinkKind.OutcomeAbove, (double?)50));
        f[0].Where!.Line.ShouldBe(21);
        f[1].MadeAt.ShouldBe(new DateOnly(2025, 2, 1));
        f[1].Unit.ShouldBe("km from A's capital");
        f[1].BaseRate.Prediction.Median.ShouldBe(50, 1e-9);
        f[1].Judgement.Prediction.Quantiles!.Count.ShouldBe(Prediction.QuantileCount);
        f[2].Categories.ShouldBe(["A", "B"]);
        f[2].Judgement.Prediction.Categories!.Select(c => c.P).ShouldBe([0.7, 0.3]);
    }

    [Fact]
    public void A_bare_probability_without_source_or_reasoning_is_rejected_where_it_stands()
    {
        var problems = Problems(Valid.Replace("""judgement: {value: 0.3, low: 0.2, high: 0.4, source: judge, cites: [C1], reasoning: "Talks are further along than ever."}""", "judgement: 0.3"));
        problems.ShouldHaveSingleItem().ShouldBe("bad.yaml:26:16: deal-2025: judgement: a number without a source: write {value: P, source: ID, reasoning: ...}");
        Problems(Valid.Replace(""", reasoning: "One year in ten saw a deal." """.Trim(), ""))
            .ShouldHaveSingleItem().ShouldBe("bad.yaml:25:16: deal-2025: base_rate: state the reasoning behind the number");
    }

    [Fact]
    public void Every_problem_of_the_section_is_reported_at_once()
    {
        var yaml = Valid
            .Replace("kind: binary", "kind: yes-no")
            .Replace("deadline: 2025-12-31, decided_by: \"The treaty text.\"", "deadline: 2025-31-12, decided_by: \"The treaty text.\"")
            .Replace("probabilities: {A: 0.7, B: 0.3}", "probabilities: {A: 0.7, B: 0.4}")
            .Replace("link: outcome}", "link: outcomes}");
        var problems = Problems(yaml);
        problems.ShouldContain(p => p.StartsWith("bad.yaml:23:11: deal-2025: kind: expected one of: binary, numeric, categorical; found 'yes-no'"));
        problems.ShouldContain(p => p.StartsWith("bad.yaml:33:") && p.Contains("border-line-2025: deadline: expected a date"));
        problems.ShouldContain(p => p.StartsWith("bad.yaml:36:") && p.Contains("border-line-2025: link: expected one of: war-trap-mid, outcome-above, outcome-below, outcome; found 'outcomes'"));
        problems.ShouldContain(p => p.StartsWith("bad.yaml:43:") && p.Contains("lead-2025: judgement.probabilities: the probabilities must sum to 1"));
        problems.Count.ShouldBe(4, string.Join("\n", problems));
    }

    [Fact]
    public void Cross_references_are_checked_by_the_scenario_rules()
    {
        var problems = Problems(Valid
            .Replace("model: {question: q, link: outcome-above, threshold: 50}", "model: {question: nope, link: outcome-above, threshold: 50}")
            .Replace("cites: [C1]", "cites: [C9]")
            .Replace("made_at: 2025-02-01", "made_at: 2024-12-01"));
        problems.ShouldContain("bad.yaml:27:12: deal-2025: model: unknown model question 'nope'");
        problems.ShouldContain(p => p.Contains("deal-2025: judgement: unknown source 'C9' in cites"));
        problems.ShouldContain(p => p.Contains("border-line-2025: made_at: 2024-12-01 is before the scenario date 2025-01-01"));
    }

    [Fact]
    public void A_probability_outside_0_1_and_an_unknown_field_are_rejected()
    {
        var problems = Problems(Valid.Replace("base_rate: {value: 0.1,", "base_rate: {value: 1.1,").Replace("    kind: categorical", "    kind: categorical\n    horizon: 6 months"));
        problems.ShouldContain(p => p.StartsWith("bad.yaml:25:16: deal-2025: base_rate: expected a probability in [0, 1]"));
        problems.ShouldContain(p => p.Contains("lead-2025: horizon: unknown field"));
    }
}
