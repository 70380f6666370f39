using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Statecraft.Core.Bargaining;
using Statecraft.Core.Domain;
using Statecraft.Core.Ensemble;
using Statecraft.Core.Scenarios.Analysis;
using Statecraft.Io.Scenarios;

namespace Statecraft.Benchmarks;

/// <summary>
/// The bargaining ensemble's work in one Monte Carlo draw, on the built-in scenario's
/// Armenia-alignment issue (8 actors, one dimension) at its central inputs: every member together,
/// and BDM and SMP without the history their full runs keep.
/// </summary>
[Config(typeof(Short))]
[MemoryDiagnoser]
public class EnsembleBenchmarks
{
    private sealed class Short : ManualConfig
    {
        public Short() => AddJob(Job.Default.WithWarmupCount(2).WithIterationCount(5).WithToolchain(InProcessEmitToolchain.Instance));
    }

    private Issue _issue = null!;
    private readonly double[] _forecasts = new double[EnsembleMembers.Count];

    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Statecraft.slnx"))) dir = dir.Parent;
        var path = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repository not found"), "scenarios", "south-caucasus.yaml");
        var s = ScenarioLoader.LoadFile(path).Value.Scenario;
        var paths = EnsembleForecast.Inputs(s, "armenia-alignment");
        var inputs = ScenarioInputs.Create(s, paths);
        var central = inputs.Medians();
        var i = s.Issue("armenia-alignment");
        _issue = Issue.Create(i.Id, i.Scale, i.Stances.Select((st, k) => new Actor(st.ActorId,
            new Capability(central[3 * k]), new Position(central[3 * k + 1]), new Salience(central[3 * k + 2]))).ToArray()).Value;
    }

    [Benchmark]
    public double AllMembersOneDraw()
    {
        EnsembleMembers.Forecast(_issue, _forecasts);
        return _forecasts[0];
    }

    [Benchmark]
    public double BdmForecastMedian() => BdmModel.ForecastMedian(_issue, BdmOptions.Default);

    [Benchmark]
    public double BdmFullRun() => BdmModel.Run(_issue, BdmOptions.Default).ForecastMedian;

    [Benchmark]
    public double? SmpForecast() => EnsembleMembers.Smp(_issue);
}
