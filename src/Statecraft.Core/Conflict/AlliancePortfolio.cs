namespace Statecraft.Core.Conflict;

/// <summary>
/// The alliance tie between two states, ranked as EUGene ranks them for τ_b and S: 1 defence pact,
/// 2 neutrality or non-aggression pact, 3 entente, 4 no tie. A state's tie with itself is defence.
/// </summary>
public enum TieKind
{
    Defence = 1,
    Neutrality = 2,
    Entente = 3,
    None = 4,
}

/// <summary>How similar two states' alliance portfolios are, on [-1, 1].</summary>
public enum SimilarityMeasure
{
    /// <summary>Kendall's τ_b over the 4×4 table of ties (Bueno de Mesquita 1975, 1981).</summary>
    TauB,

    /// <summary>Signorino and Ritter's S, every state weighted equally.</summary>
    S,

    /// <summary>Signorino and Ritter's S, each state weighted by its capability.</summary>
    WeightedS,
}

/// <summary>Alliance-portfolio similarity: τ_b and Signorino–Ritter S (unweighted and weighted).</summary>
public static class AlliancePortfolio
{
    /// <summary>
    /// Kendall's τ_b of a 4×4 contingency table (row-major; rows: i's tie with k, columns: j's tie
    /// with k). Returns 0 when either margin is constant (τ_b undefined), as EUGene does.
    /// </summary>
    public static double TauB(ReadOnlySpan<int> table)
    {
        if (table.Length != 16) throw new ArgumentException("expected a 4×4 table (16 cells)", nameof(table));
        double n = 0, concordant = 0, discordant = 0;
        for (var r = 0; r < 4; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                double cell = table[r * 4 + c];
                n += cell;
                if (cell == 0) continue;
                for (var r2 = r + 1; r2 < 4; r2++)
                {
                    for (var c2 = 0; c2 < 4; c2++)
                    {
                        if (c2 > c) concordant += cell * table[r2 * 4 + c2];
                        else if (c2 < c) discordant += cell * table[r2 * 4 + c2];
                    }
                }
            }
        }

        double tiesRows = 0, tiesCols = 0;
        for (var x = 0; x < 4; x++)
        {
            double row = 0, col = 0;
            for (var y = 0; y < 4; y++)
            {
                row += table[x * 4 + y];
                col += table[y * 4 + x];
            }

            tiesRows += row * (row - 1) / 2;
            tiesCols += col * (col - 1) / 2;
        }

        var pairs = n * (n - 1) / 2;
        var denominator = Math.Sqrt((pairs - tiesRows) * (pairs - tiesCols));
        return denominator == 0 ? 0 : (concordant - discordant) / denominator;
    }

    /// <summary>τ_b of two portfolios: the ties of i and of j with every state of the system.</summary>
    public static double TauB(ReadOnlySpan<TieKind> portfolioI, ReadOnlySpan<TieKind> portfolioJ)
    {
        Span<int> table = stackalloc int[16];
        for (var k = 0; k < portfolioI.Length; k++) table[((int)portfolioI[k] - 1) * 4 + (int)portfolioJ[k] - 1]++;
        return TauB(table);
    }

    /// <summary>
    /// Signorino–Ritter S with ties scored 1-4 (largest distance 3): 1 − 2·Σ w_k |a_k − b_k| / (3 Σ w_k).
    /// Equal weights when <paramref name="weights"/> is empty.
    /// </summary>
    public static double S(ReadOnlySpan<TieKind> portfolioI, ReadOnlySpan<TieKind> portfolioJ, ReadOnlySpan<double> weights = default)
    {
        double distance = 0, total = 0;
        for (var k = 0; k < portfolioI.Length; k++)
        {
            var w = weights.IsEmpty ? 1.0 : weights[k];
            distance += w * Math.Abs((int)portfolioI[k] - (int)portfolioJ[k]);
            total += w;
        }

        return total == 0 ? 0 : 1 - 2 * (distance / 3) / total;
    }

    /// <summary>
    /// The similarity matrix (row-major n×n) of a system whose ties are given as a row-major n×n
    /// table (symmetric; the diagonal is treated as defence).
    /// </summary>
    public static double[] SimilarityMatrix(ReadOnlySpan<TieKind> ties, int n, SimilarityMeasure measure, ReadOnlySpan<double> capabilities = default)
    {
        var rows = ties.ToArray();
        for (var i = 0; i < n; i++) rows[i * n + i] = TieKind.Defence;
        var result = new double[n * n];
        var weights = measure == SimilarityMeasure.WeightedS ? capabilities : default;
        for (var i = 0; i < n; i++)
        {
            result[i * n + i] = 1;
            for (var j = i + 1; j < n; j++)
            {
                var a = rows.AsSpan(i * n, n);
                var b = rows.AsSpan(j * n, n);
                var value = measure == SimilarityMeasure.TauB ? TauB(a, b) : S(a, b, weights);
                result[i * n + j] = value;
                result[j * n + i] = value;
            }
        }

        return result;
    }
}
