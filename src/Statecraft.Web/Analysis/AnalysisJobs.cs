using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using Statecraft.Store;

namespace Statecraft.Web.Analysis;

public enum JobStatus
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>One analysis started from the dashboard; its progress is polled by the page.</summary>
public sealed class AnalysisJob(string id, AnalysisRequest request)
{
    public string Id { get; } = id;
    public AnalysisRequest Request { get; } = request;
    public JobStatus Status { get; internal set; } = JobStatus.Queued;
    public double Progress { get; internal set; }
    public string? Error { get; internal set; }
    public long? RunId { get; internal set; }

    /// <summary>Set when the result could not be recorded (the result itself is still here).</summary>
    public string? RecordError { get; internal set; }

    public string? ResultJson { get; internal set; }

    /// <summary>The result, parsed once for the API to serve.</summary>
    public System.Text.Json.JsonElement? Result { get; internal set; }
}

/// <summary>
/// Runs analyses one at a time in the background (the machine is small; a second request
/// waits its turn, shown as queued) and records each finished run in the run store. At most
/// <see cref="MaxPending"/> wait or run at once: past that a request is refused (429), so a burst
/// cannot queue hours of work. A finished job's result is kept as long as its run is in the store.
/// </summary>
public sealed class AnalysisJobs(IAnalysisBackend backend, RunStore store)
{
    /// <summary>Analyses queued or running at once.</summary>
    public const int MaxPending = 4;

    private const int Kept = 100;
    private readonly ConcurrentDictionary<string, AnalysisJob> _jobs = new();
    private readonly ConcurrentQueue<string> _order = new();
    private readonly SemaphoreSlim _one = new(1, 1);

    // Jobs that left memory, by id, with the run that holds their result.
    private readonly ConcurrentDictionary<string, (AnalysisRequest Request, long RunId)> _recorded = new();
    private int _pending;

    public static string Version { get; } =
        typeof(AnalysisJobs).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>A job by id: in memory, or rebuilt from its run while the run is in the store.</summary>
    public AnalysisJob? Find(string id)
    {
        if (_jobs.TryGetValue(id, out var job)) return job;
        if (!_recorded.TryGetValue(id, out var recorded) || store.Find(recorded.RunId) is not { } run) return null;
        var rebuilt = new AnalysisJob(id, recorded.Request) { Status = JobStatus.Done, Progress = 1, RunId = run.Id, ResultJson = run.Result };
        try
        {
            using var parsed = System.Text.Json.JsonDocument.Parse(run.Result);
            rebuilt.Result = parsed.RootElement.Clone();
        }
        catch (System.Text.Json.JsonException e)
        {
            rebuilt.Status = JobStatus.Failed;
            rebuilt.Error = $"run {run.Id}'s stored result is damaged: {e.Message}";
        }

        return rebuilt;
    }

    /// <summary>Seconds a refused client should wait before asking again: about one analysis.</summary>
    public int RetryAfterSeconds => 10;

    /// <summary>Starts the analysis, or returns null when <see cref="MaxPending"/> are already waiting or running.</summary>
    public AnalysisJob? TryStart(AnalysisRequest request)
    {
        if (Interlocked.Increment(ref _pending) > MaxPending)
        {
            Interlocked.Decrement(ref _pending);
            return null;
        }

        var job = new AnalysisJob(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), request);
        _jobs[job.Id] = job;
        _order.Enqueue(job.Id);
        while (_order.Count > Kept && _order.TryDequeue(out var old))
            if (_jobs.TryRemove(old, out var gone) && gone.RunId is { } runId) _recorded[old] = (gone.Request, runId);
        _ = Task.Run(() => Run(job));
        return job;
    }

    private async Task Run(AnalysisJob job)
    {
        await _one.WaitAsync().ConfigureAwait(false);
        try
        {
            job.Status = JobStatus.Running;
            var started = DateTimeOffset.UtcNow;
            var progress = new Progress(job);
            var output = backend.Analyze(job.Request, progress, CancellationToken.None);
            var ended = DateTimeOffset.UtcNow;
            job.ResultJson = output.Json;
            using (var parsed = System.Text.Json.JsonDocument.Parse(output.Json)) job.Result = parsed.RootElement.Clone();
            job.Progress = 1;
            try
            {
                job.RunId = store.Record(Manifest(job.Request, output, started, ended), output.Json);
            }
            catch (RunStoreException e)
            {
                job.RecordError = e.Message;
            }

            job.Status = JobStatus.Done;
        }
        catch (Exception e)
        {
            job.Error = e.Message;
            job.Status = JobStatus.Failed;
        }
        finally
        {
            _one.Release();
            Interlocked.Decrement(ref _pending);
        }
    }

    /// <summary>The manifest `statecraft analyze` would record for the same request.</summary>
    public static RunManifest Manifest(AnalysisRequest request, AnalysisOutput output, DateTimeOffset started, DateTimeOffset ended)
    {
        var options = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["samples"] = request.Samples.ToString(CultureInfo.InvariantCulture),
            ["via"] = "serve",
        };
        if (request.Policies.Count > 0) options["policy"] = string.Join(", ", request.Policies);
        return new RunManifest("analyze", output.InputId, output.InputSha256, options,
            request.Seed.ToString(CultureInfo.InvariantCulture), Version, started, ended);
    }

    private sealed class Progress(AnalysisJob job) : IProgress<double>
    {
        public void Report(double value) => job.Progress = Math.Clamp(value, 0, 1);
    }
}
