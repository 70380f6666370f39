using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Statecraft.Core.Random;

namespace Statecraft.Core.Spatial;

/// <summary>
/// KTAB's Spatial Model of Politics (KAPSARC): actors with positions on several dimensions challenge
/// each other, strike interpolated bargains, and each adopts the bargain a probabilistic Condorcet
/// election among all actors favours. <see cref="Run"/> is a pure function of the scenario and options.
/// </summary>
public static class SmpModel
{
    /// <summary>Runs to convergence (or the turn limit) with the given options, else the scenario's, else KTAB's defaults.</summary>
    public static SmpResult Run(SpatialScenario scenario, SmpOptions? options = null)
    {
        options ??= scenario.Options ?? SmpOptions.Default;
        if (options.MaxTurns < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxTurns must be at least 1");
        return new SmpEngine(scenario, options).Run();
    }

    /// <summary>
    /// <see cref="SmpResult.Final"/>'s positions of <see cref="Run"/>, the same to the last bit, without
    /// keeping the turns (nor computing the win probabilities only the history reports): the form
    /// Monte Carlo runs call in every draw.
    /// </summary>
    public static double[] FinalPositions(SpatialScenario scenario, SmpOptions? options = null)
    {
        options ??= scenario.Options ?? SmpOptions.Default;
        if (options.MaxTurns < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxTurns must be at least 1");
        return new SmpEngine(scenario, options).RunToEnd();
    }
}

/// <summary>
/// The state of one run in flat arrays. Per turn it keeps O(actors²) numbers (the distance matrix and
/// coalition work space), never KTAB's per-actor utility matrices (O(actors³)).
/// </summary>
internal sealed class SmpEngine
{
    private const double PositionTolerance = 1e-3; // KTAB: positions closer than 0.1 on 0-100 are one
    private const double MinChallengeGain = 1e-5;
    private const double MinChallengeCoalition = 1e-10;

    private readonly SmpOptions _o;
    private readonly SpatialScenario _scenario;
    private readonly int _n, _nd;
    private readonly double[] _cap, _sal, _salSum, _salSq, _capSal;
    private readonly (int Reference, double Rate)[][]? _adjust; // null: ideals track positions
    private readonly ParallelOptions _parallel;
    private readonly ChallengeScratch? _single; // one thread: every loop runs inline with this scratch

    private double[] _pos, _ideal;
    private readonly double[] _dT;     // _dT[j * n + i] = salience-weighted distance of i's ideal from j's position
    private readonly double[] _diag;   // d(i, i)
    private readonly double[] _risk;   // R_i
    private readonly double[] _rSelf;  // i's estimate of its own R (the adjustment rule applied to R_i, R_i)
    private readonly double[] _rowSum; // sum over n of U_i(i, n)
    private readonly double[] _work, _coal, _scratch;

    public SmpEngine(SpatialScenario scenario, SmpOptions options)
    {
        _scenario = scenario;
        _o = options;
        _n = scenario.Actors.Count;
        _nd = scenario.Dimensions.Count;
        int n = _n, nd = _nd;
        _cap = new double[n];
        _sal = new double[n * nd];
        _salSum = new double[n];
        _salSq = new double[n];
        _capSal = new double[n];
        _pos = new double[n * nd];
        for (var i = 0; i < n; i++)
        {
            var a = scenario.Actors[i];
            _cap[i] = a.Capability;
            for (var k = 0; k < nd; k++)
            {
                _sal[i * nd + k] = a.Salience[k];
                _pos[i * nd + k] = a.Position[k];
                _salSum[i] += a.Salience[k];
                _salSq[i] += a.Salience[k] * a.Salience[k];
            }

            _capSal[i] = _salSum[i] * _cap[i];
        }

        _ideal = (double[])_pos.Clone();
        _adjust = BuildAdjustments(scenario);
        _dT = new double[n * n];
        _diag = new double[n];
        _risk = new double[n];
        _rSelf = new double[n];
        _rowSum = new double[n];
        _work = new double[n * n];
        _coal = new double[n * n];
        _scratch = new double[2 * n * n];
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxThreads > 0 ? options.MaxThreads : -1 };
        if (options.MaxThreads == 1) _single = new ChallengeScratch(n);
    }

    private static (int, double)[][]? BuildAdjustments(SpatialScenario s)
    {
        var n = s.Actors.Count;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++) index[s.Actors[i].Name] = i;
        var rates = new Dictionary<(int, int), double>();
        foreach (var a in s.IdealAdjustments) rates[(index[a.Adjusting], index[a.Reference])] = a.Rate;
        var identity = true;
        foreach (var ((i, j), rate) in rates)
            if (rate != (i == j ? 1.0 : 0.0)) identity = false;
        if (identity) return null;

        var rows = new (int, double)[n][];
        for (var i = 0; i < n; i++)
        {
            var row = new List<(int, double)>();
            for (var j = 0; j < n; j++)
            {
                var rate = rates.TryGetValue((i, j), out var r) ? r : i == j ? 1.0 : 0.0;
                if (rate != 0) row.Add((j, rate));
            }

            rows[i] = row.ToArray();
        }

        return rows;
    }

    public SmpResult Run()
    {
        var turns = new List<SmpTurn>();
        var stop = Loop(turns);
        return new SmpResult(_scenario, _o, turns, stop);
    }

    /// <summary>The final positions, keeping no history.</summary>
    public double[] RunToEnd()
    {
        Loop(null);
        return _pos;
    }

    /// <summary>Turns until quiet or the limit; each state is added to <paramref name="turns"/> when given.</summary>
    private SmpStop Loop(List<SmpTurn>? turns)
    {
        Assess();
        var (riskNow, probNow) = turns is null ? (_risk, _risk) : (Copy(_risk), WinProbabilities());
        double firstChange = 0;
        var stop = SmpStop.MaxTurns;
        for (var t = 1; ; t++)
        {
            var challenges = Challenges();
            var next = Bargain(challenges, t);
            turns?.Add(new SmpTurn(t - 1, _pos, riskNow, probNow, challenges));

            var change = StateDistance(_pos, next);
            if (t == 1) firstChange = change + 1e-4;
            _ideal = NewIdeals(next);
            _pos = next;
            Assess();
            if (turns is not null) (riskNow, probNow) = (Copy(_risk), WinProbabilities());

            if (t >= _o.MaxTurns) break;
            if (t >= _o.MinTurns && change / firstChange < _o.MinDeltaRatio)
            {
                stop = SmpStop.Quiet;
                break;
            }
        }

        turns?.Add(new SmpTurn(turns.Count, _pos, riskNow, probNow, []));
        return stop;
    }

    /// <summary>Runs body(0..count-1): inline on one thread, else in parallel.</summary>
    private void For(int count, Action<int> body)
    {
        if (_single is not null)
            for (var i = 0; i < count; i++) body(i);
        else Parallel.For(0, count, _parallel, body);
    }

    private static double[] Copy(double[] a) => (double[])a.Clone();

    // ---------------------------------------------------------------- utilities and risk

    /// <summary>Distances, risk attitudes and the row sums of each actor's own utilities for the current state.</summary>
    private void Assess()
    {
        int n = _n, nd = _nd;
        For(n, j =>
        {
            var pj = _pos.AsSpan(j * nd, nd);
            var row = _dT.AsSpan(j * n, n);
            for (var i = 0; i < n; i++) row[i] = Distance(_ideal.AsSpan(i * nd, nd), pj, i);
        });
        for (var i = 0; i < n; i++) _diag[i] = _dT[i * n + i];

        // Risk attitudes from the risk-neutral PCE over actors' positions. Actors at the very same
        // point have identical columns, so coalitions are computed once per distinct point.
        var (groups, group) = DistinctPositions();
        var g = groups.Length;
        For(g, x =>
        {
            var row = _work.AsSpan(x * n, n);
            var d = _dT.AsSpan(groups[x] * n, n);
            for (var k = 0; k < n; k++) row[k] = Utility(d[k], 0.0);
        });
        var distinct = new double[g * g];
        Coalitions(_o.Voting, _work, g, distinct);
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                _coal[i * n + j] = distinct[group[i] * g + group[j]];
        var p = new double[n];
        Voting.Pce(_o.Pce, _o.VictoryProbability, _coal, n, p, _scratch);
        RiskFromProbabilities(p, _o.RiskRange, _risk);

        for (var i = 0; i < n; i++) _rSelf[i] = EstimateRisk(_risk[i], _risk[i], _o.RiskAdjustment);
        Array.Clear(_rowSum);
        for (var m = 0; m < n; m++)
        {
            var d = _dT.AsSpan(m * n, n);
            for (var a = 0; a < n; a++) _rowSum[a] += Utility(d[a], _rSelf[a]);
        }
    }

    /// <summary>Coalitions among the options of u (option-major, n actors) and their PCE probabilities.</summary>
    /// <summary>Actors grouped by bitwise-identical positions: the first actor of each group, and each actor's group.</summary>
    private (int[] Representatives, int[] Group) DistinctPositions()
    {
        int n = _n, nd = _nd;
        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = i;
        var pos = _pos;
        Array.Sort(order, (a, b) =>
        {
            var c = pos.AsSpan(a * nd, nd).SequenceCompareTo(pos.AsSpan(b * nd, nd));
            return c != 0 ? c : a.CompareTo(b);
        });
        var group = new int[n];
        var reps = new List<int>();
        for (var x = 0; x < n; x++)
        {
            var i = order[x];
            if (x == 0 || !pos.AsSpan(i * nd, nd).SequenceEqual(pos.AsSpan(order[x - 1] * nd, nd))) reps.Add(i);
            group[i] = reps.Count - 1;
        }

        return (reps.ToArray(), group);
    }

    /// <summary>Coalition strengths among the options of u (option-major over all actors).</summary>
    private void Coalitions(VotingRule rule, double[] u, int options, double[] c)
    {
        var n = _n;
        if (rule != VotingRule.Proportional) Voting.Coalitions(rule, _cap, u.AsSpan(0, options * n), options, c);
        else if ((long)options * options * n < 1_000_000)
            for (var a = 0; a < options; a++) CoalitionRow(u, n, options, a, c);
        else For(options, a => CoalitionRow(u, n, options, a, c));
    }

    /// <summary>Row a of the proportional-voting coalition matrix (both triangles for b &lt; a).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CoalitionRow(double[] u, int n, int options, int a, double[] c)
    {
        var ua = u.AsSpan(a * n, n);
        var w = _cap.AsSpan();
        for (var b = 0; b < a; b++)
        {
            var ub = u.AsSpan(b * n, n);
            // Two accumulators per side break the dependency chain of the additions.
            Vector256<double> ab0 = Vector256<double>.Zero, ab1 = ab0, ba0 = ab0, ba1 = ab0;
            var k = 0;
            for (; k + 8 <= n; k += 8)
            {
                var v0 = Vector256.Create(w.Slice(k, 4)) * (Vector256.Create(ua.Slice(k, 4)) - Vector256.Create(ub.Slice(k, 4)));
                var v1 = Vector256.Create(w.Slice(k + 4, 4)) * (Vector256.Create(ua.Slice(k + 4, 4)) - Vector256.Create(ub.Slice(k + 4, 4)));
                ab0 += Vector256.Max(v0, Vector256<double>.Zero);
                ba0 += Vector256.Max(-v0, Vector256<double>.Zero);
                ab1 += Vector256.Max(v1, Vector256<double>.Zero);
                ba1 += Vector256.Max(-v1, Vector256<double>.Zero);
            }

            var accAb = ab0 + ab1;
            var accBa = ba0 + ba1;
            double tailAb = 0, tailBa = 0;
            for (; k < n; k++)
            {
                var v = w[k] * (ua[k] - ub[k]);
                if (v > 0) tailAb += v;
                if (v < 0) tailBa -= v;
            }

            c[a * options + b] = Voting.MinCoalition + (accAb[0] + accAb[1] + accAb[2] + accAb[3] + tailAb);
            c[b * options + a] = Voting.MinCoalition + (accBa[0] + accBa[1] + accBa[2] + accBa[3] + tailBa);
        }

        c[a * options + a] = Voting.MinCoalition;
    }

    private static void RiskFromProbabilities(ReadOnlySpan<double> p, RiskRange range, Span<double> r)
    {
        double pMin = 1.0, pMax = 0.0;
        foreach (var pi in p)
        {
            pMin = pi < pMin ? pi : pMin;
            pMax = pi > pMax ? pi : pMax;
        }

        for (var i = 0; i < p.Length; i++)
        {
            // All positions equally likely: KTAB divides by zero; risk neutrality is the limit.
            if (!(pMax > pMin)) { r[i] = 0; continue; }
            r[i] = range switch
            {
                RiskRange.Min => (p[i] - pMin) / (pMax - pMin),
                RiskRange.Mid => (3 * p[i] - (pMax + 2 * pMin)) / (2 * (pMax - pMin)),
                _ => (2 * p[i] - (pMax + pMin)) / (pMax - pMin),
            };
        }
    }

    private static double EstimateRisk(double rh, double ri, RiskAdjustment adjustment) => adjustment switch
    {
        RiskAdjustment.Full => ri,
        RiskAdjustment.TwoThirds => (rh + 2.0 * ri) / 3.0,
        RiskAdjustment.Half => (rh + ri) / 2,
        RiskAdjustment.OneThird => (2.0 * rh + ri) / 3.0,
        _ => rh,
    };

    /// <summary>Salience-weighted Euclidean distance from a to b with actor i's saliences.</summary>
    private double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int i)
    {
        var s = _sal.AsSpan(i * _nd, _nd);
        double ds = 0, ss = 0;
        for (var k = 0; k < s.Length; k++)
        {
            var x = (a[k] - b[k]) * s[k];
            ds += x * x;
            ss += s[k] * s[k];
        }

        return Math.Sqrt(ds / ss);
    }

    /// <summary>KTAB's utility of a normalised distance d under risk attitude R.</summary>
    private static double Utility(double d, double r) => d <= 1 ? (1 - d) * (1 + d * r) : (1 - d) * (1 + r);

    // ---------------------------------------------------------------- challenges

    private SmpChallenge[] Challenges()
    {
        var n = _n;
        var result = new SmpChallenge[n];
        if (_single is not null)
        {
            for (var i = 0; i < n; i++) result[i] = BestChallenge(i, _single);
            return result;
        }

        Parallel.For(0, n, _parallel, () => new ChallengeScratch(n), (i, _, s) =>
        {
            result[i] = BestChallenge(i, s);
            return s;
        }, _ => { });
        return result;
    }

    private sealed class ChallengeScratch(int n)
    {
        public readonly double[] Risk = new double[n];
        public readonly int[] Order = new int[n];
        public readonly double[] Bound = new double[n];
        public readonly double[] Candidates = new double[n];
        public readonly double[] Weight = new double[n]; // third parties' weights, 0 for the principals
        public readonly double[] Umi = new double[n];    // U_i(m, i): m's utility of i's position, as i sees it
        public readonly double[] Umm = new double[n];    // U_i(m, m)
    }

    /// <summary>h's estimates of every actor's risk attitude.</summary>
    private void EstimatedRisks(int h, Span<double> r)
    {
        for (var a = 0; a < _n; a++) r[a] = EstimateRisk(_risk[h], _risk[a], _o.RiskAdjustment);
    }

    /// <summary>h's view of challenges by i: h's risk estimates, and each actor's utility of i's position and of its own.</summary>
    private void Prepare(ChallengeScratch s, int h, int i)
    {
        var n = _n;
        var r = s.Risk;
        EstimatedRisks(h, r);
        var di = _dT.AsSpan(i * n, n);
        for (var m = 0; m < n; m++)
        {
            s.Umi[m] = Utility(di[m], r[m]);
            s.Umm[m] = Utility(_diag[m], r[m]);
            s.Weight[m] = _capSal[m];
        }

        s.Weight[i] = 0;
    }

    /// <summary>
    /// i's most valuable challenge. The gain from challenging j is (U_ii − U_ij)(1 − 2 s_j (1 − p)), at most
    /// |U_ii − U_ij| in size, so targets are examined in decreasing order of that bound and the search
    /// stops when no remaining target can beat the best found. Ties go to the lowest j, as in KTAB.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private SmpChallenge BestChallenge(int i, ChallengeScratch s)
    {
        var n = _n;
        var r = s.Risk;
        Prepare(s, i, i);
        var uii = s.Umm[i];
        var fast = _o.Voting == VotingRule.Proportional;

        // With p in [0, 1] the gain lies between Δ(1 − 2s_j) and Δ, where Δ = U_ii − U_ij > 0. The target
        // with the best guaranteed gain is evaluated first; its gain then rules out most others
        // before anything is sorted.
        var top = -1;
        var topBound = -1.0;
        var topFloor = double.NegativeInfinity;
        for (var j = 0; j < n; j++)
        {
            if (j == i) continue;
            var delta = uii - Utility(_dT[j * n + i], r[i]);
            var b = Math.Abs(delta);
            s.Bound[j] = b;
            var floor = delta > 0 ? delta * (1 - 2 * _salSum[j]) : double.NegativeInfinity;
            if (floor > topFloor || (top < 0 && b > topBound) || (floor == topFloor && b > topBound))
            {
                topFloor = floor;
                topBound = b;
                top = j;
            }
        }

        var best = SmpChallenge.None;
        var bestGain = -1.0;
        if (top < 0) return best;
        if (Slack(topBound) >= MinChallengeGain) Consider(top);

        var count = 0;
        for (var j = 0; j < n; j++)
        {
            if (j == i || j == top) continue;
            var b = Slack(s.Bound[j]);
            if (b < MinChallengeGain || b < bestGain) continue;
            s.Order[count] = j;
            s.Candidates[count] = b;
            count++;
        }

        Array.Sort(s.Candidates, s.Order, 0, count);
        for (var m = count - 1; m >= 0; m--)
        {
            if (s.Candidates[m] < bestGain) break;
            Consider(s.Order[m]);
        }

        return best;

        // The bound with room for rounding in the gain's own arithmetic.
        static double Slack(double bound) => bound * (1 + 1e-9) + 1e-15;

        void Consider(int j)
        {
            var (p, gain) = fast ? ChallengeProportional(i, j, s) : EstimateChallenge(i, i, i, j, r);
            if (gain > MinChallengeGain && (gain > bestGain || (gain == bestGain && j < best.Target)))
            {
                best = new SmpChallenge(j, gain, p);
                bestGain = gain;
            }
        }
    }

    /// <summary>
    /// <see cref="EstimateChallenge"/> for h = k = i under proportional voting, four third parties at a
    /// time. Lane sums are combined in a fixed order, so the result does not depend on threads.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (double P, double Gain) ChallengeProportional(int i, int j, ChallengeScratch s)
    {
        var n = _n;
        var r = s.Risk;
        var dj = _dT.AsSpan(j * n, n);
        var uii = s.Umm[i];
        var uij = Utility(dj[i], r[i]);
        var uji = s.Umi[j];
        var ujj = s.Umm[j];
        var sj = _salSum[j];
        var ci = _salSum[i] * _cap[i] * (uii - uij);
        var cj = sj * _cap[j] * (uji - ujj);
        double chij = MinChallengeCoalition, chji = MinChallengeCoalition;
        if (ci > 0) chij += ci;
        if (ci < 0) chji -= ci;
        if (cj > 0) chij += cj;
        if (cj < 0) chji -= cj;
        double principalsI = chij, principalsJ = chji;

        var w = s.Weight;
        var wj = w[j];
        w[j] = 0; // principals are not third parties
        var commit = _o.ThirdParty;
        var accI = Vector256<double>.Zero;
        var accJ = Vector256<double>.Zero;
        var one = Vector256.Create(1.0);
        var zero = Vector256<double>.Zero;
        var vPi = Vector256.Create(principalsI);
        var vPj = Vector256.Create(principalsJ);
        var m = 0;
        for (; m + 4 <= n; m += 4)
        {
            var d = Vector256.Create(dj.Slice(m, 4));
            var rm = Vector256.Create(r.AsSpan(m, 4));
            var umi = Vector256.Create(s.Umi.AsSpan(m, 4));
            var umm = Vector256.Create(s.Umm.AsSpan(m, 4));
            var wm = Vector256.Create(w.AsSpan(m, 4));
            var umj = (one - d) * (one + Vector256.Min(d, one) * rm);
            var little = wm * (umi - umj);
            var cmi = vPi + Vector256.Max(little, zero);
            var cmj = vPj + Vector256.Max(-little, zero);
            var pi = cmi / (cmi + cmj);
            var pj = one - pi;
            var twoI = umi + umi;
            var twoJ = umj + umj;
            Vector256<double> withI, withJ;
            switch (commit)
            {
                case ThirdPartyCommit.SemiCommit:
                    withI = pi * (twoI + umm) + pj * (twoJ + umj);
                    withJ = pi * (twoI + umi) + pj * (twoJ + umm);
                    break;
                case ThirdPartyCommit.FullCommit:
                    withI = pi * (twoI + umi) + pj * (twoJ + umj);
                    withJ = pi * (twoI + umi) + pj * (twoJ + umj);
                    break;
                default:
                    withI = pi * (twoI + umm) + pj * (twoJ + umm);
                    withJ = pi * (twoI + umm) + pj * (twoJ + umm);
                    break;
            }

            var v = wm * (withI - withJ);
            accI += Vector256.Max(v, zero);
            accJ += Vector256.Max(-v, zero);
        }

        double tailI = 0, tailJ = 0;
        for (; m < n; m++)
        {
            var umj = Utility(dj[m], r[m]);
            var umi = s.Umi[m];
            var umm = s.Umm[m];
            var little = w[m] * (umi - umj);
            var cmi = little > 0 ? principalsI + little : principalsI;
            var cmj = little < 0 ? principalsJ - little : principalsJ;
            var pi = cmi / (cmi + cmj);
            var pj = 1.0 - pi;
            double withI, withJ;
            switch (commit)
            {
                case ThirdPartyCommit.SemiCommit:
                    withI = pi * (umi + umi + umm) + pj * (umj + umj + umj);
                    withJ = pi * (umi + umi + umi) + pj * (umj + umj + umm);
                    break;
                case ThirdPartyCommit.FullCommit:
                    withI = pi * (umi + umi + umi) + pj * (umj + umj + umj);
                    withJ = withI;
                    break;
                default:
                    withI = pi * (umi + umi + umm) + pj * (umj + umj + umm);
                    withJ = withI;
                    break;
            }

            var v = w[m] * (withI - withJ);
            if (v > 0) tailI += v;
            if (v < 0) tailJ -= v;
        }

        w[j] = wj;
        chij += accI[0] + accI[1] + accI[2] + accI[3] + tailI;
        chji += accJ[0] + accJ[1] + accJ[2] + accJ[3] + tailJ;

        var pij = chij / (chij + chji);
        var pji = chji / (chij + chji);
        var euWin = uii + uii;
        var euContest = pij * euWin + pji * (uij + uij);
        var euChallenge = (1 - sj) * euWin + sj * euContest;
        return (pij, euChallenge - (uii + uij));
    }

    /// <summary>
    /// h's estimate of the probability that i prevails over j, and of the change in k's utility if i
    /// challenges j rather than leave things as they are. Principals vote with their full weight; each
    /// third party joins the side that its own little three-actor contest favours.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (double P, double Gain) EstimateChallenge(int h, int k, int i, int j, ReadOnlySpan<double> rh)
    {
        var n = _n;
        var rule = _o.Voting;
        var di = _dT.AsSpan(i * n, n);
        var dj = _dT.AsSpan(j * n, n);
        var uii = Utility(_diag[i], rh[i]);
        var uij = Utility(dj[i], rh[i]);
        var uji = Utility(di[j], rh[j]);
        var ujj = Utility(_diag[j], rh[j]);
        var uki = Utility(di[k], rh[k]);
        var ukj = Utility(dj[k], rh[k]);
        var euSq = uki + ukj;
        var euWin = uki + uki;
        var euLose = ukj + ukj;
        var sj = _salSum[j];

        var ci = Voting.Vote(rule, _salSum[i] * _cap[i], uii, uij);
        var cj = Voting.Vote(rule, sj * _cap[j], uji, ujj);
        double chij = MinChallengeCoalition, chji = MinChallengeCoalition;
        if (ci > 0) chij += ci;
        if (ci < 0) chji -= ci;
        if (cj > 0) chij += cj;
        if (cj < 0) chji -= cj;
        double principalsI = chij, principalsJ = chji;

        var commit = _o.ThirdParty;
        for (var m = 0; m < n; m++)
        {
            if (m == i || m == j) continue;
            var w = _capSal[m];
            var r = rh[m];
            var umi = Utility(di[m], r);
            var umj = Utility(dj[m], r);
            var umm = Utility(_diag[m], r);
            var little = Voting.Vote(rule, w, umi, umj);
            var cmi = little > 0 ? principalsI + little : principalsI;
            var cmj = little < 0 ? principalsJ - little : principalsJ;
            var pi = cmi / (cmi + cmj);
            var pj = 1.0 - pi;
            double iWins, jWins, iAlone, jJoined;
            switch (commit)
            {
                case ThirdPartyCommit.SemiCommit:
                    iWins = umi + umi + umm; jWins = umj + umj + umj; iAlone = umi + umi + umi; jJoined = umj + umj + umm;
                    break;
                case ThirdPartyCommit.FullCommit:
                    iWins = umi + umi + umi; jWins = umj + umj + umj; iAlone = umi + umi + umi; jJoined = umj + umj + umj;
                    break;
                default:
                    iWins = umi + umi + umm; jWins = umj + umj + umm; iAlone = umi + umi + umm; jJoined = umj + umj + umm;
                    break;
            }

            var withI = pi * iWins + pj * jWins;
            var withJ = pi * iAlone + pj * jJoined;
            var v = Voting.Vote(rule, w, withI, withJ);
            if (v > 0) chij += v;
            if (v < 0) chji -= v;
        }

        var pij = chij / (chij + chji);
        var pji = chji / (chij + chji);
        var euContest = pij * euWin + pji * euLose;
        var euChallenge = (1 - sj) * euWin + sj * euContest;
        return (pij, euChallenge - euSq);
    }

    // ---------------------------------------------------------------- bargains

    /// <summary>A proposal: the initiator moves to InitPos, the receiver to RcvrPos (status quo: Init == Rcvr).</summary>
    private readonly record struct Proposal(int Init, int Rcvr, double[] InitPos, double[] RcvrPos)
    {
        /// <summary>What the state this bargain would produce is worth to each actor (null for the status quo: the row sums).</summary>
        public double[]? Values { get; init; }
    }

    private double[] Bargain(SmpChallenge[] challenges, int turn)
    {
        int n = _n, nd = _nd;
        var offers = new List<Proposal>[n];
        for (var k = 0; k < n; k++)
        {
            var here = _pos.AsSpan(k * nd, nd).ToArray();
            offers[k] = [new Proposal(k, k, here, here)];
        }

        var made = new Proposal[n][];
        if (_single is not null)
            for (var i = 0; i < n; i++) made[i] = challenges[i].Made ? Proposals(i, challenges[i], _single) : [];
        else
            Parallel.For(0, n, _parallel, () => new ChallengeScratch(n), (i, _, scratch) =>
            {
                made[i] = challenges[i].Made ? Proposals(i, challenges[i], scratch) : [];
                return scratch;
            }, _ => { });
        for (var i = 0; i < n; i++)
        {
            foreach (var b in made[i])
            {
                offers[b.Init].Add(b);
                offers[b.Rcvr].Add(b);
            }
        }

        // Draws are taken in actor order before the parallel choice, so threads cannot reorder them.
        var draws = new double[n];
        if (_o.Transition == StateTransition.Stochastic)
        {
            var rng = Xoshiro256StarStar.ForStream(_o.Seed, (ulong)turn);
            for (var k = 0; k < n; k++) draws[k] = rng.NextDouble();
        }

        var next = new double[n * nd];
        For(n, k =>
        {
            var chosen = offers[k][Choose(k, offers[k], draws[k])];
            var src = chosen.Init == k ? chosen.InitPos : chosen.RcvrPos;
            src.AsSpan().CopyTo(next.AsSpan(k * nd, nd));
        });
        return next;
    }

    private Proposal[] Proposals(int i, SmpChallenge c, ChallengeScratch s)
    {
        var j = c.Target;
        var byI = Interpolate(i, j, c.Probability, 1 - c.Probability);
        if (_o.Bargains == BargainModel.InitOnlyInterp) return [Valued(byI)];

        // j's own estimate of the probability that i prevails.
        Prepare(s, j, i);
        var pByJ = _o.Voting == VotingRule.Proportional ? ChallengeProportional(i, j, s).P : EstimateChallenge(j, i, i, j, s.Risk).P;
        var byJ = Interpolate(i, j, pByJ, 1 - pByJ);
        switch (_o.Bargains)
        {
            case BargainModel.InitRcvrInterp:
                return [Valued(byI), Valued(byJ)];
            default:
                // KTAB weighs both perspectives by the initiator's capability times each side's salience.
                var wi = _cap[i] * _salSum[i];
                var wj = _cap[i] * _salSum[j];
                var pi = new double[_nd];
                var pj = new double[_nd];
                for (var k = 0; k < _nd; k++)
                {
                    pi[k] = (wi * byI.InitPos[k] + wj * byJ.InitPos[k]) / (wi + wj);
                    pj[k] = (wi * byI.RcvrPos[k] + wj * byJ.RcvrPos[k]) / (wi + wj);
                }

                return [Valued(new Proposal(i, j, pi, pj))];
        }
    }

    /// <summary>
    /// The bargain with each actor's value of the state it would produce: the mean utility of all
    /// positions with the two principals moved (every actor that weighs the bargain sees the same
    /// numbers, so they are computed once, not once per actor who has it on offer).
    /// </summary>
    private Proposal Valued(Proposal b)
    {
        var n = _n;
        var values = new double[n];
        for (var a = 0; a < n; a++)
        {
            var rest = _rowSum[a] - Utility(_dT[b.Init * n + a], _rSelf[a]) - Utility(_dT[b.Rcvr * n + a], _rSelf[a]);
            values[a] = PositionUtility(a, b.InitPos) + PositionUtility(a, b.RcvrPos) + rest;
        }

        return b with { Values = values };
    }

    /// <summary>Per dimension, a point between the two positions weighted by salience and probability.</summary>
    private Proposal Interpolate(int i, int j, double pI, double pJ)
    {
        var nd = _nd;
        var bi = new double[nd];
        var bj = new double[nd];
        for (var k = 0; k < nd; k++)
        {
            double ti = _pos[i * nd + k], si = _sal[i * nd + k], tj = _pos[j * nd + k], sj = _sal[j * nd + k];
            const double minW = 1e-6;
            if (_o.Interpolation == BargainInterpolation.S2PMax)
            {
                var di = pJ > pI ? pJ - pI : 0;
                var dj = pI > pJ ? pI - pJ : 0;
                double si2 = si * si, sj2 = sj * sj;
                var dik = di * sj2 / (di * sj2 + minW + (1 - di) * si2);
                var djk = dj * si2 / (dj * si2 + minW + (1 - dj) * sj2);
                bi[k] = ti + dik * (tj - ti);
                bj[k] = tj + djk * (ti - tj);
            }
            else
            {
                var e = _o.Interpolation == BargainInterpolation.S1P1 ? 1.0 : 2.0;
                var wi = Math.Pow(si, e) * Math.Pow(pI, e);
                var wj = Math.Pow(sj, e) * Math.Pow(pJ, e);
                // The small weight keeps both at their own positions when neither side has any weight;
                // rounding to 4 decimals removes spurious precision and asymmetry.
                bi[k] = Round4(((wi + minW) * ti + wj * tj) / (wi + minW + wj));
                bj[k] = Round4((wi * ti + (minW + wj) * tj) / (wi + minW + wj));
            }
        }

        return new Proposal(i, j, bi, bj);
    }

    private static double Round4(double x) => (int)(0.5 + x * 10000.0) / 10000.0;

    /// <summary>
    /// The bargain actor k adopts: every actor values the state each bargain would produce (mean utility
    /// of all positions), and a PCE among the bargains decides.
    /// </summary>
    private int Choose(int k, List<Proposal> offers, double draw)
    {
        var nb = offers.Count;
        if (nb == 1) return 0;
        var n = _n;
        var u = new double[nb * n];
        for (var m = 0; m < nb; m++)
        {
            var values = offers[m].Values ?? _rowSum;
            for (var a = 0; a < n; a++) u[m * n + a] = values[a] / n;
        }

        var c = new double[nb * nb];
        Coalitions(_o.Voting, u, nb, c);
        var p = new double[nb];
        Voting.Pce(_o.Pce, _o.VictoryProbability, c, nb, p, new double[2 * nb * nb]);
        return _o.Transition == StateTransition.Deterministic ? Voting.ArgMax(p) : Voting.Draw(p, draw);
    }

    /// <summary>Utility to actor a of a point, judged from a's current position with its risk attitude.</summary>
    private double PositionUtility(int a, double[] point) =>
        Utility(Distance(_pos.AsSpan(a * _nd, _nd), point, a), _risk[a]);

    // ---------------------------------------------------------------- turn bookkeeping

    private double StateDistance(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < _n; i++)
        {
            var s = 0.0;
            for (var k = 0; k < _nd; k++)
            {
                var x = a[i * _nd + k] - b[i * _nd + k];
                s += x * x;
            }

            sum += Math.Sqrt(s);
        }

        return sum;
    }

    /// <summary>Ideals move toward the new positions at the adjustment rates (identity: ideal = position).</summary>
    private double[] NewIdeals(double[] next)
    {
        if (_adjust is null) return (double[])next.Clone();
        int n = _n, nd = _nd;
        var ideals = new double[n * nd];
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var k = 0; k < nd; k++)
            {
                var x = 0.0;
                foreach (var (j, rate) in _adjust[i]) x += rate * next[j * nd + k];
                ideals[i * nd + k] = x;
            }

            foreach (var (_, rate) in _adjust[i]) sum += rate;
            var lag = 1.0 - Math.Min(sum, 1.0);
            for (var k = 0; k < nd; k++) ideals[i * nd + k] += lag * _ideal[i * nd + k];
        }

        return ideals;
    }

    /// <summary>Probability that each actor's position wins a PCE among the distinct positions.</summary>
    private double[] WinProbabilities()
    {
        int n = _n, nd = _nd;
        var unique = new List<int>();
        for (var i = 0; i < n; i++)
        {
            var isNew = true;
            foreach (var u in unique)
                if (SamePosition(i, u)) { isNew = false; break; }
            if (isNew) unique.Add(i);
        }

        var nu = unique.Count;
        For(nu, m =>
        {
            var row = _work.AsSpan(m * n, n);
            var d = _dT.AsSpan(unique[m] * n, n);
            for (var a = 0; a < n; a++) row[a] = Utility(d[a], _rSelf[a]);
        });
        var p = new double[nu];
        Coalitions(VotingRule.Proportional, _work, nu, _coal);
        Voting.Pce(_o.Pce, _o.VictoryProbability, _coal, nu, p, _scratch);

        var result = new double[n];
        for (var i = 0; i < n; i++)
            for (var m = 0; m < nu; m++)
                if (SamePosition(i, unique[m])) result[i] = p[m];
        return result;

        bool SamePosition(int a, int b)
        {
            var s = 0.0;
            for (var k = 0; k < nd; k++)
            {
                var x = _pos[a * nd + k] - _pos[b * nd + k];
                s += x * x;
            }

            return Math.Sqrt(s) < PositionTolerance;
        }
    }
}
