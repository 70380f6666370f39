using Statecraft.Core.Bargaining;
using Statecraft.Core.Domain;
using Statecraft.Core.Scenarios;
using Statecraft.Core.Scenarios.Analysis;
using Statecraft.Core.Tests.Ensemble;

namespace Statecraft.Core.Tests.Scenarios;

/// <summary>Influence per issue: bargaining weighs each stance by its own influence, never by CINC unless the issue says so.</summary>
public sealed class InfluenceTests
{
    private static Scenario WithInfluence(params Policy[] policies) =>
        Tiny.Create(issues: [Tiny.InfluenceIssue], policies: policies).Value;

    [Fact]
    public void A_bargaining_stance_without_influence_is_refused_unless_its_issue_weighs_by_capability()
    {
        var issue = Tiny.InfluenceIssue with { Stances = [.. Tiny.InfluenceIssue.Stances.Take(2), Tiny.Issue.Stances[2]] };
        var problems = Tiny.Create(issues: [issue]).Problems.Select(p => p.ToString()).ToArray();
        problems.ShouldHaveSingleItem().ShouldStartWith("border/C: influence: missing: give the actor's weight on this issue");
        problems[0].ShouldContain("influence: capability");
        Tiny.Create(issues: [issue with { InfluenceFromCapability = true }]).Success.ShouldBeTrue();
    }

    [Fact]
    public void Influence_must_be_non_negative_and_sourced()
    {
        var stances = Tiny.InfluenceIssue.Stances.ToArray();
        stances[0] = stances[0] with { Influence = Tiny.R(5, -1, 10) };
        stances[1] = stances[1] with { Influence = Tiny.R(60, 50, 70, source: "nowhere") };
        var problems = Tiny.Create(issues: [Tiny.InfluenceIssue with { Stances = stances }]).Problems.Select(p => p.ToString()).ToArray();
        problems.ShouldContain(p => p.StartsWith("border/A: influence: expected an influence >= 0", StringComparison.Ordinal));
        problems.ShouldContain("border/B: influence: unknown source 'nowhere'");
    }

    [Fact]
    public void The_issue_is_realized_with_each_stance_s_influence_not_its_actor_s_capability()
    {
        var s = WithInfluence();
        var paths = QuestionModels.BargainingPaths(s, "border");
        paths.ShouldBe([
            "issue/border/A/influence", "issue/border/A/position", "issue/border/A/salience",
            "issue/border/B/influence", "issue/border/B/position", "issue/border/B/salience",
            "issue/border/C/influence", "issue/border/C/position", "issue/border/C/salience",
        ]);
        var inputs = ScenarioInputs.Create(s, paths);
        var issue = QuestionModels.RealizeIssue(s, "border", new Statecraft.Core.Uncertainty.ScenarioDraw(inputs, inputs.Medians()));
        issue.Actors.Select(a => a.Capability.Value).ShouldBe([30.0, 60.0, 10.0]);

        // On the capability-weighted issue the same stances weigh 0.05, 0.02, 0.2 (CINC-like).
        var byCapability = Tiny.Create().Value;
        QuestionModels.BargainingPaths(byCapability, "border")[0].ShouldBe("actor/A/capability");
    }

    [Fact]
    public void Influence_decides_the_outcome_where_capability_would_reverse_it()
    {
        // By capability C (0.2, at 70) and A (0.05, at 20) outweigh B; by influence B (60, at 80) holds the median.
        var o = new AnalysisOptions(32, 5, TestWeights.Spread);
        var byInfluence = QuestionEngine.Analyze(WithInfluence(), [], o).Answers[0];
        var byCapability = QuestionEngine.Analyze(Tiny.Create().Value, [], o).Answers[0];
        Central(byInfluence, "weighted-median").ShouldBe(80, 1e-9);
        Central(byInfluence, "bdm").ShouldBe(80, 1e-9);
        Central(byCapability, "weighted-median").ShouldBe(70, 1e-9);
        byInfluence.Value.ShouldBeGreaterThan(byCapability.Value + 5);
    }

    private static double Central(Answer a, string member) => a.Ensemble!.Members.Single(m => m.Model == member).Central;

    [Fact]
    public void A_policy_can_scale_a_stance_s_influence_but_not_a_capability_weighted_one()
    {
        var weaken = new Policy("weaken-b", "B loses sway", "", [],
            [new Change(new ChangeTarget(Issue: "border", Actor: "B", Field: "influence"), ChangeOperation.Scale, new Estimate(0.5, 0.4, 0.6), new SourceRef("j"))], []);
        var s = WithInfluence(weaken);
        var after = s.Apply(s.Policy("weaken-b")).Issue("border").StanceOf("B")!.Influence!;
        after.Estimate.ShouldBe(new Estimate(30, 20, 42), "end by end: 60x0.5, 50x0.4, 70x0.6");
        s.BoundsOf("issue/border/B/influence").ShouldBe((0, double.PositiveInfinity));
        s.Inputs.Select(i => i.Path).ShouldContain("issue/border/B/influence");

        Tiny.Create(policies: [weaken]).Problems.ShouldContain(p => p.Message.Contains("the stance weighs by capability"));
    }
}
