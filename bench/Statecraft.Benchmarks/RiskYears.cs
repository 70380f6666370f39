using Statecraft.Core.Conflict;
using Statecraft.Core.Conflict.Risk;
using Statecraft.Core.Random;

namespace Statecraft.Benchmarks;

/// <summary>
/// Synthetic system-years shaped like the post-1990 system: five home regions (a quarter of the states
/// in the first, a tenth in the smallest), five major powers whose relevant region is the globe and who
/// are in every state's region, regional defence blocs (40% of each region, all allied with each
/// other), a NATO-like bloc joining three majors to the first region's bloc, and scattered neutrality
/// pacts (2% of pairs) and ententes (3%). Capitals cluster by region; capabilities are skewed.
/// With <c>onlyRegion</c> = g, every state's region is instead the states involved in g (its home
/// members and the majors), as EUGene computes one score per state and region.
/// </summary>
public static class RiskYears
{
    public static RiskYear Synthetic(int n, SimilarityMeasure measure, ulong seed = 2026, bool discount = true, int? onlyRegion = null)
    {
        var random = new Xoshiro256StarStar(seed);
        var ids = Enumerable.Range(0, n).Select(i => $"S{i:000}").ToArray();
        var majors = Math.Min(5, n);
        double[] share = [0.25, 0.18, 0.28, 0.10, 0.19];
        double[] centreX = [1000, -4000, 1500, 3000, 7000];
        double[] centreY = [4000, 1000, -1000, 2500, 2000];
        var home = new int[n];
        var capability = new double[n];
        var x = new double[n];
        var y = new double[n];
        var bloc = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var u = random.NextDouble();
            var g = 0;
            for (var cumulative = share[0]; u > cumulative && g < 4; cumulative += share[++g])
            {
            }

            home[i] = g;
            capability[i] = i < majors ? 0.05 + 0.1 * random.NextDouble() : 0.0002 + 0.01 * Math.Pow(random.NextDouble(), 3);
            x[i] = centreX[g] + 1500 * (random.NextDouble() - 0.5);
            y[i] = centreY[g] + 1500 * (random.NextDouble() - 0.5);
            bloc[i] = random.NextDouble() < 0.4;
        }

        var miles = new double[n * n];
        var ties = new TieKind[n * n];
        Array.Fill(ties, TieKind.None);
        void Tie(int a, int b, TieKind kind)
        {
            if (a != b && ties[a * n + b] > kind) ties[a * n + b] = ties[b * n + a] = kind;
        }

        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                miles[a * n + b] = miles[b * n + a] = Math.Sqrt((x[a] - x[b]) * (x[a] - x[b]) + (y[a] - y[b]) * (y[a] - y[b]));
                if (home[a] == home[b] && bloc[a] && bloc[b]) Tie(a, b, TieKind.Defence);
                var u = random.NextDouble();
                if (u < 0.02) Tie(a, b, TieKind.Neutrality);
                else if (u < 0.05) Tie(a, b, TieKind.Entente);
            }
        }

        bool Atlantic(int s) => s < 3 || (home[s] == 0 && bloc[s]);
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                if (Atlantic(a) && Atlantic(b)) Tie(a, b, TieKind.Defence);
            }
        }

        var region = new bool[n * n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                region[a * n + b] = onlyRegion is { } g
                    ? b < majors || home[b] == g
                    : a < majors || b < majors || home[a] == home[b];
            }
        }

        if (discount) return RiskYear.WithDistances(ids, capability, miles, 500, ties, region, measure).Value;
        var undiscounted = new double[n * n];
        for (var a = 0; a < n; a++) Array.Fill(undiscounted, capability[a], a * n, n);
        return RiskYear.Create(ids, capability, undiscounted, ties, region, measure).Value;
    }
}
