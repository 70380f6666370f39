using System.Globalization;
using System.Text.Json;
using Spectre.Console.Testing;
using Statecraft.Tests;

namespace Statecraft.Cli.Tests;

public sealed class BargainSmpCommandTests
{
    private static (int Code, string Output) Run(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 200;
        var code = StatecraftApp.Run(args, console);
        return (code, console.Output);
    }

    [Fact]
    public void Json_positions_are_arrays_per_dimension_matching_KTAB_at_every_round()
    {
        var (code, output) = Run("bargain", TestPaths.Reference("ktab", "SOE-Pol-Comp.csv"), "--model", "smp", "--json");
        code.ShouldBe(0, output);
        var json = JsonDocument.Parse(output).RootElement;
        json.GetProperty("model").GetString().ShouldBe("smp");
        json.GetProperty("input").GetProperty("dimensions").GetArrayLength().ShouldBe(2);
        var rounds = json.GetProperty("rounds").EnumerateArray().ToArray();
        var history = File.ReadAllLines(TestPaths.Reference("ktab", "SOE-Pol-Comp.positions.csv")).Select(l => l.Split(',')).ToArray();
        rounds.Length.ShouldBe(history[0].Length - 2);
        foreach (var row in history)
        {
            var k = row[1] == "Policy Position" ? 0 : 1;
            for (var t = 0; t < rounds.Length; t++)
                // KTAB prints 100·x with printf's %.1f; the JSON holds the bargain's own decimals (e.g. 28.85).
                rounds[t].GetProperty("positions").GetProperty(row[0])[k].GetDouble()
                    .ShouldBe(double.Parse(row[t + 2], CultureInfo.InvariantCulture), 0.05 + 1e-9);
        }

        rounds[^1].GetProperty("win_probabilities").GetProperty("XJ").GetDouble().ShouldBe(0.2299, 0.00005);
        rounds[0].GetProperty("challenges").GetArrayLength().ShouldBeGreaterThan(0);
        json.GetProperty("forecast").GetProperty("stop").GetString().ShouldBe("quiet");
    }

    [Fact]
    public void Xml_input_and_stochastic_mode_give_the_same_bytes_twice_and_differ_by_seed()
    {
        var file = TestPaths.Reference("ktab", "dummyData_3Dim-fixed.xml");
        string[] common = ["bargain", file, "--model", "smp", "--ktab", "StateTransitions=Stochastic", "--json"];
        var a = Run([.. common, "--seed", "7"]);
        var b = Run([.. common, "--seed", "7"]);
        var c = Run([.. common, "--seed", "8"]);
        a.Code.ShouldBe(0, a.Output);
        b.Output.ShouldBe(a.Output);
        c.Output.ShouldNotBe(a.Output);
    }

    [Fact]
    public void Bad_options_and_bad_files_exit_2_with_every_problem()
    {
        var (code, output) = Run("bargain", TestPaths.Reference("ktab", "dummyData_3Dim.csv"), "--model", "smp",
            "--ktab", "PCEModel=Bogus", "--ktab", "Nonsense=1", "--seed", "minus");
        code.ShouldBe(2);
        output.ShouldContain("PCEModel");
        output.ShouldContain("Nonsense=1");
        output.ShouldContain("--seed");

        var path = Path.Combine(Path.GetTempPath(), $"statecraft-ktab-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "S,d,3,1,\nActor,Description,Power,P,S,\nA,,10,50,20,\nB,,10,60,\n");
        (code, output) = Run("bargain", path, "--model", "smp");
        code.ShouldBe(2);
        output.ShouldContain(":4");
        output.ShouldContain("missing");
        output.ShouldContain("nActors");
        File.Delete(path);
    }

    [Fact]
    public void Ktab_scenario_with_another_model_points_to_smp()
    {
        var (code, output) = Run("bargain", TestPaths.Reference("ktab", "dummyData_3Dim-fixed.xml"));
        code.ShouldBe(2);
        output.ShouldContain("--model smp");
    }
}
