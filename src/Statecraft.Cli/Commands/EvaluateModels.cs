using Statecraft.Core.Bargaining;
using Statecraft.Core.Domain;
using Statecraft.Core.Spatial;
using Statecraft.Io.Deu;

namespace Statecraft.Cli.Commands;

// `statecraft evaluate`: every bargaining model forecasts every issue of a DEU-layout file, and each
// is scored by its mean absolute error against the actual outcome (0-100). JSON contract:
// {"models":[{"model", "mae", "issues", "beats_mean"}], "issues":[{"id", "outcome", "forecasts":{model: x}}]}.

public sealed record EvaluationReport(string File, IReadOnlyList<ModelScore> Models, IReadOnlyList<IssueForecasts> Issues, IReadOnlyList<string> Notes);

/// <summary>A model's mean absolute error over the issues it forecast, and the share of those where it beat the weighted mean.</summary>
public sealed record ModelScore(string Model, string Description, double Mae, int Issues, double BeatsMean);

public sealed record IssueForecasts(string Id, double Outcome, IReadOnlyDictionary<string, double> Forecasts);

/// <summary>The models `evaluate` scores, each a forecast of one issue's outcome, or null when it cannot run on it.</summary>
internal static class Evaluation
{
    private sealed record Model(string Name, string Description, Func<Issue, double?> Forecast);

    /// <summary>
    /// BDM presets and SMP forecast the capability × salience weighted median of their final positions
    /// (BDM's own forecast); the baselines are the weighted mean and median of the stated positions.
    /// </summary>
    private static readonly Model[] Models =
    [
        new("bdm", "BDM expected utility, text variant (weighted median after the last round)", i => Bdm(i, BdmOptions.Default)),
        new("bdm-scholz-code", "BDM as in Scholz et al.'s code (faults included)", i => Bdm(i, BdmOptions.ScholzCode)),
        new("bdm-masad", "BDM as in Masad's replication (faults included)", i => Bdm(i, BdmOptions.Masad)),
        new("smp", "KTAB's Spatial Model of Politics, deterministic defaults (weighted median at the end)", Smp),
        new("weighted-mean", "mean of positions weighted by capability × salience", i => Baselines.WeightedMean(i)),
        new("weighted-median", "median of positions weighted by capability × salience", i => Baselines.WeightedMedian(i)),
    ];

    public static EvaluationReport Run(DeuDataset data, string file)
    {
        var notes = new List<string>(data.Notes);
        var issues = new List<IssueForecasts>();
        int noOutcome = 0, tooFew = 0;
        foreach (var deu in data.Issues)
        {
            if (deu.Outcome is not { } outcome) { noOutcome++; continue; }
            var actors = deu.Stances
                .Select(s => new Actor(s.Actor, new Capability(data.Capabilities[s.Actor]), new Position(s.Position), new Salience(s.Salience / 100)))
                .ToArray();
            var issue = Issue.Create(deu.Id, IssueScale.Percent, actors);
            if (!issue.Success || actors.All(a => a.Capability.Value * a.Salience.Value <= 0)) { tooFew++; continue; }
            var forecasts = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var m in Models)
                if (m.Forecast(issue.Value) is { } f && double.IsFinite(f)) forecasts[m.Name] = f;
            issues.Add(new IssueForecasts(deu.Id, outcome, forecasts));
        }

        if (noOutcome > 0) notes.Add($"{noOutcome} issue(s) without an outcome were left out");
        if (tooFew > 0) notes.Add($"{tooFew} issue(s) with fewer than two actors, or no actor with weight, were left out");

        var scores = Models.Select(m =>
        {
            var scored = issues.Where(i => i.Forecasts.ContainsKey(m.Name)).ToList();
            var errors = scored.Select(i => Math.Abs(i.Forecasts[m.Name] - i.Outcome)).ToList();
            var beats = scored.Count(i => i.Forecasts.TryGetValue("weighted-mean", out var mean)
                && Math.Abs(i.Forecasts[m.Name] - i.Outcome) < Math.Abs(mean - i.Outcome));
            return new ModelScore(m.Name, m.Description, errors.Count > 0 ? errors.Average() : double.NaN, scored.Count,
                scored.Count > 0 ? (double)beats / scored.Count : double.NaN);
        }).ToArray();
        return new EvaluationReport(file, scores, issues, notes);
    }

    private static double? Bdm(Issue issue, BdmOptions options)
    {
        var run = BdmModel.TryRun(issue, options);
        return run.Success ? run.Value.ForecastMedian : null;
    }

    /// <summary>
    /// One-dimensional SMP on 0-1. Actors without salience are left out: KTAB weighs distances by
    /// salience and cannot place an actor that cares about nothing.
    /// </summary>
    private static double? Smp(Issue issue)
    {
        var actors = issue.Actors.Where(a => a.Salience.Value > 0 && a.Capability.Value > 0)
            .Select(a => new SpatialActor(a.Name, "", a.Capability.Value, [a.Position.Value / 100], [a.Salience.Value]))
            .ToArray();
        var scenario = SpatialScenario.Create(issue.Name, "", ["position"], actors);
        if (!scenario.Success) return null;
        var final = SmpModel.Run(scenario.Value, SmpOptions.Default with { MaxThreads = 1 }).Final.Positions;
        return Baselines.WeightedMedian(final.Select(x => 100 * x).ToArray(), actors.Select(a => a.Capability * a.Salience[0]).ToArray());
    }
}
