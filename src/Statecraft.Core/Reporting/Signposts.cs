using Statecraft.Core.Scenarios;
using Statecraft.Core.Scenarios.Analysis;
using Statecraft.Core.Uncertainty;

namespace Statecraft.Core.Reporting;

/// <summary>An indicator to watch: the input, and what observing it would mean, in words.</summary>
public sealed record Signpost(string Input, string Text);

/// <summary>
/// Flip points as observable events: "if the share of Russia's forces committed elsewhere falls below
/// 31% (now 65%), ...". A flip at the central value itself means the answer sits on its boundary,
/// and is said so, instead of "changes the verdict at" the value it already has.
/// </summary>
public static class Signposts
{
    /// <summary>The signposts of a judgement: each flip point of its answer as a condition ("if X falls below ...").</summary>
    public static IReadOnlyList<Signpost> For(Scenario s, Answer a) =>
        a.Flips.Where(f => f.Nearest is not null).Select(f => new Signpost(f.Input, Condition(s, f))).ToArray();

    /// <summary>One flip point in a sentence, for the question's own section (also when it never flips).</summary>
    public static string Describe(Scenario s, Question q, FlipPoint f)
    {
        var threshold = q.Expect.Above ?? q.Expect.Below;
        var crosses = threshold is { } t ? $"the central answer crosses {Numbers.Value(t)}" : "the central answer changes side";
        return f.Nearest is null ? Condition(s, f) + "." : $"{Condition(s, f)}, {crosses}.";
    }

    /// <summary>"If X falls below 31% (now 65%, -52%)"; or where it never flips, or sits on the boundary.</summary>
    public static string Condition(Scenario s, FlipPoint f)
    {
        var name = ScenarioInputs.Label(s, f.Input);
        string V(double x) => InputValues.Format(s, f.Input, x);
        if (f.Nearest is not { } at)
            return $"{Capital(name)}, moved alone anywhere from {V(f.SearchMin)} to {V(f.SearchMax)} (now {V(f.Baseline)}), does not move the central answer across its threshold";
        var rises = at > f.Baseline;
        if (V(at) == V(f.Baseline))
            return $"{Capital(name)} sits at the boundary already ({V(f.Baseline)}): if it {(rises ? "rises" : "falls")} at all";
        var change = f.Baseline == 0 ? "" : $", {(rises ? "+" : "-")}{Numbers.Percent(Math.Abs(at - f.Baseline) / Math.Abs(f.Baseline))}";
        return $"If {name} {(rises ? "rises above" : "falls below")} {V(at)} (now {V(f.Baseline)}{change})";
    }

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
