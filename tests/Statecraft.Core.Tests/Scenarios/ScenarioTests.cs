using Statecraft.Core.Bargaining;
using Statecraft.Core.Domain;
using Statecraft.Core.Scenarios;
using Statecraft.Core.Scenarios.Analysis;
using Statecraft.Core.Tests.Ensemble;
using Statecraft.Core.Uncertainty;

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
    public void Claim_tests_responses_and_sponsors_are_checked()
    {
        var tests = new ClaimTest[]
        {
            new("C1", "Two ways at once.", Expect: new Expectation(Above: 1), NotTested: "and untested"),
            new("C1", "", Compare: new ClaimComparison("nowhere", ClaimDirection.Higher)),
        };
        var response = new Policy("r", "R", "", [], [], [], ResponseBy: "Z");
        var questions = new[]
        {
            Tiny.Questions[0] with { ClaimTests = tests },
            Tiny.Questions[2] with { Responder = "B", Sponsors = ["Q"] },
        };
        var messages = Tiny.Create(policies: [.. Tiny.Policies, response], questions: questions).Problems.Select(p => p.ToString()).ToArray();
        messages.ShouldContain("settle/C1: claims: give exactly one of expect, compare or not_tested");
        messages.ShouldContain("settle/C1: proposition: state the proposition the model tests, in words");
        messages.ShouldContain("settle/C1: compare.assume: unknown policy 'nowhere'");
        messages.ShouldContain("settle: claims: claim 'C1' is listed twice: one claim, one test");
        messages.ShouldContain("r: response_by: unknown actor 'Z'");
        messages.ShouldContain(m => m.StartsWith("r: cost: a response needs its cost", StringComparison.Ordinal));
        messages.ShouldContain("best: responder: no policy is a response of 'B' (response_by: B)");
        messages.ShouldContain("best: sponsors: unknown actor 'Q'");
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
        var one = QuestionEngine.Analyze(S, [], new AnalysisOptions(64, 7, TestWeights.Spread, MaxThreads: 1));
        var two = QuestionEngine.Analyze(S, [], new AnalysisOptions(64, 7, TestWeights.Spread, MaxThreads: 2));
        one.Answers.Select(a => a.Question.Id).ShouldBe(["settle", "a-attacks", "best"]);
        one.Answers.Select(a => (a.Value, a.Low, a.High, a.ShareAgreeing)).ShouldBe(two.Answers.Select(a => (a.Value, a.Low, a.High, a.ShareAgreeing)));
        var other = QuestionEngine.Analyze(S, [], new AnalysisOptions(64, 8, TestWeights.Spread));
        other.Answers[0].ShareAgreeing.ShouldNotBe(one.Answers[0].ShareAgreeing);
    }

    [Fact]
    public void The_bargaining_answer_is_the_ensembles_predictive_median_with_each_model_at_the_central_scenario()
    {
        var o = new AnalysisOptions(16, 1, TestWeights.Spread);
        var answer = QuestionEngine.Analyze(S, [], o).Answers[0];
        // Central scenario: symmetric ranges, so the medians are the stated values.
        var issue = Issue.Create("border", new IssueScale(0, 100, "", ""),
        [
            new Actor("A", new Capability(0.05), new Position(20), new Salience(0.9)),
            new Actor("B", new Capability(0.02), new Position(80), new Salience(0.8)),
            new Actor("C", new Capability(0.2), new Position(70), new Salience(0.3)),
        ]).Value;
        var members = answer.Ensemble!.Members.ToDictionary(m => m.Model);
        members["bdm"].Central.ShouldBe(BdmModel.Run(issue, BdmOptions.Default).ForecastMedian, 1e-9);
        members["weighted-mean"].Central.ShouldBe(Baselines.WeightedMean(issue), 1e-9);
        members["weighted-median"].Central.ShouldBe(Baselines.WeightedMedian(issue), 1e-9);
        answer.Value.ShouldBe(EnsembleForecast.Predict(S, "border", o.Weights, new MonteCarloOptions(16, 1)).Median);
        answer.Trajectory!.Rounds[0].ShouldBe([20.0, 80.0, 70.0]);
        answer.Low.ShouldBeLessThanOrEqualTo(answer.Value);
        answer.Value.ShouldBeLessThanOrEqualTo(answer.High);
        answer.Drivers.ShouldNotBeEmpty();
    }

    [Fact]
    public void A_stronger_commitment_to_the_target_makes_the_attack_pay_less()
    {
        var weak = Tiny.Create(parameters: [new Parameter("c-commit", "", "share", Tiny.V(0.0))]).Value;
        var strong = Tiny.Create(parameters: [new Parameter("c-commit", "", "share", Tiny.V(1.0))]).Value;
        var o = new AnalysisOptions(8, 1, TestWeights.Spread);
        QuestionEngine.Analyze(strong, [], o).Answers[1].Value.ShouldBeLessThan(QuestionEngine.Analyze(weak, [], o).Answers[1].Value);
    }

    [Fact]
    public void Packages_are_compared_outcome_by_outcome_on_each_questions_own_scale()
    {
        var o = new AnalysisOptions(32, 3, TestWeights.Spread);
        var result = QuestionEngine.Analyze(S, [], o);
        result.Packages.Select(p => p.Policy).ShouldBe(["care", "weaken-a", "both"]);
        var reference = result.Answers.ToDictionary(a => a.Question.Id, a => a.Value);
        foreach (var p in result.Packages)
        {
            p.Outcomes.Select(c => c.Question).ShouldBe(["settle", "a-attacks"]);
            var applied = QuestionEngine.Analyze(S, [p.Policy], o).Answers;
            foreach (var c in p.Outcomes)
            {
                c.Value.ShouldBe(applied.Single(a => a.Question.Id == c.Question).Value, 1e-12, $"{p.Policy}/{c.Question}");
                c.Change.ShouldBe(c.Value - reference[c.Question], 1e-12);
                c.Gain.ShouldBeNull("no sponsors: no direction");
            }

            // Without sponsors a move is neither a gain nor a loss: a material one is reported as a move.
            p.Call.ShouldBe(p.Outcomes.Any(c => c.Material) ? PackageCall.Moves : PackageCall.NoMaterialChange);
            p.War!.Measure.ShouldContain("not a probability");
        }

        // Weakening A (who holds the low end) cannot move the border towards A.
        result.Packages.Single(p => p.Policy == "weaken-a").Outcomes[0].Change.ShouldBeGreaterThanOrEqualTo(0);
        var comparison = result.Answers[2];
        comparison.Verdict.ShouldNotContain("best");
        comparison.Unit.ShouldContain("no sponsors named");
    }

    [Fact]
    public void With_sponsors_a_package_helps_when_it_moves_an_outcome_towards_them_and_nothing_is_called_best_without_dominating()
    {
        // B holds 80: weakening A (at 20) moves the border towards B.
        var questions = Tiny.Questions.Take(2).Append(Tiny.Questions[2] with { Sponsors = ["B"] }).ToArray();
        var result = QuestionEngine.Analyze(Tiny.Create(questions: questions).Value, [], new AnalysisOptions(32, 3, TestWeights.Spread));
        var weaken = result.Packages.Single(p => p.Policy == "weaken-a");
        var settle = weaken.Outcomes[0];
        settle.Gain!.Value.ShouldBe(settle.Change, 1e-9, "the border sits below B, so moving up is moving closer");
        if (settle.Material) weaken.Call.ShouldBe(PackageCall.Helps);
        weaken.Outcomes[1].Gain.ShouldBeNull("War Trap outcomes have no sponsor direction");
        var answer = result.Answers[2];
        answer.Value.ShouldBe(result.Packages.Count(p => p.Call == PackageCall.Helps));
        answer.Low.ShouldBe(answer.Value);
        if (!answer.Verdict.Contains("dominates every other")) answer.Headline.ShouldContain("none dominates");
        answer.Verdict.ShouldNotContain("best");
    }

    [Fact]
    public void Each_package_meets_the_responders_best_response_and_a_ruinous_option_is_never_chosen()
    {
        // A can answer by raising its salience on the border (cheap) or by a costly move that also helps it.
        var respond = new Policy("a-cares", "A cares more", "", [],
            [new Change(new ChangeTarget(Issue: "border", Actor: "A", Field: "salience"), ChangeOperation.Set, Estimate.Point(1), new SourceRef("j"))], [],
            ResponseBy: "A", Cost: Tiny.V(0.001));
        var ruin = new Policy("a-ruins", "A ruins itself", "", [],
            [new Change(new ChangeTarget(Issue: "border", Actor: "B", Field: "position"), ChangeOperation.Set, Estimate.Point(20), new SourceRef("j"))], [],
            ResponseBy: "A", Cost: Tiny.V(100));
        var questions = Tiny.Questions.Take(2).Append(Tiny.Questions[2] with { Responder = "A", Sponsors = ["B"] }).ToArray();
        var s = Tiny.Create(policies: [.. Tiny.Policies, respond, ruin], questions: questions);
        s.Success.ShouldBeTrue(string.Join("; ", s.Problems));
        var result = QuestionEngine.Analyze(s.Value, [], new AnalysisOptions(32, 3, TestWeights.Spread));

        result.Packages.Select(p => p.Policy).ShouldBe(["care", "weaken-a", "both"], "responses are options, not packages");
        foreach (var p in result.Packages)
        {
            p.Options.Select(x => x.Policy).ShouldBe(["none", "a-cares", "a-ruins"], ignoreOrder: true);
            p.Options.Select(x => x.Objective).ShouldBe(p.Options.Select(x => x.Objective).OrderByDescending(x => x), "best first");
            p.Response.ShouldBe(p.Options[0].Policy);
            p.Response.ShouldNotBe("a-ruins");
            p.Options.Single(x => x.Policy == "a-ruins").Cost.ShouldBe(100);
            p.WithResponse.ShouldNotBeNull("after a response, outcomes are measured against what A does anyway");
        }

        // The objective: A's salience x (1 - |border - A's position| / 100), less the cost, with the
        // border as the analysis answers it under the package and the option (32 draws here).
        var o = new AnalysisOptions(32, 3, TestWeights.Spread);
        foreach (var option in result.Packages[0].Options)
        {
            var applied = option.Policy == "none" ? new[] { "care" } : ["care", option.Policy];
            var border = QuestionEngine.Analyze(s.Value, applied, o).Answers[0].Value;
            option.Objective.ShouldBe(0.9 * (1 - Math.Abs(border - 20) / 100) - option.Cost, 1e-9, option.Policy);
        }

        result.Answers[2].Verdict.ShouldContain("after A's best response");
    }

    [Fact]
    public void Each_claim_gets_its_own_test_and_verdict()
    {
        var tests = new ClaimTest[]
        {
            new("C1", "The border settles above 50.", Expect: new Expectation(Above: 50)),
            new("C2", "C caring more moves the border towards C's 70 from below.", Compare: new ClaimComparison("care", ClaimDirection.Higher)),
            new("C3", "Intent is not an output.", NotTested: "the model takes intent as an input"),
        };
        var sources = Tiny.Sources.Concat([new Source("C2", SourceKind.Claim, "b", FirstLine: 3, LastLine: 3), new Source("C3", SourceKind.Claim, "c", FirstLine: 4, LastLine: 4)]).ToArray();
        var questions = new[] { Tiny.Questions[0] with { Claims = ["C1", "C2", "C3"], ClaimTests = tests } };
        var s = Tiny.Create(sources: sources, questions: questions);
        s.Success.ShouldBeTrue(string.Join("; ", s.Problems));
        var o = new AnalysisOptions(32, 3, TestWeights.Spread);
        var answer = QuestionEngine.Analyze(s.Value, [], o).Answers.Single();
        var v = answer.ClaimVerdicts.ToDictionary(x => x.Claim);
        v.Keys.ShouldBe(["C1", "C2", "C3"]);

        v["C1"].Share!.Value.ShouldBe(answer.ShareAgreeing, 1e-12, "the question's own expectation, same share");
        v["C1"].Outcome.ShouldBe(answer.ShareAgreeing >= 0.5 ? ClaimOutcome.Agrees : ClaimOutcome.Disagrees);

        var under = QuestionEngine.Analyze(s.Value, ["care"], o).Answers.Single().Value;
        v["C2"].Outcome.ShouldBe(under - answer.Value >= 1 ? ClaimOutcome.Agrees : ClaimOutcome.Disagrees);
        v["C2"].Reason.ShouldContain("under care");

        v["C3"].Outcome.ShouldBe(ClaimOutcome.NotTested);
        v["C3"].Reason.ShouldBe("the model takes intent as an input");
    }

    [Fact]
    public void A_question_with_bare_claims_tests_each_by_its_own_expectation()
    {
        var answer = QuestionEngine.Analyze(S, [], new AnalysisOptions(16, 3, TestWeights.Spread)).Answers[1];
        answer.ClaimVerdicts.ShouldHaveSingleItem().Claim.ShouldBe("C1");
        answer.ClaimVerdicts[0].Proposition.ShouldBe(answer.Question.SourceConclusion);
        answer.ClaimVerdicts[0].Share!.Value.ShouldBe(answer.ShareAgreeing, 1e-12);
    }

    [Fact]
    public void A_question_can_assume_a_policy_without_changing_the_others()
    {
        var questions = Tiny.Questions.Take(2).Append(Tiny.Questions[1] with { Id = "a-attacks-weakened", Assume = "weaken-a" }).ToArray();
        var result = QuestionEngine.Analyze(Tiny.Create(questions: questions).Value, [], new AnalysisOptions(8, 1, TestWeights.Spread));
        result.Answers[2].Value.ShouldBeLessThan(result.Answers[1].Value);
        result.Answers[1].Value.ShouldBe(QuestionEngine.Analyze(S, [], new AnalysisOptions(8, 1, TestWeights.Spread)).Answers[1].Value);
    }

    [Fact]
    public void Applied_policies_are_recorded_and_change_the_answers()
    {
        var o = new AnalysisOptions(8, 1, TestWeights.Spread);
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
