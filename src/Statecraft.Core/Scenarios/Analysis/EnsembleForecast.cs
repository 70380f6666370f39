using Statecraft.Core.Domain;
using Statecraft.Core.Ensemble;
using Statecraft.Core.Uncertainty;

namespace Statecraft.Core.Scenarios.Analysis;

/// <summary>
/// One issue of a scenario forecast by the ensemble over Monte Carlo draws: every member's forecast
/// in every draw (draw-major, NaN where a member could not run), the ensemble's point forecast per
/// draw, and the predictive distribution whose median is the headline.
/// </summary>
public sealed class IssueForecast
{
    private readonly double[] _members;
    private readonly Lazy<double> _median;

    internal IssueForecast(string issueId, IssueScale scale, int draws, double[] members, double[] points, PredictiveDistribution predictive)
    {
        IssueId = issueId;
        Scale = scale;
        Draws = draws;
        _members = members;
        PointForecasts = points;
        Predictive = predictive;
        _median = new Lazy<double>(() => predictive.Median);
    }

    public string IssueId { get; }
    public IssueScale Scale { get; }
    public int Draws { get; }

    /// <summary>The ensemble's point forecast (weighted average of the members) in each draw.</summary>
    public IReadOnlyList<double> PointForecasts { get; }

    public PredictiveDistribution Predictive { get; }

    /// <summary>The headline: the predictive distribution's median.</summary>
    public double Median => _median.Value;

    /// <summary>Member m's forecast in draw k.</summary>
    public double Member(int k, int m) => _members[k * EnsembleMembers.Count + m];

    /// <summary>Member m's forecasts over the draws where it ran.</summary>
    public double[] MemberDraws(int m)
    {
        var values = new List<double>(Draws);
        for (var k = 0; k < Draws; k++)
            if (double.IsFinite(Member(k, m))) values.Add(Member(k, m));
        return values.ToArray();
    }

    /// <summary>Member m's median over the draws (NaN if it never ran).</summary>
    public double MemberMedian(int m)
    {
        var values = MemberDraws(m);
        if (values.Length == 0) return double.NaN;
        Array.Sort(values);
        return MonteCarlo.SampleQuantile(values, 0.5);
    }

    /// <summary>Quantile of the ensemble's point forecast over the draws: input uncertainty alone, no model error.</summary>
    public double PointQuantile(double p)
    {
        var sorted = PointForecasts.ToArray();
        Array.Sort(sorted);
        return MonteCarlo.SampleQuantile(sorted, p);
    }
}

/// <summary>
/// The ensemble's predictive distribution for a scenario's bargaining issue: the issue's inputs are
/// drawn as every other Monte Carlo run draws them (<see cref="QuestionModels.BargainingPaths"/>, seed
/// stream k for draw k), each draw becomes an <see cref="Issue"/> through
/// <see cref="QuestionModels.RealizeIssue"/>, and every member forecasts it. Use it for any issue of any
/// scenario; a DEU issue (fixed inputs) goes through <see cref="EnsembleModel.Predict"/>.
/// </summary>
public static class EnsembleForecast
{
    public static IssueForecast Predict(Scenario scenario, string issueId, EnsembleWeights weights, MonteCarloOptions options,
        IProgress<MonteCarloProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var issue = scenario.Issue(issueId);
        var inputs = ScenarioInputs.Create(scenario, QuestionModels.BargainingPaths(scenario, issueId));
        var members = MonteCarlo.RunMany(inputs, EnsembleMembers.Count,
            (draw, into) => EnsembleMembers.Forecast(QuestionModels.RealizeIssue(scenario, issueId, draw), into),
            options, progress, cancellationToken);
        var points = new double[options.Samples];
        for (var k = 0; k < points.Length; k++)
            points[k] = EnsembleModel.PointForecast(members.AsSpan(k * EnsembleMembers.Count, EnsembleMembers.Count), weights);
        var predictive = EnsembleModel.Predictive(members, options.Samples, weights, issue.Scale);
        return new IssueForecast(issueId, issue.Scale, options.Samples, members, points, predictive);
    }

    /// <summary>The scenario inputs the issue's forecast draws (positions, saliences, influence), in draw order.</summary>
    public static IReadOnlyList<string> Inputs(Scenario scenario, string issueId) => QuestionModels.BargainingPaths(scenario, issueId);

    /// <summary>The ensemble's point forecast as a function of one drawn scenario (for tornado bars and flip points).</summary>
    public static ScenarioModel PointModel(Scenario scenario, string issueId, EnsembleWeights weights) => draw =>
    {
        Span<double> f = stackalloc double[EnsembleMembers.Count];
        EnsembleMembers.Forecast(QuestionModels.RealizeIssue(scenario, issueId, draw), f);
        return EnsembleModel.PointForecast(f, weights);
    };
}
