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
            var next = new double[x.Length];
            var moves = new List<BdmMove>();
            var diagnostics = state.Step(x, next, moves);
            var largest = Largest(x, next);
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

    /// <summary>
    /// <see cref="BdmResult.ForecastMedian"/> of <see cref="Run"/>, the same to the last bit, without
    /// keeping rounds, moves or diagnostics: the form Monte Carlo runs call in every draw.
    /// </summary>
    public static double ForecastMedian(Issue issue, BdmOptions options)
    {
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems), nameof(options));

        var state = new State(issue, options);
        var x = Baselines.Positions(issue);
        var next = new double[x.Length];
        for (var round = 1; round <= options.Rounds; round++)
        {
            state.Step(x, next, null);
            var largest = Largest(x, next);
            (x, next) = (next, x);
            if (options.ConvergenceTolerance is { } tol && largest <= tol * state.Range) break;
        }

        return state.Median(x);
    }

    private static double Largest(double[] x, double[] next)
    {
        var largest = 0.0;
        for (var i = 0; i < x.Length; i++) largest = Math.Max(largest, Math.Abs(next[i] - x[i]));
        return largest;
    }

    /// <summary>
    /// One run's state. Work arrays are flat (index i * n + j) and reused from round to round; the
    /// utilities' powers are computed once per pair and risk exponent, since E^i(U_ij) and i's view of
    /// j's challenge share them.
    /// </summary>
    private sealed class State
    {
        private readonly BdmOptions _options;
        private readonly string[] _names;
        private readonly double[] _s;
        private readonly double[] _w;
        private readonly int _n;
        private readonly double[] _u, _byPosition, _p0, _p1, _eu0, _eu1;
        private readonly double[] _powLo, _powHi, _powSq; // (0.5 ∓ 0.5 d_ij)^r_i and 0.5^r_i for the current exponents
        private readonly double[] _neutral, _security, _acceptance, _r;

        public State(Issue issue, BdmOptions options)
        {
            _options = options;
            _n = issue.Actors.Count;
            _names = new string[_n];
            _s = new double[_n];
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (var i = 0; i < _n; i++)
            {
                var a = issue.Actors[i];
                _names[i] = a.Name;
                _s[i] = a.Salience.Value;
                min = Math.Min(min, a.Position.Value);
                max = Math.Max(max, a.Position.Value);
            }

            _w = Baselines.Weights(issue);
            Range = max - min;
            var nn = _n * _n;
            _u = new double[nn];
            _byPosition = new double[nn];
            _p0 = new double[nn];
            _p1 = new double[nn];
            _eu0 = new double[nn];
            _eu1 = new double[nn];
            _powLo = new double[nn];
            _powHi = new double[nn];
            _powSq = new double[_n];
            _neutral = new double[_n];
            Array.Fill(_neutral, 1.0);
            _security = new double[_n];
            _acceptance = new double[_n];
            _r = new double[_n];
        }

        private int N => _n;

        /// <summary>Range of the initial positions, fixed for the run (0 when all agree).</summary>
        public double Range { get; }

        public double Median(double[] x) => Baselines.WeightedMedian(x, _w);

        public BdmRound Snapshot(int number, double[] x, IReadOnlyList<BdmMove> moves, BdmDiagnostics? diagnostics) =>
            new(number, x, Baselines.WeightedMedian(x, _w), Baselines.WeightedMean(x, _w), moves, diagnostics);

        /// <summary>
        /// One round from <paramref name="x"/> into <paramref name="next"/>. With <paramref name="moves"/>
        /// the moves are recorded there and the round's diagnostics returned; without, nothing is kept.
        /// </summary>
        public BdmDiagnostics? Step(double[] x, double[] next, List<BdmMove>? moves)
        {
            var n = N;
            var switchMu = _options.Faults.HasFlag(BdmFaults.MedianChangesMeaning);

            // Risk-neutral pass: how exposed each actor is to challenges at its present position.
            var mu0 = switchMu ? LargestMarginPosition(x) : Baselines.WeightedMedian(x, _w);
            Probabilities(x, _neutral, _p0);
            Powers(x, _neutral);
            ExpectedUtilities(x, _neutral, _p0, mu0, _eu0);
            var security = _security;
            for (var i = 0; i < n; i++)
            {
                security[i] = 0;
                for (var j = 0; j < n; j++)
                    if (j != i) security[i] += _eu0[j * n + i];
            }

            double sMax = double.NegativeInfinity, sMin = double.PositiveInfinity;
            for (var i = 0; i < n; i++)
            {
                sMax = Math.Max(sMax, security[i]);
                sMin = Math.Min(sMin, security[i]);
            }

            var acceptance = _acceptance;
            var r = _r;
            for (var i = 0; i < n; i++)
            {
                // Everyone equally exposed (e.g. all at one position): nobody is more or less risk-taking.
                acceptance[i] = sMax > sMin ? (2 * security[i] - sMax - sMin) / (sMax - sMin) : 0.0;
                r[i] = (1 - acceptance[i] / 3) / (1 + acceptance[i] / 3);
            }

            // Pass with the actors' own risk exponents, from which offers are made.
            var mu1 = switchMu ? Baselines.WeightedMean(x, _w) : mu0;
            // Linear votes do not depend on the exponents: the risk-neutral probabilities still hold.
            var p1 = _p0;
            if (_options.VoteDistance != VoteDistance.Linear)
            {
                Probabilities(x, r, _p1);
                p1 = _p1;
            }

            Powers(x, r);
            ExpectedUtilities(x, r, p1, mu1, _eu1);

            Array.Copy(x, next, n);
            for (var i = 0; i < n; i++)
            {
                var offer = _options.OfferChoice == OfferChoice.HighestEu
                    ? HighestEuOffer(i, x, _eu1)
                    : BestOwnViewOffer(i, x, r[i], p1, mu1, _eu1);
                if (offer is not { } o) continue;
                next[i] = o.To;
                moves?.Add(new BdmMove(_names[i], o.Kind, _names[o.Toward], x[i], o.To, o.Own, o.Other));
            }

            if (moves is null) return null;
            return new BdmDiagnostics(
                new BdmPass(mu0, Jagged(_p0), Jagged(_eu0)), (double[])security.Clone(), (double[])acceptance.Clone(), (double[])r.Clone(),
                new BdmPass(mu1, Jagged(p1), Jagged(_eu1)));
        }

        private double[][] Jagged(double[] flat)
        {
            var rows = new double[N][];
            for (var i = 0; i < N; i++) rows[i] = flat.AsSpan(i * N, N).ToArray();
            return rows;
        }

        /// <summary>An accepted offer: i moves to <see cref="To"/> towards <see cref="Toward"/>.</summary>
        private readonly record struct Offer(MoveKind Kind, int Toward, double To, double Own, double Other);

        /// <summary>
        /// Offers to i as i sees them (its risk exponent on both sides), chosen by the text's least
        /// movement or by Scholz's confrontation-first order.
        /// </summary>
        private Offer? BestOwnViewOffer(int i, double[] x, double ri, double[] p, double mu, double[] eu)
        {
            Offer? best = null;
            var bestRank = int.MaxValue;
            var bestKey = double.PositiveInfinity;
            for (var j = 0; j < N; j++)
            {
                if (j == i || x[j] == x[i]) continue;
                var a = eu[i * N + j];
                // i's view of j's challenge uses i's exponent: the powers of pair (i, j) for i.
                var b = ExpectedUtility(x, ri, j, i, p[j * N + i], mu, i * N + j, i);
                if (Classify(i, j, x, a, b) is not { } move) continue;

                int rank;
                double key;
                if (_options.OfferChoice == OfferChoice.ConfrontationFirst)
                {
                    rank = (int)move.Kind;
                    key = move.Kind == MoveKind.Compromise && _options.Faults.HasFlag(BdmFaults.CompromiseByWeightedPosition)
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
        private Offer? HighestEuOffer(int i, double[] x, double[] eu)
        {
            var n = N;
            var sender = -1;
            for (var j = 0; j < n; j++)
            {
                if (j == i || x[j] == x[i] || !(eu[j * n + i] > 0)) continue;
                if (sender < 0 || eu[j * n + i] > eu[sender * n + i]
                    || (eu[j * n + i] == eu[sender * n + i] && Math.Abs(x[i] - x[j]) < Math.Abs(x[i] - x[sender])))
                    sender = j;
            }

            return sender < 0 ? null : Classify(i, sender, x, eu[i * n + sender], eu[sender * n + i]);
        }

        /// <summary>
        /// i's response to j, from a = i's EU of challenging j and b = j's EU of challenging i:
        /// 0 &lt; a &lt; b, i loses the confrontation; a &lt; 0 &lt; b with |a| &lt; b, i compromises;
        /// with |a| &gt; b, i capitulates; otherwise i stays.
        /// </summary>
        private Offer? Classify(int i, int j, double[] x, double a, double b)
        {
            if (a > 0 && b > a) return new Offer(MoveKind.Confrontation, j, x[j], a, b);
            if (b > 0 && a < 0)
            {
                if (b > Math.Abs(a))
                    return new Offer(MoveKind.Compromise, j, x[i] + (x[j] - x[i]) * Math.Abs(a / b), a, b);
                var capitulates = _options.Faults.HasFlag(BdmFaults.CapitulationNeverFires) ? b < Math.Abs(b) : b < Math.Abs(a);
                if (capitulates) return new Offer(MoveKind.Capitulation, j, x[j], a, b);
            }

            return null;
        }

        /// <summary>P[i][j] into <paramref name="p"/>, the probability that i prevails over j; 0 on the diagonal and between equal positions.</summary>
        private void Probabilities(double[] x, double[] r, double[] p)
        {
            var n = N;
            // u[k][a]: voter k's weighted distance to a's position; a vote for i over j is u[k][j] − u[k][i].
            var u = _u;
            for (var k = 0; k < n; k++)
                for (var a = 0; a < n; a++)
                {
                    var d = Range > 0 ? Math.Abs(x[k] - x[a]) / Range : 0.0;
                    u[k * n + a] = _options.VoteDistance == VoteDistance.RiskWeighted ? Math.Pow(d, r[k]) : d;
                }

            var allVotes = 0.0;
            if (_options.Probability == ProbabilityVariant.ScholzCode)
                for (var k = 0; k < n; k++)
                    for (var a = 0; a < n; a++)
                        for (var b = 0; b < n; b++)
                            allVotes += Math.Abs(_w[k] * (u[k * n + b] - u[k * n + a]));

            // The same distances by position, so that the inner loop over voters runs along one row.
            var byPosition = _byPosition;
            for (var a = 0; a < n; a++)
                for (var k = 0; k < n; k++)
                    byPosition[a * n + k] = u[k * n + a];

            for (var i = 0; i < n; i++)
            {
                var ui = byPosition.AsSpan(i * n, n);
                for (var j = 0; j < n; j++)
                {
                    p[i * n + j] = 0;
                    if (i == j || x[i] == x[j]) continue;
                    var uj = byPosition.AsSpan(j * n, n);
                    double support = 0, net = 0, cast = 0;
                    for (var k = 0; k < n; k++)
                    {
                        var v = _w[k] * (uj[k] - ui[k]);
                        support += Math.Max(0, v);
                        net += v;
                        cast += Math.Abs(v);
                    }

                    var (top, bottom) = _options.Probability switch
                    {
                        ProbabilityVariant.Text => (support, cast),
                        ProbabilityVariant.Masad => (Math.Max(0, net), cast),
                        _ => (support, allVotes),
                    };
                    p[i * n + j] = bottom > 0 ? top / bottom : 0.0;
                }
            }
        }

        /// <summary>
        /// The powers every expected utility with exponents <paramref name="r"/> needs: for viewer i and
        /// pair (i, j), (0.5 − 0.5 d)^r_i and (0.5 + 0.5 d)^r_i, and 0.5^r_i.
        /// </summary>
        private void Powers(double[] x, double[] r)
        {
            var n = N;
            var scale = Range > 0 ? Range : 1.0;
            for (var i = 0; i < n; i++)
            {
                // x^1 is x to the bit (the risk-neutral pass): no power to compute.
                var ri = r[i];
                var neutral = ri == 1.0;
                _powSq[i] = neutral ? 0.5 : Math.Pow(0.5, ri);
                for (var j = 0; j < n; j++)
                {
                    if (j == i) continue;
                    var d = Math.Abs(x[i] - x[j]) / scale;
                    _powLo[i * n + j] = neutral ? 0.5 - 0.5 * d : Math.Pow(0.5 - 0.5 * d, ri);
                    _powHi[i * n + j] = neutral ? 0.5 + 0.5 * d : Math.Pow(0.5 + 0.5 * d, ri);
                }
            }
        }

        /// <summary>E[i][j] = E^i(U_ij) into <paramref name="eu"/>, each challenger judged with its own exponent.</summary>
        private void ExpectedUtilities(double[] x, double[] r, double[] p, double mu, double[] eu)
        {
            var n = N;
            for (var i = 0; i < n; i++)
                for (var j = 0; j < n; j++)
                    eu[i * n + j] = j == i ? 0 : ExpectedUtility(x, r[i], i, j, p[i * n + j], mu, i * n + j, i);
        }

        /// <summary>
        /// Expected utility of <paramref name="challenger"/> challenging <paramref name="target"/>, with risk
        /// exponent <paramref name="risk"/> (the viewer's, whose powers of the pair's distance sit at
        /// <paramref name="pair"/> and whose 0.5^r at <paramref name="viewer"/>):
        /// s_t[P Us + (1 − P) Uf] + (1 − s_t) Us − Q Usq − (1 − Q)[T Ub + (1 − T) Uw].
        /// </summary>
        private double ExpectedUtility(double[] x, double risk, int challenger, int target, double p, double mu, int pair, int viewer)
        {
            var scale = Range > 0 ? Range : 1.0;
            var us = 2 - 4 * _powLo[pair];
            var uf = 2 - 4 * _powHi[pair];
            var usq = 2 - 4 * _powSq[viewer];
            var st = _s[target];
            var challenge = st * (p * us + (1 - p) * uf) + (1 - st) * us;

            var q = _options.Q;
            if (q == 1.0) return challenge - q * usq;

            var spread = 0.25 * ((Math.Abs(x[challenger] - mu) + Math.Abs(x[challenger] - x[target])) / scale);
            // μ and both positions lie within the range, so spread <= 0.5; a weighted mean can overshoot
            // the extreme position by an ulp, and a negative base to a fractional power is NaN.
            var ub = 2 - 4 * Math.Pow(Math.Max(0, 0.5 - spread), risk);
            var uw = 2 - 4 * Math.Pow(0.5 + spread, risk);
            var change = (1 - q) * (_options.T * ub + (1 - _options.T) * uw);
            return _options.Faults.HasFlag(BdmFaults.StatusQuoSignFlipped)
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
