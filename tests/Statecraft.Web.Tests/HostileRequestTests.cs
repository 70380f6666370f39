using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Data.Sqlite;
using Statecraft.Cli.Commands;
using Statecraft.Store;
using Statecraft.Web.Analysis;

namespace Statecraft.Web.Tests;

/// <summary>Issue 15's abusive requests: cross-site, wrong host, wrong type, wrong method, bursts, damaged store.</summary>
public sealed class HostileRequestTests : IDisposable
{
    private readonly DashboardFactory _factory = new(ServeCommand.Backend());

    public void Dispose() => _factory.Dispose();

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_page_on_another_origin_cannot_start_an_analysis_or_upload()
    {
        var client = _factory.CreateClient();
        var analyze = new HttpRequestMessage(HttpMethod.Post, "/api/analyze") { Content = Json("""{"samples": 8}""") };
        analyze.Headers.Add("Origin", "https://evil.example");
        var response = await client.SendAsync(analyze);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        var plain = await client.PostAsync("/api/analyze", new StringContent("""{"samples": 8}""", Encoding.UTF8, "text/plain"));
        plain.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        var form = await client.PostAsync("/api/scenarios", new StringContent("scenario: {}", Encoding.UTF8, "application/x-www-form-urlencoded"));
        form.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Yaml_nested_40000_deep_is_refused_and_the_server_keeps_answering()
    {
        // It once overflowed the stack and killed the server.
        var client = _factory.CreateClient();
        var deep = "a: " + new string('[', 40_000) + new string(']', 40_000) + "\n";
        var response = await client.PostAsync("/api/scenarios?name=deep.yaml", new StringContent(deep, Encoding.UTF8, "text/yaml"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("deep.yaml:1:");
        (await client.GetAsync("/api/status")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_latin1_upload_is_refused_not_read_as_replacement_characters()
    {
        var bytes = Encoding.Latin1.GetBytes("scenario: {id: x, title: Nederl\u00e4nd, date: 2025-01-01}\n");
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/yaml");
        var response = await _factory.CreateClient().PostAsync("/api/scenarios?name=latin1.yaml", content);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("not UTF-8");
    }

    [Fact]
    public async Task The_same_origin_is_served()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/status");
        request.Headers.Add("Origin", "http://localhost");
        (await _factory.CreateClient().SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_host_name_is_refused_without_a_token()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/status");
        request.Headers.Host = "rebound.evil.example";
        (await _factory.CreateClient().SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.MisdirectedRequest);
        foreach (var name in new[] { "localhost:5187", "127.0.0.1:5187", "[::1]:5187" })
        {
            var ok = new HttpRequestMessage(HttpMethod.Get, "/api/status");
            ok.Headers.Host = name;
            (await _factory.CreateClient().SendAsync(ok)).StatusCode.ShouldBe(HttpStatusCode.OK, name);
        }
    }

    [Theory]
    [InlineData("DELETE")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task Other_methods_are_405_with_allow(string method)
    {
        var response = await _factory.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/runs"));
        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.ShouldContain("GET");
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task The_token_link_never_redirects_off_site(string path)
    {
        using var factory = new DashboardFactory().With("AccessToken", "0123456789abcdef0123");
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(path + "?token=0123456789abcdef0123");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/");
    }

    [Fact]
    public async Task A_burst_is_bounded_with_429_and_retry_after_and_the_server_keeps_answering()
    {
        // A loopback load test, bounded in count (60 requests) and time (the client's timeout).
        var client = _factory.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(2);
        var responses = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            client.PostAsync("/api/analyze", Json($$"""{"samples": 10000, "seed": {{i}}}"""))));
        var accepted = responses.Count(r => r.StatusCode == HttpStatusCode.Accepted);
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        accepted.ShouldBeLessThanOrEqualTo(AnalysisJobs.MaxPending);
        (accepted + refused.Count).ShouldBe(60);
        refused.ShouldAllBe(r => r.Headers.RetryAfter != null);

        // Still answering while the accepted analyses run.
        (await client.GetAsync("/api/status")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/runs")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_damaged_row_is_skipped_by_api_runs_and_named_in_a_header()
    {
        var store = _factory.Store;
        var good = store.Record(new RunManifest("analyze", "x", "abc", new Dictionary<string, string>(), "1", "0.1.0", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), "{}");
        var bad = store.Record(new RunManifest("analyze", "x", "abc", new Dictionary<string, string>(), "1", "0.1.0", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), "{}");
        using (var connection = new SqliteConnection($"Data Source={_factory.StorePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"UPDATE runs SET options = '[not json' WHERE id = {bad}";
            command.ExecuteNonQuery();
        }

        var response = await _factory.CreateClient().GetAsync("/api/runs");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("X-Statecraft-Damaged-Runs").Single().ShouldBe(bad.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var runs = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement[]>();
        runs!.Select(r => r.GetProperty("id").GetInt64()).ShouldBe([good]);

        var one = await _factory.CreateClient().GetAsync($"/api/runs/{bad}");
        ((int)one.StatusCode).ShouldBe(503);
        one.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await one.Content.ReadAsStringAsync()).ShouldContain("damaged");
    }
}

/// <summary>A finished job stays answerable as long as its run is in the store, not only while it is among the last 100.</summary>
public sealed class JobRetentionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("statecraft-jobs-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private sealed class Instant : IAnalysisBackend
    {
        public bool CanAnalyze => true;
        public IReadOnlyList<ScenarioSummary> Scenarios => [];
        public ScenarioView? Find(string id) => null;
        public UploadOutcome Upload(string fileName, string yaml) => new(null, ["no uploads"]);
        public IReadOnlyList<string> Check(AnalysisRequest request) => [];
        public AnalysisOutput Analyze(AnalysisRequest request, IProgress<double> progress, CancellationToken cancellationToken) =>
            new($$"""{"seed":{{request.Seed}}}""", "s", "abc");
        public BargainingView? Bargaining(string scenario, IReadOnlyList<string> policies) => null;
    }

    [Fact]
    public async Task The_first_of_120_jobs_is_still_found_through_its_run()
    {
        var jobs = new AnalysisJobs(new Instant(), new RunStore(Path.Combine(_dir, "runs.db")));
        var ids = new List<string>();
        for (var i = 0; i < 120; i++)
        {
            var job = jobs.TryStart(new AnalysisRequest("s", [], 1, (ulong)i)).ShouldNotBeNull();
            while (job.Status is JobStatus.Queued or JobStatus.Running) await Task.Delay(5);
            job.Status.ShouldBe(JobStatus.Done);
            ids.Add(job.Id);
        }

        var first = jobs.Find(ids[0]).ShouldNotBeNull();
        first.Status.ShouldBe(JobStatus.Done);
        first.ResultJson.ShouldBe("""{"seed":0}""");
        jobs.Find("no-such-job").ShouldBeNull();
    }
}
