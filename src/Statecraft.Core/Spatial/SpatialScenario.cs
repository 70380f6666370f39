using Statecraft.Core.Domain;

namespace Statecraft.Core.Spatial;

/// <summary>
/// An actor of the spatial model: capability, and per dimension a position and a salience, both on
/// [0, 1] (KTAB files give them on 0-100; readers divide by 100).
/// </summary>
public sealed record SpatialActor(
    string Name, string Description, double Capability, IReadOnlyList<double> Position, IReadOnlyList<double> Salience);

/// <summary>
/// Actor <c>Adjusting</c> moves its ideal toward <c>Reference</c>'s position at <c>Rate</c> per turn
/// (KTAB's ideal-adjustment pair). Unlisted pairs are 0, except each actor's own, which is 1.
/// </summary>
public sealed record IdealAdjustment(string Adjusting, string Reference, double Rate);

/// <summary>
/// A multi-dimensional bargaining scenario, as KTAB reads it. Built through <see cref="Create"/>,
/// which reports every problem at once.
/// </summary>
public sealed class SpatialScenario
{
    private SpatialScenario(string name, string description, IReadOnlyList<string> dimensions,
        IReadOnlyList<SpatialActor> actors, IReadOnlyList<IdealAdjustment> adjustments, SmpOptions? options)
    {
        Name = name;
        Description = description;
        Dimensions = dimensions;
        Actors = actors;
        IdealAdjustments = adjustments;
        Options = options;
    }

    public string Name { get; }
    public string Description { get; }
    public IReadOnlyList<string> Dimensions { get; }
    public IReadOnlyList<SpatialActor> Actors { get; }
    public IReadOnlyList<IdealAdjustment> IdealAdjustments { get; }

    /// <summary>Model parameters carried by the scenario file (KTAB XML), if any.</summary>
    public SmpOptions? Options { get; }

    /// <summary>Salience sums may exceed 1 by this much (rounding in files written to two decimals).</summary>
    public const double SalienceSumTolerance = 1e-9;

    public static ParseResult<SpatialScenario> Create(string name, string description, IReadOnlyList<string> dimensions,
        IReadOnlyList<SpatialActor> actors, IReadOnlyList<IdealAdjustment>? adjustments = null, SmpOptions? options = null)
    {
        var problems = new List<Problem>();
        var subject = string.IsNullOrWhiteSpace(name) ? "scenario" : name;
        if (dimensions.Count < 1) problems.Add(new Problem(subject, "dimensions", "expected at least one dimension"));
        if (actors.Count < 2) problems.Add(new Problem(subject, "actors", $"expected at least two actors, found {actors.Count}"));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var actor in actors)
        {
            var who = string.IsNullOrWhiteSpace(actor.Name) ? "actor" : actor.Name;
            problems.AddRange(ValidateActor(who, actor, dimensions.Count));
            if (!string.IsNullOrWhiteSpace(actor.Name) && !seen.Add(actor.Name))
                problems.Add(new Problem(actor.Name, "name", "duplicate actor name"));
        }

        adjustments ??= [];
        foreach (var a in adjustments)
        {
            if (!seen.Contains(a.Adjusting))
                problems.Add(new Problem(a.Adjusting, "adjustingIdeal", "expected the name of an actor"));
            if (!seen.Contains(a.Reference))
                problems.Add(new Problem(a.Reference, "referencePos", "expected the name of an actor"));
            if (!(double.IsFinite(a.Rate) && a.Rate is >= 0 and <= 1))
                problems.Add(new Problem(a.Adjusting, "adjust", $"expected a rate in [0, 1], found {a.Rate}"));
        }

        if (problems.Count > 0) return ParseResult<SpatialScenario>.ForProblems(problems);
        return ParseResult<SpatialScenario>.ForValue(new SpatialScenario(
            name, description, dimensions.ToArray(), actors.ToArray(), adjustments.ToArray(), options));
    }

    /// <summary>Problems with one actor, for readers that want to attach a location to each.</summary>
    public static IEnumerable<Problem> ValidateActor(string who, SpatialActor actor, int dimensions)
    {
        if (string.IsNullOrWhiteSpace(actor.Name)) yield return new Problem("actor", "name", "expected a non-empty name");
        if (!(double.IsFinite(actor.Capability) && actor.Capability > 0))
            yield return new Problem(who, "capability", $"expected a finite number > 0, found {actor.Capability}");
        if (actor.Position.Count != dimensions)
            yield return new Problem(who, "position", $"expected {dimensions} coordinate(s), found {actor.Position.Count}");
        if (actor.Salience.Count != dimensions)
            yield return new Problem(who, "salience", $"expected {dimensions} salience(s), found {actor.Salience.Count}");
        for (var k = 0; k < actor.Position.Count; k++)
            if (!(double.IsFinite(actor.Position[k]) && actor.Position[k] is >= 0 and <= 1))
                yield return new Problem(who, $"position {k + 1}", $"expected a value in [0, 100], found {actor.Position[k] * 100}");
        var sum = 0.0;
        for (var k = 0; k < actor.Salience.Count; k++)
        {
            var s = actor.Salience[k];
            if (!(double.IsFinite(s) && s is >= 0 and <= 1))
                yield return new Problem(who, $"salience {k + 1}", $"expected a value in [0, 100], found {s * 100}");
            else sum += s;
        }

        if (sum > 1 + SalienceSumTolerance)
            yield return new Problem(who, "salience", $"expected saliences summing to at most 100, found {sum * 100:0.###}");
        else if (actor.Salience.Count == dimensions && dimensions > 0 && sum <= 0)
            yield return new Problem(who, "salience", "expected a positive salience on at least one dimension");
    }
}
