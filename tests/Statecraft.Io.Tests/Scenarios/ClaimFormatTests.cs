using Statecraft.Core.Scenarios;
using Statecraft.Io.Scenarios;

namespace Statecraft.Io.Tests.Scenarios;

/// <summary>One claim, one test: a question lists its claims with their propositions and tests; the loader checks them.</summary>
public sealed class ClaimFormatTests
{
    private const string BareQuestion =
        "  - {id: q, text: \"Where does the border settle?\", model: bargaining, issue: border, claims: [C1], source_conclusion: \"Halfway.\", expect: {above: 40, below: 60}}\n";

    /// <summary>The valid base with a second claim, its questions replaced, and policies after them.</summary>
    private static string With(string question, string policies = "")
    {
        var head = BadScenarioTests.Valid[..(BadScenarioTests.Valid.IndexOf("questions:", StringComparison.Ordinal) + "questions:".Length)];
        head = head.Replace("  - {id: C1, kind: claim, lines: 3-4, text: \"A claim.\"}",
            "  - {id: C1, kind: claim, lines: 3-4, text: \"A claim.\"}\n  - {id: C2, kind: claim, lines: 5, text: \"Another.\"}");
        return head + "\n" + question + "\n" + policies;
    }

    private const string Policy = """
        policies:
          - {id: push, title: Push, changes: [{issue: border, actor: B, field: salience, add: {value: 0.1, low: 0.05, high: 0.15}, source: judge}]}

        """;

    [Fact]
    public void Each_claim_is_read_with_its_proposition_and_test()
    {
        var yaml = With("""
              - id: q
                text: Where does the border settle?
                model: bargaining
                issue: border
                source_conclusion: Halfway.
                expect: {above: 40, below: 60}
                claims:
                  - {claim: C1, proposition: "The border settles past the middle.", expect: {above: 50}}
                  - {claim: C2, proposition: "B pushing moves it towards B.", compare: {assume: push, expect: higher}}

            """, policies: Policy);
        var loaded = ScenarioLoader.Load(yaml, "ok.yaml");
        loaded.Success.ShouldBeTrue(string.Join("\n", loaded.Problems));
        var q = loaded.Value.Scenario.Questions.Single();
        q.Claims.ShouldBe(["C1", "C2"]);
        q.Tests[0].ShouldBe(new ClaimTest("C1", "The border settles past the middle.", new Expectation(Above: 50), Where: q.Tests[0].Where));
        q.Tests[1].Compare.ShouldBe(new ClaimComparison("push", ClaimDirection.Higher));
        q.Tests[1].Where!.Line.ShouldBeGreaterThan(q.Where!.Line);
    }

    [Fact]
    public void Several_bare_claims_sharing_one_test_are_refused_at_their_place()
    {
        var problems = ScenarioLoader.Load(With(BareQuestion.Replace("claims: [C1]", "claims: [C1, C2]")), "bad.yaml").Problems.Select(p => p.ToString()).ToArray();
        problems.ShouldHaveSingleItem().ShouldMatch(@"^bad\.yaml:\d+:\d+: q: claims: 2 claims share one test: give each its own");
    }

    [Fact]
    public void A_claim_test_with_a_bad_part_is_located_and_named()
    {
        var yaml = With("""
              - id: q
                text: Where does the border settle?
                model: bargaining
                issue: border
                source_conclusion: Halfway.
                expect: {above: 40}
                claims:
                  - {claim: C1, proposition: "x", compare: {assume: push, expect: sideways}}
                  - {claim: C2, proposition: "y", expect: {above: 50}, not_tested: "and untested", colour: red}
                  - C1

            """, policies: Policy);
        var problems = ScenarioLoader.Load(yaml, "bad.yaml").Problems.Select(p => p.ToString()).ToArray();
        problems.ShouldContain(p => p.Contains("q/C1: expect: expected one of higher, lower") || p.Contains("q/C1: expect:") && p.Contains("sideways"));
        problems.ShouldContain(p => p.Contains("q/C2: colour:"));
        problems.ShouldContain(p => p.Contains("q: claims: write every claim of this question as {claim, proposition, expect | compare | not_tested}"));
        problems.ShouldAllBe(p => p.StartsWith("bad.yaml:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_response_needs_an_actor_that_exists_and_a_sourced_cost()
    {
        var yaml = With(BareQuestion, """
            policies:
              - {id: hit, title: Hit back, response_by: Z, changes: []}
              - {id: pay, title: Pay, response_by: A, cost: {value: 0.1, source: nowhere}, changes: []}

            """);
        var problems = ScenarioLoader.Load(yaml, "bad.yaml").Problems.Select(p => p.ToString()).ToArray();
        problems.ShouldContain(p => p.Contains("hit: response_by: unknown actor 'Z'"));
        problems.ShouldContain(p => p.Contains("hit: cost: a response needs its cost"));
        problems.ShouldContain(p => p.Contains("pay: cost: unknown source 'nowhere'"));
    }
}
