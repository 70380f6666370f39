using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Statecraft.Store;

namespace Statecraft.Web.Tests;

public sealed class ApiTests : IDisposable
{
    private readonly DashboardFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    internal static RunManifest Manifest(string? policy = null) => new(
        "analyze", "south-caucasus", new string('b', 64),
        policy is null ? new Dictionary<string, string> { ["samples"] = "50" } : new Dictionary<string, string> { ["samples"] = "50", ["policy"] = policy },
        "3", "0.1.0", DateTimeOffset.UtcNow.AddSeconds(-2), DateTimeOffset.UtcNow);

    internal static string Result(double value, string actorText = "Russia") => $$"""
        {"scenario":{"id":"south-caucasus","sha256":"bbbb"},"seed":3,"samples":50,"policies":[],
         "questions":[{"id":"armenia-alignment","question":"Where does {{actorText}} settle?","value":{{value}},"unit":"0-100",
           "interval":[40,70],"verdict":"leans West","claims":["S3"],"source_conclusion":"West","agrees_with_source":true,
           "drivers":[{"input":"issue/armenia-alignment/ARM_GOV/salience","label":"Armenian government's stake","effect":4.2,"low":0.5,"high":0.9,"at_low":{{value - 2}},"at_high":{{value + 2.2}}},
                      {"input":"actor/RUS/capability","label":"Russia's capability","effect":-2.5,"low":0.03,"high":0.05,"at_low":{{value + 1}},"at_high":{{value - 1.5}}}]}],
         "packages":[]}
        """;

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task ShouldBeBadRequest(HttpResponseMessage response, string messagePart)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        (await Json(response)).GetProperty("error").GetString()!.ShouldContain(messagePart);
    }

    [Fact]
    public async Task The_page_and_its_chart_library_are_served_with_a_strict_policy()
    {
        var client = _factory.CreateClient();
        var page = await client.GetAsync("/");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("lib/echarts.min.js");
        page.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");
        page.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");

        var echarts = await client.GetAsync("/lib/echarts.min.js");
        echarts.StatusCode.ShouldBe(HttpStatusCode.OK);
        echarts.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        (await echarts.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(500_000);
        (await client.GetAsync("/lib/echarts.LICENSE.txt")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetStringAsync("/app.js")).ShouldContain("textContent");
    }

    [Fact]
    public async Task Status_names_the_store()
    {
        var status = await _factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/status");
        status.GetProperty("store").GetString().ShouldBe(_factory.StorePath);
        status.GetProperty("max_samples").GetInt32().ShouldBe(10_000);
    }

    [Fact]
    public async Task Runs_are_listed_shown_and_diffed()
    {
        var store = _factory.Store;
        var a = store.Record(Manifest(), Result(55));
        var b = store.Record(Manifest("all-combined"), Result(61.5));
        var client = _factory.CreateClient();

        var list = await client.GetFromJsonAsync<JsonElement>("/api/runs");
        list.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ShouldBe([b, a]);
        list[0].GetProperty("options").GetProperty("policy").GetString().ShouldBe("all-combined");

        var shown = await client.GetFromJsonAsync<JsonElement>($"/api/runs/{a}");
        shown.GetProperty("manifest").GetProperty("input_sha256").GetString().ShouldBe(new string('b', 64));
        shown.GetProperty("result").GetProperty("questions")[0].GetProperty("value").GetDouble().ShouldBe(55);

        var diff = await client.GetFromJsonAsync<JsonElement>($"/api/runs/{a}/diff/{b}");
        diff.GetProperty("inputs")[0].GetProperty("field").GetString().ShouldBe("option policy");
        var moved = diff.GetProperty("answers").EnumerateArray().Single(x => x.GetProperty("path").GetString() == "questions[armenia-alignment].value");
        moved.GetProperty("delta").GetDouble().ShouldBe(6.5, 1e-12);
    }

    [Theory]
    [InlineData("/api/runs/abc", "positive whole number")]
    [InlineData("/api/runs/0", "positive whole number")]
    [InlineData("/api/runs/1/diff/x", "not 'x'")]
    [InlineData("/api/runs?limit=-3", "limit must be")]
    [InlineData("/api/runs?limit=many", "limit must be")]
    public async Task Bad_run_requests_get_400_with_a_message(string path, string message) =>
        await ShouldBeBadRequest(await _factory.CreateClient().GetAsync(path), message);

    [Fact]
    public async Task Unknown_runs_and_endpoints_get_404_with_a_message()
    {
        var client = _factory.CreateClient();
        var run = await client.GetAsync("/api/runs/12345");
        run.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Json(run)).GetProperty("error").GetString()!.ShouldContain("no run 12345");
        var endpoint = await client.GetAsync("/api/nothing-here");
        endpoint.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Json(endpoint)).GetProperty("error").GetString()!.ShouldContain("/api/nothing-here");
    }

    [Theory]
    [InlineData("{not json", "not JSON")]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("""{"samples": 0}""", "samples must be a whole number from 1 to 10000")]
    [InlineData("""{"samples": 10001}""", "samples must be")]
    [InlineData("""{"samples": 2.5}""", "samples must be")]
    [InlineData("""{"seed": -1}""", "seed must be")]
    [InlineData("""{"policies": "all"}""", "policies must be an array")]
    [InlineData("""{"policies": ["a", "a"]}""", "named twice")]
    [InlineData("""{"scenario": 5}""", "scenario must be")]
    [InlineData("""{"sample": 5}""", "unknown field 'sample'")]
    public async Task Bad_analysis_requests_get_400_with_a_message(string body, string message) =>
        await ShouldBeBadRequest(
            await _factory.CreateClient().PostAsync("/api/analyze", new StringContent(body, Encoding.UTF8, "application/json")), message);

    [Fact]
    public async Task Bodies_over_the_limit_are_refused_with_413()
    {
        using var small = new DashboardFactory().With("MaxRequestBytes", "1000");
        var client = small.CreateClient();
        var big = new string(' ', 2000) + "{}";
        var analyze = await client.PostAsync("/api/analyze", new StringContent(big, Encoding.UTF8, "application/json"));
        analyze.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await Json(analyze)).GetProperty("error").GetString()!.ShouldContain("1000 bytes");

        var upload = await client.PostAsync("/api/scenarios", new StringContent("id: x\n" + new string('#', 5000), Encoding.UTF8, "text/yaml"));
        upload.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task An_empty_scenario_upload_is_bad_input()
    {
        var response = await _factory.CreateClient().PostAsync("/api/scenarios", new StringContent("  ", Encoding.UTF8, "text/yaml"));
        await ShouldBeBadRequest(response, "scenario in YAML");
    }

    [Fact]
    public async Task Scenario_text_comes_back_as_inert_json()
    {
        var id = _factory.Store.Record(Manifest(), Result(50, "<script>alert(1)</script>"));
        var response = await _factory.CreateClient().GetAsync($"/api/runs/{id}");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("<script>");
        var question = (await Json(response)).GetProperty("result").GetProperty("questions")[0].GetProperty("question").GetString();
        question.ShouldBe("Where does <script>alert(1)</script> settle?"); // the text, unchanged, for the page to show as text
    }

    [Fact]
    public async Task A_store_that_cannot_be_read_is_a_503_with_the_reason()
    {
        File.WriteAllText(_factory.StorePath, "not a database at all");
        var response = await _factory.CreateClient().GetAsync("/api/runs");
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await Json(response)).GetProperty("error").GetString()!.ShouldContain("not a Statecraft run store");
        File.ReadAllText(_factory.StorePath).ShouldBe("not a database at all");
    }

    [Fact]
    public async Task Beyond_loopback_every_request_needs_the_token()
    {
        const string token = "0123456789abcdef0123";
        using var exposed = new DashboardFactory().With("Host", "0.0.0.0").With("AccessToken", token);
        var client = exposed.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        (await client.GetAsync("/api/runs")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/?token=wrong-token-wrong-token")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var withHeader = new HttpRequestMessage(HttpMethod.Get, "/api/runs");
        withHeader.Headers.Add(DashboardApp.TokenHeader, token);
        (await client.SendAsync(withHeader)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var link = await client.GetAsync($"/?token={token}");
        link.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        link.Headers.GetValues("Set-Cookie").Single().ShouldContain("httponly");
    }

    [Fact]
    public void Beyond_loopback_without_a_token_the_dashboard_refuses_to_start()
    {
        using var exposed = new DashboardFactory().With("Host", "0.0.0.0");
        Should.Throw<InvalidOperationException>(() => exposed.CreateClient()).Message.ShouldContain("needs an access token");
    }
}
