using Statecraft.Core.Domain;

namespace Statecraft.Core.Conflict.Risk;

/// <summary>
/// One system-year as the risk search needs it, in flat row-major arrays so a year of data builds it
/// without per-pair objects: n states; each state's capability (CINC or any index ≥ 0; the weights of
/// weighted S); C[a·n + b], the capability a brings to b's location (discounted by distance or not);
/// the alliance tie of every pair (symmetric; the diagonal is ignored, a state's tie with itself is a
/// defence pact); and each state's relevant region, Region[i·n + m] = m is in i's region (i always is).
/// A state's region is everything the search does for it: whose EU against it enters its security
/// sum, whose ties with it may change, the third parties counted, and the states over which alliance
/// portfolios are compared (see docs/models/wartrap.md, "Risk").
/// </summary>
public sealed class RiskYear
{
    private RiskYear(string[] states, double[] capability, double[] capabilityAt, TieKind[] ties, bool[] region, SimilarityMeasure measure)
    {
        States = states;
        Capability = capability;
        CapabilityAt = capabilityAt;
        Ties = ties;
        Region = region;
        Measure = measure;
    }

    public IReadOnlyList<string> States { get; }

    public SimilarityMeasure Measure { get; }

    public int Count => States.Count;

    internal double[] Capability { get; }

    internal double[] CapabilityAt { get; }

    internal TieKind[] Ties { get; }

    internal bool[] Region { get; }

    internal bool InRegion(int state, int member) => state == member || Region[state * Count + member];

    /// <summary>Checks and copies the arrays, reporting every problem at once.</summary>
    public static ParseResult<RiskYear> Create(
        IReadOnlyList<string> states,
        ReadOnlySpan<double> capability,
        ReadOnlySpan<double> capabilityAt,
        ReadOnlySpan<TieKind> ties,
        ReadOnlySpan<bool> region,
        SimilarityMeasure measure)
    {
        var problems = CheckStates(states, capability);
        var n = states.Count;
        CheckLength(problems, "capability_at", capabilityAt.Length, n);
        CheckLength(problems, "ties", ties.Length, n);
        CheckLength(problems, "region", region.Length, n);
        if (!Enum.IsDefined(measure)) problems.Add(new Problem("year", "measure", $"expected tau_b, s or weighted_s, found {(int)measure}"));
        if (problems.Count > 0) return ParseResult<RiskYear>.ForProblems(problems);

        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                var c = capabilityAt[a * n + b];
                if (!Domain.Capability.IsValid(c))
                    problems.Add(new Problem($"{states[a]}-{states[b]}", "capability_at", $"expected {Domain.Capability.Expected}, found {c}"));
                if (a >= b) continue;
                var kind = ties[a * n + b];
                if (!Enum.IsDefined(kind))
                    problems.Add(new Problem($"{states[a]}-{states[b]}", "tie", $"expected a tie kind 1-4 (defence, neutrality, entente, none), found {(int)kind}"));
                else if (ties[b * n + a] != kind)
                    problems.Add(new Problem($"{states[a]}-{states[b]}", "tie", $"expected a symmetric tie matrix, found {kind} one way and {ties[b * n + a]} the other"));
            }
        }

        if (problems.Count > 0) return ParseResult<RiskYear>.ForProblems(problems);
        var tieCopy = ties.ToArray();
        for (var i = 0; i < n; i++) tieCopy[i * n + i] = TieKind.Defence;
        return ParseResult<RiskYear>.ForValue(new RiskYear([.. states], capability.ToArray(), capabilityAt.ToArray(), tieCopy, region.ToArray(), measure));
    }

    /// <summary>
    /// As <see cref="Create"/>, with C computed from capital-to-capital miles (n×n, diagonal ignored) by
    /// the War Trap loss-of-strength gradient: C_ab = capability_a ^ log10(miles_ab / milesPerDay + 10 − e).
    /// </summary>
    public static ParseResult<RiskYear> WithDistances(
        IReadOnlyList<string> states,
        ReadOnlySpan<double> capability,
        ReadOnlySpan<double> miles,
        double milesPerDay,
        ReadOnlySpan<TieKind> ties,
        ReadOnlySpan<bool> region,
        SimilarityMeasure measure)
    {
        var problems = CheckStates(states, capability);
        var n = states.Count;
        CheckLength(problems, "miles", miles.Length, n);
        if (!(double.IsFinite(milesPerDay) && milesPerDay > 0))
            problems.Add(new Problem("year", "miles_per_day", $"expected a number > 0, found {milesPerDay}"));
        if (problems.Count > 0) return ParseResult<RiskYear>.ForProblems(problems);

        var capabilityAt = new double[n * n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                var d = a == b ? 0 : miles[a * n + b];
                if (!(double.IsFinite(d) && d >= 0))
                {
                    problems.Add(new Problem($"{states[a]}-{states[b]}", "miles", $"expected a distance >= 0, found {d}"));
                    continue;
                }

                capabilityAt[a * n + b] = WarTrapModel.DiscountedCapability(capability[a], d, milesPerDay);
            }
        }

        var year = Create(states, capability, capabilityAt, ties, region, measure);
        return problems.Count == 0 ? year : ParseResult<RiskYear>.ForProblems([.. problems, .. year.Problems]);
    }

    /// <summary>
    /// A War Trap region (file) as one system-year in which every state's region is the whole file:
    /// capabilities (the weights of weighted S) as given, C as the model computes it (distance discount
    /// and capability committed elsewhere included), the ties of the file, the model's measure.
    /// Needs ties: similarity values given directly say nothing about the portfolios a state could choose.
    /// </summary>
    public static ParseResult<RiskYear> FromWarTrap(WarTrapSpec spec, WarTrapModel model)
    {
        if (spec.Ties is null)
            return ParseResult<RiskYear>.ForProblem(new Problem("region", "ties", "the risk search needs alliance ties (the file gives similarity values directly)"));
        var n = spec.States.Count;
        var capabilityAt = new double[n * n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++) capabilityAt[a * n + b] = model.Capability(a, b);
        }

        var ties = new TieKind[n * n];
        Array.Fill(ties, TieKind.None);
        foreach (var t in spec.Ties)
        {
            var a = model.IndexOf(t.A);
            var b = model.IndexOf(t.B);
            ties[a * n + b] = ties[b * n + a] = t.Kind;
        }

        var region = new bool[n * n];
        Array.Fill(region, true);
        return Create([.. spec.States.Select(s => s.Id)], [.. spec.States.Select(s => s.Capability)], capabilityAt, ties, region, model.Options.Measure);
    }

    private static List<Problem> CheckStates(IReadOnlyList<string> states, ReadOnlySpan<double> capability)
    {
        var problems = new List<Problem>();
        if (states.Count == 0) problems.Add(new Problem("year", "states", "expected at least one state"));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in states)
        {
            if (string.IsNullOrWhiteSpace(s)) problems.Add(new Problem("year", "states", "expected a non-empty state id"));
            else if (!seen.Add(s)) problems.Add(new Problem(s, "id", "duplicate state id"));
        }

        if (capability.Length != states.Count)
        {
            problems.Add(new Problem("year", "capability", $"expected {states.Count} values (one per state), found {capability.Length}"));
            return problems;
        }

        for (var i = 0; i < states.Count; i++)
        {
            if (!Domain.Capability.IsValid(capability[i]))
                problems.Add(new Problem(states[i], "capability", $"expected {Domain.Capability.Expected}, found {capability[i]}"));
        }

        return problems;
    }

    private static void CheckLength(List<Problem> problems, string field, int length, int n)
    {
        if (length != n * n) problems.Add(new Problem("year", field, $"expected {n * n} values ({n}×{n}, row-major), found {length}"));
    }
}
