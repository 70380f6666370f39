using BenchmarkDotNet.Attributes;
using Statecraft.Core.Conflict;
using Statecraft.Core.Conflict.Risk;

namespace Statecraft.Benchmarks;

/// <summary>
/// EUGene-style risk (<see cref="RiskSearch"/>) for every state of one synthetic year
/// (<see cref="RiskYears.Synthetic"/>) of 50, 100 and 190 states, with the default search budget:
/// τ_b and S on one thread, τ_b on both cores.
/// </summary>
[SimpleJob(warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class RiskBenchmarks
{
    private RiskYear _tauB = null!;
    private RiskYear _s = null!;

    [Params(50, 100, 190)]
    public int States { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _tauB = RiskYears.Synthetic(States, SimilarityMeasure.TauB);
        _s = RiskYears.Synthetic(States, SimilarityMeasure.S);
    }

    [Benchmark]
    public IReadOnlyList<RiskResult> TauBOneThread() => RiskSearch.Run(_tauB, new RiskOptions());

    [Benchmark]
    public IReadOnlyList<RiskResult> SOneThread() => RiskSearch.Run(_s, new RiskOptions());

    [Benchmark]
    public IReadOnlyList<RiskResult> TauBBothCores() => RiskSearch.Run(_tauB, new RiskOptions(threads: 2));
}
