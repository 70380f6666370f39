using Statecraft.Core.Uncertainty;

namespace Statecraft.Core.Scenarios.Analysis;

/// <summary>
/// One question's answer as a number and its paired draws: a bargaining question's ensemble
/// median and the ensemble's point forecast per draw (with the predictive distribution), a War Trap
/// or coercion question's value at the central scenario and its Monte Carlo values.
/// </summary>
internal sealed record QuestionRun(double Value, IReadOnlyList<double> Draws, IssueForecast? Forecast = null);

/// <summary>
/// The Monte Carlo runs of one analysis. A run is remembered by what it depends on (the question,
/// the sample count, and the exact inputs it draws: path, range and distribution), so the scenario
/// as given, every package, response and what-if reuse the runs whose inputs they leave unchanged:
/// the same inputs and seed give the same draws, so nothing is approximated.
/// </summary>
internal sealed class AnalysisRuns(AnalysisOptions options, AnalysisRuns.Counter counter, CancellationToken ct)
{
    private readonly Dictionary<RunKey, QuestionRun> _runs = new();
    private readonly Dictionary<Scenario, Dictionary<string, SourcedValue>> _values = new(ReferenceEqualityComparer.Instance);

    public AnalysisOptions Options => options;

    public CancellationToken Cancellation => ct;

    public IProgress<MonteCarloProgress>? Progress() => counter.Offset();

    public MonteCarloOptions Draws(int samples) => new(samples, options.Seed, options.MaxThreads);

    /// <summary>
    /// The question's answer on <paramref name="s"/> (its own what-if applied) with <paramref name="samples"/> draws.
    /// A War Trap question with a calibrated answer is its probability of a dispute (the best open model).
    /// </summary>
    public QuestionRun Run(Scenario s, Question q, int samples)
    {
        var asked = q.Assume is null ? s : s.Apply(s.Policy(q.Assume));
        return q.Model switch
        {
            QuestionModel.Bargaining => Issue(asked, q.Issue!, samples),
            QuestionModel.WarTrap => Calibrated(q) ? Dispute(asked, q, options.Disputes!.OpenModels[0], withBacker: true, samples) : WarTrap(asked, q, withBacker: true, samples),
            QuestionModel.Coercion => Coercion(asked, q.Lever!, q.Measure, samples),
            _ => throw new ArgumentException($"question '{q.Id}' is a {q.Model}, not a model question", nameof(q)),
        };
    }

    public QuestionRun Issue(Scenario s, string issueId, int samples)
    {
        var paths = QuestionModels.BargainingPaths(s, issueId);
        return Cached("issue/" + issueId, s, paths, samples, () =>
        {
            var f = EnsembleForecast.Predict(s, issueId, options.Weights, Draws(samples), Progress(), ct);
            return new QuestionRun(f.Median, f.PointForecasts, f);
        });
    }

    /// <summary>Whether a War Trap question is answered with the calibrated probability of a dispute.</summary>
    public bool Calibrated(Question q) => options.Disputes is not null && DisputeForecast.Applies(q);

    /// <summary>
    /// The War Trap specification a question's EU is valued under: for a calibrated question the validated
    /// models' choice (its states carry the home regions and major-power flags it needs), else the engine's default.
    /// </summary>
    public Validation.ConflictSpec? EuSpec(Question q) =>
        Calibrated(q) ? Validation.ConflictSpec.All.Single(x => x.Name == options.Disputes!.EuSpec) : null;

    /// <summary>War Trap's EU_challenger(target) under <see cref="EuSpec"/>.</summary>
    public QuestionRun WarTrap(Scenario s, Question q, bool withBacker, int samples)
    {
        var paths = QuestionModels.WarTrapPaths(s, q);
        return Cached($"war-trap/{q.Id}/{withBacker}", s, paths, samples, () =>
        {
            var inputs = ScenarioInputs.Create(s, paths);
            var model = QuestionModels.WarTrap(s, q, withBacker, EuSpec(q));
            var mc = MonteCarlo.Run(inputs, model, Verdict.GreaterThan(0), Draws(samples), Progress(), ct);
            return new QuestionRun(MonteCarlo.Evaluate(inputs, model, inputs.Medians()), mc.Values);
        });
    }

    /// <summary>The calibrated probability of a dispute under one open model (<see cref="DisputeForecast.Probability"/>).</summary>
    public QuestionRun Dispute(Scenario s, Question q, string openModel, bool withBacker, int samples)
    {
        var paths = DisputeForecast.Paths(s, q);
        return Cached($"dispute/{q.Id}/{openModel}/{withBacker}", s, paths, samples, () =>
        {
            var inputs = ScenarioInputs.Create(s, paths);
            var model = DisputeForecast.Probability(s, q, options.Disputes!, openModel, withBacker);
            var mc = MonteCarlo.Run(inputs, model, Verdict.GreaterThan(0.5), Draws(samples), Progress(), ct);
            return new QuestionRun(MonteCarlo.Evaluate(inputs, model, inputs.Medians()), mc.Values);
        });
    }

    public QuestionRun Coercion(Scenario s, string leverId, Coercion.CoercionMeasure measure, int samples)
    {
        var lever = s.Lever(leverId);
        var paths = LeverCases.Paths(lever);
        return Cached($"coercion/{leverId}/{measure}", s, paths, samples, () =>
        {
            var inputs = ScenarioInputs.Create(s, paths);
            var model = LeverCases.Ratio(lever, measure);
            var mc = MonteCarlo.Run(inputs, model, Verdict.GreaterThan(1), Draws(samples), Progress(), ct);
            return new QuestionRun(MonteCarlo.Evaluate(inputs, model, inputs.Medians()), mc.Values);
        });
    }

    private QuestionRun Cached(string what, Scenario s, IReadOnlyList<string> paths, int samples, Func<QuestionRun> compute)
    {
        ct.ThrowIfCancellationRequested();
        if (!_values.TryGetValue(s, out var values))
            _values[s] = values = s.Inputs.ToDictionary(i => i.Path, i => i.Value, StringComparer.Ordinal);
        var key = new RunKey(what, samples, paths.Select(p => (p, values[p].Estimate, values[p].Distribution)).ToArray());
        if (!_runs.TryGetValue(key, out var run)) _runs[key] = run = compute();
        return run;
    }

    /// <summary>What a run depends on. Distributions compare by identity: an input a policy leaves alone keeps its object.</summary>
    private sealed class RunKey(string what, int samples, (string Path, Estimate Estimate, Distribution? Distribution)[] inputs) : IEquatable<RunKey>
    {
        private readonly int _hash = Hash(what, samples, inputs);

        public bool Equals(RunKey? other) =>
            other is not null && _hash == other._hash && what == other.What && samples == other.Samples && inputs.AsSpan().SequenceEqual(other.Inputs);

        public override bool Equals(object? obj) => Equals(obj as RunKey);

        public override int GetHashCode() => _hash;

        private string What => what;
        private int Samples => samples;
        private (string, Estimate, Distribution?)[] Inputs => inputs;

        private static int Hash(string what, int samples, (string, Estimate, Distribution?)[] inputs)
        {
            var h = new HashCode();
            h.Add(what);
            h.Add(samples);
            foreach (var i in inputs) h.Add(i);
            return h.ToHashCode();
        }
    }

    /// <summary>Adds up progress over many Monte Carlo runs into one bar.</summary>
    internal sealed class Counter(int total, IProgress<MonteCarloProgress>? sink)
    {
        private int _done;

        public IProgress<MonteCarloProgress>? Offset()
        {
            if (sink is null) return null;
            var start = _done;
            return new Relay(p =>
            {
                _done = Math.Max(_done, start + p.Completed);
                sink.Report(new MonteCarloProgress(Math.Min(_done, total), total));
            });
        }
    }

    private sealed class Relay(Action<MonteCarloProgress> action) : IProgress<MonteCarloProgress>
    {
        public void Report(MonteCarloProgress value) => action(value);
    }
}
