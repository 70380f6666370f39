using Statecraft.Core.Events;
using Statecraft.Core.Scenarios;

namespace Statecraft.Core.Watch;

/// <summary>A coded event bearing on a scenario input: <see cref="Push"/> is how hard it pushes the input up
/// (positive) or down (negative), in the event's conflict-cooperation score (Goldstein or PLOVER, -10..+10).</summary>
public sealed record Bearing(string Input, CodedEvent Event, double Push, string Why);

/// <summary>
/// Which coded events bear on which scenario input, and in which direction: the one mapping from events
/// to drivers and flip points (documented in docs/events.md, "Watching a scenario"). Actors are the
/// scenario's (<see cref="ScenarioActors"/>); a rule's kinds are CAMEO code prefixes (<c>19</c>, <c>174</c>)
/// or PLOVER types (<c>ASSAULT</c>, <c>COERCE:deport</c>), so CAMEO and PLOVER events both count.
/// <list type="bullet">
/// <item><c>issue/I/A/position</c>: an event between A and another actor B with a stance on I. Cooperation
/// pulls A towards B's position, conflict pushes it away: push = score x sign(position of B - position of A).</item>
/// <item><c>parameter/P</c> where P is a commitment (a tie's <c>commitment</c>, a question's
/// <c>backer_commitment</c>): events between the backer and its protege push it by their score (cooperation
/// up); the backer's events with the protege's adversary (the challenger of a question the protege is the
/// target of, or the backed question's target) push it by minus their score (conflict up).</item>
/// <item><c>actor/X/committed_elsewhere</c>: X's material actions (CAMEO 08, 15, 18-20; PLOVER RETREAT,
/// MOBILIZE, ASSAULT) against anyone outside the question's pair push by minus their score (force up,
/// withdrawal down).</item>
/// <item><c>lever/L/share_cut</c> (how much of the flow the lever cuts): the lever's actor doing the lever's
/// kind of thing to its target (deport: CAMEO 174, PLOVER COERCE:deport; import ban, transit cut, sanctions:
/// 16, 1312, SANCTION; attack: 15, 18-20, 138; backing a faction: 03, 05, 07) pushes it up by the event's
/// magnitude: the lever is being pulled. The lever's other inputs are magnitudes read from data.</item>
/// <item><c>policy/X</c>: the bearings of the inputs the package changes, signed by the direction it
/// changes them (the package's action taking place pushes up).</item>
/// <item>Other inputs (capabilities, saliences, lever magnitudes read from data) have no rule: events do not
/// measure them.</item>
/// </list>
/// </summary>
public static class EventBearings
{
    private static readonly string[] MaterialActions = ["08", "15", "18", "19", "20", "RETREAT", "MOBILIZE", "ASSAULT"];

    /// <summary>The kinds of event that pull each kind of lever.</summary>
    public static IReadOnlyList<string> LeverKinds(LeverKind kind) => kind switch
    {
        LeverKind.DeportMigrants => ["174", "COERCE:deport"],
        LeverKind.BanImports or LeverKind.CutTransit or LeverKind.SanctionOfficials => ["16", "1312", "SANCTION", "COERCE:restrict", "THREATEN:restrict"],
        LeverKind.Attack => ["15", "18", "19", "20", "138", "MOBILIZE", "ASSAULT", "THREATEN:violence"],
        LeverKind.BackFaction => ["03", "05", "07", "SUPPORT", "AID"],
        _ => [],
    };

    /// <summary>Whether an event is of one of <paramref name="kinds"/> (CAMEO prefixes, PLOVER TYPE or TYPE:mode).</summary>
    public static bool IsKind(CodedEvent e, IEnumerable<string> kinds)
    {
        foreach (var k in kinds)
        {
            if (char.IsAsciiDigit(k[0]))
            {
                var cameo = e.IsPlover ? e.Cameo : e.Code;
                if (cameo is not null && cameo.StartsWith(k, StringComparison.Ordinal)) return true;
            }
            else if (e.IsPlover)
            {
                var colon = k.IndexOf(':');
                if (colon < 0 ? e.Code == k : e.Code == k[..colon] && e.Mode == k[(colon + 1)..]) return true;
            }
        }

        return false;
    }

    /// <summary>The event's conflict-cooperation score; an event off the scale counts +1 or -1 by its quad class.</summary>
    public static double Score(CodedEvent e) => e.Goldstein ?? (e.QuadClass is 1 or 2 ? 1 : e.QuadClass is 3 or 4 ? -1 : 0);

    /// <summary>Every bearing of <paramref name="events"/> on <paramref name="input"/> of question <paramref name="q"/>.</summary>
    public static IEnumerable<Bearing> Of(Scenario s, Question q, string input, IReadOnlyList<CodedEvent> events)
    {
        var parts = input.Split('/');
        return parts[0] switch
        {
            "issue" when parts.Length == 4 && parts[3] == "position" => Position(s, input, parts[1], parts[2], events),
            "parameter" when parts.Length == 2 => Commitment(s, input, parts[1], events),
            "actor" when parts.Length == 3 && parts[2] == "committed_elsewhere" => Elsewhere(s, q, input, parts[1], events),
            "lever" when parts.Length == 3 && parts[2] == "share_cut" => Lever(s, input, parts[1], events),
            "policy" when parts.Length == 2 && s.HasPolicy(parts[1]) => Package(s, q, input, s.Policy(parts[1]), events),
            _ => [],
        };
    }

    private static IEnumerable<Bearing> Position(Scenario s, string input, string issueId, string actor, IReadOnlyList<CodedEvent> events)
    {
        if (!s.Issues.Any(i => i.Id == issueId)) yield break;
        var stances = s.Issue(issueId).Stances.ToDictionary(x => x.ActorId, x => x.Position.Estimate.Central);
        if (!stances.TryGetValue(actor, out var mine)) yield break;
        foreach (var e in events)
        {
            var (src, tgt) = (ScenarioActors.Of(s, e.Source), ScenarioActors.Of(s, e.Target));
            var other = ScenarioActors.Is(s, src, actor) ? tgt : ScenarioActors.Is(s, tgt, actor) ? src : null;
            if (other is null) continue;
            var counterpart = stances.Keys.FirstOrDefault(b => b != actor && ScenarioActors.Is(s, other, b));
            if (counterpart is null || stances[counterpart] == mine) continue;
            var toward = Math.Sign(stances[counterpart] - mine);
            var score = Score(e);
            yield return new Bearing(input, e, score * toward,
                $"{(score >= 0 ? "cooperation" : "conflict")} between {actor} and {counterpart} (at {stances[counterpart]:0} against {mine:0}) pulls {actor} {(score * toward >= 0 ? "up" : "down")}");
        }
    }

    private static IEnumerable<Bearing> Commitment(Scenario s, string input, string parameter, IReadOnlyList<CodedEvent> events)
    {
        // (backer, protege, adversaries) for every tie and question that names this commitment
        var pairs = new List<(string Backer, string Protege, HashSet<string> Adversaries)>();
        foreach (var t in s.Ties.Where(t => t.Commitment == parameter))
            pairs.Add((t.From, t.To, [.. s.Questions.Where(q => q.Target == t.To && q.Challenger is not null).Select(q => q.Challenger!)]));
        foreach (var q in s.Questions.Where(q => q.BackerCommitment == parameter && q.Backer is not null && q.Challenger is not null))
            pairs.Add((q.Backer!, q.Challenger!, q.Target is null ? [] : [q.Target]));
        foreach (var e in events)
        {
            var (src, tgt) = (ScenarioActors.Of(s, e.Source), ScenarioActors.Of(s, e.Target));
            foreach (var (backer, protege, adversaries) in pairs)
            {
                bool Between(string a, string b) => (ScenarioActors.Is(s, src, a) && ScenarioActors.Is(s, tgt, b)) || (ScenarioActors.Is(s, src, b) && ScenarioActors.Is(s, tgt, a));
                var score = Score(e);
                if (Between(backer, protege))
                {
                    yield return new Bearing(input, e, score, $"{(score >= 0 ? "cooperation" : "conflict")} between backer {backer} and {protege}");
                    break;
                }

                var adversary = adversaries.FirstOrDefault(a => Between(backer, a));
                if (adversary is not null)
                {
                    yield return new Bearing(input, e, -score, $"{(score >= 0 ? "cooperation" : "conflict")} between backer {backer} and {protege}'s adversary {adversary}");
                    break;
                }
            }
        }
    }

    private static IEnumerable<Bearing> Elsewhere(Scenario s, Question q, string input, string actor, IReadOnlyList<CodedEvent> events)
    {
        foreach (var e in events)
        {
            var (src, tgt) = (ScenarioActors.Of(s, e.Source), ScenarioActors.Of(s, e.Target));
            if (!ScenarioActors.Is(s, src, actor) || !IsKind(e, MaterialActions)) continue;
            if (tgt is not null && (Within(s, tgt, q.Challenger) || Within(s, tgt, q.Target) || Within(s, tgt, actor))) continue;
            var score = Score(e);
            yield return new Bearing(input, e, -score, $"{actor}'s {(score < 0 ? "use of force" : "withdrawal")} away from the question's pair ({e.Target})");
        }
    }

    /// <summary>Whether <paramref name="eventActor"/> is <paramref name="actor"/> or one of its factions.</summary>
    private static bool Within(Scenario s, string eventActor, string? actor) =>
        actor is not null && (eventActor == actor || s.Actors.FirstOrDefault(a => a.Id == eventActor)?.Country == actor || ScenarioActors.Is(s, eventActor, actor));

    private static IEnumerable<Bearing> Lever(Scenario s, string input, string leverId, IReadOnlyList<CodedEvent> events)
    {
        var lever = s.Levers.FirstOrDefault(l => l.Id == leverId);
        if (lever is null) yield break;
        var kinds = LeverKinds(lever.Kind);
        foreach (var e in events)
        {
            var (src, tgt) = (ScenarioActors.Of(s, e.Source), ScenarioActors.Of(s, e.Target));
            if (src is null || tgt is null || !Within(s, src, lever.Actor) || !Within(s, tgt, lever.Target) || !IsKind(e, kinds)) continue;
            yield return new Bearing(input, e, Math.Abs(Score(e)), $"{lever.Actor} does to {lever.Target} what the lever '{lever.Id}' models");
        }
    }

    private static IEnumerable<Bearing> Package(Scenario s, Question q, string input, Policy policy, IReadOnlyList<CodedEvent> events)
    {
        foreach (var c in policy.Changes)
        {
            var t = c.Target;
            var (changed, baseline) = t switch
            {
                { Parameter: { } p } => ($"parameter/{p}", s.Parameters.FirstOrDefault(x => x.Id == p)?.Value.Estimate.Central),
                { Issue: { } i, Actor: { } a, Field: "position" } => ($"issue/{i}/{a}/position",
                    s.Issues.FirstOrDefault(x => x.Id == i)?.Stances.FirstOrDefault(x => x.ActorId == a)?.Position.Estimate.Central),
                { Lever: { } l, Field: "share_cut" } => ($"lever/{l}/share_cut", (double?)null),
                _ => (null, null),
            };
            if (changed is null) continue;
            // which way the package moves the input: up unless it sets, adds or scales it down
            var amount = c.Amount.Central;
            var sign = c.Operation switch
            {
                ChangeOperation.Set => baseline is { } b ? Math.Sign(amount - b) : 1,
                ChangeOperation.Add => Math.Sign(amount),
                _ => Math.Sign(amount - 1),
            };
            if (sign == 0) continue;
            foreach (var b in Of(s, q, changed, events))
                yield return b with { Input = input, Push = b.Push * sign, Why = $"{b.Why} (the package moves {changed} {(sign > 0 ? "up" : "down")})" };
        }
    }
}
