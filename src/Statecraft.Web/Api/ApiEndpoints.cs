using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Statecraft.Store;
using Statecraft.Web.Analysis;

namespace Statecraft.Web.Api;

/// <summary>
/// The JSON API under <c>/api/</c>. Bad input is answered with 400 and <c>{"error": ...}</c>
/// naming what was wrong; a body over the size limit with 413; the store's trouble with 503.
/// </summary>
internal static class ApiEndpoints
{
    public const int MaxSamples = 10_000;

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api");

        api.MapGet("/status", (IAnalysisBackend backend, RunStore store) => Results.Ok(new
        {
            version = AnalysisJobs.Version,
            can_analyze = backend.CanAnalyze,
            store = store.Path,
            max_samples = MaxSamples,
        }));

        api.MapGet("/scenarios", (IAnalysisBackend backend) => Results.Ok(backend.Scenarios));

        api.MapGet("/scenarios/{id}", (string id, IAnalysisBackend backend) =>
            backend.Find(id) is { } view ? Results.Ok(view) : NotFound($"no scenario '{id}' (see /api/scenarios)"));

        api.MapPost("/scenarios", async (HttpRequest request, IAnalysisBackend backend, DashboardOptions options) =>
        {
            var (yaml, tooLarge) = await ReadBody(request, options.MaxRequestBytes);
            if (tooLarge) return TooLarge(options);
            if (yaml is null) return BadRequest("the body is not UTF-8 text (a Latin-1 file, for instance); re-save the file as UTF-8");
            if (string.IsNullOrWhiteSpace(yaml)) return BadRequest("the request body must be a scenario in YAML");
            var name = request.Query["name"].FirstOrDefault() is { Length: > 0 and <= 200 } given ? Path.GetFileName(given) : "uploaded.yaml";
            var outcome = backend.Upload(name, yaml);
            return outcome.Added is { } added
                ? Results.Created($"/api/scenarios/{Uri.EscapeDataString(added.Id)}", added)
                : Results.BadRequest(new { error = $"the scenario has {outcome.Problems.Count} problem(s)", problems = outcome.Problems });
        });

        api.MapGet("/scenarios/{id}/bargaining", (string id, HttpRequest request, IAnalysisBackend backend) =>
        {
            var policies = request.Query["policy"].Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!).ToList();
            return backend.Bargaining(id, policies) is { } view
                ? Results.Ok(view)
                : NotFound($"no scenario '{id}' with policies [{string.Join(", ", policies)}]");
        });

        api.MapPost("/analyze", async (HttpRequest request, IAnalysisBackend backend, AnalysisJobs jobs, DashboardOptions options) =>
        {
            var (body, tooLarge) = await ReadBody(request, options.MaxRequestBytes);
            if (tooLarge) return TooLarge(options);
            if (body is null) return BadRequest("the body is not UTF-8 text");
            var (analysis, problem) = ParseAnalysis(body, backend);
            if (problem is not null) return BadRequest(problem);
            var problems = backend.Check(analysis!);
            if (problems.Count > 0) return BadRequest(string.Join("; ", problems));
            if (jobs.TryStart(analysis!) is not { } job)
            {
                request.HttpContext.Response.Headers.RetryAfter = jobs.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many analyses",
                    detail: $"{AnalysisJobs.MaxPending} analyses are already queued or running; try again in {jobs.RetryAfterSeconds} s",
                    extensions: new Dictionary<string, object?> { ["error"] = $"{AnalysisJobs.MaxPending} analyses are already queued or running; try again shortly" });
            }

            return Results.Accepted($"/api/analyze/{job.Id}", JobView(job));
        });

        api.MapGet("/analyze/{job}", (string job, AnalysisJobs jobs) =>
            jobs.Find(job) is { } found ? Results.Ok(JobView(found)) : NotFound($"no analysis '{job}' (a job is kept while the server runs and its run is in the store)"));

        api.MapGet("/runs", (HttpRequest request, RunStore store) =>
        {
            var limit = 200;
            if (request.Query["limit"].FirstOrDefault() is { } l && (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 10_000))
                return BadRequest($"limit must be a whole number from 1 to 10000, not '{l}'");
            var command = request.Query["command"].FirstOrDefault();
            var listing = store.Read(limit, string.IsNullOrEmpty(command) ? null : command);
            // Damaged rows are skipped and named in a header; the readable runs are listed as usual.
            if (listing.Damaged.Count > 0)
                request.HttpContext.Response.Headers["X-Statecraft-Damaged-Runs"] = string.Join(",", listing.Damaged.Select(d => d.Id.ToString(CultureInfo.InvariantCulture)));
            return Results.Ok(listing.Runs.Select(r => r.Manifest.ToView(r.Id)));
        });

        api.MapGet("/runs/{id}", (string id, RunStore store) =>
        {
            if (ParseId(id) is not { } runId) return BadRequest($"a run id is a positive whole number, not '{id}'");
            if (store.Find(runId) is not { } run) return NotFound($"no run {runId} in the store");
            // A result that no longer matches its SHA-256 is shown as stored, marked result_verified: false.
            // Re-encoded, so that < > & in scenario text travel as \u escapes like the rest of the API.
            using var result = JsonDocument.Parse(run.Result);
            return RawJson($"{{\"manifest\":{JsonSerializer.Serialize(run.Manifest.ToView(run.Id), WebJson.Options)},\"result_verified\":{(run.Intact ? "true" : "false")},\"result\":{JsonSerializer.Serialize(result.RootElement, WebJson.Options)}}}");
        });

        api.MapGet("/runs/{a}/diff/{b}", (string a, string b, RunStore store) =>
        {
            if (ParseId(a) is not { } first) return BadRequest($"a run id is a positive whole number, not '{a}'");
            if (ParseId(b) is not { } second) return BadRequest($"a run id is a positive whole number, not '{b}'");
            var before = store.Find(first);
            var after = store.Find(second);
            if (before is null || after is null) return NotFound($"no run {(before is null ? first : second)} in the store");
            if (new[] { before, after }.FirstOrDefault(r => !r.Intact) is { } altered)
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Run result altered", detail: altered.IntegrityWarning,
                    extensions: new Dictionary<string, object?> { ["error"] = altered.IntegrityWarning });
            return Results.Ok(RunDiff.Compare(before, after));
        });

        ForecastEndpoints.Map(api);

        api.MapFallback((HttpContext context) => NotFound($"no API endpoint {context.Request.Method} {context.Request.Path}"));
    }

    internal static (AnalysisRequest? Request, string? Problem) ParseAnalysis(string body, IAnalysisBackend backend)
    {
        if (string.IsNullOrWhiteSpace(body)) body = "{}";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return (null, $"the request body is not JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, "the request body must be a JSON object like {\"policies\": [\"...\"], \"samples\": 200, \"seed\": 1}");
            var scenario = backend.Scenarios.FirstOrDefault(s => s.BuiltIn)?.Id ?? "";
            var policies = new List<string>();
            var samples = 200;
            ulong seed = 1;
            foreach (var property in root.EnumerateObject())
            {
                var value = property.Value;
                switch (property.Name)
                {
                    case "scenario" when value.ValueKind == JsonValueKind.String:
                        scenario = value.GetString()!;
                        break;
                    case "scenario":
                        return (null, "scenario must be a scenario id (a string)");
                    case "policies" when value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(p => p.ValueKind == JsonValueKind.String):
                        policies = value.EnumerateArray().Select(p => p.GetString()!).ToList();
                        if (policies.Count > 50) return (null, "at most 50 policies");
                        if (policies.Distinct().Count() != policies.Count) return (null, "a policy is named twice");
                        break;
                    case "policies":
                        return (null, "policies must be an array of policy ids (strings)");
                    case "samples" when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n is >= 1 and <= MaxSamples:
                        samples = n;
                        break;
                    case "samples":
                        return (null, $"samples must be a whole number from 1 to {MaxSamples}, not {value.GetRawText()}");
                    case "seed" when value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var s):
                        seed = s;
                        break;
                    case "seed":
                        return (null, $"seed must be a whole number from 0 to {ulong.MaxValue}, not {value.GetRawText()}");
                    default:
                        return (null, $"unknown field '{property.Name}' (expected scenario, policies, samples, seed)");
                }
            }

            return (new AnalysisRequest(scenario, policies, samples, seed), null);
        }
    }

    private static object JobView(AnalysisJob job) => new
    {
        id = job.Id,
        status = job.Status.ToString().ToLowerInvariant(),
        progress = job.Progress,
        scenario = job.Request.Scenario,
        policies = job.Request.Policies,
        samples = job.Request.Samples,
        seed = job.Request.Seed,
        error = job.Error,
        run_id = job.RunId,
        record_error = job.RecordError,
        result = job.Result,
    };


    private static long? ParseId(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    private static IResult BadRequest(string message) => Results.BadRequest(new { error = message });

    private static IResult NotFound(string message) => Results.NotFound(new { error = message });

    private static IResult TooLarge(DashboardOptions options) =>
        Results.Json(new { error = $"the request body is larger than the limit of {options.MaxRequestBytes} bytes" }, statusCode: StatusCodes.Status413PayloadTooLarge);

    private static IResult RawJson(string json) => Results.Text(json, "application/json; charset=utf-8", Encoding.UTF8);

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Reads the body as UTF-8 text (null when it is not UTF-8), refusing (without reading on) anything over the limit.</summary>
    private static async Task<(string? Text, bool TooLarge)> ReadBody(HttpRequest request, long limit)
    {
        if (request.ContentLength > limit) return ("", true);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk)) > 0)
            {
                if (buffer.Length + read > limit) return ("", true);
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ("", true);
        }

        try
        {
            return (StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), false);
        }
        catch (DecoderFallbackException)
        {
            return (null, false);
        }
    }
}
