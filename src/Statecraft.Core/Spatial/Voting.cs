namespace Statecraft.Core.Spatial;

/// <summary>
/// KTAB's collective-choice arithmetic: votes, coalitions, victory probabilities and the probability
/// of a Condorcet election (PCE) among options. Utilities are option-major: <c>u[option * actors + actor]</c>.
/// </summary>
internal static class Voting
{
    /// <summary>Strength of a coalition that nobody joined, so that no probability is 0/0.</summary>
    public const double MinCoalition = 1e-8;

    /// <summary>Vote of an actor with weight <paramref name="w"/> for option a over b, given its utilities.</summary>
    public static double Vote(VotingRule rule, double w, double ua, double ub)
    {
        var du = ua - ub;
        switch (rule)
        {
            case VotingRule.Proportional: return w * du;
            case VotingRule.Binary: return w * Math.Clamp(du / 1e-8, -1, 1);
            case VotingRule.PropBin: return w * ((1 - 0.2) * du + 0.2 * Math.Clamp(du / 1e-8, -1, 1));
            case VotingRule.PropCbc: return w * ((1 - 0.5) * du + 0.5 * (du * du * du));
            case VotingRule.Cubic: return w * (du * du * du);
            case VotingRule.ASymProsp:
                if (du < 0) return w * du;
                return du > 0 ? 2.0 * w * du / 3.0 : 0.0;
            default: throw new ArgumentOutOfRangeException(nameof(rule), rule, null);
        }
    }

    /// <summary>
    /// Coalition strengths c[a * n + b] = strength of those preferring option a over b, for n options.
    /// Sums run over actors in order, so the result does not depend on threads.
    /// </summary>
    public static void Coalitions(VotingRule rule, ReadOnlySpan<double> weights, ReadOnlySpan<double> u, int options, Span<double> c)
    {
        var actors = weights.Length;
        for (var a = 0; a < options; a++)
        {
            var ua = u.Slice(a * actors, actors);
            for (var b = 0; b < a; b++)
            {
                var ub = u.Slice(b * actors, actors);
                double cab = MinCoalition, cba = MinCoalition;
                if (rule == VotingRule.Proportional)
                {
                    for (var k = 0; k < actors; k++)
                    {
                        var v = weights[k] * (ua[k] - ub[k]);
                        if (v > 0) cab += v;
                        if (v < 0) cba -= v;
                    }
                }
                else
                {
                    for (var k = 0; k < actors; k++)
                    {
                        var v = Vote(rule, weights[k], ua[k], ub[k]);
                        if (v > 0) cab += v;
                        if (v < 0) cba -= v;
                    }
                }

                c[a * options + b] = cab;
                c[b * options + a] = cba;
            }

            c[a * options + a] = MinCoalition;
        }
    }

    /// <summary>Probabilities that strengths s1 and s2 prevail over each other.</summary>
    public static (double P1, double P2) VictoryProbability(VictoryProbabilityModel model, double s1, double s2)
    {
        double x1, x2;
        switch (model)
        {
            case VictoryProbabilityModel.Linear: x1 = s1; x2 = s2; break;
            case VictoryProbabilityModel.Square: x1 = s1 * s1; x2 = s2 * s2; break;
            case VictoryProbabilityModel.Quartic: x1 = Sq(Sq(s1)); x2 = Sq(Sq(s2)); break;
            case VictoryProbabilityModel.Octic: x1 = Sq(Sq(Sq(s1))); x2 = Sq(Sq(Sq(s2))); break;
            case VictoryProbabilityModel.Binary:
                // A 10% advantage either way decides; in between, interpolate linearly.
                const double thresh = 1.10;
                if (s1 >= thresh * s2) { x1 = 1.0; x2 = 1e-6; }
                else if (s2 >= thresh * s1) { x1 = 1e-6; x2 = 1.0; }
                else
                {
                    var r12 = s1 / (s1 + s2);
                    var p12 = (r12 * (thresh + 1.0) - 1.0) / (thresh - 1.0);
                    x1 = p12;
                    x2 = 1 - p12;
                }

                break;
            default: throw new ArgumentOutOfRangeException(nameof(model), model, null);
        }

        return (x1 / (x1 + x2), x2 / (x1 + x2));

        static double Sq(double x) => x * x;
    }

    /// <summary>Square matrix of P[a beats b] from coalition strengths; 0.5 on the diagonal.</summary>
    public static void VictoryMatrix(VictoryProbabilityModel model, ReadOnlySpan<double> c, int n, Span<double> pv)
    {
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < a; b++)
            {
                var (pab, pba) = VictoryProbability(model, c[a * n + b], c[b * n + a]);
                pv[a * n + b] = pab;
                pv[b * n + a] = pba;
            }

            pv[a * n + a] = 0.5;
        }
    }

    /// <summary>Probability that each of n options wins, from coalition strengths c (n x n).</summary>
    public static void Pce(PceModel pce, VictoryProbabilityModel vpm, ReadOnlySpan<double> c, int n, Span<double> p, Span<double> scratch)
    {
        var pv = scratch[..(n * n)];
        VictoryMatrix(vpm, c, n, pv);
        switch (pce)
        {
            case PceModel.Conditional: ConditionalPce(pv, n, p); break;
            case PceModel.MarkovUniform: MarkovUniformPce(pv, n, p); break;
            case PceModel.MarkovIncentive: MarkovIncentivePce(c, pv, n, p, scratch[(n * n)..]); break;
            default: throw new ArgumentOutOfRangeException(nameof(pce), pce, null);
        }
    }

    /// <summary>
    /// P[option a beats all others] normalised over options. The product is taken in logarithms:
    /// with hundreds of options it underflows to 0 otherwise.
    /// </summary>
    public static void ConditionalPce(ReadOnlySpan<double> pv, int n, Span<double> p)
    {
        var max = double.NegativeInfinity;
        for (var a = 0; a < n; a++)
        {
            var log = 0.0;
            for (var b = 0; b < n; b++) log += Math.Log(pv[a * n + b]);
            p[a] = log;
            if (log > max) max = log;
        }

        var sum = 0.0;
        for (var a = 0; a < n; a++)
        {
            p[a] = Math.Exp(p[a] - max);
            sum += p[a];
        }

        for (var a = 0; a < n; a++) p[a] /= sum;
    }

    public static void MarkovUniformPce(ReadOnlySpan<double> pv, int n, Span<double> p)
    {
        Span<double> q = n <= 256 ? stackalloc double[n] : new double[n];
        p.Fill(1.0 / n);
        var change = 1.0;
        var iterations = 0;
        while (change > 1e-6 && iterations < 1000)
        {
            change = 0;
            for (var a = 0; a < n; a++)
            {
                var pa = 0.0;
                for (var b = 0; b < n; b++) pa += pv[a * n + b] * (p[a] + p[b]);
                q[a] = pa / n;
                change = Math.Max(change, Math.Abs(q[a] - p[a]));
            }

            for (var a = 0; a < n; a++) p[a] = (p[a] + q[a]) / 2.0;
            iterations++;
        }
    }

    public static void MarkovIncentivePce(ReadOnlySpan<double> c, ReadOnlySpan<double> pv, int n, Span<double> p, Span<double> scratch)
    {
        // Incentive of a to challenge b, and the probability that a is the challenger when b leads.
        var challenge = scratch[..(n * n)];
        for (var b = 0; b < n; b++)
        {
            var sum = 0.0;
            for (var a = 0; a < n; a++) sum += Incentive(c, pv, n, a, b);
            for (var a = 0; a < n; a++) challenge[a * n + b] = Incentive(c, pv, n, a, b) / sum;
        }

        Span<double> q = n <= 256 ? stackalloc double[n] : new double[n];
        p.Fill(1.0 / n);
        var change = 1.0;
        var iterations = 0;
        while (change > 1e-8 && iterations < 1000)
        {
            change = 0;
            for (var a = 0; a < n; a++)
            {
                var qa = 0.0;
                for (var b = 0; b < n; b++) qa += pv[a * n + b] * (p[a] * challenge[b * n + a] + p[b] * challenge[a * n + b]);
                q[a] = qa;
                change = Math.Max(change, Math.Abs(q[a] - p[a]));
            }

            for (var a = 0; a < n; a++) p[a] = (p[a] + q[a]) / 2.0;
            iterations++;
        }

        static double Incentive(ReadOnlySpan<double> c, ReadOnlySpan<double> pv, int n, int a, int b) =>
            c[a * n + b] * pv[a * n + b] + (a == b ? 1e-10 : 0.0);
    }

    /// <summary>Index of the first largest probability.</summary>
    public static int ArgMax(ReadOnlySpan<double> p)
    {
        var best = 0;
        for (var m = 1; m < p.Length; m++)
            if (Math.Abs(p[m]) > Math.Abs(p[best])) best = m;
        return best;
    }

    /// <summary>Index drawn with probabilities p, from one uniform number on [0, 1).</summary>
    public static int Draw(ReadOnlySpan<double> p, double uniform)
    {
        var cumulative = 0.0;
        for (var m = 0; m < p.Length; m++)
        {
            cumulative += p[m];
            if (uniform < cumulative) return m;
        }

        return p.Length - 1;
    }
}
