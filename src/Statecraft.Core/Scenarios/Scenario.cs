using Statecraft.Core.Domain;

namespace Statecraft.Core.Scenarios;

/// <summary>One uncertain number of a scenario, addressed by a stable path (see <see cref="Scenario.Inputs"/>).</summary>
public sealed record Input(string Path, string Label, SourcedValue Value);

/// <summary>
/// A situation written down as a model: sources, actors, issues, ties, levers, policies and the
/// questions to ask of it. Immutable; built through <see cref="Create"/>, which reports every problem.
/// </summary>
public sealed class Scenario
{
    private readonly Dictionary<string, Source> _sources;
    private readonly Dictionary<string, ScenarioActor> _actors;
    private readonly Dictionary<string, ScenarioIssue> _issues;
    private readonly Dictionary<string, Parameter> _parameters;
    private readonly Dictionary<string, Lever> _levers;
    private readonly Dictionary<string, Policy> _policies;

    private Scenario(ScenarioHeader header, IReadOnlyList<Source> sources, IReadOnlyList<ScenarioActor> actors,
        IReadOnlyList<ScenarioIssue> issues, IReadOnlyList<Tie> ties, IReadOnlyList<Parameter> parameters,
        IReadOnlyList<Lever> levers, IReadOnlyList<Policy> policies, IReadOnlyList<Question> questions,
        IReadOnlyList<Forecasting.ResolvableQuestion> forecasts)
    {
        Header = header;
        Sources = sources;
        Actors = actors;
        Issues = issues;
        Ties = ties;
        Parameters = parameters;
        Levers = levers;
        Policies = policies;
        Questions = questions;
        Forecasts = forecasts;
        _sources = sources.ToDictionary(s => s.Id);
        _actors = actors.ToDictionary(a => a.Id);
        _issues = issues.ToDictionary(i => i.Id);
        _parameters = parameters.ToDictionary(p => p.Id);
        _levers = levers.ToDictionary(l => l.Id);
        _policies = policies.ToDictionary(p => p.Id);
    }

    public ScenarioHeader Header { get; }
    public string Id => Header.Id;
    public DateOnly Date => Header.Date;
    public IReadOnlyList<Source> Sources { get; }
    public IReadOnlyList<ScenarioActor> Actors { get; }
    public IReadOnlyList<ScenarioIssue> Issues { get; }
    public IReadOnlyList<Tie> Ties { get; }
    public IReadOnlyList<Parameter> Parameters { get; }
    public IReadOnlyList<Lever> Levers { get; }
    public IReadOnlyList<Policy> Policies { get; }
    public IReadOnlyList<Question> Questions { get; }

    /// <summary>The dated, resolvable questions forecast from this scenario (docs/forecasting.md).</summary>
    public IReadOnlyList<Forecasting.ResolvableQuestion> Forecasts { get; }

    public Source Source(string id) => _sources[id];
    public ScenarioActor Actor(string id) => _actors[id];
    public ScenarioIssue Issue(string id) => _issues[id];
    public Parameter Parameter(string id) => _parameters[id];
    public Lever Lever(string id) => _levers[id];
    public Policy Policy(string id) => _policies[id];
    public bool HasActor(string id) => _actors.ContainsKey(id);
    public bool HasParameter(string id) => _parameters.ContainsKey(id);
    public bool HasPolicy(string id) => _policies.ContainsKey(id);

    /// <summary>A stance's weight on its issue: its own influence, or (on an issue decided by force) its actor's capability.</summary>
    public SourcedValue InfluenceOf(Stance stance) => stance.Influence ?? _actors[stance.ActorId].Capability;

    /// <summary>Ties in force at the scenario date.</summary>
    public IEnumerable<Tie> TiesInForce => Ties.Where(t => t.HoldsOn(Date));

    /// <summary>
    /// Every number of the scenario, in file order, with a stable path:
    /// <c>actor/ID/capability</c>, <c>actor/ID/ATTRIBUTE</c>, <c>issue/ID/ACTOR/position|salience|influence</c>,
    /// <c>parameter/ID</c>, <c>lever/ID/INPUT</c>, <c>policy/ID/cost</c> (a response's cost to its actor).
    /// </summary>
    public IReadOnlyList<Input> Inputs
    {
        get
        {
            var inputs = new List<Input>();
            foreach (var a in Actors)
            {
                inputs.Add(new Input($"actor/{a.Id}/capability", InputLabels.Capability(a), a.Capability));
                foreach (var (k, v) in a.Attributes) inputs.Add(new Input($"actor/{a.Id}/{k}", InputLabels.Attribute(a, k), v));
            }

            foreach (var i in Issues)
                foreach (var s in i.Stances)
                {
                    inputs.Add(new Input($"issue/{i.Id}/{s.ActorId}/position", InputLabels.Position(_actors[s.ActorId], i), s.Position));
                    inputs.Add(new Input($"issue/{i.Id}/{s.ActorId}/salience", InputLabels.Salience(_actors[s.ActorId], i), s.Salience));
                    if (s.Influence is { } influence)
                        inputs.Add(new Input($"issue/{i.Id}/{s.ActorId}/influence", InputLabels.Influence(_actors[s.ActorId], i), influence));
                }

            foreach (var p in Parameters) inputs.Add(new Input($"parameter/{p.Id}", p.Text, p.Value));
            foreach (var l in Levers)
                foreach (var (k, v) in l.Inputs)
                    inputs.Add(new Input($"lever/{l.Id}/{k}", InputLabels.LeverInput(l, k, id => _actors[id].Name), v));
            foreach (var p in Policies)
                if (p.Cost is { } cost) inputs.Add(new Input($"policy/{p.Id}/cost", $"cost of {p.Id} to {p.ResponseBy}", cost));

            // A number several experts judged says so in its label (drivers and flip points show it).
            for (var k = 0; k < inputs.Count; k++)
                if (inputs[k].Value.Experts is { } experts)
                    inputs[k] = inputs[k] with { Label = $"{inputs[k].Label} (pooled from {experts.Count} experts)" };
            return inputs;
        }
    }

    public static ParseResult<Scenario> Create(ScenarioHeader header, IReadOnlyList<Source> sources,
        IReadOnlyList<ScenarioActor> actors, IReadOnlyList<ScenarioIssue> issues, IReadOnlyList<Tie> ties,
        IReadOnlyList<Parameter> parameters, IReadOnlyList<Lever> levers, IReadOnlyList<Policy> policies,
        IReadOnlyList<Question> questions, IReadOnlyList<Forecasting.ResolvableQuestion>? forecasts = null)
    {
        forecasts ??= [];
        var problems = ScenarioValidator.Validate(header, sources, actors, issues, ties, parameters, levers, policies, questions, forecasts);
        return problems.Count > 0
            ? ParseResult<Scenario>.ForProblems(problems)
            : ParseResult<Scenario>.ForValue(new Scenario(header, sources, actors, issues, ties, parameters, levers, policies, questions, forecasts));
    }

    /// <summary>
    /// The scenario after a policy package (its included packages first, then its own changes in
    /// order). Results are clamped to what the domain allows: saliences to [0, 1], positions to the
    /// issue's scale, capabilities and parameters to their declared bounds (not below 0).
    /// </summary>
    public Scenario Apply(Policy policy)
    {
        var current = this;
        foreach (var inc in policy.Includes) current = current.Apply(_policies[inc]);
        foreach (var change in policy.Changes) current = current.ApplyChange(change);
        return current;
    }

    /// <summary>
    /// The scenario with every number several experts judged pooled by <paramref name="aggregation"/>
    /// (the command line's override of the file's choice).
    /// </summary>
    public Scenario WithExpertAggregation(Elicitation.ExpertAggregation aggregation)
    {
        var pooled = Map((_, v) => v.Experts is { } experts ? Elicitation.ExpertPooling.Aggregate(experts, aggregation) : v);
        return new Scenario(Header with { Aggregation = aggregation }, pooled.Sources, pooled.Actors, pooled.Issues, pooled.Ties,
            pooled.Parameters, pooled.Levers, pooled.Policies, pooled.Questions, pooled.Forecasts);
    }

    /// <summary>The scenario with some inputs replaced by fixed numbers (one Monte Carlo draw, or a sensitivity probe).</summary>
    public Scenario WithValues(IReadOnlyDictionary<string, double> values) =>
        Map((path, v) => values.TryGetValue(path, out var x) ? v with { Estimate = Estimate.Point(x), Distribution = null } : v);

    private Scenario ApplyChange(Change change)
    {
        var t = change.Target;
        string path = t.Issue is not null ? $"issue/{t.Issue}/{t.Actor}/{t.Field}"
            : t.Parameter is not null ? $"parameter/{t.Parameter}"
            : t.Lever is not null ? $"lever/{t.Lever}/{t.Field}"
            : $"actor/{t.Actor}/{t.Field}";
        return Map((p, v) => p != path ? v
            : v.Experts is { } experts && change.Operation != ChangeOperation.Set
                // A shift or scaling applies to each expert's judgement; the pool is then re-formed.
                ? Elicitation.ExpertPooling.Aggregate(experts.Select(e => ChangeValue(e, change, BoundsOf(path)) with { Source = e.Source }).ToArray(), Header.Aggregation)
                : ChangeValue(v, change, BoundsOf(path)));
    }

    /// <summary>The interval a value at <paramref name="path"/> must stay in.</summary>
    public (double Min, double Max) BoundsOf(string path)
    {
        var parts = path.Split('/');
        if (parts[0] == "issue" && parts.Length == 4)
            return parts[3] switch
            {
                "salience" => (0, 1),
                "influence" => (0, double.PositiveInfinity),
                _ => (_issues[parts[1]].Scale.Min, _issues[parts[1]].Scale.Max),
            };
        if (parts[0] == "actor" && parts.Length == 3 && parts[2] == "committed_elsewhere") return (0, 1);
        if (parts[0] == "actor" && parts.Length == 3 && parts[2] is "lat" or "lon" or "un_ideal_point") return (double.NegativeInfinity, double.PositiveInfinity);
        if (parts[0] == "parameter" && _parameters.TryGetValue(parts[1], out var p)) return BoundsOfUnit(p.Unit);
        return (0, double.PositiveInfinity);
    }

    internal static (double, double) BoundsOfUnit(string unit) =>
        unit is "share" or "probability" ? (0, 1) : (0, double.PositiveInfinity);

    private static SourcedValue ChangeValue(SourcedValue v, Change change, (double Min, double Max) bounds)
    {
        var e = v.Estimate;
        var a = change.Amount;
        var raw = change.Operation switch
        {
            ChangeOperation.Set => a,
            ChangeOperation.Add => new Estimate(e.Central + a.Central, e.Low + a.Low, e.High + a.High),
            _ => new Estimate(e.Central * a.Central, Math.Min(e.Low * a.Low, e.High * a.High), Math.Max(e.Low * a.Low, e.High * a.High)),
        };
        var clamped = raw.Map(x => Math.Clamp(x, bounds.Min, bounds.Max));
        return new SourcedValue(clamped, change.Source, change.Where);
    }

    private Scenario Map(Func<string, SourcedValue, SourcedValue> f)
    {
        var actors = Actors.Select(a => a with
        {
            Capability = f($"actor/{a.Id}/capability", a.Capability),
            Attributes = a.Attributes.ToDictionary(kv => kv.Key, kv => f($"actor/{a.Id}/{kv.Key}", kv.Value)),
        }).ToArray();
        var issues = Issues.Select(i => i with
        {
            Stances = i.Stances.Select(s => s with
            {
                Position = f($"issue/{i.Id}/{s.ActorId}/position", s.Position),
                Salience = f($"issue/{i.Id}/{s.ActorId}/salience", s.Salience),
                Influence = s.Influence is null ? null : f($"issue/{i.Id}/{s.ActorId}/influence", s.Influence),
            }).ToArray(),
        }).ToArray();
        var parameters = Parameters.Select(p => p with { Value = f($"parameter/{p.Id}", p.Value) }).ToArray();
        var levers = Levers.Select(l => l with
        {
            Inputs = l.Inputs.ToDictionary(kv => kv.Key, kv => f($"lever/{l.Id}/{kv.Key}", kv.Value)),
        }).ToArray();
        return new Scenario(Header, Sources, actors, issues, Ties, parameters, levers, Policies, Questions, Forecasts);
    }
}

/// <summary>
/// The scenario's identity: id, title, the date it is set at, a short description, and how numbers
/// judged by several experts are pooled (<see cref="Elicitation.ExpertAggregation"/>).
/// </summary>
public sealed record ScenarioHeader(
    string Id,
    string Title,
    DateOnly Date,
    string Description = "",
    SourceLocation? Where = null,
    Elicitation.ExpertAggregation Aggregation = Elicitation.ExpertAggregation.LinearPool);
