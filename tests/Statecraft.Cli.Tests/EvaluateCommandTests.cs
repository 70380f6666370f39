using System.Text.Json;
using Spectre.Console.Testing;
using Statecraft.Tests;

namespace Statecraft.Cli.Tests;

public sealed class EvaluateCommandTests
{
    // Three actors; i1 is unanimous (every model must say 50, outcome 40); i2 splits 0 against 100
    // with weights com 4, ep 4, fr 1 (mean 500/9, median 100, outcome 70); i3 has no outcome;
    // de states a position on i2 without a salience and is left out.
    private const string Tiny =
        "isnr\tprname\tpcom\tpep\tpfr\tpde\tscom\tsep\tsfr\tsde\trp\tout\n" +
        "\t\t4\t4\t2\t1\t\t\t\t\t\t\n" +
        "i1\tunanimous\t50\t50\t50\t\t100\t50\t80\t\t0\t40\n" +
        "i2\tsplit\t0\t100\t100\t30\t100\t100\t50\t\t0\t70\n" +
        "i3\tno outcome\t10\t20\t30\t\t50\t50\t50\t\t\t\n";

    private static (int Code, string Output) Run(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 200;
        var code = StatecraftApp.Run(args, console);
        return (code, console.Output);
    }

    private static string TinyFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"statecraft-deu-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(path, Tiny);
        return path;
    }

    [Fact]
    public void Tiny_file_gives_the_known_errors_and_the_json_contract()
    {
        var path = TinyFile();
        var (code, output) = Run("evaluate", path, "--json");
        code.ShouldBe(0, output);
        var json = JsonDocument.Parse(output).RootElement;

        var models = json.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("model").GetString()!);
        models.Keys.ShouldBe(["bdm", "bdm-scholz-code", "bdm-masad", "smp", "weighted-mean", "weighted-median", "ensemble"], ignoreOrder: true);
        foreach (var m in models.Values) m.GetProperty("issues").GetInt32().ShouldBe(2);
        models["weighted-mean"].GetProperty("mae").GetDouble().ShouldBe((10 + (70 - 500.0 / 9)) / 2, 1e-12);
        models["weighted-median"].GetProperty("mae").GetDouble().ShouldBe((10 + 30) / 2.0, 1e-12);
        models["weighted-median"].GetProperty("beats_mean").GetDouble().ShouldBe(0);
        models["weighted-mean"].GetProperty("beats_mean").GetDouble().ShouldBe(0);

        var issues = json.GetProperty("issues").EnumerateArray().ToArray();
        issues.Select(i => i.GetProperty("id").GetString()).ShouldBe(["i1", "i2"]);
        issues[0].GetProperty("outcome").GetDouble().ShouldBe(40);
        foreach (var f in issues[0].GetProperty("forecasts").EnumerateObject()) f.Value.GetDouble().ShouldBe(50, 1e-9, f.Name);
        foreach (var f in issues[1].GetProperty("forecasts").EnumerateObject()) f.Value.GetDouble().ShouldBeInRange(0, 100, f.Name);
        issues[1].GetProperty("forecasts").GetProperty("weighted-mean").GetDouble().ShouldBe(500.0 / 9, 1e-12);
        json.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ShouldContain(n => n!.Contains("1 issue(s) without an outcome"));
        var weights = json.GetProperty("ensemble").GetProperty("weights").EnumerateObject().ToDictionary(w => w.Name, w => w.Value.GetDouble());
        weights.Keys.ShouldBe(["bdm", "smp", "weighted-mean", "weighted-median"]);
        weights.Values.Sum().ShouldBe(1, 1e-12);
        File.Delete(path);
    }

    [Fact]
    public void Weights_out_writes_the_file_analyses_read_and_names_the_data()
    {
        var path = TinyFile();
        var weightsPath = Path.Combine(Path.GetTempPath(), $"statecraft-weights-{Guid.NewGuid():N}.json");
        try
        {
            var (code, output) = Run("evaluate", path, "--weights-out", weightsPath);
            code.ShouldBe(0, output);
            var w = Statecraft.Io.Models.EnsembleWeightsFile.Read(weightsPath);
            w.Problems.ShouldBeEmpty();
            w.Value.Issues.ShouldBe(2);
            w.Value.Provenance.DataSha256.ShouldBe(Statecraft.Io.Scenarios.ScenarioLoader.Sha256(Tiny));
            w.Value.Provenance.Command.ShouldContain("--weights-out " + weightsPath);
        }
        finally
        {
            File.Delete(path);
            File.Delete(weightsPath);
        }
    }

    [Fact]
    public void Table_output_lists_every_model()
    {
        var path = TinyFile();
        var (code, output) = Run("evaluate", path);
        code.ShouldBe(0);
        foreach (var m in new[] { "bdm-masad", "smp", "weighted-median" }) output.ShouldContain(m);
        File.Delete(path);
    }

    [Fact]
    public void Bad_file_exits_2_with_located_problems()
    {
        var path = Path.Combine(Path.GetTempPath(), $"statecraft-deu-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(path, "isnr\tpcom\tpep\tscom\tsep\tout\n\t4\t4\t\t\t\nx\t50\tfifty\t50\t50\t40\n");
        var (code, output) = Run("evaluate", path);
        code.ShouldBe(2);
        output.ShouldContain(":3:");
        output.ShouldContain("pep");
        File.Delete(path);
    }

    [Fact]
    public void Public_deu_file_scores_every_model_on_every_issue_with_an_outcome()
    {
        var (code, output) = Run("evaluate", TestPaths.Reference("deu", "deu3_public.tsv"), "--json");
        code.ShouldBe(0, output);
        var json = JsonDocument.Parse(output).RootElement;
        json.GetProperty("issues").GetArrayLength().ShouldBe(180);
        foreach (var m in json.GetProperty("models").EnumerateArray())
        {
            m.GetProperty("issues").GetInt32().ShouldBe(180);
            m.GetProperty("mae").GetDouble().ShouldBeInRange(0, 100);
        }

        // The ensemble, scored leaving each issue out, is in the range of its members and its 90%
        // predictive intervals cover at least 85% of the real outcomes (docs/accuracy.md).
        var mae = json.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("model").GetString()!, m => m.GetProperty("mae").GetDouble());
        mae["ensemble"].ShouldBeLessThan(new[] { mae["bdm"], mae["smp"], mae["weighted-median"] }.Min());
        json.GetProperty("ensemble").GetProperty("coverage90").GetDouble().ShouldBeGreaterThanOrEqualTo(0.85);
    }
}
