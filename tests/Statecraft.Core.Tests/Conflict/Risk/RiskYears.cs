using Statecraft.Core.Conflict;
using Statecraft.Core.Conflict.Risk;
using Statecraft.Core.Random;

namespace Statecraft.Core.Tests.Conflict.Risk;

/// <summary>Seeded random system-years, and the security sum computed the slow, obvious way.</summary>
internal static class RiskYears
{
    /// <summary>
    /// n states with skewed capabilities, capitals on a 3,000-mile square, alliance blocs (about a
    /// quarter of pairs tied) and, when <paramref name="regional"/>, two home regions plus one power
    /// whose region is everything.
    /// </summary>
    public static RiskYear Random(ulong seed, int n, SimilarityMeasure measure, bool regional = false, bool discount = true)
    {
        var random = new Xoshiro256StarStar(seed);
        var ids = Enumerable.Range(0, n).Select(i => $"S{i}").ToArray();
        var capability = ids.Select(_ => 0.001 + 0.2 * Math.Pow(random.NextDouble(), 3)).ToArray();
        var x = ids.Select(_ => 3000 * random.NextDouble()).ToArray();
        var y = ids.Select(_ => 3000 * random.NextDouble()).ToArray();
        var miles = new double[n * n];
        var ties = new TieKind[n * n];
        var home = ids.Select(_ => random.NextDouble() < 0.5 ? 0 : 1).ToArray();
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                miles[a * n + b] = miles[b * n + a] = Math.Sqrt((x[a] - x[b]) * (x[a] - x[b]) + (y[a] - y[b]) * (y[a] - y[b]));
                var u = random.NextDouble();
                var kind = u < 0.12 ? TieKind.Defence : u < 0.18 ? TieKind.Neutrality : u < 0.25 ? TieKind.Entente : TieKind.None;
                ties[a * n + b] = ties[b * n + a] = kind;
            }
        }

        var region = new bool[n * n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++) region[a * n + b] = !regional || a == 0 || home[a] == home[b] || b == 0;
        }

        return discount
            ? RiskYear.WithDistances(ids, capability, miles, 500, ties, region, measure).Value
            : RiskYear.Create(ids, capability, Undiscounted(capability), ties, region, measure).Value;
    }

    public static double[] Undiscounted(double[] capability)
    {
        var n = capability.Length;
        var c = new double[n * n];
        for (var a = 0; a < n; a++) Array.Fill(c, capability[a], a * n, n);
        return c;
    }

    /// <summary>
    /// Σ_j EU_j(state) over the state's region with the given ties of the state (one per region member,
    /// in <see cref="RiskResult.Region"/> order): similarity from <see cref="AlliancePortfolio"/> over the
    /// region's portfolios, EU from <see cref="WarTrapModel"/> with the region's states as third parties.
    /// </summary>
    public static double Security(RiskYear year, int state, IReadOnlyList<int> region, IReadOnlyList<TieKind> portfolio)
    {
        int[] members = [state, .. region];
        var m = members.Length;
        var n = year.Count;
        var ties = new TieKind[m * m];
        var c = new double[m * m];
        for (var a = 0; a < m; a++)
        {
            for (var b = 0; b < m; b++)
            {
                ties[a * m + b] = year.Ties[members[a] * n + members[b]];
                c[a * m + b] = year.CapabilityAt[members[a] * n + members[b]];
            }
        }

        for (var k = 1; k < m; k++) ties[k] = ties[k * m] = portfolio[k - 1];
        var weights = members.Select(s => year.Capability[s]).ToArray();
        var u = AlliancePortfolio.SimilarityMatrix(ties, m, year.Measure, weights);
        var model = WarTrapModel.FromMatrices(members.Select(s => year.States[s]).ToArray(), c, u, new WarTrapOptions());
        double security = 0;
        for (var j = 1; j < m; j++) security += model.ExpectedUtility(j, 0);
        return security;
    }

    /// <summary>The state's actual ties with its region, in region order.</summary>
    public static TieKind[] Actual(RiskYear year, int state, IReadOnlyList<int> region) =>
        region.Select(m => year.Ties[state * year.Count + m]).ToArray();
}
