using Statecraft.Core.Domain;
using Statecraft.Core.Uncertainty;

namespace Statecraft.Core.Conflict;

/// <summary>A state whose capability and committed share may be uncertain.</summary>
public sealed record UncertainWarTrapState(string Id, Distribution Capability, Distribution? CommittedElsewhere = null);

/// <summary>A pair value (miles, similarity) that may be uncertain.</summary>
public sealed record UncertainStatePair(string A, string B, Distribution Value);

/// <summary>A third party's commitment whose strength may be uncertain.</summary>
public sealed record UncertainCommitment(string State, string Side, Distribution Strength);

/// <summary>
/// A War Trap region whose numbers may be distributions. <see cref="Inputs"/> names every uncertain
/// quantity (<c>capability[RUS]</c>, <c>committed_elsewhere[RUS]</c>, <c>commitment[TUR-&gt;AZE]</c>,
/// <c>similarity[A-B]</c>, and <c>miles[A-B]</c> when a distance is uncertain) so the Monte Carlo
/// engine can draw whole scenarios; <see cref="Realize"/> turns one draw into a concrete spec.
/// </summary>
public sealed class UncertainWarTrap
{
    private readonly IReadOnlyList<UncertainWarTrapState> _states;
    private readonly IReadOnlyList<UncertainStatePair> _distances;
    private readonly IReadOnlyList<AllianceTie>? _ties;
    private readonly IReadOnlyList<UncertainStatePair>? _similarity;
    private readonly IReadOnlyList<UncertainCommitment> _commitments;
    private readonly int[] _distanceInput; // input index per distance, or −1 for a fixed distance

    // Ties are fixed, so τ_b and unweighted S are the same in every draw: computed once per measure.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<SimilarityMeasure, double[]> _tieSimilarity = new();

    private UncertainWarTrap(
        IReadOnlyList<UncertainWarTrapState> states,
        IReadOnlyList<UncertainStatePair> distances,
        IReadOnlyList<AllianceTie>? ties,
        IReadOnlyList<UncertainStatePair>? similarity,
        IReadOnlyList<UncertainCommitment> commitments,
        InputSet inputs,
        int[] distanceInput)
    {
        _states = states;
        _distances = distances;
        _ties = ties;
        _similarity = similarity;
        _commitments = commitments;
        Inputs = inputs;
        _distanceInput = distanceInput;
    }

    public InputSet Inputs { get; }

    /// <summary>True when the region gives similarity values directly instead of alliance ties.</summary>
    public bool SimilarityGivenDirectly => _similarity is not null;

    public IReadOnlyList<string> StateIds => _states.Select(s => s.Id).ToArray();

    public static string CapabilityInput(string state) => $"capability[{state}]";

    public static string CommittedInput(string state) => $"committed_elsewhere[{state}]";

    public static string CommitmentInput(string state, string side) => $"commitment[{state}->{side}]";

    public static string SimilarityInput(string a, string b) => $"similarity[{a}-{b}]";

    public static string MilesInput(string a, string b) => $"miles[{a}-{b}]";

    /// <summary>Checks the region at its medians and the distributions against their domains.</summary>
    public static ParseResult<UncertainWarTrap> Create(
        IReadOnlyList<UncertainWarTrapState> states,
        IReadOnlyList<UncertainStatePair> distances,
        IReadOnlyList<AllianceTie>? ties,
        IReadOnlyList<UncertainStatePair>? similarity,
        IReadOnlyList<UncertainCommitment> commitments)
    {
        var inputs = new List<UncertainInput>();
        foreach (var s in states)
        {
            inputs.Add(new UncertainInput(CapabilityInput(s.Id), s.Capability, Bounds.NonNegative));
            inputs.Add(new UncertainInput(CommittedInput(s.Id), s.CommittedElsewhere ?? Distribution.Point(0), Bounds.UnitInterval));
        }

        foreach (var c in commitments) inputs.Add(new UncertainInput(CommitmentInput(c.State, c.Side), c.Strength, Bounds.UnitInterval));
        foreach (var u in similarity ?? []) inputs.Add(new UncertainInput(SimilarityInput(u.A, u.B), u.Value, new Bounds(-1, 1)));
        var distanceInput = new int[distances.Count];
        for (var d = 0; d < distances.Count; d++)
        {
            distanceInput[d] = -1;
            if (distances[d].Value.IsPoint) continue;
            distanceInput[d] = inputs.Count;
            inputs.Add(new UncertainInput(MilesInput(distances[d].A, distances[d].B), distances[d].Value, Bounds.NonNegative));
        }

        var problems = new List<Problem>();
        var set = InputSet.Create(inputs);
        problems.AddRange(set.Problems);
        if (problems.Count > 0) return ParseResult<UncertainWarTrap>.ForProblems(problems);

        var region = new UncertainWarTrap(states, distances, ties, similarity, commitments, set.Value, distanceInput);
        problems.AddRange(region.Realize(set.Value.Medians()).Validate());
        return problems.Count > 0 ? ParseResult<UncertainWarTrap>.ForProblems(problems) : ParseResult<UncertainWarTrap>.ForValue(region);
    }

    /// <summary>The concrete region for one set of input values (in <see cref="Inputs"/> order).</summary>
    public WarTrapSpec Realize(ReadOnlySpan<double> values)
    {
        var k = 0;
        var states = new WarTrapState[_states.Count];
        for (var i = 0; i < states.Length; i++)
        {
            states[i] = new WarTrapState(_states[i].Id, values[k], values[k + 1]);
            k += 2;
        }

        var commitments = new ThirdPartyCommitment[_commitments.Count];
        for (var i = 0; i < commitments.Length; i++) commitments[i] = new ThirdPartyCommitment(_commitments[i].State, _commitments[i].Side, values[k++]);

        StatePair[]? similarity = null;
        if (_similarity is not null)
        {
            similarity = new StatePair[_similarity.Count];
            for (var i = 0; i < similarity.Length; i++) similarity[i] = new StatePair(_similarity[i].A, _similarity[i].B, values[k++]);
        }

        var distances = new StatePair[_distances.Count];
        for (var i = 0; i < distances.Length; i++)
        {
            var d = _distances[i];
            distances[i] = new StatePair(d.A, d.B, _distanceInput[i] < 0 ? d.Value.Median : values[_distanceInput[i]]);
        }

        return new WarTrapSpec(states, distances, _ties, similarity, commitments);
    }

    /// <summary>The model for one drawn scenario.</summary>
    public WarTrapModel Model(ScenarioDraw draw, WarTrapOptions options)
    {
        double[]? similarity = null;
        if (_ties is not null && options.Measure != SimilarityMeasure.WeightedS)
        {
            similarity = _tieSimilarity.GetOrAdd(options.Measure,
                measure => WarTrapModel.Create(Realize(Inputs.Medians()), options with { Measure = measure }).Value.SimilarityMatrix);
        }

        return WarTrapModel.Create(Realize(draw.Values), options, similarity).Value;
    }

    /// <summary>EU_attacker(target) as a function of a drawn scenario, for <see cref="MonteCarlo"/>.</summary>
    public ScenarioModel ExpectedUtility(string attacker, string target, WarTrapOptions options) => draw =>
    {
        var model = Model(draw, options);
        return model.ExpectedUtility(model.IndexOf(attacker), model.IndexOf(target));
    };
}
