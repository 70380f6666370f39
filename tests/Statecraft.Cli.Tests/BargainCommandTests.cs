using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Spectre.Console.Testing;
using Statecraft.Tests;

namespace Statecraft.Cli.Tests;

public sealed class BargainCommandTests
{
    private static readonly string Example = TestPaths.InRepo("examples", "eu-emissions.csv");

    private static (int Code, string Output) Run(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 200;
        var code = StatecraftApp.Run(args, console);
        return (code, console.Output);
    }

    private static JsonElement Json(params string[] args)
    {
        var (code, output) = Run([.. args, "--json"]);
        code.ShouldBe(0, output);
        return JsonDocument.Parse(output).RootElement;
    }

    [Fact]
    public void Scholz_code_preset_json_reproduces_the_reference_positions()
    {
        var json = Json("bargain", Example, "--preset", "scholz-code");
        json.GetProperty("model").GetString().ShouldBe("bdm");
        json.GetProperty("options").GetProperty("probability").GetString().ShouldBe("scholz-code");
        json.GetProperty("input").GetProperty("sha256").GetString()
            .ShouldBe(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Example))));
        json.GetProperty("input").GetProperty("salience_scale").GetString().ShouldBe("0-1");

        var rounds = json.GetProperty("rounds").EnumerateArray().ToArray();
        rounds.Length.ShouldBe(11);
        var rows = File.ReadAllLines(TestPaths.Reference("bdm", "eu_emissions.scholz-code.positions.csv")).Skip(1).Select(l => l.Split(','));
        var worst = 0.0;
        foreach (var row in rows)
        {
            var round = rounds[int.Parse(row[0], CultureInfo.InvariantCulture)];
            var x = round.GetProperty("positions").GetProperty(row[1]).GetDouble();
            worst = Math.Max(worst, Math.Abs(x - double.Parse(row[2], CultureInfo.InvariantCulture)));
            var move = round.GetProperty("moves").EnumerateArray().SingleOrDefault(m => m.GetProperty("actor").GetString() == row[1]);
            (move.ValueKind == JsonValueKind.Undefined ? "" : move.GetProperty("kind").GetString()).ShouldBe(row[4]);
            (move.ValueKind == JsonValueKind.Undefined ? "" : move.GetProperty("toward").GetString()).ShouldBe(row[5]);
        }

        worst.ShouldBeLessThanOrEqualTo(1e-9);
        rounds[10].GetProperty("mean").GetDouble().ShouldBe(7.242130958473938, 1e-12);
        json.GetProperty("forecast").GetProperty("mean").GetDouble().ShouldBe(7.242130958473938, 1e-12);
    }

    [Fact]
    public void Masad_preset_json_has_the_moves_of_the_log()
    {
        var json = Json("bargain", Example, "--preset", "masad", "--rounds", "10");
        var actual = json.GetProperty("rounds").EnumerateArray().Skip(1).SelectMany(r =>
            r.GetProperty("moves").EnumerateArray().Select(m =>
                $"{r.GetProperty("round").GetInt32()} {m.GetProperty("actor").GetString()} {m.GetProperty("kind").GetString()} {m.GetProperty("toward").GetString()}"));
        var expected = new List<string>();
        var round = 0;
        foreach (var line in File.ReadLines(TestPaths.Reference("bdm", "eu_emissions.masad.log")))
        {
            if (line.StartsWith("ROUND ", StringComparison.Ordinal)) round = int.Parse(line[6..], CultureInfo.InvariantCulture);
            else if (line.Split(" loses confrontation to ") is [var a, var b]) expected.Add($"{round} {a} confrontation {b}");
            else if (line.Split(" compromises with ") is [var c, var d]) expected.Add($"{round} {c} compromise {d}");
        }

        expected.Count.ShouldBe(20);
        actual.ShouldBe(expected);
    }

    [Fact]
    public void Same_input_same_bytes()
    {
        Run("bargain", Example, "--json").Output.ShouldBe(Run("bargain", Example, "--json").Output);
    }

    [Fact]
    public void Human_output_shows_each_round_who_moved_why_and_the_forecast()
    {
        var (code, output) = Run("bargain", Example, "--preset", "scholz-code", "--rounds", "2");
        code.ShouldBe(0);
        output.ShouldContain("Round 0 (input)");
        output.ShouldContain("Round 2");
        output.ShouldContain("compromised with France, from 7");
        output.ShouldContain("lost a confrontation to Belgium, from 4");
        output.ShouldContain("salience read on a 0-1 scale");
        output.ShouldContain("Forecast after 2 round(s)");
        output.ShouldContain("weighted mean 7.5525");
    }

    [Theory]
    [InlineData("mean", 7.389955686853767)]
    [InlineData("median", 7.0)]
    public void Baseline_models_forecast_the_weighted_statistic(string model, double expected)
    {
        var json = Json("bargain", Example, "--model", model);
        json.GetProperty("model").GetString().ShouldBe(model);
        json.GetProperty("rounds").GetArrayLength().ShouldBe(1);
        json.GetProperty("forecast").GetProperty(model).GetDouble().ShouldBe(expected, 1e-12);
    }

    [Fact]
    public void Variant_options_override_the_preset()
    {
        var json = Json("bargain", Example, "--preset", "masad", "--probability", "text", "--status-quo", "0.5", "--fault", "capitulation-never-fires", "--convergence", "none", "--rounds", "3");
        var options = json.GetProperty("options");
        options.GetProperty("probability").GetString().ShouldBe("text");
        options.GetProperty("offer_choice").GetString().ShouldBe("highest-eu");
        options.GetProperty("q").GetDouble().ShouldBe(0.5);
        options.GetProperty("faults").EnumerateArray().Select(f => f.GetString()).ShouldBe(
            ["capitulation-never-fires", "median-changes-meaning", "status-quo-sign-flipped"]);
        json.GetProperty("rounds").GetArrayLength().ShouldBe(4);
    }

    [Fact]
    public void A_malformed_file_lists_every_problem_and_exits_2()
    {
        var path = Path.Combine(Path.GetTempPath(), $"statecraft-bad-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "Actor,Capability,Position,Salience\nA,1,5,0.5\nB,lots,7,0.5\nC,1,9,-3\n");
        try
        {
            var (code, output) = Run("bargain", path, "--json");
            code.ShouldBe(2);
            output.ShouldContain($"{path}:3: capability: expected a finite number >= 0, found 'lots'");
            output.ShouldContain($"{path}:4: salience: expected a finite number in [0, 1] or [0, 100], found '-3'");
            output.ShouldNotContain("   at ");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--model", "nash", "--model: expected one of bdm, smp, mean, median, found 'nash'")]
    [InlineData("--preset", "nope", "--preset: expected one of text, scholz-code, masad, found 'nope'")]
    [InlineData("--offer-choice", "random", "--offer-choice: expected one of least-movement, confrontation-first, highest-eu")]
    [InlineData("--status-quo", "2", "--status-quo: expected a number in [0, 1], found 2")]
    public void Bad_options_exit_2_naming_the_option(string option, string value, string message)
    {
        var (code, output) = Run("bargain", Example, option, value);
        code.ShouldBe(2);
        output.ShouldContain(message);
    }

    [Fact]
    public void A_missing_file_exits_2()
    {
        var (code, output) = Run("bargain", "/no/such/actors.csv");
        code.ShouldBe(2);
        output.ShouldContain("/no/such/actors.csv: file: expected a readable file");
    }
}
