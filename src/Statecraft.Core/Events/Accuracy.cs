namespace Statecraft.Core.Events;

/// <summary>An event as accuracy counts it: source, target and CAMEO code family (the two-digit root).
/// A gold event's actor may be null (the record does not say: any actor matches) or list readings
/// as <c>A|B</c> (either matches).</summary>
public readonly record struct ScoredEvent(string? Source, string? Target, string Family)
{
    /// <summary>Source, target and family of a coded event; with <paramref name="countryLevel"/> the actors
    /// are cut to their first three letters (<c>RUSGOV</c> counts as <c>RUS</c>).</summary>
    public static ScoredEvent Of(string source, string target, string code, bool countryLevel = false) =>
        new(countryLevel ? Timelines.Country(source) : source, countryLevel ? Timelines.Country(target) : target, CameoScale.Family(code));

    /// <summary>Whether a found event meets this gold event: equal family, equal actors where the gold says.</summary>
    public bool Admits(ScoredEvent found) =>
        Family == found.Family && Meets(Source, found.Source) && Meets(Target, found.Target);

    private static bool Meets(string? gold, string? found) =>
        gold is null || (found is not null && gold.Split('|').Contains(found, StringComparer.Ordinal));
}

/// <summary>One record's gold events and the events the coder found.</summary>
public sealed record ScoredRecord(string Id, IReadOnlyList<ScoredEvent> Gold, IReadOnlyList<ScoredEvent> Found)
{
    /// <summary>How many found events meet a gold event, each used once. Gold events that name both actors
    /// are matched first, so a wildcard does not take an event a precise gold event needs.</summary>
    public int Matched
    {
        get
        {
            var left = Found.ToList();
            var matched = 0;
            foreach (var g in Gold.OrderBy(g => (g.Source is null ? 1 : 0) + (g.Target is null ? 1 : 0)))
            {
                var i = left.FindIndex(g.Admits);
                if (i < 0) continue;
                left.RemoveAt(i);
                matched++;
            }

            return matched;
        }
    }
}

/// <summary>Precision (found events that are gold), recall (gold events found) and F1, micro-averaged over
/// records: every event counts once.</summary>
public sealed record Accuracy(int Records, int Gold, int Found, int Matched)
{
    public double Precision => Found == 0 ? 0 : (double)Matched / Found;

    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static Accuracy Of(IEnumerable<ScoredRecord> records)
    {
        int n = 0, gold = 0, found = 0, matched = 0;
        foreach (var r in records)
        {
            n++;
            gold += r.Gold.Count;
            found += r.Found.Count;
            matched += r.Matched;
        }

        return new Accuracy(n, gold, found, matched);
    }
}
