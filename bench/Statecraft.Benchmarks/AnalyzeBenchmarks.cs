using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Statecraft.Core.Scenarios;
using Statecraft.Core.Scenarios.Analysis;
using Statecraft.Io.Models;
using Statecraft.Io.Scenarios;

namespace Statecraft.Benchmarks;

/// <summary>
/// <c>statecraft analyze</c>'s work on the built-in South Caucasus scenario: every question with the
/// default 200 draws (what a new user waits for), and with 50 draws.
/// </summary>
[Config(typeof(Short))]
[MemoryDiagnoser]
public class AnalyzeBenchmarks
{
    /// <summary>Seconds per operation: one warm-up and three measured runs, in process (no extra build).</summary>
    private sealed class Short : ManualConfig
    {
        public Short() => AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1)
            .WithIterationCount(3).WithToolchain(InProcessEmitToolchain.Instance));
    }

    private Scenario _scenario = null!;

    [Params(50, AnalysisOptions.DefaultSamples)]
    public int Samples { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Statecraft.slnx"))) dir = dir.Parent;
        var path = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repository not found"), "scenarios", "south-caucasus.yaml");
        _scenario = ScenarioLoader.LoadFile(path).Value.Scenario;
    }

    [Benchmark]
    public int AnalyzeBuiltInScenario() =>
        QuestionEngine.Analyze(_scenario, [], new AnalysisOptions(Samples, AnalysisOptions.DefaultSeed, EnsembleWeightsFile.BuiltIn)).Answers.Count;
}
