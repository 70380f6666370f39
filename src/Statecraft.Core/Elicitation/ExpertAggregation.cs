using Statecraft.Core.Scenarios;
using Statecraft.Core.Scenarios.Analysis;
using Statecraft.Core.Uncertainty;

namespace Statecraft.Core.Elicitation;

/// <summary>How several experts' judgements of one number become the number the models draw.</summary>
public enum ExpertAggregation
{
    /// <summary>
    /// Linear opinion pool: an equal-weight mixture of the experts' distributions. The Monte Carlo
    /// samples from the mixture, so the experts' disagreement widens every interval.
    /// </summary>
    LinearPool,

    /// <summary>
    /// Median: the triangular judgement whose low, central value and high are the medians of the
    /// experts' lows, central values and highs (each expert's range end by end; a distribution
    /// counts as its support and median). Robust to one outlying expert; it hides their
    /// disagreement from the intervals, so the answer reports it beside them.
    /// </summary>
    Median,
}

/// <summary>Pure aggregation of expert judgements: the pooled value, and the names files and the command line use.</summary>
public static class ExpertPooling
{
    public static readonly IReadOnlyDictionary<string, ExpertAggregation> Names = new Dictionary<string, ExpertAggregation>
    {
        ["linear-pool"] = ExpertAggregation.LinearPool,
        ["median"] = ExpertAggregation.Median,
    };

    public static string Name(ExpertAggregation aggregation) => Names.Single(kv => kv.Value == aggregation).Key;

    /// <summary>
    /// The pooled value of <paramref name="experts"/> (at least one): its estimate and, for the linear
    /// pool, the mixture the Monte Carlo draws from. It cites the first expert and keeps every
    /// expert's own judgement in <see cref="SourcedValue.Experts"/>.
    /// </summary>
    public static SourcedValue Aggregate(IReadOnlyList<SourcedValue> experts, ExpertAggregation aggregation)
    {
        if (experts.Count == 0) throw new ArgumentException("expected at least one expert", nameof(experts));
        var first = experts[0];
        if (aggregation == ExpertAggregation.Median)
        {
            var estimate = new Estimate(
                Median(experts.Select(e => e.Estimate.Central)),
                Median(experts.Select(e => e.Estimate.Low)),
                Median(experts.Select(e => e.Estimate.High)));
            return new SourcedValue(estimate, first.Source, first.Where, null, experts);
        }

        var mixture = new MixtureDistribution(experts.Select(e => e.Distribution ?? ScenarioInputs.DistributionOf(e.Estimate)).ToArray());
        var support = mixture.Support;
        return new SourcedValue(new Estimate(mixture.Median, support.Min, support.Max), first.Source, first.Where, mixture, experts);
    }

    /// <summary>The middle value, or the mean of the two middle values for an even count.</summary>
    private static double Median(IEnumerable<double> values) => MonteCarlo.SampleQuantile(values.Order().ToArray(), 0.5);
}
