namespace Statecraft.Core.Conflict.Risk;

/// <summary>
/// One state's security as a function of its own alliance portfolio, with everything that does not
/// depend on that portfolio computed once. Local index 0 is the state (the subject), 1..K the other
/// members of its region in the year's order; t_m (0-3: defence, neutrality, entente, none) is the
/// subject's tie with m, and only those K ties vary (a changed tie changes m's portfolio too).
/// <para>
/// The security sum S = Σ_x EU_x(0) over the War Trap EU of every other member attacking the subject,
/// with the other members as third parties, rearranges into
/// S(t) = Σ_x a_x − Σ_x b_x U_0x(t) + Σ_{x&lt;y} θ_xy U_xy(t_x, t_y), where a_x = 2P_x − 1,
/// w_xk = P_ik + P_jk − 1 of third party k when x attacks the subject, b_x = a_x + Σ_j w_jx and
/// θ_xy = w_xy + w_yx depend on capabilities only. U_0x depends on the whole portfolio (kept as one
/// <see cref="TieTable"/> per partner for τ_b, or one distance sum for S); U_xy of two partners depends
/// only on their two ties with the subject (their only shared varying partner), so θ·U_xy is tabulated
/// for all 16 pairs of ties. A change of one tie then costs O(1) per partner table.
/// </para>
/// Instances are reusable buffers (one per thread): <see cref="Load"/> fills them for a subject.
/// </summary>
internal sealed class SecurityProblem
{
    private const int None = 3;

    private int _n; // K + 1
    private int[] _members = [];
    private SimilarityMeasure _measure;
    private double _constant;
    private double[] _b = [];
    private double[] _thirdParty = []; // w_xk while loading
    private double[] _pair = []; // ((x·N + y)·16 + a·4 + c): θ_xy U_xy when t_x = a and t_y = c
    private int[] _tie = []; // N×N ties (codes 0-3): row 0 the subject's actual ties, the rest fixed
    private int[] _actual = [];
    private int[] _neighbourStart = [];
    private int[] _neighbour = []; // partners x ≠ m with a tie to m other than none
    private int[] _neighbourKind = [];
    private double[] _weight = []; // S: weight of each local member
    private double _scale; // S: 2 / (3 Σ weights); 0 when the weights sum to 0 (S is then 0 throughout)

    // Current portfolio and what depends on it.
    private int[] _t = [];
    private TieTable[] _tables = [];
    private double[] _distance = [];
    private double[] _u0 = [];
    private double _pairSum;

    // Local search: cached gains.
    private double[] _pairGain = []; // (m·4 + v): change of the pair part if t_m became v
    private double[] _bulk = []; // (x·16 + r·4 + v): U_0x change if a partner not tied to x moved from r to v
    private double[] _gain = [];
    private double[] _pulls = []; // τ_b what-ifs: each partner table's prepared pulls, margins and tied pairs
    private double[] _weightedInverse = []; // b_x / denominator after each row move
    private double[] _concordance = [];
    private int[] _rowCounts = [];
    private int[] _colCounts = [];
    private long[] _rowTies = [];
    private long[] _colTies = [];

    public int K => _n - 1;

    /// <summary>Global index of local member <paramref name="local"/> (0 is the subject).</summary>
    public int Member(int local) => _members[local];

    /// <summary>The subject's actual tie with local member m (1..K), as a code 0-3.</summary>
    public int Actual(int m) => _actual[m];

    /// <summary>Fills the buffers for <paramref name="subject"/> of <paramref name="year"/>.</summary>
    public void Load(RiskYear year, int subject)
    {
        var n = year.Count;
        var members = new List<int>(n) { subject };
        for (var m = 0; m < n; m++)
        {
            if (m != subject && year.InRegion(subject, m)) members.Add(m);
        }

        _n = members.Count;
        var size = _n;
        Grow(ref _members, size);
        members.CopyTo(_members);
        _measure = year.Measure;
        Grow(ref _tie, size * size);
        Grow(ref _actual, size);
        Grow(ref _t, size);
        Grow(ref _b, size);
        Grow(ref _weight, size);
        Grow(ref _u0, size);
        Grow(ref _distance, size);
        Grow(ref _tables, size);
        Grow(ref _pairGain, size * 4);
        Grow(ref _gain, size * 4);
        Grow(ref _bulk, size * 16);
        Grow(ref _pulls, size * 16);
        Grow(ref _rowCounts, size * 4);
        Grow(ref _colCounts, size * 4);
        Grow(ref _weightedInverse, size * 16);
        Grow(ref _concordance, size);
        Grow(ref _rowTies, size);
        Grow(ref _colTies, size);
        Grow(ref _pair, size * size * 16);
        Grow(ref _neighbourStart, size + 1);

        for (var x = 0; x < size; x++)
        {
            for (var y = 0; y < size; y++)
                _tie[x * size + y] = x == y ? 0 : (int)year.Ties[_members[x] * n + _members[y]] - 1;
            _actual[x] = _tie[x];
        }

        var count = 0;
        for (var m = 1; m < size; m++)
        {
            for (var x = 1; x < size; x++)
            {
                if (x != m && _tie[x * size + m] != None) count++;
            }
        }

        Grow(ref _neighbour, count);
        Grow(ref _neighbourKind, count);
        count = 0;
        for (var m = 1; m < size; m++)
        {
            _neighbourStart[m] = count;
            for (var x = 1; x < size; x++)
            {
                if (x == m || _tie[x * size + m] == None) continue;
                _neighbour[count] = x;
                _neighbourKind[count++] = _tie[x * size + m];
            }
        }

        _neighbourStart[size] = count;
        LoadWeights(year);
        LoadCoefficients(year);
        LoadPairs();
    }

    /// <summary>S for the portfolio <paramref name="t"/> (codes for local members 1..K), computed afresh.</summary>
    public double Evaluate(ReadOnlySpan<int> t)
    {
        SetPortfolio(t);
        return Objective();
    }

    /// <summary>Every portfolio, in a reflected Gray order (one tie changes by one step each time).</summary>
    public (double Min, int[] MinPortfolio, double Max, int[] MaxPortfolio, long Evaluations) Exhaustive()
    {
        var k = K;
        var digits = new int[_n];
        var direction = new int[_n];
        for (var m = 1; m <= k; m++) direction[m] = 1;
        SetPortfolio(digits);
        var value = Objective();
        double min = value, max = value;
        int[] minAt = (int[])digits.Clone(), maxAt = (int[])digits.Clone();
        long evaluations = 1;
        while (true)
        {
            var m = 1;
            while (m <= k && digits[m] + direction[m] is < 0 or > 3)
            {
                direction[m] = -direction[m];
                m++;
            }

            if (m > k) break;
            digits[m] += direction[m];
            Apply(m, digits[m]);
            value = Objective();
            evaluations++;
            if (value < min)
            {
                min = value;
                digits.AsSpan(0, _n).CopyTo(minAt);
            }

            if (value > max)
            {
                max = value;
                digits.AsSpan(0, _n).CopyTo(maxAt);
            }
        }

        return (Evaluate(minAt), minAt, Evaluate(maxAt), maxAt, evaluations);
    }

    /// <summary>
    /// Ascent (or descent) over single-tie changes from <paramref name="start"/>. While several ties
    /// would each improve S, it makes them in one pass, best first, keeping each only if it still
    /// improves S once the earlier ones are made (a start far from any optimum then costs a few passes,
    /// not one step per tie); then steepest steps until no change improves S by more than a relative
    /// 1e-10. With <paramref name="patience"/> &gt; 0 it carries on as a tabu search: it takes the best
    /// change even if it worsens S, forbids changing that tie again for a few steps (unless that would
    /// beat the best seen), and stops after <paramref name="patience"/> steps without a new best.
    /// Returns the best portfolio seen (a local optimum), its S computed afresh, and the number of
    /// neighbouring portfolios evaluated.
    /// </summary>
    public (double Value, int[] Portfolio, long Evaluations) Climb(ReadOnlySpan<int> start, bool maximize, int patience = 0)
    {
        SetPortfolio(start);
        InitPairGains();
        var k = K;
        var value = Objective();
        var sign = maximize ? 1.0 : -1.0;
        long batchEvaluations = 0;
        value = Batch(sign, ref batchEvaluations);
        var bestValue = value;
        var bestPortfolio = _t.AsSpan(0, _n).ToArray();
        var tenure = Math.Min(k - 1, 2 + k / 4);
        var tabuUntil = new int[_n];
        Array.Fill(tabuUntil, -1);
        long evaluations = 1 + batchEvaluations;
        var stale = 0;
        var limit = (50 + patience) * k + 100; // improvements are strict, so this only guards against the impossible
        for (var step = 0; step < limit; step++)
        {
            ComputeGains();
            evaluations += 3L * k;
            var epsilon = 1e-10 * Math.Max(1, Math.Abs(value));
            int bestM = 0, bestV = 0;
            var best = double.NegativeInfinity;
            for (var m = 1; m <= k; m++)
            {
                for (var v = 0; v < 4; v++)
                {
                    if (v == _t[m]) continue;
                    var g = sign * _gain[m * 4 + v];
                    var admissible = tabuUntil[m] < step || sign * (value - bestValue) + g > epsilon;
                    if (admissible && g > best)
                    {
                        best = g;
                        bestM = m;
                        bestV = v;
                    }
                }
            }

            if (bestM == 0) break;
            if (best <= epsilon && ++stale > patience) break;
            value += sign * best;
            ApplyWithPairGains(bestM, bestV);
            tabuUntil[bestM] = step + tenure;
            if (sign * (value - bestValue) > epsilon)
            {
                bestValue = value;
                _t.AsSpan(0, _n).CopyTo(bestPortfolio);
                stale = 0;
            }
        }

        return (Evaluate(bestPortfolio), bestPortfolio, evaluations);
    }

    // While several ties want to change, change each (best gain first) if it still improves S once
    // the earlier ones are made, undoing it otherwise; each pass costs O(K) per tie tried.
    private double Batch(double sign, ref long evaluations)
    {
        var k = K;
        var value = Objective();
        var order = new List<(double Gain, int M, int V)>(k);
        while (true)
        {
            ComputeGains();
            evaluations += 3L * k;
            var epsilon = 1e-10 * Math.Max(1, Math.Abs(value));
            order.Clear();
            for (var m = 1; m <= k; m++)
            {
                int bestV = -1;
                var best = epsilon;
                for (var v = 0; v < 4; v++)
                {
                    if (v != _t[m] && sign * _gain[m * 4 + v] > best)
                    {
                        best = sign * _gain[m * 4 + v];
                        bestV = v;
                    }
                }

                if (bestV >= 0) order.Add((best, m, bestV));
            }

            if (order.Count < 2) return value;
            order.Sort((a, b) => b.Gain != a.Gain ? b.Gain.CompareTo(a.Gain) : a.M.CompareTo(b.M));
            var moved = 0;
            foreach (var (_, m, v) in order)
            {
                var old = _t[m];
                ApplyWithPairGains(m, v);
                evaluations++;
                var next = Objective();
                if (sign * (next - value) > epsilon)
                {
                    value = next;
                    moved++;
                }
                else
                {
                    ApplyWithPairGains(m, old);
                }
            }

            if (moved == 0) return value;
        }
    }

    private void LoadWeights(RiskYear year)
    {
        double total = 0;
        for (var p = 0; p < _n; p++)
        {
            _weight[p] = _measure == SimilarityMeasure.WeightedS ? year.Capability[_members[p]] : 1.0;
            total += _weight[p];
        }

        _scale = total == 0 ? 0 : 2.0 / (3 * total);
    }

    private void LoadCoefficients(RiskYear year)
    {
        var n = year.Count;
        var size = _n;
        double C(int a, int b) => year.CapabilityAt[_members[a] * n + _members[b]];

        Grow(ref _thirdParty, size * size);
        var w = _thirdParty;
        Array.Clear(w, 0, size * size);
        _constant = 0;
        var c00 = C(0, 0);
        for (var x = 1; x < size; x++)
        {
            var cx0 = C(x, 0);
            var c0x = C(0, x);
            var cxx = C(x, x);
            var a = WarTrapModel.Share(cx0, cx0 + c00) * 2 - 1;
            _constant += a;
            _b[x] = a;
            for (var k = 1; k < size; k++)
            {
                if (k == x) continue;
                var ck0 = C(k, 0);
                var ckx = C(k, x);
                var m = ck0 > ckx ? ck0 : ckx;
                var attacker = cx0 + m;
                var target = c0x + m;
                w[x * size + k] = WarTrapModel.Share(attacker, attacker + c00) + WarTrapModel.Share(target, target + cxx) - 1;
            }
        }

        for (var k = 1; k < size; k++)
        {
            for (var x = 1; x < size; x++) _b[k] += w[x * size + k];
        }

        for (var x = 1; x < size; x++)
        {
            for (var y = 1; y < size; y++)
            {
                if (x == y) continue;
                var theta = w[x * size + y] + w[y * size + x];
                var cell = (x * size + y) * 16;
                for (var q = 0; q < 16; q++) _pair[cell + q] = theta;
            }
        }
    }

    // Multiplies each pair's θ (already in place) by U_xy for each of the 16 ties (t_x, t_y).
    private void LoadPairs()
    {
        var size = _n;
        Span<int> cells = stackalloc int[16];
        Span<double> similarity = stackalloc double[16];
        for (var x = 1; x < size; x++)
        {
            for (var y = x + 1; y < size; y++)
            {
                var xy = (x * size + y) * 16;
                var yx = (y * size + x) * 16;
                if (_measure == SimilarityMeasure.TauB)
                {
                    // Partners 1..K: mostly untied to both; move the few that are not.
                    cells.Clear();
                    cells[None * 4 + None] = size - 1;
                    Place(cells, _tie[x * size + y], 0); // partner y: x's tie with y, y's own defence
                    Place(cells, 0, _tie[y * size + x]); // partner x
                    for (var e = _neighbourStart[x]; e < _neighbourStart[x + 1]; e++)
                    {
                        var p = _neighbour[e];
                        if (p != y) Place(cells, _neighbourKind[e], _tie[y * size + p]);
                    }

                    for (var e = _neighbourStart[y]; e < _neighbourStart[y + 1]; e++)
                    {
                        var p = _neighbour[e];
                        if (p != x && _tie[x * size + p] == None) Place(cells, None, _neighbourKind[e]);
                    }

                    TieTable.FromCounts(cells).TauBWithEach(similarity);
                    for (var a = 0; a < 4; a++)
                    {
                        for (var c = 0; c < 4; c++)
                        {
                            var u = similarity[a * 4 + c];
                            _pair[xy + a * 4 + c] *= u;
                            _pair[yx + c * 4 + a] *= u;
                        }
                    }
                }
                else
                {
                    double distance = 0;
                    distance += _weight[x] * Math.Abs(0 - _tie[y * size + x]);
                    distance += _weight[y] * Math.Abs(_tie[x * size + y] - 0);
                    for (var e = _neighbourStart[x]; e < _neighbourStart[x + 1]; e++)
                    {
                        var p = _neighbour[e];
                        if (p != y) distance += _weight[p] * Math.Abs(_neighbourKind[e] - _tie[y * size + p]);
                    }

                    for (var e = _neighbourStart[y]; e < _neighbourStart[y + 1]; e++)
                    {
                        var p = _neighbour[e];
                        if (p != x && _tie[x * size + p] == None) distance += _weight[p] * Math.Abs(None - _neighbourKind[e]);
                    }

                    for (var a = 0; a < 4; a++)
                    {
                        for (var c = 0; c < 4; c++)
                        {
                            var u = SimilarityS(distance + _weight[0] * Math.Abs(a - c));
                            _pair[xy + a * 4 + c] *= u;
                            _pair[yx + c * 4 + a] *= u;
                        }
                    }
                }
            }
        }

        static void Place(Span<int> cells, int row, int col)
        {
            cells[None * 4 + None]--;
            cells[row * 4 + col]++;
        }
    }

    private double SimilarityS(double distance) => _scale == 0 ? 0 : 1 - _scale * distance;

    private double Objective()
    {
        var value = _constant;
        for (var x = 1; x < _n; x++) value -= _b[x] * _u0[x];
        return value + _pairSum;
    }

    private void SetPortfolio(ReadOnlySpan<int> t)
    {
        var size = _n;
        for (var m = 1; m < size; m++) _t[m] = t[m];
        _t[0] = 0;
        if (_measure == SimilarityMeasure.TauB)
        {
            Span<int> histogram = stackalloc int[4];
            histogram.Clear();
            for (var p = 0; p < size; p++) histogram[_t[p]]++;
            Span<int> cells = stackalloc int[16];
            for (var x = 1; x < size; x++)
            {
                // Column: x's tie with each partner: none except itself (defence), the subject (t_x) and its neighbours.
                cells.Clear();
                for (var r = 0; r < 4; r++) cells[r * 4 + None] = histogram[r];
                Move(cells, _t[x], 0); // partner x
                Move(cells, 0, _t[x]); // partner 0 (the subject's tie with itself is defence)
                for (var e = _neighbourStart[x]; e < _neighbourStart[x + 1]; e++) Move(cells, _t[_neighbour[e]], _neighbourKind[e]);
                _tables[x] = TieTable.FromCounts(cells);
                _u0[x] = _tables[x].TauB();
            }
        }
        else
        {
            for (var x = 1; x < size; x++)
            {
                double distance = 0;
                distance += _weight[0] * Math.Abs(0 - _t[x]);
                distance += _weight[x] * Math.Abs(_t[x] - 0);
                for (var p = 1; p < size; p++)
                {
                    if (p != x) distance += _weight[p] * Math.Abs(_t[p] - _tie[x * size + p]);
                }

                _distance[x] = distance;
                _u0[x] = SimilarityS(distance);
            }
        }

        _pairSum = 0;
        for (var x = 1; x < size; x++)
        {
            for (var y = x + 1; y < size; y++) _pairSum += _pair[(x * size + y) * 16 + _t[x] * 4 + _t[y]];
        }

        static void Move(Span<int> cells, int row, int col)
        {
            cells[row * 4 + None]--;
            cells[row * 4 + col]++;
        }
    }

    /// <summary>Changes the subject's tie with m to v, updating every partner's table in O(1).</summary>
    private void Apply(int m, int v)
    {
        var size = _n;
        var r = _t[m];
        for (var y = 1; y < size; y++)
        {
            if (y != m) _pairSum += _pair[(m * size + y) * 16 + v * 4 + _t[y]] - _pair[(m * size + y) * 16 + r * 4 + _t[y]];
        }

        if (_measure == SimilarityMeasure.TauB)
        {
            for (var x = 1; x < size; x++)
            {
                if (x == m)
                {
                    _tables[x].MoveRow(r, v, 0);
                    _tables[x].MoveCol(0, r, v);
                }
                else
                {
                    _tables[x].MoveRow(r, v, _tie[x * size + m]);
                }

                _u0[x] = _tables[x].TauB();
            }
        }
        else
        {
            for (var x = 1; x < size; x++)
            {
                if (x == m)
                {
                    _distance[x] += (_weight[0] + _weight[x]) * (Math.Abs(v) - Math.Abs(r));
                }
                else
                {
                    var c = _tie[x * size + m];
                    _distance[x] += _weight[m] * (Math.Abs(v - c) - Math.Abs(r - c));
                }

                _u0[x] = SimilarityS(_distance[x]);
            }
        }

        _t[m] = v;
    }

    private void InitPairGains()
    {
        for (var m = 1; m < _n; m++) PairGains(m);
    }

    private void PairGains(int m)
    {
        var size = _n;
        for (var v = 0; v < 4; v++)
        {
            double g = 0;
            if (v != _t[m])
            {
                for (var y = 1; y < size; y++)
                {
                    if (y != m) g += _pair[(m * size + y) * 16 + v * 4 + _t[y]] - _pair[(m * size + y) * 16 + _t[m] * 4 + _t[y]];
                }
            }

            _pairGain[m * 4 + v] = g;
        }
    }

    private void ApplyWithPairGains(int m, int v)
    {
        var size = _n;
        var r = _t[m];
        for (var y = 1; y < size; y++)
        {
            if (y == m) continue;
            var cell = (y * size + m) * 16;
            var ty = _t[y];
            for (var w = 0; w < 4; w++)
            {
                if (w == ty) continue;
                _pairGain[y * 4 + w] += _pair[cell + w * 4 + v] - _pair[cell + ty * 4 + v] - (_pair[cell + w * 4 + r] - _pair[cell + ty * 4 + r]);
            }
        }

        Apply(m, v);
        PairGains(m);
    }

    // _gain[m·4 + v] = change of S if t_m became v, from the tables as they are.
    private void ComputeGains()
    {
        var size = _n;
        Span<double> total = stackalloc double[16];
        total.Clear();
        if (_measure == SimilarityMeasure.TauB)
        {
            PrepareTables(total);
        }
        else
        {
            double bSum = 0;
            for (var x = 1; x < size; x++) bSum += _b[x];
            for (var r = 0; r < 4; r++)
            {
                for (var v = 0; v < 4; v++) total[r * 4 + v] = -bSum * (Math.Abs(v - None) - Math.Abs(r - None));
            }
        }

        Span<double> change = stackalloc double[4]; // Σ_x b_x ΔU_0x for each new tie v
        for (var m = 1; m < size; m++)
        {
            var r = _t[m];
            if (_measure == SimilarityMeasure.TauB)
            {
                for (var v = 0; v < 4; v++)
                {
                    if (v != r) change[v] = total[r * 4 + v] + _b[m] * (OwnTableAfter(m, r, v) - _u0[m] - _bulk[m * 16 + r * 4 + v]);
                }

                // An ally x of m sees m move in its column c, not in 'none': only the pulls differ from the bulk.
                for (var e = _neighbourStart[m]; e < _neighbourStart[m + 1]; e++)
                {
                    var at = _neighbour[e] * 16;
                    var c = _neighbourKind[e];
                    var from = _pulls[at + r * 4 + c] - _pulls[at + r * 4 + None];
                    for (var v = 0; v < 4; v++)
                    {
                        if (v != r) change[v] += _weightedInverse[at + r * 4 + v] * (_pulls[at + v * 4 + c] - _pulls[at + v * 4 + None] - from);
                    }
                }
            }

            for (var v = 0; v < 4; v++)
            {
                if (v == r) continue;
                if (_measure != SimilarityMeasure.TauB)
                {
                    var wm = _weight[m] * _scale;
                    var sum = wm * (total[r * 4 + v] + _b[m] * (Math.Abs(v - None) - Math.Abs(r - None)));
                    for (var e = _neighbourStart[m]; e < _neighbourStart[m + 1]; e++)
                    {
                        var c = _neighbourKind[e];
                        sum -= wm * _b[_neighbour[e]] * (Math.Abs(v - c) - Math.Abs(r - c) - (Math.Abs(v - None) - Math.Abs(r - None)));
                    }

                    change[v] = sum - _b[m] * (_weight[0] + _weight[m]) * _scale * (v - r);
                }

                _gain[m * 4 + v] = _pairGain[m * 4 + v] - change[v];
            }
        }
    }

    // Reads every partner table once: pulls, margins, and 1/denominator for each of the 12 row moves,
    // so each what-if below is a multiply; fills the bulk changes (moved partner in the 'none' column).
    private void PrepareTables(Span<double> total)
    {
        Span<long> pulls = stackalloc long[16];
        for (var x = 1; x < _n; x++)
        {
            var at = x * 16;
            _tables[x].Prepare(pulls, _rowCounts.AsSpan(x * 4, 4), _colCounts.AsSpan(x * 4, 4), out _rowTies[x], out _colTies[x]);
            for (var q = 0; q < 16; q++) _pulls[at + q] = pulls[q];
            double difference = _tables[x].ConcordanceDifference;
            _concordance[x] = difference;
            var u = _u0[x];
            var bx = _b[x];
            for (var r = 0; r < 4; r++)
            {
                for (var v = 0; v < 4; v++)
                {
                    if (v == r) continue;
                    var rowTies = _rowTies[x] - (_rowCounts[x * 4 + r] - 1) + _rowCounts[x * 4 + v];
                    var denominator = TieTable.Denominator(_n, rowTies, _colTies[x]);
                    var inverse = denominator == 0 ? 0 : 1 / denominator;
                    _weightedInverse[at + r * 4 + v] = bx * inverse;
                    var d = (difference - pulls[r * 4 + None] + pulls[v * 4 + None]) * inverse - u;
                    _bulk[at + r * 4 + v] = d;
                    total[r * 4 + v] += bx * d;
                }
            }
        }
    }

    // τ_b of the subject against m after t_m moves r → v: in m's table both the partner m (row r → v,
    // column: m's own defence) and the partner 0 (row: the subject's defence, column r → v) move. The
    // concordance change is read from the prepared pulls, minus the pair (m, 0) they count twice.
    private double OwnTableAfter(int m, int r, int v)
    {
        var at = m * 16;
        var before = r > 0 ? 1 : 0;
        var after = v > 0 ? 1 : 0;
        var difference = _concordance[m] + _pulls[at + v * 4] + _pulls[at + v] - _pulls[at + r * 4] - _pulls[at + r]
            - before - after + 2 * before * after;
        var rowTies = _rowTies[m] - (_rowCounts[m * 4 + r] - 1) + _rowCounts[m * 4 + v];
        var colTies = _colTies[m] - (_colCounts[m * 4 + r] - 1) + _colCounts[m * 4 + v];
        var denominator = TieTable.Denominator(_n, rowTies, colTies);
        return denominator == 0 ? 0 : difference / denominator;
    }

    private static void Grow<T>(ref T[] buffer, int size)
    {
        if (buffer.Length < size) buffer = new T[Math.Max(size, buffer.Length * 2)];
    }
}
