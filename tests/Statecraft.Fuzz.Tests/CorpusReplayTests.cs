using Statecraft.Tests;

namespace Statecraft.Fuzz.Tests;

/// <summary>
/// Every input the fuzzer is seeded with or ever found (fuzz/regressions, fuzz/findings, fuzz/seeds,
/// the examples and scenarios) replayed through its target: each must end in a value or in problems,
/// never in an exception, a non-finite answer or a hang. A fuzz crash becomes a test by copying it
/// into fuzz/findings/TARGET/.
/// </summary>
public sealed class CorpusReplayTests
{
    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in new[] { "regressions", "findings", "seeds" })
        {
            var root = TestPaths.InRepo("fuzz", folder);
            if (!Directory.Exists(root)) continue;
            foreach (var dir in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
                foreach (var file in Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal))
                    data.Add(Path.GetFileName(dir), Path.GetRelativePath(TestPaths.RepoRoot, file));
        }

        foreach (var file in Directory.EnumerateFiles(TestPaths.InRepo("scenarios"), "*.yaml"))
        {
            data.Add("scenario", Path.GetRelativePath(TestPaths.RepoRoot, file));
            data.Add("web-upload", Path.GetRelativePath(TestPaths.RepoRoot, file));
        }

        data.Add("region", "examples/wartrap-toy.yaml");
        data.Add("region", "examples/south-caucasus-region.yaml");
        data.Add("coercion", "examples/coercion-deport-migrants.yaml");
        data.Add("coercion", "examples/coercion-trade-sanctions.yaml");
        data.Add("bdm", "examples/eu-emissions.csv");
        data.Add("actors", "data/events/caucasus.actors");
        data.Add("verbs", "data/events/caucasus.verbs");
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Replays_without_an_exception(string target, string file)
    {
        Targets.All.ShouldContainKey(target);
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.RepoRoot, file));
        // A hang guard, not a timing: each input takes well under a second.
        var run = Task.Run(() => Targets.All[target](bytes));
        (await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(1))) == run).ShouldBeTrue($"{target} did not finish on {file}");
        await run;
    }

    [Fact]
    public void Every_regression_and_finding_folder_names_a_target()
    {
        foreach (var folder in new[] { "regressions", "findings", "seeds" })
            foreach (var dir in Directory.EnumerateDirectories(TestPaths.InRepo("fuzz", folder)))
                Targets.All.ShouldContainKey(Path.GetFileName(dir), $"fuzz/{folder}/{Path.GetFileName(dir)}");
    }

    [Fact]
    public void A_target_reports_a_non_finite_answer_as_a_finding()
    {
        // The finite check inside the targets must be able to fail: a coercion case whose median
        // cost is finite passes, and the check itself throws on NaN.
        Should.Throw<FuzzFinding>(() => Targets.CheckFinite(double.NaN, "x"));
        Should.NotThrow(() => Targets.CheckFinite(1.5, "x"));
    }
}
