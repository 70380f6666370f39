using System.Collections.Concurrent;
using System.Globalization;
using Statecraft.Core.Bargaining;
using Statecraft.Core.Domain;
using Statecraft.Core.Scenarios;
using Statecraft.Core.Scenarios.Analysis;
using Statecraft.Core.Spatial;
using Statecraft.Core.Uncertainty;
using Statecraft.Io.Models;
using Statecraft.Io.Scenarios;

namespace Statecraft.Web.Analysis;

/// <summary>
/// The dashboard's analysis: the built-in scenario plus any the user uploads (kept in memory
/// while the server runs), answered by <see cref="QuestionEngine"/> and written as JSON by the
/// same function `statecraft analyze --json` uses, handed in by the caller.
/// </summary>
public sealed class ScenarioBackend(LoadedScenario builtIn, Func<LoadedScenario, AnalysisResult, string> toJson) : IAnalysisBackend
{
    private const int MaxUploads = 20;
    private readonly ConcurrentDictionary<string, LoadedScenario> _uploaded = new(StringComparer.Ordinal);

    public bool CanAnalyze => true;

    public IReadOnlyList<ScenarioSummary> Scenarios =>
        [Summary(builtIn, true), .. _uploaded.Values.OrderBy(s => s.Scenario.Id, StringComparer.Ordinal).Select(s => Summary(s, false))];

    public ScenarioView? Find(string id) => Loaded(id) is { } loaded ? View(loaded, loaded == builtIn) : null;

    public UploadOutcome Upload(string fileName, string yaml)
    {
        var result = ScenarioLoader.Load(yaml, fileName);
        if (!result.Success) return new UploadOutcome(null, result.Problems.Select(p => p.ToString()).ToList());
        var loaded = result.Value;
        if (loaded.Scenario.Id == builtIn.Scenario.Id)
            return new UploadOutcome(null, [$"{fileName}: id: '{loaded.Scenario.Id}' is the built-in scenario's id; give yours another"]);
        if (_uploaded.Count >= MaxUploads && !_uploaded.ContainsKey(loaded.Scenario.Id))
            return new UploadOutcome(null, [$"at most {MaxUploads} uploaded scenarios while the server runs"]);
        _uploaded[loaded.Scenario.Id] = loaded;
        return new UploadOutcome(Summary(loaded, false), []);
    }

    public IReadOnlyList<string> Check(AnalysisRequest request)
    {
        if (Loaded(request.Scenario) is not { } loaded) return [$"no scenario '{request.Scenario}' (see /api/scenarios)"];
        return request.Policies.Where(p => !loaded.Scenario.HasPolicy(p))
            .Select(p => $"scenario '{request.Scenario}' has no policy '{p}' (it has {string.Join(", ", loaded.Scenario.Policies.Select(x => x.Id))})")
            .ToList();
    }

    public AnalysisOutput Analyze(AnalysisRequest request, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var loaded = Loaded(request.Scenario) ?? throw new ArgumentException($"no scenario '{request.Scenario}'");
        var result = QuestionEngine.Analyze(loaded.Scenario, request.Policies,
            new AnalysisOptions(request.Samples, request.Seed, EnsembleWeightsFile.BuiltIn) { Disputes = Io.Models.DisputeModelFile.BuiltIn() }, new Relay(progress), cancellationToken);
        return new AnalysisOutput(toJson(loaded, result), loaded.Scenario.Id, loaded.Sha256);
    }

    public BargainingView? Bargaining(string scenario, IReadOnlyList<string> policies)
    {
        if (Loaded(scenario) is not { } loaded || policies.Any(p => !loaded.Scenario.HasPolicy(p))) return null;
        var s = policies.Aggregate(loaded.Scenario, (acc, p) => acc.Apply(loaded.Scenario.Policy(p)));
        var trajectories = new List<TrajectoryView>();
        foreach (var issue in s.Issues)
        {
            // The baseline scenario of the analysis: every uncertain number at the median of its
            // distribution, so the text variant ends where the analysis's BDM answer does.
            static double Median(SourcedValue v) => ScenarioInputs.DistributionOf(v.Estimate).Median;
            var actors = issue.Stances.Select(st => new Actor(
                st.ActorId,
                new Capability(Median(s.InfluenceOf(st))),
                new Position(Median(st.Position)),
                new Salience(Median(st.Salience)))).ToArray();
            var created = Issue.Create(issue.Id, issue.Scale, actors);
            if (!created.Success) continue;
            foreach (var (preset, options) in BdmOptions.Presets)
            {
                var run = BdmModel.TryRun(created.Value, options);
                if (!run.Success) continue;
                trajectories.Add(new TrajectoryView(issue.Id, $"BDM ({preset})", actors.Select(a => a.Name).ToArray(),
                    run.Value.Rounds.Select(r => (IReadOnlyList<double>)r.Positions.ToArray()).ToArray(), run.Value.ForecastMedian));
            }

            if (Smp(issue.Id, issue.Scale, actors) is { } smp) trajectories.Add(smp);
        }

        return new BargainingView(loaded.Scenario.Id, policies, trajectories);
    }

    /// <summary>
    /// KTAB's Spatial Model of Politics with its defaults on the issue as one dimension (positions
    /// rescaled to [0, 1] and back); the forecast is the weighted median (capability × salience) of
    /// the final positions, as for BDM.
    /// </summary>
    private static TrajectoryView? Smp(string issueId, IssueScale scale, IReadOnlyList<Actor> actors)
    {
        var width = scale.Max - scale.Min;
        if (width <= 0) return null;
        var spatial = SpatialScenario.Create(issueId, "", [issueId], actors.Select(a => new SpatialActor(
            a.Name, "", a.Capability.Value, [(a.Position.Value - scale.Min) / width], [a.Salience.Value])).ToArray());
        if (!spatial.Success) return null;
        var run = SmpModel.Run(spatial.Value);
        var rounds = run.Turns.Select(t => (IReadOnlyList<double>)t.Positions.Select(x => scale.Min + x * width).ToArray()).ToArray();
        var weights = actors.Select(a => a.Capability.Value * a.Salience.Value).ToArray();
        return new TrajectoryView(issueId, "SMP (KTAB defaults)", actors.Select(a => a.Name).ToArray(), rounds,
            Baselines.WeightedMedian(rounds[^1], weights));
    }

    private LoadedScenario? Loaded(string id) =>
        id == builtIn.Scenario.Id ? builtIn : _uploaded.GetValueOrDefault(id);

    private static ScenarioSummary Summary(LoadedScenario loaded, bool builtIn) => new(
        loaded.Scenario.Id, loaded.Scenario.Header.Title, loaded.Scenario.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), loaded.Sha256, builtIn);

    private static ValueView Value(SourcedValue v) => new(v.Estimate.Central, v.Estimate.Low, v.Estimate.High, v.Source.SourceId);

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));

    internal static ScenarioView View(LoadedScenario loaded, bool builtIn)
    {
        var s = loaded.Scenario;
        return new ScenarioView(
            Summary(loaded, builtIn),
            s.Header.Description,
            s.Sources.Select(x => new SourceView(x.Id, Kebab(x.Kind.ToString()), x.Text,
                x.Kind == SourceKind.Claim && x.FirstLine > 0 ? $"source article, lines {x.Lines}" : x.Reference)).ToList(),
            s.Actors.Select(a => new ActorView(a.Id, a.Name, Kebab(a.Kind.ToString()), a.Country, a.Description, Value(a.Capability),
                a.Attributes.Select(kv => new AttributeView(kv.Key, Value(kv.Value))).ToList())).ToList(),
            s.Ties.Select(t => new TieView(Kebab(t.Kind.ToString()), t.From, t.To,
                t.Since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), t.Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                t.HoldsOn(s.Date), t.Source.SourceId, t.Note)).ToList(),
            s.Issues.Select(i => new IssueView(i.Id, i.Title, i.Scale.Min, i.Scale.Max, i.Scale.MinMeaning, i.Scale.MaxMeaning,
                i.Stances.Select(st => new StanceView(st.ActorId, Value(st.Position), Value(st.Salience))).ToList())).ToList(),
            s.Policies.Select(p => new PolicyView(p.Id, p.Title, p.Text, p.Claims, p.WhatIf,
                p.Changes.Select(c => $"{Kebab(c.Operation.ToString())} {c.Target}: {c.Amount}").ToList())).ToList(),
            s.Questions.Select(q => new QuestionView(q.Id, q.Text, Kebab(q.Model.ToString()), q.Claims, q.SourceConclusion)).ToList());
    }

    private sealed class Relay(IProgress<double> progress) : IProgress<MonteCarloProgress>
    {
        public void Report(MonteCarloProgress value) => progress.Report(value.Total == 0 ? 1 : (double)value.Completed / value.Total);
    }
}
