using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Statecraft.Core.Random;
using Statecraft.Core.Spatial;
using Statecraft.Io.Ktab;

namespace Statecraft.Benchmarks;

/// <summary>KTAB's spatial model to convergence on KTAB's own examples (deterministic defaults).</summary>
[SimpleJob(warmupCount: 2, iterationCount: 5)]
[MemoryDiagnoser]
public class SmpKtabExamples
{
    private SpatialScenario _scenario = null!;

    [Params("SOE-Pol-Comp.csv", "dummyData_6Dim.csv", "dummyData-a040.csv", "dummyData-a080.csv", "dummyData-a160.csv")]
    public string Input { get; set; } = "dummyData-a080.csv";

    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Statecraft.slnx"))) dir = dir.Parent;
        _scenario = KtabCsvReader.Read(Path.Combine(dir!.FullName, "..", "shared", "reference", "ktab", Input)).Value;
    }

    [Benchmark]
    public SmpResult ToConvergence() => SmpModel.Run(_scenario);
}

/// <summary>
/// Generated one-dimensional issues of 160, 500 and 1,000 actors, drawn like KTAB's dummyData-aNNN
/// files. Few iterations: one run of 1,000 actors takes tens of seconds.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 2)]
[MemoryDiagnoser]
public class SmpGenerated
{
    private SpatialScenario _scenario = null!;

    [Params(160, 500, 1000)]
    public int Actors { get; set; }

    [GlobalSetup]
    public void Setup() => _scenario = Generated(Actors, 1, seed: 2017);

    [Benchmark]
    public SmpResult ToConvergence() => SmpModel.Run(_scenario);

    /// <summary>
    /// Like KTAB's dummyData-a160: positions roughly normal around 65 (sd 12, clipped to [0, 99]),
    /// capability uniform on [0.1, 5.3], salience uniform on [5, 80] (0-100 scale), two decimals.
    /// </summary>
    public static SpatialScenario Generated(int actors, int dims, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var list = new List<SpatialActor>();
        for (var i = 0; i < actors; i++)
        {
            var p = new double[dims];
            var s = new double[dims];
            for (var k = 0; k < dims; k++)
            {
                var g = -6.0;
                for (var q = 0; q < 12; q++) g += rng.NextDouble();
                p[k] = Math.Round(Math.Clamp(65 + 12 * g, 0, 99), 2) / 100;
                s[k] = Math.Round((5 + rng.NextDouble() * 75) / dims, 2) / 100;
            }

            list.Add(new SpatialActor($"A{i:0000}", "", Math.Round(0.1 + rng.NextDouble() * 5.2, 2), p, s));
        }

        return SpatialScenario.Create($"generated-{actors}", "", Enumerable.Range(1, dims).Select(k => $"D{k}").ToArray(), list).Value;
    }
}
