using Statecraft.Core.Bargaining;
using Statecraft.Core.Domain;
using Statecraft.Core.Scenarios;
using Statecraft.Core.Scenarios.Analysis;

namespace Statecraft.Core.Tests.Scenarios;

/// <summary>A small two-state scenario built in code, and variations of it.</summary>
internal static class Tiny
{
    public static readonly ScenarioHeader Header = new("tiny", "Tiny", new DateOnly(2025, 1, 1));

    public static SourcedValue V(double v, string source = "j") => SourcedValue.Point(v, new SourceRef(source));
    public static SourcedValue R(double v, double lo, double hi, string source = "j") => new(new Estimate(v, lo, hi), new SourceRef(source));

    public static readonly Source[] Sources =
    [
        new("j", SourceKind.Judgement, "Stated for the test, with reasoning."),
        new("d", SourceKind.Dataset, "A dataset"),
        new("C1", SourceKind.Claim, "A claim", FirstLine: 1, LastLine: 2),
    ];

    public static ScenarioActor State(string id, double cap, double lat, double lon, double committed = 0) => new(id, id, ActorKind.State,
        R(cap, cap * 0.8, cap * 1.2),
        new Dictionary<string, SourcedValue> { ["lat"] = V(lat), ["lon"] = V(lon), ["committed_elsewhere"] = R(committed, 0, Math.Max(committed, 0.1)) });

    public static ScenarioActor[] Actors =>
    [
        State("A", 0.05, 40, 40), State("B", 0.02, 41, 42), State("C", 0.2, 50, 10),
    ];

    // A border settled by force: its stances weigh by capability (the documented default for such issues).
    public static ScenarioIssue Issue => new("border", "Border", new IssueScale(0, 100, "A's claim", "B's claim"),
    [
        new("A", R(20, 10, 30), R(0.9, 0.8, 1.0)),
        new("B", R(80, 70, 90), R(0.8, 0.7, 0.9)),
        new("C", R(70, 60, 80), R(0.3, 0.2, 0.4)),
    ], InfluenceFromCapability: true);

    /// <summary>The same issue weighed by stated influence on it, which reverses the capability order (C strong in arms, weak here).</summary>
    public static ScenarioIssue InfluenceIssue => Issue with
    {
        InfluenceFromCapability = false,
        Stances =
        [
            new("A", R(20, 10, 30), R(0.9, 0.8, 1.0), Influence: R(30, 20, 40)),
            new("B", R(80, 70, 90), R(0.8, 0.7, 0.9), Influence: R(60, 50, 70)),
            new("C", R(70, 60, 80), R(0.3, 0.2, 0.4), Influence: R(10, 5, 15)),
        ],
    };

    public static Tie[] Ties => [new(TieKind.Entente, "C", "B", new DateOnly(2020, 1, 1), null, new SourceRef("j"), Commitment: "c-commit")];

    public static Parameter[] Parameters => [new("c-commit", "C's commitment to B", "share", R(0.5, 0.2, 0.8))];

    public static Policy[] Policies =>
    [
        new("care", "C cares more", "", ["C1"], [new Change(new ChangeTarget(Issue: "border", Actor: "C", Field: "salience"), ChangeOperation.Add, new Estimate(0.9, 0.9, 0.9), new SourceRef("j"))], []),
        new("weaken-a", "A weakened", "", [], [new Change(new ChangeTarget(Actor: "A", Field: "capability"), ChangeOperation.Scale, new Estimate(0.5, 0.4, 0.6), new SourceRef("j"))], []),
        new("both", "Both", "", [], [], ["care", "weaken-a"]),
    ];

    public static Question[] Questions =>
    [
        new("settle", "Where does the border settle?", QuestionModel.Bargaining, ["C1"], "Halfway.", new Expectation(Above: 50), Issue: "border"),
        new("a-attacks", "Would A attack B?", QuestionModel.WarTrap, ["C1"], "No.", new Expectation(Below: 0), Challenger: "A", Target: "B"),
        new("best", "Which policy?", QuestionModel.PolicyComparison, ["C1"], "Any.", new Expectation(Above: 0)),
    ];

    public static ParseResult<Scenario> Create(
        Source[]? sources = null, ScenarioActor[]? actors = null, ScenarioIssue[]? issues = null, Tie[]? ties = null,
        Parameter[]? parameters = null, Policy[]? policies = null, Question[]? questions = null) =>
        Scenario.Create(Header, sources ?? Sources, actors ?? Actors, issues ?? [Issue], ties ?? Ties, parameters ?? Parameters, [],
            policies ?? Policies, questions ?? Questions);
}

public sealed class ScenarioValidationTests
{
    [Fact]
    public void The_tiny_scenario_is_valid() => Tiny.Create().Success.ShouldBeTrue(string.Join("\n", Tiny.Create().Problems));

    [Fact]
    public void Unknown_references_are_named_all_at_once()
    {
        var result = Tiny.Create(
            ties: [new Tie(TieKind.Rivalry, "A", "Z", null, null, new SourceRef("nowhere"))],
            questions: [new Question("q", "?", QuestionModel.Bargaining, ["C9"], "", new Expectation(Above: 1), Issue: "coast")]);
        var messages = result.Problems.Select(p => p.ToString()).ToArray();
        messages.ShouldContain(m => m.Contains("unknown actor 'Z'"));
        messages.ShouldContain(m => m.Contains("unknown source 'nowhere'"));
        messages.ShouldContain(m => m.Contains("unknown claim 'C9'"));
        messages.ShouldContain(m => m.Contains("unknown issue 'coast'"));
    }

    [Fact]
    public void Dataset_citations_need_field_and_year_and_no_later_year()
    {
        var actors = Tiny.Actors;
        actors[0] = actors[0] with { Capability = SourcedValue.Point(0.05, new SourceRef("d")) };
        actors[1] = actors[1] with { Capability = SourcedValue.Point(0.02, new SourceRef("d", "cinc", 2030)) };
        var messages = Tiny.Create(actors: actors).Problems.Select(p => p.ToString()).ToArray();
        messages.ShouldContain(m => m.StartsWith("A: capability: source 'd' is a dataset", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("year 2030 is after the scenario date"));
    }

    [Fact]
    public void Ranges_must_stay_on_the_scale_and_saliences_in_the_unit_interval()
    {
        var issue = Tiny.Issue with
        {
            Stances = [new("A", Tiny.R(20, -5, 30), Tiny.V(0.9)), new("B", Tiny.V(80), Tiny.R(0.8, 0.7, 1.2))],
        };
        var messages = Tiny.Create(issues: [issue]).Problems.Select(p => p.ToString()).ToArray();
        messages.ShouldContain(m => m.StartsWith("border/A: position: expected a position within the scale", StringComparison.Ordinal));
        messages.ShouldContain(m => m.StartsWith("border/B: salience: expected " + Salience.Expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_faction_needs_a_state_and_policies_cannot_include_themselves()
    {
        var actors = Tiny.Actors.Append(new ScenarioActor("F", "F", ActorKind.Faction, Tiny.V(0.01), new Dictionary<string, SourcedValue>())).ToArray();
        var policies = Tiny.Policies.Append(new Policy("loop", "Loop", "", [], [], ["loop2"])).Append(new Policy("loop2", "Loop2", "", [], [], ["loop"])).ToArray();
        var messages = Tiny.Create(actors: actors, policies: policies).Problems.Select(p => p.ToString()).ToArray();
        messages.ShouldContain("F: country: a faction must name the state it belongs to");
        messages.Count(m => m.Contains("cannot include itself")).ShouldBe(2);
    }

    [Fact]
    public void Duplicate_ids_are_rejected() =>
        Tiny.Create(actors: [.. Tiny.Actors, Tiny.State("A", 0.1, 0, 0)]).Problems.ShouldContain(p => p.ToString() == "A: id: duplicate actor id");
}

public sealed class PolicyApplicationTests
{
    private static readonly Scenario S = Tiny.Create().Value;

    [Fact]
    public void Add_adds_end_by_end_and_clamps_to_the_domain()
    {
        var after = S.Apply(S.Policy("care"));
        // 0.3 [0.2, 0.4] + 0.9 = 1.2 [1.1, 1.3], clamped to salience's [0, 1].
        after.Issue("border").StanceOf("C")!.Salience.Estimate.ShouldBe(new Estimate(1, 1, 1));
        after.Issue("border").StanceOf("A")!.Salience.ShouldBe(S.Issue("border").StanceOf("A")!.Salience);
    }

    [Fact]
    public void Scale_multiplies_end_by_end_and_cites_the_change()
    {
        var after = S.Apply(S.Policy("weaken-a"));
        var cap = after.Actor("A").Capability;
        cap.Estimate.Central.ShouldBe(0.025, 1e-15);
        cap.Estimate.Low.ShouldBe(0.04 * 0.4, 1e-15);
        cap.Estimate.High.ShouldBe(0.06 * 0.6, 1e-15);
        cap.Source.SourceId.ShouldBe("j");
    }

    [Fact]
    public void Includes_apply_before_the_package_and_the_original_is_untouched()
    {
        var both = S.Apply(S.Policy("both"));
        both.Actor("A").Capability.Central.ShouldBe(0.025, 1e-15);
        both.Issue("border").StanceOf("C")!.Salience.Central.ShouldBe(1);
        S.Actor("A").Capability.Central.ShouldBe(0.05);
    }

    [Fact]
    public void WithValues_fixes_the_named_inputs_only()
    {
        var fixedS = S.WithValues(new Dictionary<string, double> { ["issue/border/A/position"] = 25 });
        fixedS.Issue("border").StanceOf("A")!.Position.Estimate.ShouldBe(Estimate.Point(25));
        fixedS.Issue("border").StanceOf("B")!.Position.ShouldBe(S.Issue("border").StanceOf("B")!.Position);
    }
}

public sealed class QuestionEngineTests
{
    private static readonly Scenario S = Tiny.Create().Value;

    [Fact]
    public void Every_question_is_answered_and_the_same_seed_gives_the_same_answers_on_any_thread_count()
    {
        var one = QuestionEngine.Analyze(S, [], new AnalysisOptions(64, 7, MaxThreads: 1));
        var two = QuestionEngine.Analyze(S, [], new AnalysisOptions(64, 7, MaxThreads: 2));
        one.Answers.Select(a => a.Question.Id).ShouldBe(["settle", "a-attacks", "best"]);
        one.Answers.Select(a => (a.Value, a.Low, a.High, a.ShareAgreeing)).ShouldBe(two.Answers.Select(a => (a.Value, a.Low, a.High, a.ShareAgreeing)));
        var other = QuestionEngine.Analyze(S, [], new AnalysisOptions(64, 8));
        other.Answers[0].ShareAgreeing.ShouldNotBe(one.Answers[0].ShareAgreeing);
    }

    [Fact]
    public void The_bargaining_answer_is_bdm_on_the_central_scenario_beside_the_weighted_mean()
    {
        var answer = QuestionEngine.Analyze(S, [], new AnalysisOptions(16, 1)).Answers[0];
        // Central scenario: symmetric ranges, so the medians are the stated values.
        var issue = Issue.Create("border", new IssueScale(0, 100, "", ""),
        [
            new Actor("A", new Capability(0.05), new Position(20), new Salience(0.9)),
            new Actor("B", new Capability(0.02), new Position(80), new Salience(0.8)),
            new Actor("C", new Capability(0.2), new Position(70), new Salience(0.3)),
        ]).Value;
        answer.Value.ShouldBe(BdmModel.Run(issue, BdmOptions.Default).ForecastMedian, 1e-9);
        answer.Models.Single(m => m.Model == "weighted_mean").Value!.Value.ShouldBe(Baselines.WeightedMean(issue), 1e-9);
        answer.Trajectory!.Rounds[0].ShouldBe([20.0, 80.0, 70.0]);
        answer.Low.ShouldBeLessThanOrEqualTo(answer.High);
        answer.Drivers.ShouldNotBeEmpty();
    }

    [Fact]
    public void A_stronger_commitment_to_the_target_makes_the_attack_pay_less()
    {
        var weak = Tiny.Create(parameters: [new Parameter("c-commit", "", "share", Tiny.V(0.0))]).Value;
        var strong = Tiny.Create(parameters: [new Parameter("c-commit", "", "share", Tiny.V(1.0))]).Value;
        var o = new AnalysisOptions(8, 1);
        QuestionEngine.Analyze(strong, [], o).Answers[1].Value.ShouldBeLessThan(QuestionEngine.Analyze(weak, [], o).Answers[1].Value);
    }

    [Fact]
    public void The_policy_comparison_ranks_packages_by_their_gain_against_the_scenario_as_given()
    {
        var result = QuestionEngine.Analyze(S, [], new AnalysisOptions(32, 3));
        result.Packages.Select(p => p.Policy).ShouldBe(["care", "weaken-a", "both"]);
        // Weakening A (who holds the low end) cannot move the outcome towards A.
        result.Packages.Single(p => p.Policy == "weaken-a").Gain.ShouldBeGreaterThanOrEqualTo(0);
        var best = result.Answers[2];
        best.Value.ShouldBe(result.Packages.Max(p => p.Gain));
        best.Verdict.ShouldContain(result.Packages.MaxBy(p => p.Gain)!.Policy);
    }

    [Fact]
    public void A_question_can_assume_a_policy_without_changing_the_others()
    {
        var questions = Tiny.Questions.Take(2).Append(Tiny.Questions[1] with { Id = "a-attacks-weakened", Assume = "weaken-a" }).ToArray();
        var result = QuestionEngine.Analyze(Tiny.Create(questions: questions).Value, [], new AnalysisOptions(8, 1));
        result.Answers[2].Value.ShouldBeLessThan(result.Answers[1].Value);
        result.Answers[1].Value.ShouldBe(QuestionEngine.Analyze(S, [], new AnalysisOptions(8, 1)).Answers[1].Value);
    }

    [Fact]
    public void Applied_policies_are_recorded_and_change_the_answers()
    {
        var o = new AnalysisOptions(8, 1);
        var applied = QuestionEngine.Analyze(S, ["weaken-a"], o);
        applied.Policies.ShouldBe(["weaken-a"]);
        applied.Answers[1].Value.ShouldNotBe(QuestionEngine.Analyze(S, [], o).Answers[1].Value);
    }
}

public sealed class DistributionValueTests
{
    [Fact]
    public void A_distribution_valued_input_is_drawn_as_given_and_only_set_by_policies()
    {
        var normal = Statecraft.Core.Uncertainty.Distribution.Normal(0.3, 0.05, new Statecraft.Core.Uncertainty.Bounds(0, 1));
        var issue = Tiny.Issue with
        {
            Stances = [.. Tiny.Issue.Stances.Take(2), new Stance("C", Tiny.R(70, 60, 80), SourcedValue.Of(normal, new SourceRef("j")))],
        };
        var add = new Policy("more", "More", "", [], [new Change(new ChangeTarget(Issue: "border", Actor: "C", Field: "salience"), ChangeOperation.Add, Estimate.Point(0.1), new SourceRef("j"))], []);
        Tiny.Create(issues: [issue], policies: [add]).Problems.ShouldContain(p => p.Message.Contains("must use set"));

        var s = Tiny.Create(issues: [issue], policies: [], questions: Tiny.Questions.Take(2).ToArray()).Value;
        var inputs = ScenarioInputs.Create(s, ["issue/border/C/salience"]);
        inputs.Inputs[0].Distribution.ShouldBeSameAs(normal);
        s.Issue("border").StanceOf("C")!.Salience.Central.ShouldBe(0.3, 1e-9);
    }
}
