using Statecraft.Core.Events;
using Statecraft.Core.Scenarios;
using Statecraft.Core.Tests.Ensemble;
using Statecraft.Core.Tests.Scenarios;
using Statecraft.Core.Watch;

namespace Statecraft.Core.Tests.Watch;

/// <summary>The mapping from coded events to the inputs of a scenario's questions, on the tiny scenario:
/// A (20), B (80) and C (70) on a border issue; C backs B (commitment c-commit); A may attack B.</summary>
public sealed class EventBearingsTests
{
    private static readonly Scenario S = Tiny.Create().Value;
    private static readonly Question Attack = S.Questions.Single(q => q.Id == "a-attacks");

    private static CodedEvent E(string source, string target, string code, double goldstein, string? mode = null, DateOnly? date = null) =>
        new("doc", 1, date ?? new DateOnly(2025, 1, 10), source, target, code, goldstein, CameoScale.QuadClass(code), "text", "span", mode);

    private static List<Bearing> Of(string input, params CodedEvent[] events) => [.. EventBearings.Of(S, Attack, input, events)];

    [Fact]
    public void Cooperation_pulls_a_position_towards_the_partner_and_conflict_pushes_it_away()
    {
        // A sits at 20: B (80) and C (70) are both above it
        Of("issue/border/A/position", E("A", "B", "057", 8)).Single().Push.ShouldBe(8);
        Of("issue/border/A/position", E("C", "A", "190", -10)).Single().Push.ShouldBe(-10);
        // B sits at 80, above A: cooperating with A pulls B down
        Of("issue/border/B/position", E("B", "A", "036", 4)).Single().Push.ShouldBe(-4);
        // an event between two others, or with an actor without a stance, does not bear
        Of("issue/border/A/position", E("B", "C", "057", 8)).ShouldBeEmpty();
    }

    [Fact]
    public void A_commitment_rises_with_backer_protege_cooperation_and_backer_conflict_with_the_adversary()
    {
        Of("parameter/c-commit", E("C", "B", "0332", 8.3)).Single().Push.ShouldBe(8.3);
        Of("parameter/c-commit", E("B", "C", "111", -2)).Single().Push.ShouldBe(-2);
        // A, who may attack B, is B's adversary: C's conflict with A raises C's commitment, its cooperation lowers it
        Of("parameter/c-commit", E("C", "A", "112", -2)).Single().Push.ShouldBe(2);
        Of("parameter/c-commit", E("A", "C", "061", 6.4)).Single().Push.ShouldBe(-6.4);
    }

    [Fact]
    public void Force_used_outside_the_question_commits_the_actor_elsewhere()
    {
        // A's force against C is elsewhere (the question is A against B); against B it is not
        Of("actor/A/committed_elsewhere", E("A", "C", "190", -10)).Single().Push.ShouldBe(10);
        Of("actor/A/committed_elsewhere", E("A", "B", "190", -10)).ShouldBeEmpty();
        // a withdrawal frees forces; words are not material actions
        Of("actor/A/committed_elsewhere", E("A", "C", "0872", 7)).Single().Push.ShouldBe(-7);
        Of("actor/A/committed_elsewhere", E("A", "C", "112", -2)).ShouldBeEmpty();
    }

    [Fact]
    public void PLOVER_events_bear_as_their_CAMEO_equivalents()
    {
        var plover = E("A", "C", "ASSAULT", -9.5, mode: "aerial");
        Of("actor/A/committed_elsewhere", plover).Single().Push.ShouldBe(9.5);
        EventBearings.IsKind(plover, ["ASSAULT:aerial"]).ShouldBeTrue();
        EventBearings.IsKind(plover, ["COERCE"]).ShouldBeFalse();
        EventBearings.IsKind(plover with { Cameo = "195" }, ["19"]).ShouldBeTrue();
    }

    [Fact]
    public void Inputs_events_cannot_measure_have_no_bearing() =>
        Of("actor/A/capability", E("A", "C", "190", -10)).ShouldBeEmpty();
}

public sealed class WatchlistTests
{
    [Fact]
    public void Each_question_lists_its_flip_points_and_drivers_with_the_events_that_move_them()
    {
        var s = Tiny.Create().Value;
        var result = Statecraft.Core.Scenarios.Analysis.QuestionEngine.Analyze(s, [], new Statecraft.Core.Scenarios.Analysis.AnalysisOptions(40, 7, TestWeights.Spread), null, CancellationToken.None);
        CodedEvent E(string src, string tgt, string code, double g, int day) =>
            new("news", day, new DateOnly(2025, 1, day), src, tgt, code, g, CameoScale.QuadClass(code), $"sentence {day}", "span");
        var events = new[] { E("C", "B", "0332", 8.3, 3), E("C", "A", "112", -2, 5), E("B", "C", "111", -2, 9), E("A", "C", "190", -10, 20) };
        var watch = Watchlist.Build(result, events);
        watch.Select(q => q.Id).ShouldBe(result.Answers.Select(a => a.Question.Id));
        var attack = watch.Single(q => q.Id == "a-attacks");
        attack.Inputs.ShouldNotBeEmpty();
        attack.Events.ShouldBeGreaterThan(0);
        // every input is one of the answer's drivers or flip points, each flagged as such
        var answer = result.Answers.Single(a => a.Question.Id == "a-attacks");
        attack.Inputs.ShouldAllBe(i => (i.IsFlipPoint == answer.Flips.Any(f => f.Input == i.Input)) && (i.IsDriver == answer.Drivers.Any(d => d.Input == i.Input)));
        foreach (var i in attack.Inputs)
        {
            i.Events.ShouldBe(i.Evidence.Count);
            i.NetPush.ShouldBe(i.Evidence.Sum(b => b.Push), 1e-9);
            i.Months.Sum(m => m.Events).ShouldBe(i.Events);
            if (i.FlipDirection != 0) (i.TowardFlip - i.AwayFromFlip).ShouldBe(i.FlipDirection * i.NetPush, 1e-9);
            i.Evidence.Select(b => b.Event.Date).ShouldBeInOrder();
        }

        // --since keeps only the later events
        var late = Watchlist.Build(result, events, new DateOnly(2025, 1, 10));
        late.SelectMany(q => q.Inputs).SelectMany(i => i.Evidence).ShouldAllBe(b => b.Event.Date >= new DateOnly(2025, 1, 10));
    }
}
