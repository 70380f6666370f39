using System.Diagnostics;
using System.Globalization;
using Statecraft.Core.Conflict;
using Statecraft.Core.Conflict.Risk;

namespace Statecraft.Benchmarks;

/// <summary>
/// How close the risk search gets to the true extremes, and at what cost (not a BenchmarkDotNet job):
/// <c>dotnet run -c Release --project bench/Statecraft.Benchmarks -- risk-quality [years]</c>.
/// Small regions (up to 9 ties): the default search against enumeration of all 4^K portfolios.
/// Large regions: the default search against a longer one (24 more restarts from random portfolios,
/// tabu patience 16), the best known there.
/// </summary>
public static class RiskQuality
{
    public static void Run(int years)
    {
        Console.WriteLine("| regions | measure | extremes | found exactly | worst gap (share of S_max − S_min) | portfolios evaluated per state (search / reference) | CPU s (search / reference) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var measure in new[] { SimilarityMeasure.TauB, SimilarityMeasure.S, SimilarityMeasure.WeightedS })
        {
            Compare($"{years} years of 5-10 states (K ≤ 9)", measure, years, seed => 5 + (int)(seed % 6),
                new RiskOptions(exhaustiveMaxTies: 0), new RiskOptions(exhaustiveMaxTies: RiskOptions.MaxExhaustiveTies));
        }

        foreach (var n in new[] { 40, 100 })
        {
            foreach (var measure in new[] { SimilarityMeasure.TauB, SimilarityMeasure.S })
            {
                Compare($"{Math.Max(2, years / 50)} years of {n} states (K up to {n - 1}), against a longer search", measure, Math.Max(2, years / 50), _ => n,
                    new RiskOptions(exhaustiveMaxTies: 0), new RiskOptions(seed: 99, restarts: 28, patience: 16, exhaustiveMaxTies: 0));
            }
        }
    }

    /// <summary>CPU seconds of one synthetic year of n states, for n from 25 to 195 (<c>-- risk-years</c>).</summary>
    public static void Years()
    {
        Console.WriteLine("| states | τ_b CPU s | S CPU s | weighted S CPU s | largest region (K) | mean region (K) | τ_b, five regional scores per state (EUGene) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        RiskSearch.Run(RiskYears.Synthetic(30, SimilarityMeasure.TauB), new RiskOptions()); // warm up the JIT
        foreach (var n in new[] { 25, 50, 75, 100, 125, 150, 175, 195 })
        {
            var seconds = new[] { SimilarityMeasure.TauB, SimilarityMeasure.S, SimilarityMeasure.WeightedS }
                .Select(measure => Timed(() => RiskSearch.Run(RiskYears.Synthetic(n, measure), new RiskOptions())).CpuSeconds).ToArray();
            var regions = RiskSearch.Run(RiskYears.Synthetic(n, SimilarityMeasure.S), new RiskOptions()).Select(r => r.Region.Count).ToArray();
            var regional = Enumerable.Range(0, 5)
                .Sum(g => Timed(() => RiskSearch.Run(RiskYears.Synthetic(n, SimilarityMeasure.TauB, onlyRegion: g), new RiskOptions())).CpuSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {n} | {seconds[0]:F2} | {seconds[1]:F2} | {seconds[2]:F2} | {regions.Max()} | {regions.Average():F1} | {regional:F2} |"));
        }
    }

    private static void Compare(string label, SimilarityMeasure measure, int years, Func<ulong, int> size, RiskOptions search, RiskOptions reference)
    {
        int extremes = 0, found = 0;
        double worst = 0, cpuSearch = 0, cpuReference = 0;
        long evaluations = 0, all = 0;
        for (ulong seed = 0; seed < (ulong)years; seed++)
        {
            var year = RiskYears.Synthetic(size(seed), measure, 9000 + seed, discount: seed % 2 == 0);
            var (searched, t1) = Timed(() => RiskSearch.Run(year, search));
            var (best, t2) = Timed(() => RiskSearch.Run(year, reference));
            cpuSearch += t1;
            cpuReference += t2;
            for (var i = 0; i < year.Count; i++)
            {
                if (best[i].Region.Count == 0) continue;
                var min = Math.Min(best[i].SecurityMin, searched[i].SecurityMin);
                var max = Math.Max(best[i].SecurityMax, searched[i].SecurityMax);
                var tolerance = 1e-9 * Math.Max(1, Math.Abs(max));
                extremes += 2;
                if (searched[i].SecurityMin <= min + tolerance) found++;
                if (searched[i].SecurityMax >= max - tolerance) found++;
                if (max > min) worst = Math.Max(worst, Math.Max(searched[i].SecurityMin - min, max - searched[i].SecurityMax) / (max - min));
                evaluations += searched[i].Evaluations;
                all += best[i].Evaluations;
            }
        }

        var states = extremes / 2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {measure} | {extremes:N0} | {found:N0} ({100.0 * found / extremes:F1}%) | {100 * worst:F2}% | {evaluations / states:N0} / {all / states:N0} | {cpuSearch:F1} / {cpuReference:F1} |"));
    }

    private static (T Value, double CpuSeconds) Timed<T>(Func<T> run)
    {
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        var value = run();
        return (value, (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds);
    }
}
