using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Statecraft.Store;

namespace Statecraft.Benchmarks;

/// <summary>
/// The run store: recording one analysis (a durable, synchronous WAL commit), listing, reading one
/// back, and diffing two results. The result is shaped like `analyze --json` on the built-in
/// scenario: 11 questions with drivers, flip points and model estimates, 8 packages.
/// </summary>
[SimpleJob(warmupCount: 2, iterationCount: 5)]
[MemoryDiagnoser]
public class RunStoreBenchmarks
{
    private string _dir = "";
    private RunStore _store = null!;
    private string _result = "";
    private StoredRun _a = null!, _b = null!;
    private long _id;

    private static string AnalysisResult(double shift)
    {
        var questions = Enumerable.Range(0, 11).Select(q => new
        {
            id = $"question-{q}", question = $"Question {q}?", model = "bargaining", value = 40 + q + shift, unit = "position on 0-100",
            interval = new[] { 20.0 + q, 70.0 + q + shift }, verdict = "Settles near the middle.", headline = "middle",
            claims = new[] { "S3", "S21" }, source_conclusion = "The article's view.", agrees_with_source = q % 2 == 0, share_of_draws_agreeing = 0.5 + shift / 100,
            drivers = Enumerable.Range(0, 3).Select(d => new { input = $"issue/x/A{d}/salience", label = $"A{d} salience", effect = d * 3.5 + shift }),
            flip_points = Enumerable.Range(0, 2).Select(f => new { input = $"actor/A{f}/capability", baseline = 0.1, below = 0.05, above = (double?)null }),
            models = new[] { new { model = "bdm", value = 40.0 + shift, note = "BDM" }, new { model = "weighted_mean", value = 50.0, note = "mean" } },
        });
        var packages = Enumerable.Range(0, 8).Select(p => new
        {
            policy = $"package-{p}", title = $"Package {p}", what_if = false, gain = p + shift, gain_interval = new[] { 0.0, p + 1.0 }, war_risk = 0.1,
            outcomes = Enumerable.Range(0, 10).ToDictionary(q => $"question-{q}", q => 40.0 + q + p + shift),
        });
        return JsonSerializer.Serialize(new { scenario = new { id = "south-caucasus", sha256 = new string('a', 64) }, seed = 1, samples = 200, policies = Array.Empty<string>(), questions, packages });
    }

    private static RunManifest Manifest() => new("analyze", "south-caucasus", new string('a', 64),
        new Dictionary<string, string> { ["samples"] = "200", ["policy"] = "all-combined" }, "1", "0.1.0", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("statecraft-bench-").FullName;
        _store = new RunStore(Path.Combine(_dir, "runs.db"));
        _result = AnalysisResult(0);
        for (var i = 0; i < 1000; i++) _id = _store.Record(Manifest(), _result);
        _a = new StoredRun(1, Manifest(), _result, "");
        _b = new StoredRun(2, Manifest(), AnalysisResult(1.5), "");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark]
    public long RecordOneAnalysis() => _store.Record(Manifest(), _result);

    [Benchmark]
    public int ListNewest50() => _store.List(50).Count;

    [Benchmark]
    public int FindOne() => _store.Find(_id)!.Result.Length;

    [Benchmark]
    public int DiffTwoAnalyses() => RunDiff.Compare(_a, _b).Answers.Count;
}
