using Statecraft.Core.Domain;

namespace Statecraft.Core.Conflict;

/// <summary>
/// A state as War Trap sees it: a capability index (CINC or any non-negative index) and the share of
/// that capability committed elsewhere and so unavailable for this conflict (Russia's forces in
/// Ukraine, source article S12).
/// </summary>
public sealed record WarTrapState(string Id, double Capability, double CommittedElsewhere = 0);

/// <summary>A value for an unordered pair of states: a distance in miles or a similarity U.</summary>
public sealed record StatePair(string A, string B, double Value);

/// <summary>An alliance tie between two states (symmetric).</summary>
public sealed record AllianceTie(string A, string B, TieKind Kind);

/// <summary>
/// A third party's stated commitment to one side (Turkey for Azerbaijan, source article S13),
/// with strength in [0, 1]. In a conflict between <see cref="Side"/> and any opponent it moves the
/// third party's utility for the side towards +1 and for the opponent towards −1 by that share.
/// </summary>
public sealed record ThirdPartyCommitment(string State, string Side, double Strength);

/// <summary>Model options. Discounting needs distances; <see cref="Year"/> fixes miles per day (250 / 375 / 500).</summary>
public sealed record WarTrapOptions(bool DistanceDiscount = true, SimilarityMeasure Measure = SimilarityMeasure.TauB, int Year = 2022)
{
    /// <summary>Bueno de Mesquita's miles per day of force projection: 250 before 1918, 375 to 1945, 500 after.</summary>
    public double MilesPerDay => Year < 1918 ? 250 : Year <= 1945 ? 375 : 500;
}

/// <summary>
/// The inputs of War Trap for one region: states, distances, and either alliance ties (similarity
/// computed by the chosen measure) or similarity values given directly (every pair).
/// </summary>
public sealed record WarTrapSpec(
    IReadOnlyList<WarTrapState> States,
    IReadOnlyList<StatePair> Distances,
    IReadOnlyList<AllianceTie>? Ties,
    IReadOnlyList<StatePair>? Similarity,
    IReadOnlyList<ThirdPartyCommitment> Commitments)
{
    /// <summary>Every problem with the inputs at once (core side: names and ranges; readers add locations).</summary>
    public IReadOnlyList<Problem> Validate()
    {
        var problems = new List<Problem>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (States.Count < 2) problems.Add(new Problem("region", "states", $"expected at least two states, found {States.Count}"));
        foreach (var s in States)
        {
            if (string.IsNullOrWhiteSpace(s.Id)) problems.Add(new Problem("state", "id", "expected a non-empty id"));
            else if (!ids.Add(s.Id)) problems.Add(new Problem(s.Id, "id", "duplicate state id"));
            if (!Capability.IsValid(s.Capability))
                problems.Add(new Problem(s.Id, "capability", $"expected {Capability.Expected}, found {s.Capability}"));
            if (!(s.CommittedElsewhere is >= 0 and <= 1))
                problems.Add(new Problem(s.Id, "committed_elsewhere", $"expected a share in [0, 1], found {s.CommittedElsewhere}"));
        }

        // War Trap divides by the sum of two sides' capabilities: two states with none give 0/0.
        var powerless = States.Where(s => s.Capability == 0 || s.CommittedElsewhere >= 1).Skip(1).ToArray();
        foreach (var s in powerless)
            problems.Add(new Problem(s.Id, "capability", "expected a number > 0: at most one state may have no capability (or all of it committed elsewhere), since a contest between two such states is undefined"));

        void CheckPair(string a, string b, string field)
        {
            if (!ids.Contains(a)) problems.Add(new Problem($"{a}-{b}", field, $"unknown state '{a}'"));
            if (!ids.Contains(b)) problems.Add(new Problem($"{a}-{b}", field, $"unknown state '{b}'"));
            if (a == b) problems.Add(new Problem($"{a}-{b}", field, "expected two different states"));
        }

        foreach (var d in Distances)
        {
            CheckPair(d.A, d.B, "distance");
            if (!(double.IsFinite(d.Value) && d.Value >= 0))
                problems.Add(new Problem($"{d.A}-{d.B}", "miles", $"expected a distance >= 0, found {d.Value}"));
        }

        if (Ties is not null && Similarity is not null)
            problems.Add(new Problem("region", "similarity", "give alliance ties or similarity values, not both"));
        foreach (var t in Ties ?? []) CheckPair(t.A, t.B, "tie");
        foreach (var u in Similarity ?? [])
        {
            CheckPair(u.A, u.B, "similarity");
            if (!(u.Value is >= -1 and <= 1))
                problems.Add(new Problem($"{u.A}-{u.B}", "similarity", $"expected a value in [-1, 1], found {u.Value}"));
        }

        if (Similarity is not null && problems.Count == 0)
        {
            var given = new HashSet<(string, string)>();
            foreach (var u in Similarity) given.Add(Order(u.A, u.B));
            foreach (var a in States)
            {
                foreach (var b in States)
                {
                    if (string.CompareOrdinal(a.Id, b.Id) < 0 && !given.Contains((a.Id, b.Id)))
                        problems.Add(new Problem($"{a.Id}-{b.Id}", "similarity", "missing: similarity values given directly must cover every pair"));
                }
            }
        }

        var committed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in Commitments)
        {
            if (!ids.Contains(c.State)) problems.Add(new Problem(c.State, "commitment", $"unknown state '{c.State}'"));
            if (!ids.Contains(c.Side)) problems.Add(new Problem(c.State, "commitment.side", $"unknown state '{c.Side}'"));
            if (c.State == c.Side) problems.Add(new Problem(c.State, "commitment.side", "a state cannot commit to itself"));
            if (!committed.Add(c.State)) problems.Add(new Problem(c.State, "commitment", "one commitment per state"));
            if (!(c.Strength is >= 0 and <= 1))
                problems.Add(new Problem(c.State, "commitment.strength", $"expected a probability in [0, 1], found {c.Strength}"));
        }

        return problems;
    }

    private static (string, string) Order(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
}
