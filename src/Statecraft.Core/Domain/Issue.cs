namespace Statecraft.Core.Domain;

/// <summary>What the ends of an issue's scale mean, e.g. 0 = "Russia's camp", 100 = "Western-anchored".</summary>
public sealed record IssueScale(double Min, double Max, string MinMeaning, string MaxMeaning)
{
    public static readonly IssueScale Percent = new(0, 100, "0", "100");

    public bool Contains(double x) => x >= Min && x <= Max;

    public override string ToString() => $"{Min:R} = {MinMeaning}, {Max:R} = {MaxMeaning}";
}

/// <summary>A stakeholder on one issue: where it stands, how strong it is, how much it cares.</summary>
public sealed record Actor(string Name, Capability Capability, Position Position, Salience Salience);

/// <summary>
/// One issue of bargaining: a scale and at least two actors with distinct names. Built through
/// <see cref="Create"/>, which reports every problem at once.
/// </summary>
public sealed class Issue
{
    private Issue(string name, IssueScale scale, IReadOnlyList<Actor> actors)
    {
        Name = name;
        Scale = scale;
        Actors = actors;
    }

    public string Name { get; }
    public IssueScale Scale { get; }
    public IReadOnlyList<Actor> Actors { get; }

    public static ParseResult<Issue> Create(string name, IssueScale? scale, IReadOnlyList<Actor> actors)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(name)) problems.Add(new Problem("issue", "name", "expected a non-empty name"));
        if (scale is not null && !(double.IsFinite(scale.Min) && double.IsFinite(scale.Max) && scale.Min < scale.Max))
            problems.Add(new Problem(name, "scale", $"expected finite min < max, found [{scale.Min}, {scale.Max}]"));
        if (actors.Count < 2)
            problems.Add(new Problem(name, "actors", $"expected at least two actors, found {actors.Count}"));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var actor in actors)
        {
            if (string.IsNullOrWhiteSpace(actor.Name))
                problems.Add(new Problem("actor", "name", "expected a non-empty name"));
            else if (!seen.Add(actor.Name))
                problems.Add(new Problem(actor.Name, "name", "duplicate actor name"));
            if (scale is not null && scale.Contains(scale.Min) && !scale.Contains(actor.Position.Value))
                problems.Add(new Problem(actor.Name, "position",
                    $"expected a value within the scale [{scale.Min:R}, {scale.Max:R}], found {actor.Position}"));
        }

        // Every forecast weighs positions by capability × salience: with no weight at all it is 0/0.
        if (actors.Count >= 2 && !actors.Any(a => a.Capability.Value * a.Salience.Value > 0))
            problems.Add(new Problem(name, "actors", "expected at least one actor with capability > 0 and salience > 0; every forecast weighs positions by them"));
        if (problems.Count > 0) return ParseResult<Issue>.ForProblems(problems);

        // Without a stated scale, the span of the actors' positions is the scale.
        var effective = scale ?? new IssueScale(
            actors.Min(a => a.Position.Value), actors.Max(a => a.Position.Value), "lowest position", "highest position");
        return ParseResult<Issue>.ForValue(new Issue(name, effective, actors.ToArray()));
    }

    public Issue WithPositions(IReadOnlyList<double> positions)
    {
        if (positions.Count != Actors.Count) throw new ArgumentException("one position per actor", nameof(positions));
        var moved = new Actor[Actors.Count];
        for (var i = 0; i < moved.Length; i++) moved[i] = Actors[i] with { Position = new Position(positions[i]) };
        return new Issue(Name, Scale, moved);
    }
}
