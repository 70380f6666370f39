using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Statecraft.Cli.Commands;
using Statecraft.Io.Scenarios;
using Statecraft.Tests;

namespace Statecraft.Web.Tests;

/// <summary>The API over the real analysis: the built-in scenario, an uploaded one, analysis jobs, trajectories.</summary>
public sealed class ScenarioApiTests : IDisposable
{
    private readonly DashboardFactory _factory = new(ServeCommand.Backend());

    public void Dispose() => _factory.Dispose();

    internal static string ScriptScenario() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "script-in-names.yaml"));

    internal static async Task<JsonElement> WaitFor(HttpClient client, HttpResponseMessage started)
    {
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var job = await started.Content.ReadFromJsonAsync<JsonElement>();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (job.GetProperty("status").GetString() is "queued" or "running")
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the analysis took too long");
            await Task.Delay(100);
            job = await client.GetFromJsonAsync<JsonElement>($"/api/analyze/{job.GetProperty("id").GetString()}");
        }

        return job;
    }

    [Fact]
    public async Task The_built_in_scenario_is_listed_and_viewed_with_its_sources()
    {
        var client = _factory.CreateClient();
        var builtIn = (await client.GetFromJsonAsync<JsonElement>("/api/scenarios")).EnumerateArray().Single();
        builtIn.GetProperty("built_in").GetBoolean().ShouldBeTrue();
        builtIn.GetProperty("sha256").GetString().ShouldBe(ScenarioLoader.Sha256(AnalyzeCommand.BuiltInText()));

        var id = builtIn.GetProperty("id").GetString();
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}");
        var actors = view.GetProperty("actors").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        actors.ShouldContain("ARM_GOV");
        actors.ShouldContain("AZE_OPP");
        var sources = view.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToHashSet();
        foreach (var actor in view.GetProperty("actors").EnumerateArray())
            sources.ShouldContain(actor.GetProperty("capability").GetProperty("source").GetString()); // every number names a declared source
        view.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldContain("armenia-alignment");
        view.GetProperty("ties").EnumerateArray().Count(t => t.GetProperty("in_force").GetBoolean()).ShouldBeGreaterThan(0);
        view.GetProperty("policies").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task An_analysis_runs_with_progress_and_is_recorded_with_its_manifest()
    {
        var client = _factory.CreateClient();
        var scenario = (await client.GetFromJsonAsync<JsonElement>("/api/scenarios"))[0];
        var policy = (await client.GetFromJsonAsync<JsonElement>($"/api/scenarios/{scenario.GetProperty("id").GetString()}"))
            .GetProperty("policies")[0].GetProperty("id").GetString()!;

        var job = await WaitFor(client, await client.PostAsJsonAsync("/api/analyze", new { policies = new[] { policy }, samples = 8, seed = 5 }));

        job.GetProperty("status").GetString().ShouldBe("done", job.ToString());
        job.GetProperty("progress").GetDouble().ShouldBe(1);
        var result = job.GetProperty("result");
        result.GetProperty("policies").EnumerateArray().Select(p => p.GetString()).ShouldBe([policy]);
        result.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetString()).ShouldContain("russia-attacks-azerbaijan");

        // The Bargaining page's BDM (text) path ends where the analysis's BDM member does at the central scenario.
        var bargaining = await client.GetFromJsonAsync<JsonElement>($"/api/scenarios/{scenario.GetProperty("id").GetString()}/bargaining?policy={policy}");
        var path = bargaining.GetProperty("trajectories").EnumerateArray()
            .Single(t => t.GetProperty("issue").GetString() == "armenia-alignment" && t.GetProperty("model").GetString() == "BDM (text)");
        var answer = result.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("id").GetString() == "armenia-alignment");
        var bdm = answer.GetProperty("ensemble").GetProperty("members").EnumerateArray().Single(m => m.GetProperty("model").GetString() == "bdm");
        path.GetProperty("forecast").GetDouble().ShouldBe(bdm.GetProperty("central").GetDouble(), 1e-9);

        var run = _factory.Store.Find(job.GetProperty("run_id").GetInt64()).ShouldNotBeNull();
        run.Manifest.Command.ShouldBe("analyze");
        run.Manifest.InputSha256.ShouldBe(scenario.GetProperty("sha256").GetString());
        run.Manifest.Seed.ShouldBe("5");
        run.Manifest.Options["policy"].ShouldBe(policy);
        JsonDocument.Parse(run.Result).RootElement.GetProperty("questions").GetArrayLength().ShouldBe(result.GetProperty("questions").GetArrayLength());
    }

    [Fact]
    public async Task The_same_request_gives_the_same_answers_as_the_command_line()
    {
        var client = _factory.CreateClient();
        var job = await WaitFor(client, await client.PostAsJsonAsync("/api/analyze", new { samples = 8, seed = 11 }));
        var console = new Spectre.Console.Testing.TestConsole();
        console.Profile.Width = 100000;
        Statecraft.Cli.StatecraftApp.Run(["analyze", "--samples", "8", "--seed", "11", "--json"], console).ShouldBe(0);
        JsonSerializer.Serialize(job.GetProperty("result")).ShouldBe(JsonSerializer.Serialize(JsonDocument.Parse(console.Output).RootElement));
    }

    [Theory]
    [InlineData("""{"policies": ["no-such-policy"]}""", "no policy 'no-such-policy'")]
    [InlineData("""{"scenario": "atlantis"}""", "no scenario 'atlantis'")]
    public async Task Unknown_scenarios_and_policies_are_bad_input(string body, string message)
    {
        var response = await _factory.CreateClient().PostAsync("/api/analyze", new StringContent(body, Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!.ShouldContain(message);
    }

    [Fact]
    public async Task An_uploaded_scenario_keeps_markup_as_plain_text()
    {
        var client = _factory.CreateClient();
        var created = await client.PostAsync("/api/scenarios?name=script.yaml", new StringContent(ScriptScenario(), Encoding.UTF8, "text/yaml"));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var raw = await client.GetStringAsync($"/api/scenarios/{id}");
        raw.ShouldNotContain("<script>"); // the JSON escapes < and > ...
        var view = JsonDocument.Parse(raw).RootElement;
        view.GetProperty("actors").EnumerateArray().Select(a => a.GetProperty("name").GetString())
            .ShouldContain("<script>alert(1)</script>"); // ... and the text is intact
    }

    [Fact]
    public async Task A_bad_uploaded_scenario_is_400_with_every_problem_located()
    {
        var broken = ScriptScenario().Replace("source: atlas, field: cinc, year: 2029}", "}", StringComparison.Ordinal);
        var response = await _factory.CreateClient().PostAsync("/api/scenarios?name=broken.yaml", new StringContent(broken, Encoding.UTF8, "text/yaml"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        problems.Count.ShouldBeGreaterThan(1);
        problems.ShouldAllBe(p => p.StartsWith("broken.yaml:"));
    }

    [Fact]
    public async Task Trajectories_start_from_the_scenario_positions_for_each_bdm_variant_and_smp()
    {
        var client = _factory.CreateClient();
        var id = (await client.GetFromJsonAsync<JsonElement>("/api/scenarios"))[0].GetProperty("id").GetString();
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}");
        var issue = view.GetProperty("issues")[0];
        var bargaining = await client.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}/bargaining");
        var paths = bargaining.GetProperty("trajectories").EnumerateArray().Where(t => t.GetProperty("issue").GetString() == issue.GetProperty("id").GetString()).ToList();
        paths.Select(t => t.GetProperty("model").GetString()).ShouldBe(["BDM (text)", "BDM (scholz-code)", "BDM (masad)", "SMP (KTAB defaults)"]);
        var smp = paths[3].GetProperty("rounds")[0].EnumerateArray().Select(x => x.GetDouble()).ToList();
        smp.Count.ShouldBe(paths[0].GetProperty("rounds")[0].GetArrayLength());
        for (var k = 0; k < smp.Count; k++) smp[k].ShouldBe(paths[0].GetProperty("rounds")[0][k].GetDouble(), 1e-9); // both start from the same positions
        // Round 0 is the scenario's positions at the median of each range (triangular: low, central, high).
        var first = paths[0].GetProperty("rounds")[0].EnumerateArray().Select(x => x.GetDouble()).ToList();
        var stances = issue.GetProperty("stances").EnumerateArray().Select(s => s.GetProperty("position")).ToList();
        first.Count.ShouldBe(stances.Count);
        for (var k = 0; k < first.Count; k++)
        {
            var p = stances[k];
            first[k].ShouldBeInRange(p.GetProperty("low").GetDouble(), p.GetProperty("high").GetDouble());
            if (p.GetProperty("low").GetDouble() == p.GetProperty("high").GetDouble()) first[k].ShouldBe(p.GetProperty("value").GetDouble());
        }

        (await client.GetAsync($"/api/scenarios/{id}/bargaining?policy=no-such")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
