using Statecraft.Core.Ensemble;
using Statecraft.Core.Scenarios;
using Statecraft.Core.Scenarios.Analysis;
using Statecraft.Core.Uncertainty;

namespace Statecraft.Core.Forecasting;

/// <summary>
/// A War Trap answer's calibrated probability that the challenger starts a militarized dispute with
/// use of force against the target within 12 months, with its interval when known.
/// </summary>
public sealed record MidProbability(double P12Months, double? Low = null, double? High = null);

/// <summary>
/// What the models said that forecasts can use, by model question id: War Trap questions' calibrated
/// dispute probabilities and bargaining questions' predictive distributions of the outcome on the
/// issue's scale (the ensemble's, over Monte Carlo draws). The one seam between the analysis and the
/// forecasts: a model-linked question whose model question is missing here is forecast by its
/// judgement, and <see cref="Missing"/> says why.
/// </summary>
public sealed record ModelEvidence(
    IReadOnlyDictionary<string, MidProbability> Disputes,
    IReadOnlyDictionary<string, PredictiveDistribution> Outcomes,
    string Missing)
{
    /// <summary>Why War Trap links are not used yet: War Trap answers carry no calibrated dispute probability on this branch.</summary>
    public const string WarTrapPending =
        "War Trap answers do not carry a calibrated probability of a militarized dispute yet (pending: the conflict-history calibration)";

    /// <summary>No model output: every question is forecast by its judgement, and <paramref name="why"/> says why.</summary>
    public static ModelEvidence None(string why) => new(new Dictionary<string, MidProbability>(), new Dictionary<string, PredictiveDistribution>(), why);

    /// <summary>
    /// Runs the models the scenario's forecasts link to, as <c>analyze</c> runs them with the same
    /// <paramref name="options"/> (samples, seed, ensemble weights): each bargaining question's
    /// ensemble predictive distribution, on the scenario with the question's own what-if applied.
    /// </summary>
    public static ModelEvidence FromModels(Scenario scenario, AnalysisOptions options, CancellationToken cancellationToken = default)
    {
        var outcomes = new Dictionary<string, PredictiveDistribution>(StringComparer.Ordinal);
        var draws = new MonteCarloOptions(options.Samples, options.Seed, options.MaxThreads);
        foreach (var link in scenario.Forecasts.Select(f => f.Model).OfType<ModelLink>().Where(l => l.Kind != ModelLinkKind.WarTrapMid))
        {
            var id = link.Questions[0];
            if (outcomes.ContainsKey(id)) continue;
            var q = scenario.Questions.First(x => x.Id == id);
            var asked = q.Assume is null ? scenario : scenario.Apply(scenario.Policy(q.Assume));
            outcomes[id] = EnsembleForecast.Predict(asked, q.Issue!, options.Weights, draws, cancellationToken: cancellationToken).Predictive;
        }

        return new ModelEvidence(new Dictionary<string, MidProbability>(), outcomes, WarTrapPending);
    }
}
