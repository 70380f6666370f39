using System.Text.Json;
using Spectre.Console.Testing;
using Statecraft.Tests;

namespace Statecraft.Cli.Tests;

public sealed class WarTrapCommandTests
{
    private static (int Code, string Output) Run(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 200;
        var code = StatecraftApp.Run(args, console);
        return (code, console.Output);
    }

    private static string Toy => TestPaths.InRepo("examples", "wartrap-toy.yaml");

    private static string Region => TestPaths.InRepo("examples", "south-caucasus-region.yaml");

    [Fact]
    public void Issue_command_prints_the_reference_EU()
    {
        var (code, output) = Run("wartrap", Toy, "--attacker", "A", "--target", "B", "--no-discount", "--json");
        code.ShouldBe(0);
        var json = JsonDocument.Parse(output).RootElement;
        json.GetProperty("attacker").GetString().ShouldBe("A");
        json.GetProperty("target").GetString().ShouldBe("B");
        json.GetProperty("p").GetDouble().ShouldBe(0.8333333333333333);
        json.GetProperty("bilateral").GetDouble().ShouldBe(0.7999999999999998);
        var k1 = json.GetProperty("third_parties")[0];
        k1.GetProperty("state").GetString().ShouldBe("K1");
        k1.GetProperty("p_ik").GetDouble().ShouldBe(0.8823529411764707);
        k1.GetProperty("p_jk").GetDouble().ShouldBe(0.411764705882353);
        k1.GetProperty("term").GetDouble().ShouldBe(0.26470588235294124);
        output.ShouldContain("\"eu\": 0.9954751131221719");
        json.TryGetProperty("samples", out _).ShouldBeFalse();
    }

    [Fact]
    public void Samples_add_interval_and_probability_and_the_point_region_stays_exact()
    {
        var (code, output) = Run("wartrap", Toy, "--attacker", "A", "--target", "B", "--no-discount", "--json", "--samples", "50", "--seed", "9");
        code.ShouldBe(0);
        var json = JsonDocument.Parse(output).RootElement;
        json.GetProperty("samples").GetInt32().ShouldBe(50);
        json.GetProperty("seed").GetUInt64().ShouldBe(9UL);
        json.GetProperty("interval")[0].GetDouble().ShouldBe(0.9954751131221719);
        json.GetProperty("interval")[1].GetDouble().ShouldBe(0.9954751131221719);
        json.GetProperty("p_positive").GetDouble().ShouldBe(1);
    }

    [Fact]
    public void Monte_Carlo_output_is_the_same_bytes_on_one_thread_and_on_all()
    {
        string[] args = ["wartrap", Region, "--attacker", "RUS", "--target", "AZE", "--json", "--samples", "300", "--seed", "11"];
        var (code1, one) = Run([.. args, "--threads", "1"]);
        var (code2, all) = Run([.. args, "--threads", Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var (_, unspecified) = Run(args);
        code1.ShouldBe(0);
        code2.ShouldBe(0);
        all.ShouldBe(one);
        unspecified.ShouldBe(one);
        var json = JsonDocument.Parse(one).RootElement;
        var interval = json.GetProperty("interval");
        interval[0].GetDouble().ShouldBeLessThan(interval[1].GetDouble());
        json.GetProperty("sensitivity")[0].GetProperty("input").GetString().ShouldBe("committed_elsewhere[RUS]");
    }

    [Fact]
    public void Human_output_states_the_verdict()
    {
        var (code, output) = Run("wartrap", Toy, "--attacker", "A", "--target", "B");
        code.ShouldBe(0);
        output.ShouldContain("EU_A(B) = 0.8483");
        output.ShouldContain("attacking would pay");
    }

    [Fact]
    public void Every_dyad_without_attacker_and_target()
    {
        var (code, output) = Run("wartrap", Toy, "--no-discount", "--json");
        code.ShouldBe(0);
        var json = JsonDocument.Parse(output).RootElement;
        json.GetProperty("eu")[0][1].GetDouble().ShouldBe(0.9954751131221719);
        json.GetProperty("risk").GetArrayLength().ShouldBe(4);
    }

    [Fact]
    public void Bad_region_file_is_exit_2_with_file_line_and_field()
    {
        var path = Path.Combine(Path.GetTempPath(), $"statecraft-bad-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "states:\n  - {id: A, capability: -1}\n  - {id: B, capability: 0.1}\nties:\n  - {a: A, b: Q, kind: defence}\n");
        try
        {
            var (code, output) = Run("wartrap", path, "--attacker", "A", "--target", "B");
            code.ShouldBe(2);
            output.ShouldContain(":2:25: A: capability: expected a value in [0, ∞]");
            output.ShouldContain(":5:15: ties[0]: tie.b: unknown state 'Q'");
            output.ShouldContain("2 problem(s)");
            output.ShouldNotContain("   at ");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--attacker", "XX", "unknown state 'XX'")]
    [InlineData("--samples", "0", "--samples: expected a whole number >= 1")]
    [InlineData("--measure", "pearson", "--measure: expected tau_b, s or weighted_s")]
    public void Bad_options_are_exit_2(string option, string value, string message)
    {
        string[] args = option == "--attacker"
            ? ["wartrap", Toy, "--attacker", value, "--target", "B"]
            : ["wartrap", Toy, "--attacker", "A", "--target", "B", option, value];
        var (code, output) = Run(args);
        code.ShouldBe(2);
        output.ShouldContain(message);
    }

    [Fact]
    public void Missing_distance_for_a_discounted_dyad_is_named()
    {
        var (code, output) = Run("wartrap", Toy, "--attacker", "A", "--target", "K1");
        code.ShouldBe(2);
        output.ShouldContain("K1-K2: distances: missing");
    }
}
