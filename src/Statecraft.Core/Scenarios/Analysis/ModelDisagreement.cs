using System.Globalization;
using Statecraft.Core.Domain;

namespace Statecraft.Core.Scenarios.Analysis;

/// <summary>
/// Why the ensemble's members disagree, in words: at the central scenario, which actor's position
/// each model ends on and which actors move or pull it there.
/// </summary>
internal static class ModelDisagreement
{
    /// <summary>The members disagree when their medians over the draws span more than this share of the scale (15 points on 0-100).</summary>
    public const double Threshold = 0.15;

    /// <param name="issue">The issue at the central scenario.</param>
    /// <param name="bdmFinal">BDM's positions after its last round, in actor order.</param>
    /// <param name="smpFinal">SMP's final positions (NaN for actors it leaves out), or null when it could not run.</param>
    /// <param name="forecasts">bdm, smp, weighted mean, weighted median at the central scenario.</param>
    public static string Explain(Issue issue, IReadOnlyList<double> bdmFinal, IReadOnlyList<double>? smpFinal, IReadOnlyList<double> forecasts)
    {
        var parts = new List<string>
        {
            $"BDM {F(forecasts[0])} ({Bargained(issue, bdmFinal, forecasts[0])})",
        };
        if (smpFinal is not null && double.IsFinite(forecasts[1])) parts.Add($"SMP {F(forecasts[1])} ({Bargained(issue, smpFinal, forecasts[1])})");
        parts.Add($"weighted mean {F(forecasts[2])} ({Pulls(issue, forecasts[2])})");
        parts.Add($"weighted median {F(forecasts[3])} ({Holder(issue, issue.Actors.Select(a => a.Position.Value).ToArray(), forecasts[3])}'s stated position)");
        return string.Join("; ", parts);
    }

    /// <summary>Where a bargaining model ends: whose final position holds the median, and the largest moves that put it there.</summary>
    private static string Bargained(Issue issue, IReadOnlyList<double> final, double forecast)
    {
        var moves = Enumerable.Range(0, issue.Actors.Count)
            .Where(i => double.IsFinite(final[i]) && Math.Abs(final[i] - issue.Actors[i].Position.Value) >= 0.005 * Span(issue))
            .OrderByDescending(i => Math.Abs(final[i] - issue.Actors[i].Position.Value)).ThenBy(i => i)
            .Take(3)
            .Select(i => $"{issue.Actors[i].Name} {F(issue.Actors[i].Position.Value)}→{F(final[i])}")
            .ToArray();
        var holder = Holder(issue, final, forecast);
        return moves.Length == 0
            ? $"nobody moves; ends on {holder}'s position"
            : $"ends on {holder}'s position after {string.Join(", ", moves)}";
    }

    /// <summary>The actor whose position is nearest the forecast (the first in input order among equals).</summary>
    private static string Holder(Issue issue, IReadOnlyList<double> positions, double forecast)
    {
        var best = -1;
        for (var i = 0; i < issue.Actors.Count; i++)
            if (double.IsFinite(positions[i]) && (best < 0 || Math.Abs(positions[i] - forecast) < Math.Abs(positions[best] - forecast))) best = i;
        return best < 0 ? "no actor" : issue.Actors[best].Name;
    }

    /// <summary>The largest pulls on the weighted mean: w_i (x_i − mean) / Σ w, up and down.</summary>
    private static string Pulls(Issue issue, double mean)
    {
        double total = 0;
        foreach (var a in issue.Actors) total += a.Capability.Value * a.Salience.Value;
        if (!(total > 0)) return "no actor carries weight";
        var pulls = issue.Actors.Select(a => (a.Name, Pull: a.Capability.Value * a.Salience.Value * (a.Position.Value - mean) / total)).ToArray();
        var up = pulls.Where(p => p.Pull > 0).OrderByDescending(p => p.Pull).Take(2).Select(p => $"{p.Name} +{F(p.Pull)}").ToArray();
        var down = pulls.Where(p => p.Pull < 0).OrderBy(p => p.Pull).Take(2).Select(p => $"{p.Name} {F(p.Pull)}").ToArray();
        return $"pulled up by {(up.Length > 0 ? string.Join(", ", up) : "nobody")}, down by {(down.Length > 0 ? string.Join(", ", down) : "nobody")}";
    }

    private static double Span(Issue issue) => issue.Scale.Max - issue.Scale.Min;

    private static string F(double x) => x.ToString("0", CultureInfo.InvariantCulture);
}
