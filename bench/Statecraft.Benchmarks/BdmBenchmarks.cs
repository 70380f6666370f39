using BenchmarkDotNet.Attributes;
using Statecraft.Core.Bargaining;
using Statecraft.Core.Domain;
using Statecraft.Core.Random;
using Statecraft.Io.Bdm;

namespace Statecraft.Benchmarks;

/// <summary>Ten BDM rounds (no early stop) on the EC emission example and on a generated 100-actor issue.</summary>
[SimpleJob(warmupCount: 2, iterationCount: 5)]
[MemoryDiagnoser]
public class BdmBenchmarks
{
    private Issue _ec = null!;
    private Issue _hundred = null!;

    [Params("text", "scholz-code", "masad")]
    public string Preset { get; set; } = "text";

    private BdmOptions Options => BdmOptions.Presets[Preset] with { Rounds = 10, ConvergenceTolerance = null };

    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Statecraft.slnx"))) dir = dir.Parent;
        _ec = BdmCsvReader.ReadFile(Path.Combine(dir!.FullName, "examples", "eu-emissions.csv")).Value.Issue;
        _hundred = Generated(100, seed: 2011);
    }

    /// <summary>n actors with capability, position (0-100) and salience drawn uniformly from a fixed seed.</summary>
    public static Issue Generated(int n, ulong seed)
    {
        var random = new Xoshiro256StarStar(seed);
        var actors = Enumerable.Range(0, n).Select(i => new Actor(
            "A" + i,
            new Capability(random.NextDouble()),
            new Position(Math.Round(100 * random.NextDouble(), 1)),
            new Salience(random.NextDouble()))).ToArray();
        return Issue.Create("generated", null, actors).Value;
    }

    [Benchmark]
    public BdmResult EcEmissions10Rounds() => BdmModel.Run(_ec, Options);

    [Benchmark]
    public BdmResult Generated100Actors10Rounds() => BdmModel.Run(_hundred, Options);
}
