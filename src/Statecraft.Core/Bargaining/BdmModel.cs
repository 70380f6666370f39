using Statecraft.Core.Domain;

namespace Statecraft.Core.Bargaining;

/// <summary>
/// Bueno de Mesquita's expected-utility bargaining model on one issue (DESIGN §3.1), as a pure
/// function of the issue and the options. Each round: risk exponents from a risk-neutral pass,
/// then probabilities and expected utilities with those exponents, then every actor takes at most
/// one offer; all moves apply at once.
/// </summary>
public static class BdmModel
{
    /// <summary>Runs the model; options out of range are reported, never thrown.</summary>
    public static ParseResult<BdmResult> TryRun(Issue issue, BdmOptions options)
    {
        var problems = options.Validate();
        return problems.Count > 0 ? ParseResult<BdmResult>.ForProblems(problems) : ParseResult<BdmResult>.ForValue(Run(issue, options));
    }

    /// <summary>Runs the model. Throws <see cref="ArgumentException"/> for options out of range (see <see cref="BdmOptions.Validate"/>).</summary>
    public static BdmResult Run(Issue issue, BdmOptions options)
    {
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems), nameof(options));

        var state = new State(issue, options);
        var x = Baselines.Positions(issue);
        var rounds = new List<BdmRound> { state.Snapshot(0, x, [], null) };
        var converged = false;
        for (var round = 1; round <= options.Rounds; round++)
        {
            var (next, moves, diagnostics) = state.Step(x);
            var largest = 0.0;
            for (var i = 0; i < x.Length; i++) largest = Math.Max(largest, Math.Abs(next[i] - x[i]));
            x = next;
            rounds.Add(state.Snapshot(round, x, moves, diagnostics));
            if (options.ConvergenceTolerance is { } tol && largest <= tol * state.Range)
            {
                converged = true;
                break;
            }
        }

        return new BdmResult(issue, options, state.Range, rounds, converged);
    }

    private sealed class State(Issue issue, BdmOptions options)
    {
        private readonly string[] _names = issue.Actors.Select(a => a.Name).ToArray();
        private readonly double[] _c = issue.Actors.Select(a => a.Capability.Value).ToArray();
        private readonly double[] _s = issue.Actors.Select(a => a.Salience.Value).ToArray();
        private readonly double[] _w = Baselines.Weights(issue);
        private int N => _names.Length;

        /// <summary>Range of the initial positions, fixed for the run (0 when all agree).</summary>
        public double Range { get; } = issue.Actors.Max(a => a.Position.Value) - issue.Actors.Min(a => a.Position.Value);

        public BdmRound Snapshot(int number, double[] x, IReadOnlyList<BdmMove> moves, BdmDiagnostics? diagnostics) =>
            new(number, x, Baselines.WeightedMedian(x, _w), Baselines.WeightedMean(x, _w), moves, diagnostics);

        public (double[] Next, IReadOnlyList<BdmMove> Moves, BdmDiagnostics Diagnostics) Step(double[] x)
        {
            var n = N;
            var neutral = Enumerable.Repeat(1.0, n).ToArray();
            var switchMu = options.Faults.HasFlag(BdmFaults.MedianChangesMeaning);

            // Risk-neutral pass: how exposed each actor is to challenges at its present position.
            var mu0 = switchMu ? LargestMarginPosition(x) : Baselines.WeightedMedian(x, _w);
            var p0 = Probabilities(x, neutral);
            var eu0 = ExpectedUtilities(x, neutral, p0, mu0);
            var security = new double[n];
            for (var i = 0; i < n; i++)
                for (var j = 0; j < n; j++)
                    if (j != i) security[i] += eu0[j][i];
            var sMax = security.Max();
            var sMin = security.Min();
            var acceptance = new double[n];
            var r = new double[n];
            for (var i = 0; i < n; i++)
            {
                // Everyone equally exposed (e.g. all at one position): nobody is more or less risk-taking.
                acceptance[i] = sMax > sMin ? (2 * security[i] - sMax - sMin) / (sMax - sMin) : 0.0;
                r[i] = (1 - acceptance[i] / 3) / (1 + acceptance[i] / 3);
            }

            // Pass with the actors' own risk exponents, from which offers are made.
            var mu1 = switchMu ? Baselines.WeightedMean(x, _w) : mu0;
            // Linear votes do not depend on the exponents: the risk-neutral probabilities still hold.
            var p1 = options.VoteDistance == VoteDistance.Linear ? p0 : Probabilities(x, r);
            var eu1 = ExpectedUtilities(x, r, p1, mu1);

            var next = (double[])x.Clone();
            var moves = new List<BdmMove>();
            for (var i = 0; i < n; i++)
            {
                var offer = options.OfferChoice == OfferChoice.HighestEu
                    ? HighestEuOffer(i, x, eu1)
                    : BestOwnViewOffer(i, x, r[i], p1, mu1, eu1);
                if (offer is null) continue;
                next[i] = offer.To;
                moves.Add(offer);
            }

            var diagnostics = new BdmDiagnostics(
                new BdmPass(mu0, p0, eu0), security, acceptance, r, new BdmPass(mu1, p1, eu1));
            return (next, moves, diagnostics);
        }

        /// <summary>
        /// Offers to i as i sees them (its risk exponent on both sides), chosen by the text's least
        /// movement or by Scholz's confrontation-first order.
        /// </summary>
        private BdmMove? BestOwnViewOffer(int i, double[] x, double ri, double[][] p, double mu, double[][] eu)
        {
            BdmMove? best = null;
            var bestRank = int.MaxValue;
            var bestKey = double.PositiveInfinity;
            for (var j = 0; j < N; j++)
            {
                if (j == i || x[j] == x[i]) continue;
                var a = eu[i][j];
                var b = ExpectedUtility(x, ri, j, i, p[j][i], mu);
                if (Classify(i, j, x, a, b) is not { } move) continue;

                int rank;
                double key;
                if (options.OfferChoice == OfferChoice.ConfrontationFirst)
                {
                    rank = (int)move.Kind;
                    key = move.Kind == MoveKind.Compromise && options.Faults.HasFlag(BdmFaults.CompromiseByWeightedPosition)
                        ? (Math.Abs(a) * x[i] + Math.Abs(b) * x[j]) / (Math.Abs(a) + Math.Abs(b))
                        : Math.Abs(x[i] - move.To);
                }
                else
                {
                    rank = 0;
                    key = Math.Abs(x[i] - move.To);
                }

                // Strict comparisons: among equals the first actor in input order wins.
                if (rank < bestRank || (rank == bestRank && key < bestKey))
                {
                    best = move;
                    bestRank = rank;
                    bestKey = key;
                }
            }

            return best;
        }

        /// <summary>
        /// Masad's rule: every j with E^j(U_ji) &gt; 0 challenges i; i answers the challenge its proposer
        /// values most (ties: the nearest, then the first), judging its own side with its own exponent.
        /// </summary>
        private BdmMove? HighestEuOffer(int i, double[] x, double[][] eu)
        {
            var sender = -1;
            for (var j = 0; j < N; j++)
            {
                if (j == i || x[j] == x[i] || !(eu[j][i] > 0)) continue;
                if (sender < 0 || eu[j][i] > eu[sender][i]
                    || (eu[j][i] == eu[sender][i] && Math.Abs(x[i] - x[j]) < Math.Abs(x[i] - x[sender])))
                    sender = j;
            }

            return sender < 0 ? null : Classify(i, sender, x, eu[i][sender], eu[sender][i]);
        }

        /// <summary>
        /// i's response to j, from a = i's EU of challenging j and b = j's EU of challenging i:
        /// 0 &lt; a &lt; b, i loses the confrontation; a &lt; 0 &lt; b with |a| &lt; b, i compromises;
        /// with |a| &gt; b, i capitulates; otherwise i stays.
        /// </summary>
        private BdmMove? Classify(int i, int j, double[] x, double a, double b)
        {
            if (a > 0 && b > a) return new BdmMove(_names[i], MoveKind.Confrontation, _names[j], x[i], x[j], a, b);
            if (b > 0 && a < 0)
            {
                if (b > Math.Abs(a))
                    return new BdmMove(_names[i], MoveKind.Compromise, _names[j], x[i], x[i] + (x[j] - x[i]) * Math.Abs(a / b), a, b);
                var capitulates = options.Faults.HasFlag(BdmFaults.CapitulationNeverFires) ? b < Math.Abs(b) : b < Math.Abs(a);
                if (capitulates) return new BdmMove(_names[i], MoveKind.Capitulation, _names[j], x[i], x[j], a, b);
            }

            return null;
        }

        /// <summary>P[i][j], the probability that i prevails over j; 0 on the diagonal and between equal positions.</summary>
        private double[][] Probabilities(double[] x, double[] r)
        {
            var n = N;
            // u[k][a]: voter k's weighted distance to a's position; a vote for i over j is u[k][j] − u[k][i].
            var u = new double[n][];
            for (var k = 0; k < n; k++)
            {
                u[k] = new double[n];
                for (var a = 0; a < n; a++)
                {
                    var d = Range > 0 ? Math.Abs(x[k] - x[a]) / Range : 0.0;
                    u[k][a] = options.VoteDistance == VoteDistance.RiskWeighted ? Math.Pow(d, r[k]) : d;
                }
            }

            var allVotes = 0.0;
            if (options.Probability == ProbabilityVariant.ScholzCode)
                for (var k = 0; k < n; k++)
                    for (var a = 0; a < n; a++)
                        for (var b = 0; b < n; b++)
                            allVotes += Math.Abs(_w[k] * (u[k][b] - u[k][a]));

            // The same distances by position, so that the inner loop over voters runs along one row.
            var byPosition = new double[n][];
            for (var a = 0; a < n; a++)
            {
                byPosition[a] = new double[n];
                for (var k = 0; k < n; k++) byPosition[a][k] = u[k][a];
            }

            var p = new double[n][];
            for (var i = 0; i < n; i++)
            {
                p[i] = new double[n];
                var ui = byPosition[i];
                for (var j = 0; j < n; j++)
                {
                    if (i == j || x[i] == x[j]) continue;
                    var uj = byPosition[j];
                    double support = 0, net = 0, cast = 0;
                    for (var k = 0; k < n; k++)
                    {
                        var v = _w[k] * (uj[k] - ui[k]);
                        support += Math.Max(0, v);
                        net += v;
                        cast += Math.Abs(v);
                    }

                    var (top, bottom) = options.Probability switch
                    {
                        ProbabilityVariant.Text => (support, cast),
                        ProbabilityVariant.Masad => (Math.Max(0, net), cast),
                        _ => (support, allVotes),
                    };
                    p[i][j] = bottom > 0 ? top / bottom : 0.0;
                }
            }

            return p;
        }

        /// <summary>E[i][j] = E^i(U_ij), each challenger judged with its own exponent.</summary>
        private double[][] ExpectedUtilities(double[] x, double[] r, double[][] p, double mu)
        {
            var eu = new double[N][];
            for (var i = 0; i < N; i++)
            {
                eu[i] = new double[N];
                for (var j = 0; j < N; j++)
                    if (j != i) eu[i][j] = ExpectedUtility(x, r[i], i, j, p[i][j], mu);
            }

            return eu;
        }

        /// <summary>
        /// Expected utility of <paramref name="challenger"/> challenging <paramref name="target"/>, with risk
        /// exponent <paramref name="risk"/> (the viewer's):
        /// s_t[P Us + (1 − P) Uf] + (1 − s_t) Us − Q Usq − (1 − Q)[T Ub + (1 − T) Uw].
        /// </summary>
        private double ExpectedUtility(double[] x, double risk, int challenger, int target, double p, double mu)
        {
            var scale = Range > 0 ? Range : 1.0;
            var d = Math.Abs(x[challenger] - x[target]) / scale;
            var us = 2 - 4 * Math.Pow(0.5 - 0.5 * d, risk);
            var uf = 2 - 4 * Math.Pow(0.5 + 0.5 * d, risk);
            var usq = 2 - 4 * Math.Pow(0.5, risk);
            var st = _s[target];
            var challenge = st * (p * us + (1 - p) * uf) + (1 - st) * us;

            var q = options.Q;
            if (q == 1.0) return challenge - q * usq;

            var spread = 0.25 * ((Math.Abs(x[challenger] - mu) + Math.Abs(x[challenger] - x[target])) / scale);
            // μ and both positions lie within the range, so spread <= 0.5; a weighted mean can overshoot
            // the extreme position by an ulp, and a negative base to a fractional power is NaN.
            var ub = 2 - 4 * Math.Pow(Math.Max(0, 0.5 - spread), risk);
            var uw = 2 - 4 * Math.Pow(0.5 + spread, risk);
            var change = (1 - q) * (options.T * ub + (1 - options.T) * uw);
            return options.Faults.HasFlag(BdmFaults.StatusQuoSignFlipped)
                ? challenge - q * usq + change
                : challenge - q * usq - change;
        }

        /// <summary>
        /// Masad's μ in the risk-neutral pass: the position of the first actor j that wins some pairwise
        /// vote against some k by the largest margin.
        /// </summary>
        private double LargestMarginPosition(double[] x)
        {
            var best = double.NegativeInfinity;
            var position = x[0];
            var scale = Range > 0 ? Range : 1.0;
            for (var j = 0; j < N; j++)
                for (var k = 0; k < N; k++)
                {
                    var votes = 0.0;
                    for (var v = 0; v < N; v++)
                        votes += _w[v] * ((Math.Abs(x[v] - x[k]) - Math.Abs(x[v] - x[j])) / scale);
                    if (votes > best)
                    {
                        best = votes;
                        position = x[j];
                    }
                }

            return position;
        }
    }
}
