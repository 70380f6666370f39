using Statecraft.Core.Bargaining;
using Statecraft.Core.Domain;
using Statecraft.Core.Ensemble;
using Statecraft.Io.Deu;

namespace Statecraft.Cli.Commands;

// `statecraft evaluate`: every bargaining model forecasts every issue of a DEU-layout file, and each
// is scored by its mean absolute error against the actual outcome (0-100). JSON contract:
// {"models":[{"model", "mae", "issues", "beats_mean"}], "issues":[{"id", "outcome", "forecasts":{model: x}}],
//  "ensemble":{"weights":{model: w}, "coverage90", "mean_width90", "method"}}.

public sealed record EvaluationReport(string File, IReadOnlyList<ModelScore> Models, IReadOnlyList<IssueForecasts> Issues,
    EnsembleScore Ensemble, IReadOnlyList<string> Notes);

/// <summary>A model's mean absolute error over the issues it forecast, and the share of those where it beat the weighted mean.</summary>
public sealed record ModelScore(string Model, string Description, double Mae, int Issues, double BeatsMean);

public sealed record IssueForecasts(string Id, double Outcome, IReadOnlyDictionary<string, double> Forecasts);

/// <summary>
/// The ensemble fitted on every issue (the weights shipped for analyses), and how its
/// leave-one-issue-out 90% predictive intervals covered the outcomes.
/// </summary>
public sealed record EnsembleScore(string Method, IReadOnlyDictionary<string, double> Weights, int Issues, double Coverage90, double MeanWidth90);

/// <summary>The models `evaluate` scores, each a forecast of one issue's outcome, or null when it cannot run on it.</summary>
internal static class Evaluation
{
    public const string EnsembleName = "ensemble";

    private sealed record Model(string Name, string Description, Func<Issue, double?> Forecast);

    /// <summary>
    /// The ensemble's members as <see cref="EnsembleMembers"/> defines them, plus BDM as the two
    /// reference codes run it. BDM and SMP forecast the capability × salience weighted median of
    /// their final positions (BDM's own forecast); the baselines are the weighted mean and median
    /// of the stated positions.
    /// </summary>
    private static readonly Model[] Others =
    [
        new("bdm-scholz-code", "BDM as in Scholz et al.'s code (faults included)", i => Bdm(i, BdmOptions.ScholzCode)),
        new("bdm-masad", "BDM as in Masad's replication (faults included)", i => Bdm(i, BdmOptions.Masad)),
    ];

    /// <summary>
    /// Scores every model and the leave-one-issue-out ensemble; <paramref name="provenance"/> labels the weights fitted on all issues.
    /// With no issue that every ensemble member forecasts there is nothing to score: the report has no
    /// issues and no weights, and the caller refuses the file.
    /// </summary>
    public static (EvaluationReport Report, EnsembleWeights? Weights) Run(DeuDataset data, string file, CalibrationProvenance provenance)
    {
        var (cases, notes) = DeuIssues.WithOutcomes(data);
        var members = EnsembleCalibration.Cases(cases.Select(c => (c.Id, c.Issue, c.Outcome)));
        if (!members.Any(c => c.Complete))
            return (new EvaluationReport(file, [], [], new EnsembleScore("none", new Dictionary<string, double>(), 0, double.NaN, double.NaN),
                [.. notes, "no issue that every ensemble member forecasts"]), null);
        var loo = EnsembleCalibration.LeaveOneOut(members).ToDictionary(f => f.Id);
        var issues = new List<IssueForecasts>();
        for (var i = 0; i < cases.Count; i++)
        {
            var forecasts = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var m = 0; m < EnsembleMembers.Count; m++)
                if (double.IsFinite(members[i].Forecasts[m])) forecasts[EnsembleMembers.Names[m]] = members[i].Forecasts[m];
            foreach (var o in Others)
                if (o.Forecast(cases[i].Issue) is { } f && double.IsFinite(f)) forecasts[o.Name] = f;
            if (loo.TryGetValue(cases[i].Id, out var e)) forecasts[EnsembleName] = e.Median;
            issues.Add(new IssueForecasts(cases[i].Id, cases[i].Outcome, forecasts));
        }

        var descriptions = EnsembleMembers.Names.Select((n, m) => (n, EnsembleMembers.Descriptions[m]))
            .Concat(Others.Select(o => (o.Name, o.Description)))
            .Append((EnsembleName, "accuracy-weighted ensemble of bdm, smp, weighted-mean and weighted-median: median of its predictive distribution, weights and errors learnt leaving the issue out"))
            .ToArray();
        var scores = descriptions.Select(d =>
        {
            var scored = issues.Where(i => i.Forecasts.ContainsKey(d.Item1)).ToList();
            var errors = scored.Select(i => Math.Abs(i.Forecasts[d.Item1] - i.Outcome)).ToList();
            var beats = scored.Count(i => i.Forecasts.TryGetValue("weighted-mean", out var mean)
                && Math.Abs(i.Forecasts[d.Item1] - i.Outcome) < Math.Abs(mean - i.Outcome));
            return new ModelScore(d.Item1, d.Item2, errors.Count > 0 ? errors.Average() : double.NaN, scored.Count,
                scored.Count > 0 ? (double)beats / scored.Count : double.NaN);
        }).ToArray();

        var weights = EnsembleCalibration.Fit(members, provenance);
        var covered = loo.Values.Count(f => f.Outcome >= f.Lower && f.Outcome <= f.Upper);
        var ensemble = new EnsembleScore(weights.Method,
            weights.Members.ToDictionary(m => m.Model, m => m.Weight),
            loo.Count,
            loo.Count > 0 ? (double)covered / loo.Count : double.NaN,
            loo.Count > 0 ? loo.Values.Average(f => f.Upper - f.Lower) : double.NaN);
        return (new EvaluationReport(file, scores, issues, ensemble, notes), weights);
    }

    private static double? Bdm(Issue issue, BdmOptions options)
    {
        var run = BdmModel.TryRun(issue, options);
        return run.Success ? run.Value.ForecastMedian : null;
    }
}
