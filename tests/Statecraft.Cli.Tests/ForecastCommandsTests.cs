using System.Text.Json;
using Microsoft.Data.Sqlite;
using Spectre.Console.Testing;
using Statecraft.Tests;

namespace Statecraft.Cli.Tests;

/// <summary>
/// forecast, then resolve --file, then score, end to end on a temporary store. The outcomes in these
/// tests are made up to exercise the commands; they say nothing about what happened.
/// </summary>
public sealed class ForecastCommandsTests : IDisposable
{
    private static readonly string[] TwelveIds =
    [
        "russia-strikes-azerbaijan-2025", "armenia-azerbaijan-war-2025", "peace-treaty-initialled-2025", "peace-treaty-signed-2025",
        "minsk-group-closed-2025", "pashinyan-in-office-2025", "georgian-dream-in-power-2025", "armenia-leaves-csto-2025",
        "russia-mass-deportation-2025", "russia-acknowledges-azal-2025", "us-waives-section-907-2025", "russia-iran-treaty-in-force-2025",
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("statecraft-forecast-").FullName;

    private string StorePath => Path.Combine(_dir, "runs.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private (int Code, string Output) Run(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 250;
        var code = StatecraftApp.Run([.. args, "--store", StorePath], console);
        return (code, console.Output);
    }

    private string Csv(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Forecast_gives_every_listed_question_a_probability_term_and_base_rate()
    {
        var (code, output) = Run("forecast", "--json");
        code.ShouldBe(0, output);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.GetProperty("scenario").GetProperty("id").GetString().ShouldBe("south-caucasus");
        root.GetProperty("scenario").GetProperty("sha256").GetString()!.Length.ShouldBe(64);
        var all = root.GetProperty("forecasts").EnumerateArray().ToArray();
        var forecasts = all.Take(TwelveIds.Length).ToArray();
        forecasts.Select(f => f.GetProperty("id").GetString()).ShouldBe(TwelveIds);
        foreach (var f in forecasts)
        {
            f.GetProperty("kind").GetString().ShouldBe("binary");
            var p = f.GetProperty("p").GetDouble();
            p.ShouldBeInRange(0, 1);
            f.GetProperty("term").GetString().ShouldBe(Core.Forecasting.EstimativeLanguage.Words(p));
            f.GetProperty("base_rate").GetDouble().ShouldBeInRange(0, 1);
            f.GetProperty("deadline").GetString().ShouldBe("2025-12-31");
            f.GetProperty("made_at").GetString().ShouldBe("2025-07-05");
            var drivers = f.GetProperty("drivers").EnumerateArray().ToArray();
            drivers.Select(d => d.GetProperty("kind").GetString()).ShouldContain("base rate");
            drivers.ShouldAllBe(d => d.GetProperty("text").GetString()!.Length > 40); // the reasoning, not a placeholder
        }

        // The numeric question: a predictive distribution instead of p and a term.
        var gas = all.Single(f => f.GetProperty("id").GetString() == "azerbaijan-gas-to-europe-2025");
        gas.GetProperty("kind").GetString().ShouldBe("numeric");
        gas.GetProperty("p").ValueKind.ShouldBe(JsonValueKind.Null);
        gas.GetProperty("term").ValueKind.ShouldBe(JsonValueKind.Null);
        var d = gas.GetProperty("distribution");
        d.GetProperty("median").GetDouble().ShouldBe(12.8, 1e-6);
        d.GetProperty("p05").GetDouble().ShouldBeLessThan(d.GetProperty("p95").GetDouble());
        gas.GetProperty("base_rate").GetProperty("median").GetDouble().ShouldBe(12.5, 1e-6);
    }

    [Fact]
    public void The_war_trap_linked_question_brings_the_calibrated_12_month_probability_to_its_window_beside_the_judgement()
    {
        var (code, output) = Run("forecast", "--json");
        code.ShouldBe(0, output);
        using var json = JsonDocument.Parse(output);
        var f = json.RootElement.GetProperty("forecasts").EnumerateArray().Single(x => x.GetProperty("id").GetString() == "russia-strikes-azerbaijan-2025");
        f.GetProperty("forecaster").GetString().ShouldBe("war-trap");
        f.TryGetProperty("model_note", out var note).ShouldBeFalse(note.ToString()); // omitted when the model spoke
        var by = f.GetProperty("forecasters").EnumerateArray().ToDictionary(x => x.GetProperty("forecaster").GetString()!, x => x.GetProperty("p").GetDouble());
        by["judgement"].ShouldBe(0.03);
        var model = f.GetProperty("drivers").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "model");
        model.GetProperty("source").GetString().ShouldBe("russia-attacks-azerbaijan");
        var p12 = model.GetProperty("value").GetDouble();
        p12.ShouldBeInRange(1e-6, 0.5);
        // 179 days from 2025-07-05 to 2025-12-31 at a constant hazard.
        f.GetProperty("p").GetDouble().ShouldBe(1 - Math.Pow(1 - p12, 179 / 365.0), 1e-12);
        by["war-trap"].ShouldBe(f.GetProperty("p").GetDouble());
    }

    [Theory]
    [InlineData("peace-treaty-signed-2025", "peace-and-trilateral-deal", 75, 0.1)]
    [InlineData("pashinyan-in-office-2025", "armenia-regime-change", 50, 0.93)]
    public void A_bargaining_linked_question_reads_analyzes_predictive_distribution_beside_the_judgement(string id, string model, double threshold, double judgement)
    {
        var (code, output) = Run("forecast", "--json");
        code.ShouldBe(0, output);
        using var json = JsonDocument.Parse(output);
        var f = json.RootElement.GetProperty("forecasts").EnumerateArray().Single(x => x.GetProperty("id").GetString() == id);
        f.GetProperty("forecaster").GetString().ShouldBe("bargaining");
        var by = f.GetProperty("forecasters").EnumerateArray().ToDictionary(x => x.GetProperty("forecaster").GetString()!, x => x.GetProperty("p").GetDouble());
        by.Keys.ShouldBe(["judgement", "bargaining"]);
        by["judgement"].ShouldBe(judgement); // the YAML's judgement stays beside the model's probability
        var p = f.GetProperty("p").GetDouble();
        by["bargaining"].ShouldBe(p);

        // The same distribution analyze's headline reads (its default samples, seed and shipped weights):
        // P(outcome > threshold) must sit between the quantile levels that bracket the threshold.
        var scenario = Io.Scenarios.ScenarioLoader.LoadFile(TestPaths.InRepo("scenarios", "south-caucasus.yaml")).Value.Scenario;
        var issue = scenario.Questions.Single(q => q.Id == model).Issue!;
        var predictive = Core.Scenarios.Analysis.EnsembleForecast.Predict(scenario, issue, Io.Models.EnsembleWeightsFile.BuiltIn,
            new Core.Uncertainty.MonteCarloOptions(Core.Scenarios.Analysis.AnalysisOptions.DefaultSamples, Core.Scenarios.Analysis.AnalysisOptions.DefaultSeed)).Predictive;
        var levels = Enumerable.Range(1, 19).Select(i => i / 20.0).ToArray();
        var below = levels.Where(l => predictive.Quantile(l) < threshold).DefaultIfEmpty(0).Max();
        var above = levels.Where(l => predictive.Quantile(l) > threshold).DefaultIfEmpty(1).Min();
        p.ShouldBeInRange(1 - above, 1 - below);
        f.GetProperty("drivers").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "model")
            .GetProperty("text").GetString()!.ShouldContain($"above {threshold}");
    }

    [Fact]
    public void Forecast_resolve_file_and_score_work_end_to_end()
    {
        Run("forecast").Code.ShouldBe(0);
        var file = Csv("resolutions.csv", """
            question,outcome,date,source
            russia-strikes-azerbaijan-2025,no,2025-12-31,made up for the test
            pashinyan-in-office-2025,yes,2025-12-31,"made up for the test, with a comma"
            armenia-leaves-csto-2025,yes,2025-10-01,made up for the test
            azerbaijan-gas-to-europe-2025,13.4,2026-01-20,made up for the test
            """);
        var resolved = Run("resolve", "--file", file);
        resolved.Code.ShouldBe(0, resolved.Output);
        resolved.Output.ShouldContain("4 resolution(s) recorded");

        var (code, output) = Run("score", "--json");
        code.ShouldBe(0, output);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.GetProperty("forecasts").GetInt32().ShouldBe(13);
        root.GetProperty("resolved").GetInt32().ShouldBe(4);
        var p = new Dictionary<string, double>();
        foreach (var q in root.GetProperty("questions").EnumerateArray().Where(q => q.GetProperty("kind").GetString() == "binary"))
            p[q.GetProperty("id").GetString()!] = q.GetProperty("p").GetDouble();
        var expected = (Math.Pow(p["russia-strikes-azerbaijan-2025"], 2) + Math.Pow(1 - p["pashinyan-in-office-2025"], 2)
                        + Math.Pow(1 - p["armenia-leaves-csto-2025"], 2)) / 3;
        root.GetProperty("brier").GetDouble().ShouldBe(expected, 1e-12);
        root.GetProperty("log_score").GetDouble().ShouldBeLessThan(0);
        // CRPS of N(12.8, 0.9) at 13.4, by the closed form: σ[z(2Φ(z) − 1) + 2φ(z) − 1/√π], z = 0.6/0.9.
        var z = 0.6 / 0.9;
        var phi = Math.Exp(-z * z / 2) / Math.Sqrt(2 * Math.PI);
        var cdf = Core.Uncertainty.Distribution.Normal(0, 1).Cdf(z);
        root.GetProperty("crps").GetDouble().ShouldBe(0.9 * (z * (2 * cdf - 1) + 2 * phi - 1 / Math.Sqrt(Math.PI)), 0.005);
        root.GetProperty("crps_skill_vs_base_rate").ValueKind.ShouldBe(JsonValueKind.Number);
        root.GetProperty("skill_vs_base_rate").ValueKind.ShouldBe(JsonValueKind.Number);
        root.GetProperty("skill_vs_even").ValueKind.ShouldBe(JsonValueKind.Number);
        var bins = root.GetProperty("calibration").EnumerateArray().ToArray();
        bins.Sum(b => b.GetProperty("n").GetInt32()).ShouldBe(3);
        bins.ShouldAllBe(b => b.GetProperty("bin").GetArrayLength() == 2);
        // Per model: the judgement made all four resolved forecasts, the bargaining ensemble only
        // pashinyan-in-office-2025's, War Trap only russia-strikes-azerbaijan-2025's.
        var models = root.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("model").GetString()!);
        models.Keys.Order().ShouldBe(["bargaining", "judgement", "war-trap"]);
        models["bargaining"].GetProperty("resolved").GetInt32().ShouldBe(1);
        models["war-trap"].GetProperty("resolved").GetInt32().ShouldBe(1);
        models["war-trap"].GetProperty("brier").GetDouble().ShouldBe(Math.Pow(p["russia-strikes-azerbaijan-2025"], 2), 1e-12);
        models["bargaining"].GetProperty("brier").GetDouble().ShouldBe(Math.Pow(1 - p["pashinyan-in-office-2025"], 2), 1e-12);

        var table = Run("score");
        table.Code.ShouldBe(0);
        table.Output.ShouldContain("Calibration");
    }

    [Fact]
    public void A_bad_resolutions_file_names_file_line_and_field_exits_2_and_records_nothing()
    {
        Run("forecast").Code.ShouldBe(0);
        var file = Csv("bad.csv", """
            question,outcome,date,source
            russia-strikes-azerbaijan-2025,no,2025-12-31,made up
            no-such-question,yes,2025-10-01,made up
            pashinyan-in-office-2025,42,2025-12-31,made up
            armenia-leaves-csto-2025,no,31/12/2025,made up
            "minsk-group-closed-2025,no,2025-12-31,made up
            russia-strikes-azerbaijan-2025,yes,2025-09-01,made up
            """);
        var (code, output) = Run("resolve", "--file", file);
        code.ShouldBe(2);
        output.ShouldContain("bad.csv:3: no-such-question: question: unknown question");
        output.ShouldContain("bad.csv:4: pashinyan-in-office-2025: outcome: expected yes or no");
        output.ShouldContain("bad.csv:5: armenia-leaves-csto-2025: date: expected a date YYYY-MM-DD");
        output.ShouldContain("bad.csv:6: line: malformed CSV");
        output.ShouldContain("bad.csv:7: russia-strikes-azerbaijan-2025: question: resolved twice in this batch");
        output.ShouldContain("nothing was recorded");
        output.ShouldNotContain("   at ");
        Run("score", "--json").Output.ShouldContain("\"resolved\": 0");
    }

    [Fact]
    public void A_question_is_resolved_once_and_corrected_with_a_reason()
    {
        Run("forecast").Code.ShouldBe(0);
        string[] resolve = ["resolve", "peace-treaty-signed-2025", "no", "--date", "2025-12-31", "--source", "made up for the test"];
        Run(resolve).Code.ShouldBe(0);
        var again = Run(resolve);
        again.Code.ShouldBe(2);
        again.Output.ShouldContain("already resolved");
        var corrected = Run("resolve", "peace-treaty-signed-2025", "yes", "--date", "2025-11-30", "--source", "made up", "--reason", "the first record was a typo");
        corrected.Code.ShouldBe(0, corrected.Output);
        corrected.Output.ShouldContain("corrects record 1");
        Run("score", "--json").Output.ShouldContain("\"outcome\": \"yes\"");
    }

    [Theory]
    [InlineData(new[] { "resolve", "pashinyan-in-office-2025", "yes", "--source", "x" }, "--date")]
    [InlineData(new[] { "resolve", "pashinyan-in-office-2025", "yes", "--date", "2025-12-31" }, "--source")]
    [InlineData(new[] { "resolve", "pashinyan-in-office-2025", "yes", "--date", "yesterday", "--source", "x" }, "expected a date")]
    [InlineData(new[] { "resolve", "--file", "x.csv", "--date", "2025-12-31" }, "give nothing else")]
    public void Resolve_needs_its_fields(string[] args, string message)
    {
        var (code, output) = Run(args);
        code.ShouldBe(2);
        output.ShouldContain(message);
    }

    [Fact]
    public void The_deu_backtest_scores_every_model_on_the_real_outcomes()
    {
        var file = Statecraft.Tests.TestPaths.Reference("deu", "deu3_public.tsv");
        File.Exists(file).ShouldBeTrue($"{file}: DEU III is expected beside the checkout (../shared)");
        var (code, output) = Run("backtest", "deu", file, "--json");
        code.ShouldBe(0, output);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.GetProperty("issues").GetInt32().ShouldBe(180);
        var questions = root.GetProperty("questions").EnumerateArray().ToDictionary(q => q.GetProperty("id").GetString()!);
        questions["commission-side"].GetProperty("cases").GetInt32().ShouldBe(99);
        questions["commission-side"].GetProperty("events").GetInt32().ShouldBe(73);
        questions["above-50"].GetProperty("cases").GetInt32().ShouldBe(160);
        foreach (var q in questions.Values)
        {
            var models = q.GetProperty("models").EnumerateArray().ToArray();
            models.Select(m => m.GetProperty("model").GetString()).ShouldContain("bdm");
            foreach (var m in models)
            {
                // Out of sample, every bargaining model's probabilities beat the base rate and a coin flip on real outcomes.
                m.GetProperty("skill_vs_base_rate").GetDouble().ShouldBeGreaterThan(0, m.GetProperty("model").GetString());
                m.GetProperty("skill_vs_even").GetDouble().ShouldBeGreaterThan(0);
                m.GetProperty("auc").GetDouble().ShouldBeGreaterThan(0.6);
            }
        }

        root.GetProperty("pooled").EnumerateArray().First().GetProperty("cases").GetInt32().ShouldBe(99 + 160);
    }

    [Fact]
    public void A_scenario_without_forecasts_is_a_clear_error()
    {
        var text = File.ReadAllText(TestPaths.InRepo("scenarios", "south-caucasus.yaml"));
        var (code, output) = Run("forecast", Csv("no-forecasts.yaml", text[..text.IndexOf("\nforecasts:", StringComparison.Ordinal)]));
        code.ShouldBe(2);
        output.ShouldContain("no forecasts: section");
    }

    [Fact]
    public void The_conflict_backtest_scores_the_dispute_models_on_years_they_never_saw()
    {
        var (code, output) = Run("backtest", "conflict", "--json");
        code.ShouldBe(0, output);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.GetProperty("train").EnumerateArray().Select(x => x.GetInt32()).ShouldBe([1816, 1945]);
        root.GetProperty("test")[0].GetInt32().ShouldBe(1946);
        var cases = root.GetProperty("cases").GetInt32();
        cases.ShouldBeGreaterThan(100_000); // politically relevant directed dyad-years, 1946 on
        root.GetProperty("events").GetInt32().ShouldBeInRange(500, cases / 20);
        foreach (var m in root.GetProperty("models").EnumerateArray())
        {
            // On real held-out years the models must beat the training years' group base rates and rank well.
            m.GetProperty("skill_vs_base_rate").GetDouble().ShouldBeGreaterThan(0);
            m.GetProperty("log_skill_vs_base_rate").GetDouble().ShouldBeGreaterThan(0);
            m.GetProperty("auc").GetDouble().ShouldBeGreaterThan(0.75);
            var bins = m.GetProperty("calibration").EnumerateArray().ToArray();
            bins.Length.ShouldBe(10); // equal-count bins: rare events would all fall in one equal-width bin
            bins.Sum(b => b.GetProperty("count").GetInt32()).ShouldBe(cases);
        }
    }
}
