using Statecraft.Io.Scenarios;

namespace Statecraft.Io.Tests.Scenarios;

public sealed class BadScenarioTests
{
    // A valid little scenario; each test breaks it in one or more places.
    internal const string Valid = """
        scenario: {id: tiny, title: Tiny, date: 2025-01-01}
        sources:
          - {id: judge, kind: judgement, reasoning: "Stated for the test."}
          - {id: data, kind: dataset, title: "Some dataset"}
          - {id: C1, kind: claim, lines: 3-4, text: "A claim."}
        actors:
          - {id: A, name: Alpha, kind: state, capability: {value: 0.5, source: data, field: cinc, year: 2022}}
          - {id: B, name: Beta, kind: state, capability: {value: 0.2, low: 0.1, high: 0.3, source: judge}}
        issues:
          - id: border
            title: The border
            scale: {min: 0, max: 100, min_means: "A's claim", max_means: "B's claim"}
            stances:
              - {actor: A, position: {value: 10, source: judge}, salience: {value: 0.8, source: judge}, influence: {value: 60, low: 50, high: 70, source: judge}}
              - {actor: B, position: {value: 90, source: judge}, salience: {value: 0.6, source: judge}, influence: {value: 40, low: 30, high: 50, source: judge}}
        ties:
          - {kind: rivalry, from: A, to: B, since: 2020-01-01, source: judge}
        questions:
          - {id: q, text: "Where does the border settle?", model: bargaining, issue: border, claims: [C1], source_conclusion: "Halfway.", expect: {above: 40, below: 60}}
        """;

    private static IReadOnlyList<string> Problems(string yaml)
    {
        var result = ScenarioLoader.Load(yaml, "bad.yaml");
        result.Success.ShouldBeFalse();
        return result.Problems.Select(p => p.ToString()).ToArray();
    }

    [Fact]
    public void The_valid_base_loads() => ScenarioLoader.Load(Valid, "ok.yaml").Success.ShouldBeTrue();

    [Fact]
    public void A_number_without_a_source_is_rejected_with_line_and_column()
    {
        var problems = Problems(Valid.Replace("salience: {value: 0.6, source: judge}", "salience: 0.6"));
        problems.ShouldHaveSingleItem().ShouldStartWith("bad.yaml:15:");
        problems[0].ShouldContain("border/B: salience: a number without a source");
    }

    [Fact]
    public void A_mapping_without_source_is_rejected()
    {
        var problems = Problems(Valid.Replace("salience: {value: 0.8, source: judge}", "salience: {value: 0.8}"));
        problems.ShouldHaveSingleItem().ShouldContain("salience: a number without a source");
        problems[0].ShouldStartWith("bad.yaml:14:");
    }

    [Fact]
    public void A_dataset_reference_needs_field_and_year()
    {
        var problems = Problems(Valid.Replace("source: data, field: cinc, year: 2022", "source: data"));
        problems.ShouldHaveSingleItem().ShouldContain("source 'data' is a dataset: name its field and year");
        problems[0].ShouldStartWith("bad.yaml:7:");
    }

    [Fact]
    public void An_unknown_actor_in_a_tie_is_named()
    {
        var problems = Problems(Valid.Replace("from: A, to: B", "from: A, to: Gamma"));
        problems.ShouldHaveSingleItem().ShouldBe("bad.yaml:17:5: tie Rivalry A-Gamma: to: unknown actor 'Gamma'");
    }

    [Fact]
    public void A_position_outside_the_scale_is_rejected()
    {
        var problems = Problems(Valid.Replace("position: {value: 90, source: judge}", "position: {value: 90, low: 80, high: 120, source: judge}"));
        problems.ShouldHaveSingleItem().ShouldContain("border/B: position: expected a position within the scale [0, 100]");
        problems[0].ShouldStartWith("bad.yaml:15:");
    }

    [Fact]
    public void A_duplicate_id_is_rejected()
    {
        var problems = Problems(Valid.Replace("{id: B, name: Beta", "{id: A, name: Beta"));
        problems.ShouldContain(p => p.StartsWith("bad.yaml:8:5: A: id: duplicate actor id", StringComparison.Ordinal));
    }

    [Fact]
    public void Malformed_yaml_is_reported_with_its_position()
    {
        var problems = Problems(Valid.Replace("title: The border", "title: [The border"));
        problems.ShouldHaveSingleItem().ShouldStartWith("bad.yaml:");
        problems[0].ShouldContain("malformed YAML");
        problems[0].ShouldMatch(@"^bad\.yaml:\d+:\d+: ");
    }

    [Fact]
    public void Every_problem_is_reported_at_once_in_file_order()
    {
        var yaml = Valid
            .Replace("salience: {value: 0.6, source: judge}", "salience: 0.6")
            .Replace("from: A, to: B", "from: A, to: Gamma")
            .Replace("position: {value: 10, source: judge}", "position: {value: -10, source: judge}")
            .Replace("{id: C1, kind: claim", "{id: judge, kind: claim")
            .Replace("issue: border, claims: [C1]", "issue: frontier, claims: [C1]");
        var problems = Problems(yaml);
        problems.Count.ShouldBe(6, string.Join("\n", problems));
        problems.ShouldContain(p => p.Contains("duplicate source id"));
        problems.ShouldContain(p => p.Contains("a number without a source"));
        problems.ShouldContain(p => p.Contains("unknown actor 'Gamma'"));
        problems.ShouldContain(p => p.Contains("position: expected a position within the scale"));
        problems.ShouldContain(p => p.Contains("unknown issue 'frontier'"));
        problems.ShouldContain(p => p.Contains("unknown claim 'C1'"));
        var lines = problems.Select(p => int.Parse(p.Split(':')[1])).ToArray();
        lines.ShouldBeInOrder();
    }

    [Fact]
    public void A_misspelt_field_is_not_silently_ignored()
    {
        var problems = Problems(Valid.Replace("title: The border", "titel: The border"));
        problems.ShouldContain(p => p.Contains("titel: unknown field"));
    }

    [Fact]
    public void Nothing_after_the_scenario_date()
    {
        var problems = Problems(Valid.Replace("since: 2020-01-01", "since: 2026-01-01"));
        problems.ShouldHaveSingleItem().ShouldContain("after the scenario date 2025-01-01");
    }

    [Fact]
    public void A_lever_the_coercion_model_cannot_read_is_rejected()
    {
        var yaml = Valid + "\n" + """
            levers:
              - id: squeeze
                kind: ban-imports
                actor: A
                target: B
                inputs:
                  target_gdp: {value: 1000, source: judge}
                  target.export_revenu.flow: {value: 10, low: 5, high: 20, source: judge}
            """;
        yaml = yaml.Replace("questions:\n", "questions:\n  - {id: c, text: \"?\", model: coercion, lever: squeeze, claims: [C1], source_conclusion: \"x\", expect: {above: 1}}\n");
        var problems = Problems(yaml);
        problems.ShouldContain(p => p.Contains("squeeze: inputs: missing input 'sender_gdp'"));
        problems.ShouldContain(p => p.Contains("unknown channel 'export_revenu'"));
        problems.ShouldAllBe(p => p.StartsWith("bad.yaml:", StringComparison.Ordinal));
    }

    [Fact]
    public void War_trap_needs_located_states()
    {
        var yaml = Valid.Replace("questions:\n", "questions:\n  - {id: w, text: \"?\", model: war-trap, challenger: A, target: B, claims: [C1], source_conclusion: \"x\", expect: {below: 0}}\n");
        var problems = Problems(yaml);
        problems.Count(p => p.Contains("War Trap needs a state or bloc with lat and lon attributes")).ShouldBe(2);
    }

    [Fact]
    public void Numbers_may_be_distributions_in_the_shared_syntax()
    {
        var yaml = Valid
            .Replace("salience: {value: 0.8, source: judge}", "salience: {dist: normal, mean: 0.8, sd: 0.1, min: 0, max: 1, source: judge}")
            .Replace("capability: {value: 0.5, source: data, field: cinc, year: 2022}", "capability: {dist: uniform, lo: 0.4, hi: 0.6, source: data, field: cinc, year: 2022}");
        var result = ScenarioLoader.Load(yaml, "ok.yaml");
        result.Success.ShouldBeTrue(string.Join("\n", result.Problems));
        var s = result.Value.Scenario;
        var salience = s.Issue("border").StanceOf("A")!.Salience;
        salience.Distribution!.Kind.ShouldBe("normal");
        salience.Estimate.Low.ShouldBe(0);
        salience.Estimate.High.ShouldBe(1);
        s.Actor("A").Capability.Estimate.ShouldBe(new Statecraft.Core.Scenarios.Estimate(0.5, 0.4, 0.6));
        s.Actor("A").Capability.Source.ShouldBe(new Statecraft.Core.Scenarios.SourceRef("data", "cinc", 2022));
    }

    [Fact]
    public void A_distribution_must_stay_in_its_domain_and_carry_a_source()
    {
        var problems = Problems(Valid
            .Replace("salience: {value: 0.8, source: judge}", "salience: {dist: normal, mean: 0.8, sd: 0.1, source: judge}")
            .Replace("salience: {value: 0.6, source: judge}", "salience: {dist: uniform, lo: 0.5, hi: 0.7}"));
        problems.Count.ShouldBe(2, string.Join("\n", problems));
        problems[0].ShouldStartWith("bad.yaml:14:");
        problems[0].ShouldContain("border/A: salience: expected " + Statecraft.Core.Domain.Salience.Expected);
        problems[1].ShouldStartWith("bad.yaml:15:");
        problems[1].ShouldContain("a number without a source");
    }
    [Fact]
    public void A_bargaining_stance_without_influence_is_refused_at_its_line()
    {
        var problems = Problems(Valid.Replace(", influence: {value: 40, low: 30, high: 50, source: judge}", ""));
        problems.ShouldHaveSingleItem().ShouldStartWith("bad.yaml:15:9: border/B: influence: missing: give the actor's weight on this issue");
        problems[0].ShouldContain("or declare influence: capability on the issue if it is decided by force");
    }

    [Fact]
    public void An_issue_decided_by_force_may_weigh_its_stances_by_capability()
    {
        var yaml = Valid.Replace(", influence: {value: 40, low: 30, high: 50, source: judge}", "")
            .Replace(", influence: {value: 60, low: 50, high: 70, source: judge}", "")
            .Replace("    title: The border\n", "    title: The border\n    influence: capability\n");
        var result = ScenarioLoader.Load(yaml, "ok.yaml");
        result.Success.ShouldBeTrue(string.Join("\n", result.Problems));
        result.Value.Scenario.Issue("border").InfluenceFromCapability.ShouldBeTrue();
        result.Value.Scenario.Issue("border").StanceOf("A")!.Influence.ShouldBeNull();

        var problems = Problems(Valid.Replace("    title: The border\n", "    title: The border\n    influence: cinc\n"));
        problems.ShouldHaveSingleItem().ShouldStartWith("bad.yaml:12:16: border: influence: expected 'capability'");
    }

    [Fact]
    public void Influence_is_read_with_its_source_and_checked_like_any_number()
    {
        var s = ScenarioLoader.Load(Valid, "ok.yaml").Value.Scenario;
        s.Issue("border").StanceOf("A")!.Influence!.Estimate.ShouldBe(new Statecraft.Core.Scenarios.Estimate(60, 50, 70));
        s.Issue("border").StanceOf("A")!.Influence!.Source.SourceId.ShouldBe("judge");

        var problems = Problems(Valid.Replace("influence: {value: 60, low: 50, high: 70, source: judge}", "influence: {value: 60, low: -5, high: 70, source: judge}")
            .Replace("influence: {value: 40, low: 30, high: 50, source: judge}", "influence: 40"));
        problems.Count.ShouldBe(2, string.Join("\n", problems));
        problems[0].ShouldStartWith("bad.yaml:14:");
        problems[0].ShouldContain("border/A: influence: expected an influence >= 0");
        problems[1].ShouldStartWith("bad.yaml:15:");
        problems[1].ShouldContain("border/B: influence: a number without a source");
    }
}
