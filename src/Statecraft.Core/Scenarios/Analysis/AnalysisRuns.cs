using Statecraft.Core.Uncertainty;

namespace Statecraft.Core.Scenarios.Analysis;

/// <summary>
/// One question's answer as a number and its paired draws: a bargaining question's ensemble
/// median and the ensemble's point forecast per draw (with the predictive distribution), a War Trap
/// or coercion question's value at the central scenario and its Monte Carlo values.
/// </summary>
internal sealed record QuestionRun(double Value, IReadOnlyList<double> Draws, IssueForecast? Forecast = null)
{
    /// <summary>The model's outputs in every draw, draw-major (the members' forecasts of a bargaining question), from which the run was made.</summary>
    public double[] Outputs { get; init; } = [];
}

/// <summary>
/// The Monte Carlo runs of one analysis. A run is remembered by what it depends on (the question,
/// the sample count, and the exact inputs it draws: path, range and distribution), so the scenario
/// as given, every package, response and what-if reuse the runs whose inputs they leave unchanged:
/// the same inputs and seed give the same draws, so nothing is approximated. Runs of different
/// lengths on the same inputs share their draws (see <see cref="Cached"/>).
/// </summary>
internal sealed class AnalysisRuns(AnalysisOptions options, AnalysisRuns.Counter counter, CancellationToken ct)
{
    private readonly Dictionary<RunKey, QuestionRun> _runs = new();
    private readonly Dictionary<RunKey, QuestionRun> _longest = new(); // by what and inputs (samples 0): the longest run made
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
        return Cached("issue/" + issueId, s, paths, samples,
            first => EnsembleForecast.Members(s, issueId, Draws(samples), Progress(), ct, first),
            outputs =>
            {
                var f = EnsembleForecast.FromMembers(s, issueId, options.Weights, outputs);
                return new QuestionRun(f.Median, f.PointForecasts, f) { Outputs = outputs };
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
        return Single($"war-trap/{q.Id}/{withBacker}", s, paths, samples, () => QuestionModels.WarTrap(s, q, withBacker, EuSpec(q)));
    }

    /// <summary>The calibrated probability of a dispute under one open model (<see cref="DisputeForecast.Probability"/>).</summary>
    public QuestionRun Dispute(Scenario s, Question q, string openModel, bool withBacker, int samples)
    {
        var paths = DisputeForecast.Paths(s, q);
        return Single($"dispute/{q.Id}/{openModel}/{withBacker}", s, paths, samples,
            () => DisputeForecast.Probability(s, q, options.Disputes!, openModel, withBacker));
    }

    public QuestionRun Coercion(Scenario s, string leverId, Coercion.CoercionMeasure measure, int samples)
    {
        var lever = s.Lever(leverId);
        return Single($"coercion/{leverId}/{measure}", s, LeverCases.Paths(lever), samples, () => LeverCases.Ratio(lever, measure));
    }

    /// <summary>A one-output model's run: its value at the central scenario and its Monte Carlo values.</summary>
    private QuestionRun Single(string what, Scenario s, IReadOnlyList<string> paths, int samples, Func<ScenarioModel> build)
    {
        (InputSet Inputs, ScenarioModel Model)? made = null;
        (InputSet Inputs, ScenarioModel Model) Made() => made ??= (ScenarioInputs.Create(s, paths), build());
        return Cached(what, s, paths, samples,
            first =>
            {
                var (inputs, model) = Made();
                return MonteCarlo.RunMany(inputs, 1, (draw, into) => into[0] = model(draw), Draws(samples), Progress(), ct, first);
            },
            outputs =>
            {
                var (inputs, model) = Made();
                return new QuestionRun(MonteCarlo.Evaluate(inputs, model, inputs.Medians()), outputs) { Outputs = outputs };
            });
    }

    /// <summary>
    /// The run of <paramref name="what"/> on these inputs with <paramref name="samples"/> draws. Draw k
    /// is the same whatever the run's length (seed stream k), so a shorter run is the first draws of a
    /// longer one with the same inputs, and a longer one extends it: <paramref name="draw"/>(first) makes
    /// draws first..samples-1 and <paramref name="assemble"/> makes the run from all the outputs.
    /// </summary>
    private QuestionRun Cached(string what, Scenario s, IReadOnlyList<string> paths, int samples,
        Func<int, double[]> draw, Func<double[], QuestionRun> assemble)
    {
        ct.ThrowIfCancellationRequested();
        if (!_values.TryGetValue(s, out var values))
            _values[s] = values = s.Inputs.ToDictionary(i => i.Path, i => i.Value, StringComparer.Ordinal);
        var inputs = paths.Select(p => (p, values[p].Estimate, values[p].Distribution)).ToArray();
        var key = new RunKey(what, samples, inputs);
        if (_runs.TryGetValue(key, out var run)) return run;

        var anyLength = new RunKey(what, 0, inputs);
        var longest = _longest.GetValueOrDefault(anyLength);
        var have = longest is null ? 0 : longest.Draws.Count;
        var width = longest is null ? 0 : longest.Outputs.Length / have;
        double[] outputs;
        if (longest is not null && have >= samples) outputs = longest.Outputs[..(samples * width)];
        else if (longest is not null) outputs = [.. longest.Outputs, .. draw(have)];
        else outputs = draw(0);

        _runs[key] = run = assemble(outputs);
        if (samples > have) _longest[anyLength] = run;
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
