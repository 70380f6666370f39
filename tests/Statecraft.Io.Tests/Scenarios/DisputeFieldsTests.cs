using Statecraft.Io.Scenarios;

namespace Statecraft.Io.Tests.Scenarios;

/// <summary>The War Trap fields the dispute probability reads: every problem located, all at once.</summary>
public sealed class DisputeFieldsTests
{
    private const string Valid = """
        scenario: {id: tiny, title: Tiny, date: 2025-01-01}
        sources:
          - {id: judge, kind: judgement, reasoning: "Stated for the test."}
          - {id: data, kind: dataset, title: "Some dataset"}
          - {id: C1, kind: claim, lines: 3-4, text: "A claim."}
        actors:
          - {id: A, name: Alpha, kind: state, capability: {value: 0.5, source: data, field: cinc, year: 2022},
             attributes: {lat: {value: 10, source: data, field: lat, year: 2024}, lon: {value: 10, source: data, field: lon, year: 2024},
                          major_power: {value: 1, source: data, field: major, year: 2016}, home_region: {value: 1, source: data, field: region, year: 2016}}}
          - {id: B, name: Beta, kind: state, capability: {value: 0.2, low: 0.1, high: 0.3, source: judge},
             attributes: {lat: {value: 11, source: data, field: lat, year: 2024}, lon: {value: 11, source: data, field: lon, year: 2024},
                          major_power: {value: 0, source: data, field: major, year: 2016}, home_region: {value: 1, source: data, field: region, year: 2016}}}
        parameters:
          - {id: ab-contiguity, text: "Contiguity", unit: contiguity type, value: {value: 1, source: data, field: conttype, year: 2016}}
          - {id: ab-peace, text: "Peace years", unit: years, value: {value: 5, low: 2, high: 8, source: judge}}
        questions:
          - {id: war, text: "Will A attack B?", model: war-trap, challenger: A, target: B, contiguity: ab-contiguity, peace_years: ab-peace,
             claims: [C1], source_conclusion: "No.", expect: {below: 0.2}}
        """;

    private static IReadOnlyList<string> Problems(string yaml)
    {
        var result = ScenarioLoader.Load(yaml, "bad.yaml");
        result.Success.ShouldBeFalse();
        return result.Problems.Select(p => p.ToString()).ToArray();
    }

    [Fact]
    public void The_valid_base_loads_with_both_fields()
    {
        var q = ScenarioLoader.Load(Valid, "ok.yaml").Value.Scenario.Questions.Single();
        q.Contiguity.ShouldBe("ab-contiguity");
        q.PeaceYears.ShouldBe("ab-peace");
    }

    [Fact]
    public void Contiguity_without_peace_years_is_refused_where_the_question_is()
    {
        Problems(Valid.Replace(" peace_years: ab-peace,", "")).ShouldHaveSingleItem()
            .ShouldBe("bad.yaml:17:5: war: peace_years: give contiguity and peace_years together");
    }

    [Fact]
    public void Bad_values_and_missing_attributes_are_all_reported()
    {
        var yaml = Valid
            .Replace("{value: 1, source: data, field: conttype, year: 2016}", "{value: 1, low: 1, high: 2, source: judge}")
            .Replace("{value: 5, low: 2, high: 8, source: judge}", "{value: 5, low: -2, high: 8, source: judge}")
            .Replace("major_power: {value: 0, source: data, field: major, year: 2016}, ", "")
            .Replace("home_region: {value: 1, source: data, field: region, year: 2016}}}\n  - {id: B", "home_region: {value: 7, source: data, field: region, year: 2016}}}\n  - {id: B");
        var problems = Problems(yaml);
        problems.ShouldContain(p => p.StartsWith("bad.yaml:", StringComparison.Ordinal) && p.Contains("A: home_region: expected a COW region code 1-5"));
        problems.ShouldContain(p => p.Contains("war: contiguity: parameter 'ab-contiguity' must be a COW contiguity type 0-5 (a single value)"));
        problems.ShouldContain(p => p.Contains("war: peace_years: parameter 'ab-peace' must be years >= 0"));
        problems.ShouldContain(p => p.Contains("B: major_power: question 'war' asks for a dispute probability, which needs major_power on every War Trap state"));
        problems.ShouldAllBe(p => p.StartsWith("bad.yaml:", StringComparison.Ordinal));
    }

    [Fact]
    public void Some_but_not_all_component_shares_are_refused()
    {
        var yaml = Valid.Replace("home_region: {value: 1, source: data, field: region, year: 2016}}}\n  - {id: B",
            "home_region: {value: 1, source: data, field: region, year: 2016}, milex_share: {value: 0.1, source: data, field: milex share, year: 2022}}}\n  - {id: B");
        Problems(yaml).ShouldHaveSingleItem().ShouldContain("A: milex_share: give all six COW NMC component shares or none; missing milper_share, irst_share, pec_share, tpop_share, upop_share");
    }

    [Fact]
    public void Only_war_trap_questions_take_the_fields()
    {
        var yaml = Valid.Replace("model: war-trap, challenger: A, target: B,", "model: coercion, lever: nothing,");
        Problems(yaml).ShouldContain(p => p.Contains("war: contiguity: only war-trap questions take contiguity and peace_years"));
    }
}
