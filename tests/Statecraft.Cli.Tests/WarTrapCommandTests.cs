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
    [InlineData("--risk", "ga", "--risk: expected extremes or search, found 'ga'")]
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

    [Fact]
    public void Risk_search_gives_each_state_its_extremes_and_the_same_bytes_on_any_thread_count()
    {
        var (code, one) = Run("wartrap", Region, "--risk", "search", "--json", "--threads", "1");
        var (code2, two) = Run("wartrap", Region, "--risk", "search", "--json", "--threads", "2");
        code.ShouldBe(0);
        code2.ShouldBe(0);
        two.ShouldBe(one);
        var json = JsonDocument.Parse(one).RootElement;
        json.GetProperty("risk_method").GetString().ShouldBe("search");
        var states = json.GetProperty("states").EnumerateArray().Select(s => s.GetString()!).ToArray();
        var search = json.GetProperty("risk_search").EnumerateArray().ToArray();
        search.Length.ShouldBe(states.Length);
        for (var i = 0; i < search.Length; i++)
        {
            var s = search[i];
            s.GetProperty("state").GetString().ShouldBe(states[i]);
            var (security, min, max) = (s.GetProperty("security").GetDouble(), s.GetProperty("security_min").GetDouble(), s.GetProperty("security_max").GetDouble());
            min.ShouldBeLessThan(security);
            security.ShouldBeLessThan(max);
            var r = s.GetProperty("r").GetDouble();
            r.ShouldBe((2 * security - max - min) / (max - min), 1e-12);
            s.GetProperty("risk_exponent").GetDouble().ShouldBe((1 - r / 3) / (1 + r / 3), 1e-15);
            json.GetProperty("risk")[i].GetProperty("risk_exponent").GetDouble().ShouldBe(s.GetProperty("risk_exponent").GetDouble());
            // The extreme portfolios name a tie with every other state of the region file.
            s.GetProperty("most_secure").EnumerateObject().Select(p => p.Name).ShouldBe(states.Where(x => x != states[i]), ignoreOrder: true);
            s.GetProperty("least_secure").EnumerateObject().Select(p => p.Value.GetString())
                .ShouldAllBe(kind => kind == "defence" || kind == "neutrality" || kind == "entente" || kind == "none");
        }
    }

    [Fact]
    public void Risk_option_adds_the_attackers_r_and_the_EU_valued_with_it()
    {
        var (_, matrix) = Run("wartrap", Region, "--risk", "search", "--json");
        var rus = JsonDocument.Parse(matrix).RootElement.GetProperty("risk").EnumerateArray().Single(r => r.GetProperty("state").GetString() == "RUS");
        var (code, output) = Run("wartrap", Region, "--attacker", "RUS", "--target", "AZE", "--risk", "search", "--json");
        code.ShouldBe(0);
        var json = JsonDocument.Parse(output).RootElement;
        json.GetProperty("risk_method").GetString().ShouldBe("search");
        var r = json.GetProperty("risk_exponent").GetDouble();
        r.ShouldBe(rus.GetProperty("risk_exponent").GetDouble());
        r.ShouldNotBe(1);
        json.GetProperty("eu_risk_adjusted").GetDouble().ShouldNotBe(json.GetProperty("eu").GetDouble());

        var (_, plain) = Run("wartrap", Region, "--attacker", "RUS", "--target", "AZE", "--json");
        JsonDocument.Parse(plain).RootElement.TryGetProperty("eu_risk_adjusted", out _).ShouldBeFalse();
        var (_, human) = Run("wartrap", Region, "--attacker", "RUS", "--target", "AZE", "--risk", "extremes");
        human.ShouldContain("Risk attitude of RUS (extremes)");
    }

    [Fact]
    public void Risk_search_needs_ties_and_says_so()
    {
        var (code, output) = Run("wartrap", Toy, "--no-discount", "--risk", "search");
        code.ShouldBe(2);
        output.ShouldContain("the risk search needs alliance ties");
        var (_, help) = Run("wartrap", "--help");
        help.ShouldContain("--risk");
        help.ShouldContain("EUGene");
    }
}
