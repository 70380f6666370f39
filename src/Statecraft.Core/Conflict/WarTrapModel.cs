using Statecraft.Core.Domain;

namespace Statecraft.Core.Conflict;

/// <summary>One third party's contribution to EU_i(j).</summary>
public sealed record ThirdPartyTerm(string State, double PIk, double PJk, double Term);

/// <summary>War Trap expected utility of i attacking j, with its parts.</summary>
public sealed record WarTrapDyad(string Attacker, string Target, double P, double Bilateral, IReadOnlyList<ThirdPartyTerm> ThirdParties)
{
    public double Multilateral
    {
        get
        {
            double sum = 0;
            foreach (var t in ThirdParties) sum += t.Term;
            return sum;
        }
    }

    public double ExpectedUtility => Bilateral + Multilateral;
}

/// <summary>A state's security sum and the risk attitude derived from it.</summary>
public sealed record WarTrapRisk(string State, double Security, double R, double RiskExponent);

/// <summary>
/// Bueno de Mesquita's War Trap expected utility (1981) as EUGene computes it, on flat arrays:
/// C[a,b] capability of a brought to b's location, U[k,x] k's utility for x (portfolio similarity).
/// <list type="bullet">
/// <item>C_ab = c_a^log10(miles_ab/mpd + 10 − e), c_a = capability × (1 − committed elsewhere); no discount: C_ab = c_a.</item>
/// <item>P = C_ij/(C_ij + C_jj); EU_bil = (2P − 1)(1 − U_ij).</item>
/// <item>M_k = max(C_kj, C_ki); P_ik = (C_ij + M_k)/(C_ij + M_k + C_jj); P_jk = (C_ji + M_k)/(C_ji + M_k + C_ii);
/// term_k = (P_ik + P_jk − 1)(U_ki − U_kj).</item>
/// <item>EU_i(j) = EU_bil + Σ_k term_k.</item>
/// </list>
/// Pure and immutable once built; safe to share between threads.
/// </summary>
public sealed class WarTrapModel
{
    private readonly int _n;
    private readonly double[] _c; // n×n adjusted capability, row a = state a, column b = location b
    private readonly double[] _u; // n×n utility (similarity), row k = the one who values
    private readonly int[] _commitSide; // per state: index of the side it committed to, or −1
    private readonly double[] _commitStrength;
    private readonly Dictionary<string, int> _index;

    private WarTrapModel(string[] states, double[] c, double[] u, int[] commitSide, double[] commitStrength, WarTrapOptions options)
    {
        States = states;
        _n = states.Length;
        _c = c;
        _u = u;
        _commitSide = commitSide;
        _commitStrength = commitStrength;
        Options = options;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < states.Length; i++) _index[states[i]] = i;
    }

    public IReadOnlyList<string> States { get; }

    public WarTrapOptions Options { get; }

    /// <summary>Bueno de Mesquita's loss-of-strength gradient: capability^log10(miles/mpd + 10 − e).</summary>
    public static double DiscountedCapability(double capability, double miles, double milesPerDay = 500) =>
        Math.Pow(capability, Math.Log10(miles / milesPerDay + (10 - Math.E)));

    /// <summary>Builds the model, reporting every input problem at once.</summary>
    public static ParseResult<WarTrapModel> Create(WarTrapSpec spec, WarTrapOptions options) => Create(spec, options, null);

    /// <summary>
    /// As <see cref="Create(WarTrapSpec, WarTrapOptions)"/>, reusing a similarity matrix computed from
    /// the same ties and states (Monte Carlo draws that change only numbers need not redo τ_b).
    /// </summary>
    internal static ParseResult<WarTrapModel> Create(WarTrapSpec spec, WarTrapOptions options, double[]? tieSimilarity)
    {
        var problems = new List<Problem>(spec.Validate());
        if (problems.Count > 0) return ParseResult<WarTrapModel>.ForProblems(problems);

        var states = spec.States.Select(s => s.Id).ToArray();
        var n = states.Length;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++) index[states[i]] = i;

        var available = new double[n];
        for (var i = 0; i < n; i++) available[i] = spec.States[i].Capability * (1 - spec.States[i].CommittedElsewhere);

        var c = new double[n * n];
        if (options.DistanceDiscount)
        {
            var miles = new double[n * n];
            Array.Fill(miles, double.NaN);
            for (var i = 0; i < n; i++) miles[i * n + i] = 0;
            foreach (var d in spec.Distances)
            {
                miles[index[d.A] * n + index[d.B]] = d.Value;
                miles[index[d.B] * n + index[d.A]] = d.Value;
            }

            // Unknown distances stay NaN: a dyad that needs one is refused by Dyad/ExpectedUtility callers via MissingDistances.
            for (var a = 0; a < n; a++)
            {
                for (var b = 0; b < n; b++)
                    c[a * n + b] = double.IsNaN(miles[a * n + b]) ? double.NaN : DiscountedCapability(available[a], miles[a * n + b], options.MilesPerDay);
            }
        }
        else
        {
            for (var a = 0; a < n; a++) Array.Fill(c, available[a], a * n, n);
        }

        double[] u;
        if (spec.Similarity is not null)
        {
            u = new double[n * n];
            for (var i = 0; i < n; i++) u[i * n + i] = 1;
            foreach (var s in spec.Similarity)
            {
                u[index[s.A] * n + index[s.B]] = s.Value;
                u[index[s.B] * n + index[s.A]] = s.Value;
            }
        }
        else if (tieSimilarity is not null && tieSimilarity.Length == n * n)
        {
            u = tieSimilarity;
        }
        else
        {
            var ties = new TieKind[n * n];
            Array.Fill(ties, TieKind.None);
            foreach (var t in spec.Ties ?? [])
            {
                ties[index[t.A] * n + index[t.B]] = t.Kind;
                ties[index[t.B] * n + index[t.A]] = t.Kind;
            }

            var weights = spec.States.Select(s => s.Capability).ToArray();
            u = AlliancePortfolio.SimilarityMatrix(ties, n, options.Measure, weights);
        }

        var side = new int[n];
        var strength = new double[n];
        Array.Fill(side, -1);
        foreach (var commitment in spec.Commitments)
        {
            side[index[commitment.State]] = index[commitment.Side];
            strength[index[commitment.State]] = commitment.Strength;
        }

        return ParseResult<WarTrapModel>.ForValue(new WarTrapModel(states, c, u, side, strength, options));
    }

    /// <summary>
    /// A model straight from flat matrices (row-major n×n: C[a·n + b] capability of a at b, U[k·n + x]
    /// k's utility for x), without commitments: the risk search's reference for its security sums.
    /// </summary>
    internal static WarTrapModel FromMatrices(string[] states, double[] capabilityAt, double[] similarity, WarTrapOptions options)
    {
        var side = new int[states.Length];
        Array.Fill(side, -1);
        return new WarTrapModel(states, capabilityAt, similarity, side, new double[states.Length], options);
    }

    /// <summary>The similarity matrix before commitments (shared, never written after construction).</summary>
    internal double[] SimilarityMatrix => _u;

    public int IndexOf(string state) => _index.TryGetValue(state, out var i) ? i : -1;

    /// <summary>Adjusted capability of <paramref name="a"/> at <paramref name="b"/>'s location.</summary>
    public double Capability(int a, int b) => _c[a * _n + b];

    /// <summary>k's utility for x: portfolio similarity (before any commitment).</summary>
    public double Similarity(int k, int x) => _u[k * _n + x];

    /// <summary>Pairs whose distance the dyad (i, j) needs but the region does not give.</summary>
    public IReadOnlyList<(string A, string B)> MissingDistances(int i, int j)
    {
        var missing = new List<(string, string)>();
        void Need(int a, int b)
        {
            if (double.IsNaN(_c[a * _n + b])) missing.Add((States[Math.Min(a, b)], States[Math.Max(a, b)]));
        }

        Need(i, j);
        for (var k = 0; k < _n; k++)
        {
            if (k == i || k == j) continue;
            Need(k, i);
            Need(k, j);
        }

        return missing.Distinct().ToArray();
    }

    /// <summary>EU_i(j) with its parts, for reports.</summary>
    public WarTrapDyad Dyad(int i, int j) => Dyad(i, j, 1);

    /// <summary>
    /// EU_i(j) with its parts, the bilateral part valued with i's risk exponent r (see
    /// <see cref="RiskAdjustedBilateral"/>); r = 1 is the 1981 model exactly.
    /// </summary>
    public WarTrapDyad Dyad(int i, int j, double riskExponent)
    {
        var n = _n;
        var cij = _c[i * n + j];
        var cjj = _c[j * n + j];
        var cji = _c[j * n + i];
        var cii = _c[i * n + i];
        var p = Share(cij, cij + cjj);
        var bilateral = RiskAdjustedBilateral(p, _u[i * n + j], riskExponent);
        var terms = new List<ThirdPartyTerm>(n - 2);
        for (var k = 0; k < n; k++)
        {
            if (k == i || k == j) continue;
            var m = Math.Max(_c[k * n + j], _c[k * n + i]);
            var pik = Share(cij + m, cij + m + cjj);
            var pjk = Share(cji + m, cji + m + cii);
            terms.Add(new ThirdPartyTerm(States[k], pik, pjk, (pik + pjk - 1) * UtilityDifference(k, i, j)));
        }

        return new WarTrapDyad(States[i], States[j], p, bilateral, terms);
    }

    /// <summary>EU_i(j) alone: the allocation-free hot path (flat arrays, one pass over third parties).</summary>
    public double ExpectedUtility(int i, int j) => ExpectedUtility(i, j, 1);

    /// <summary>EU_i(j) with the bilateral part valued with i's risk exponent r; r = 1 is the 1981 model exactly.</summary>
    public double ExpectedUtility(int i, int j, double riskExponent)
    {
        var (bilateral, multilateral) = ExpectedUtilityParts(i, j, default, riskExponent);
        return bilateral + multilateral;
    }

    /// <summary>EU_i(j) for every directed dyad (row-major n×n; diagonal 0).</summary>
    public double[] AllDyads()
    {
        var result = new double[_n * _n];
        for (var i = 0; i < _n; i++)
        {
            for (var j = 0; j < _n; j++)
            {
                if (i != j) result[i * _n + j] = ExpectedUtility(i, j);
            }
        }

        return result;
    }

    /// <summary>
    /// EU_i(j) split into its bilateral and third-party parts, counting as third parties only the
    /// states k with <paramref name="thirdParties"/>[k] true (a relevant-region rule), or every state
    /// when the span is empty; i and j are never third parties. The bilateral part is valued with i's
    /// risk exponent (<see cref="RiskAdjustedBilateral"/>; 1 is the 1981 model).
    /// </summary>
    public (double Bilateral, double ThirdParties) ExpectedUtilityParts(int i, int j, ReadOnlySpan<bool> thirdParties, double riskExponent = 1)
    {
        var n = _n;
        var c = _c;
        var u = _u;
        var cij = c[i * n + j];
        var cjj = c[j * n + j];
        var cji = c[j * n + i];
        var cii = c[i * n + i];
        var bilateral = RiskAdjustedBilateral(Share(cij, cij + cjj), u[i * n + j], riskExponent);
        double multilateral = 0;
        for (var k = 0; k < n; k++)
        {
            if (k == i || k == j || (!thirdParties.IsEmpty && !thirdParties[k])) continue;
            var row = k * n;
            var ckj = c[row + j];
            var cki = c[row + i];
            var m = ckj > cki ? ckj : cki;
            var a = cij + m;
            var b = cji + m;
            var diff = _commitSide[k] < 0 ? u[row + i] - u[row + j] : UtilityDifference(k, i, j);
            multilateral += (Share(a, a + cjj) + Share(b, b + cii) - 1) * diff;
        }

        return (bilateral, multilateral);
    }

    /// <summary>
    /// Risk attitudes from security sums (as in the bargaining model): S_i = Σ_{j≠i} EU_j(i), the
    /// expected utility others see in attacking i; R_i = (2 S_i − S_max − S_min)/(S_max − S_min) over
    /// the region's states; r_i = (1 − R_i/3)/(1 + R_i/3).
    /// </summary>
    public IReadOnlyList<WarTrapRisk> Risk()
    {
        var eu = AllDyads();
        var security = new double[_n];
        for (var i = 0; i < _n; i++)
        {
            for (var j = 0; j < _n; j++)
            {
                if (j != i) security[i] += eu[j * _n + i];
            }
        }

        var max = security.Max();
        var min = security.Min();
        var risks = new WarTrapRisk[_n];
        for (var i = 0; i < _n; i++)
        {
            var r = RiskR(security[i], max, min);
            risks[i] = new WarTrapRisk(States[i], security[i], r, RiskExponent(r));
        }

        return risks;
    }

    /// <summary>
    /// EU_bil = P(1 − U_ij) + (1 − P)(U_ij − 1), which is (2P − 1)(1 − U_ij); written as the sum of the
    /// win and loss branches, in the order EUGene's restatement adds them, so results agree to the bit.
    /// </summary>
    public static double Bilateral(double p, double uij) => p * (1 - uij) + (1 - p) * (uij - 1);

    /// <summary>
    /// Bueno de Mesquita's (1985) utility, for an actor with risk exponent r, of a change Δ ∈ [−2, 2]
    /// in how close the outcome is to its own policy: U(Δ) = 2 − 4((2 − Δ)/4)^r. r = 1 gives U = Δ;
    /// r &gt; 1 bends it concave (risk-averse), r &lt; 1 convex (risk-acceptant). EUGene's War and
    /// Reason utilities are these functions of τ_b.
    /// </summary>
    public static double RiskUtility(double change, double riskExponent) => 2 - 4 * Math.Pow((2 - change) / 4, riskExponent);

    /// <summary>
    /// The bilateral War Trap term with i's 1985 utilities: P·U(1 − U_ij) + (1 − P)·U(U_ij − 1) − U(0)
    /// (success imposes i's policy, failure j's, the status quo is the zero of the scale). With r = 1
    /// it is <see cref="Bilateral"/>, returned as such so the 1981 results stay bit for bit.
    /// </summary>
    public static double RiskAdjustedBilateral(double p, double uij, double riskExponent)
    {
        if (riskExponent == 1) return Bilateral(p, uij);
        if (!(double.IsFinite(riskExponent) && riskExponent > 0))
            throw new ArgumentOutOfRangeException(nameof(riskExponent), riskExponent, "expected a risk exponent > 0");
        return p * RiskUtility(1 - uij, riskExponent) + (1 - p) * RiskUtility(uij - 1, riskExponent) - RiskUtility(0, riskExponent);
    }

    /// <summary>
    /// A side's probability of prevailing, part/total, or one half when neither side brings any
    /// capability (EUGene's rule; without it a pair of zero-capability states would give NaN).
    /// </summary>
    public static double Share(double part, double total) => total == 0 ? 0.5 : part / total;

    /// <summary>
    /// R = (2·sec − max − min)/(max − min), 0 when every state is equally secure; written as
    /// ((sec − min) − (max − sec))/(max − min) so that it is exactly ±1 at the extremes.
    /// </summary>
    public static double RiskR(double security, double max, double min) => max == min ? 0 : (security - min - (max - security)) / (max - min);

    /// <summary>r = (1 − R/3)/(1 + R/3), mapping R ∈ [−1, 1] onto [0.5, 2].</summary>
    public static double RiskExponent(double r) => (1 - r / 3) / (1 + r / 3);

    // U_ki − U_kj after k's stated commitment, if k made one to i or j.
    private double UtilityDifference(int k, int i, int j)
    {
        var row = k * _n;
        var uki = _u[row + i];
        var ukj = _u[row + j];
        var side = _commitSide[k];
        if (side == i || side == j)
        {
            var s = _commitStrength[k];
            var towardsI = side == i ? 1.0 : -1.0;
            uki += s * (towardsI - uki);
            ukj += s * (-towardsI - ukj);
        }

        return uki - ukj;
    }
}
