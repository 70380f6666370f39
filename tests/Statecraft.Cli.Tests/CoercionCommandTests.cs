using System.Text.Json;
using Spectre.Console.Testing;
using Statecraft.Tests;

namespace Statecraft.Cli.Tests;

public sealed class CoercionCommandTests
{
    private static (int Code, string Output) Run(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 200;
        return (StatecraftApp.Run(args, console), console.Output);
    }

    private static string Deport => TestPaths.InRepo("examples", "coercion-deport-migrants.yaml");

    [Fact]
    public void Json_gives_costs_ratio_and_dominant_channel()
    {
        var (code, output) = Run("coercion", Deport, "--json");
        code.ShouldBe(0);
        var json = JsonDocument.Parse(output).RootElement;
        json.GetProperty("sender").GetString().ShouldBe("RUS");
        json.GetProperty("lever").GetString().ShouldBe("deport-migrants");
        var ratio = json.GetProperty("ratio").GetDouble();
        ratio.ShouldBe(json.GetProperty("sender_cost").GetDouble() / json.GetProperty("target_cost").GetDouble());
        // The same costs in US$ a year, side by side: each side's total is the sum of its channels.
        var channels = json.GetProperty("channels").EnumerateArray().ToArray();
        json.GetProperty("sender_cost_usd").GetDouble().ShouldBe(channels.Where(c => c.GetProperty("bearer").GetString() == "sender").Sum(c => c.GetProperty("cost_usd").GetDouble()), 1e-6);
        json.GetProperty("ratio_usd").GetDouble().ShouldBe(json.GetProperty("sender_cost_usd").GetDouble() / json.GetProperty("target_cost_usd").GetDouble(), 1e-12);
        json.GetProperty("dominant_channel").GetString().ShouldBe("remittances");
        json.GetProperty("channels").GetArrayLength().ShouldBe(2);
        json.GetProperty("interdependence").GetProperty("salience").GetDouble().ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Samples_add_the_ratio_interval_and_are_thread_independent()
    {
        string[] args = ["coercion", Deport, "--json", "--samples", "400", "--seed", "5"];
        var (_, one) = Run([.. args, "--threads", "1"]);
        var (code, all) = Run([.. args, "--threads", "2"]);
        code.ShouldBe(0);
        all.ShouldBe(one);
        var json = JsonDocument.Parse(one).RootElement;
        var interval = json.GetProperty("interval");
        interval[0].GetDouble().ShouldBeLessThan(json.GetProperty("ratio").GetDouble());
        interval[1].GetDouble().ShouldBeGreaterThan(json.GetProperty("ratio").GetDouble());
        json.GetProperty("p_sender_pays_more").GetDouble().ShouldBeInRange(0, 1);
    }

    [Fact]
    public void Human_output_says_who_pays_more()
    {
        var (code, output) = Run("coercion", Deport);
        code.ShouldBe(0);
        output.ShouldContain("AZE (the target) pays more");
        output.ShouldContain("dominant channel: remittances");
    }

    [Fact]
    public void Bad_file_is_exit_2_with_location()
    {
        var path = Path.Combine(Path.GetTempPath(), $"statecraft-coercion-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "lever: x\nsender: {id: S, gdp: 1}\ntarget: {id: T, gdp: 1}\nchannels:\n  - {name: r, kind: remittances, bearer: target, flow: 5, share_cut: 2}\n");
        try
        {
            var (code, output) = Run("coercion", path);
            code.ShouldBe(2);
            output.ShouldContain(":5:70: r: share_cut: expected a value in [0, 1]");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
