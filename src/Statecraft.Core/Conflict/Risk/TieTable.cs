using System.Runtime.CompilerServices;

namespace Statecraft.Core.Conflict.Risk;

/// <summary>
/// The 4×4 contingency table of two alliance portfolios (row: a's tie with each partner, column: b's;
/// cells indexed 0-3 for defence, neutrality, entente, none), kept up to date as single observations
/// move, with the concordant-minus-discordant count maintained incrementally: moving one partner's tie
/// costs O(16), not a rebuild from the portfolios. τ_b is then read in O(1) and equals
/// <see cref="AlliancePortfolio.TauB(ReadOnlySpan{int})"/> of the same counts to the bit (every
/// intermediate is an integer held exactly in a double).
/// </summary>
internal struct TieTable
{
    private Cells _cells;
    private Margins _rows;
    private Margins _cols;
    private long _concordanceDifference; // concordant minus discordant pairs
    private int _count;

    public readonly int Count => _count;

    public readonly long ConcordanceDifference => _concordanceDifference;

    /// <summary>A table from its 16 counts (row-major), computing the concordance once.</summary>
    public static TieTable FromCounts(ReadOnlySpan<int> cells)
    {
        var table = default(TieTable);
        for (var q = 0; q < 16; q++)
        {
            table._cells[q] = cells[q];
            table._rows[q / 4] += cells[q];
            table._cols[q % 4] += cells[q];
            table._count += cells[q];
        }

        long difference = 0;
        for (var q = 0; q < 16; q++)
        {
            if (cells[q] != 0) difference += cells[q] * table.Pull(q / 4, q % 4);
        }

        table._concordanceDifference = difference / 2; // each pair was counted from both ends
        return table;
    }

    /// <summary>Adds one partner whose ties are (row, col).</summary>
    public void Add(int row, int col)
    {
        _concordanceDifference += Pull(row, col);
        _cells[row * 4 + col]++;
        _rows[row]++;
        _cols[col]++;
        _count++;
    }

    /// <summary>Removes one partner whose ties are (row, col).</summary>
    public void Remove(int row, int col)
    {
        _cells[row * 4 + col]--;
        _rows[row]--;
        _cols[col]--;
        _count--;
        _concordanceDifference -= Pull(row, col);
    }

    /// <summary>One partner's row tie changes from <paramref name="from"/> to <paramref name="to"/> in column <paramref name="col"/>.</summary>
    public void MoveRow(int from, int to, int col)
    {
        Remove(from, col);
        Add(to, col);
    }

    /// <summary>One partner's column tie changes from <paramref name="from"/> to <paramref name="to"/> in row <paramref name="row"/>.</summary>
    public void MoveCol(int row, int from, int to)
    {
        Remove(row, from);
        Add(row, to);
    }

    /// <summary>Kendall's τ_b; 0 when either margin is constant, as EUGene.</summary>
    public readonly double TauB() => TauB(_concordanceDifference, RowTies(), ColTies(), _count);

    /// <summary>τ_b if one partner's row tie moved from <paramref name="from"/> to <paramref name="to"/> in column <paramref name="col"/>, without moving it.</summary>
    public readonly double TauBAfterRowMove(int from, int to, int col)
    {
        // The partner's own cell never counts against itself, and a partner in the same column is tied
        // with it either way, so the pull of the other partners is read on the current table.
        var difference = _concordanceDifference - Pull(from, col) + Pull(to, col);
        var rowTies = RowTies() - (_rows[from] - 1) + _rows[to];
        return TauB(difference, rowTies, ColTies(), _count);
    }

    /// <summary>τ_b if one more partner with ties (row, col) were added, for each of the 16 cells (row-major).</summary>
    public readonly void TauBWithEach(Span<double> result)
    {
        Span<long> pulls = stackalloc long[16];
        Span<int> rows = stackalloc int[4];
        Span<int> cols = stackalloc int[4];
        Prepare(pulls, rows, cols, out var rowTies, out var colTies);
        for (var row = 0; row < 4; row++)
        {
            for (var col = 0; col < 4; col++)
                result[row * 4 + col] = TauB(_concordanceDifference + pulls[row * 4 + col], rowTies + rows[row], colTies + cols[col], _count + 1);
        }
    }

    /// <summary>
    /// What the search's what-ifs need, read once per table: the pull of every cell (see
    /// <see cref="Pull"/>), the margins and the tied-pair counts.
    /// </summary>
    public readonly void Prepare(Span<long> pulls, Span<int> rows, Span<int> cols, out long rowTies, out long colTies)
    {
        // Row-wise: cells after column c minus cells before it; then accumulate over the rows above and below.
        Span<long> spread = stackalloc long[16];
        for (var r = 0; r < 4; r++)
        {
            long total = _rows[r];
            long before = 0;
            for (var c = 0; c < 4; c++)
            {
                var here = _cells[r * 4 + c];
                spread[r * 4 + c] = total - before - here - before;
                before += here;
            }

            rows[r] = _rows[r];
            cols[r] = _cols[r];
        }

        for (var c = 0; c < 4; c++)
        {
            long above = 0;
            var below = spread[4 + c] + spread[8 + c] + spread[12 + c];
            for (var r = 0; r < 4; r++)
            {
                pulls[r * 4 + c] = below - above;
                if (r < 3) below -= spread[(r + 1) * 4 + c];
                above += spread[r * 4 + c];
            }
        }

        rowTies = RowTies();
        colTies = ColTies();
    }

    /// <summary>The τ_b denominator, √((P − row ties)(P − column ties)) with P = n(n − 1)/2, for n partners.</summary>
    public static double Denominator(int count, long rowTies, long colTies)
    {
        double n = count;
        var pairs = n * (n - 1) / 2;
        return Math.Sqrt((pairs - rowTies) * (pairs - colTies));
    }

    /// <summary>Concordant minus discordant pairs that a partner at (row, col) forms with every other partner.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly long Pull(int row, int col)
    {
        long above = 0, below = 0;
        for (var r = 0; r < 4; r++)
        {
            if (r == row) continue;
            long before = 0, after = 0;
            for (var c = 0; c < col; c++) before += _cells[r * 4 + c];
            for (var c = col + 1; c < 4; c++) after += _cells[r * 4 + c];
            if (r < row)
            {
                above += before - after;
            }
            else
            {
                below += after - before;
            }
        }

        return above + below;
    }

    private readonly long RowTies()
    {
        long ties = 0;
        for (var x = 0; x < 4; x++) ties += (long)_rows[x] * (_rows[x] - 1) / 2;
        return ties;
    }

    private readonly long ColTies()
    {
        long ties = 0;
        for (var x = 0; x < 4; x++) ties += (long)_cols[x] * (_cols[x] - 1) / 2;
        return ties;
    }

    // The expressions and their order are those of AlliancePortfolio.TauB, so both agree to the bit.
    private static double TauB(long difference, long rowTies, long colTies, int count)
    {
        var denominator = Denominator(count, rowTies, colTies);
        return denominator == 0 ? 0 : difference / denominator;
    }

    [InlineArray(16)]
    private struct Cells
    {
        private int _element;
    }

    [InlineArray(4)]
    private struct Margins
    {
        private int _element;
    }
}
