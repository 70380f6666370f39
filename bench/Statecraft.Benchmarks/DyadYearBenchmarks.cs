using BenchmarkDotNet.Attributes;
using Statecraft.Core.DyadYears;
using Statecraft.Io.Datasets;

namespace Statecraft.Benchmarks;

/// <summary>
/// One year of directed dyad-years (every ordered pair of members: capitals, contiguity, alliances,
/// τ_b over the whole system, War Trap EU with the relevant-region rule, disputes, wars, peace years)
/// for years whose systems grow from 23 to 195 states, on one thread: how the cost grows with the
/// number of states. The shipped data (data/conflict, ATOP) are read once.
/// </summary>
[SimpleJob(warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class DyadYearBenchmarks
{
    private DyadYearBuilder _builder = null!;

    [Params(1816, 1900, 1950, 1980, 2014)]
    public int Year { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var dir = ConflictDataFiles.FindDirectory() ?? throw new InvalidOperationException("data/conflict not found: run from the repository");
        _builder = ConflictDataFiles.Load(dir, AllianceSource.Atop).Then(DyadYearBuilder.Create).Value;
    }

    [Benchmark]
    public int AllDyads() => _builder.Year(Year, new DyadYearOptions(Year, Year)).Rows.Length;

    [Benchmark]
    public int RelevantDyads() => _builder.Year(Year, new DyadYearOptions(Year, Year, RelevantOnly: true)).Rows.Length;
}
