namespace Statecraft.Web.Analysis;

/// <summary>
/// What the dashboard needs from the analysis: the scenarios it knows (built-in and uploaded),
/// a view of each for the scenario page, and a run of the analysis returning its JSON result
/// (the <c>statecraft analyze --json</c> contract).
/// </summary>
public interface IAnalysisBackend
{
    /// <summary>False in a build without the analysis; the dashboard then shows stored runs only.</summary>
    bool CanAnalyze { get; }

    IReadOnlyList<ScenarioSummary> Scenarios { get; }

    ScenarioView? Find(string id);

    /// <summary>Loads a scenario written by the user. Problems are reported as the CLI reports them.</summary>
    UploadOutcome Upload(string fileName, string yaml);

    /// <summary>Problems with a request (unknown scenario or policy), each a sentence; empty if it can run.</summary>
    IReadOnlyList<string> Check(AnalysisRequest request);

    AnalysisOutput Analyze(AnalysisRequest request, IProgress<double> progress, CancellationToken cancellationToken);

    /// <summary>Position trajectories per issue and model, or null if the scenario or a policy is unknown.</summary>
    BargainingView? Bargaining(string scenario, IReadOnlyList<string> policies);
}

public sealed record AnalysisRequest(string Scenario, IReadOnlyList<string> Policies, int Samples, ulong Seed);

/// <summary>The analysis result as JSON, and what the run store's manifest needs to know of its input.</summary>
public sealed record AnalysisOutput(string Json, string InputId, string InputSha256);

public sealed record UploadOutcome(ScenarioSummary? Added, IReadOnlyList<string> Problems);

/// <summary>The dashboard when this build has no analysis: stored runs can still be browsed.</summary>
public sealed class NoAnalysisBackend : IAnalysisBackend
{
    public bool CanAnalyze => false;

    public IReadOnlyList<ScenarioSummary> Scenarios => [];

    public ScenarioView? Find(string id) => null;

    public UploadOutcome Upload(string fileName, string yaml) => new(null, ["this build of Statecraft has no scenario loader"]);

    public IReadOnlyList<string> Check(AnalysisRequest request) => ["this build of Statecraft has no analysis; stored runs can still be browsed"];

    public AnalysisOutput Analyze(AnalysisRequest request, IProgress<double> progress, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("no analysis in this build");

    public BargainingView? Bargaining(string scenario, IReadOnlyList<string> policies) => null;
}
