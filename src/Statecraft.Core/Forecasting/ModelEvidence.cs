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
    /// <summary>Why a War Trap link is not used: the analysis runs without the dispute models.</summary>
    public const string WarTrapPending =
        "the analysis ran without the dispute models, so War Trap answers carry no calibrated probability of a militarized dispute";

    /// <summary>Why a War Trap link is not used: its question does not source what the dispute model needs.</summary>
    public const string WarTrapUncalibrated =
        "the War Trap question does not name the contiguity and peace-years parameters the dispute model needs";

    /// <summary>No model output: every question is forecast by its judgement, and <paramref name="why"/> says why.</summary>
    public static ModelEvidence None(string why) => new(new Dictionary<string, MidProbability>(), new Dictionary<string, PredictiveDistribution>(), why);

    /// <summary>
    /// Runs the models the scenario's forecasts link to, as <c>analyze</c> runs them with the same
    /// <paramref name="options"/> (samples, seed, ensemble weights): each bargaining question's
    /// ensemble predictive distribution, and each War Trap question's calibrated dispute probability
    /// (when <see cref="AnalysisOptions.Disputes"/> is given), on the scenario with the question's own
    /// what-if applied.
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

        // War Trap questions: the calibrated 12-month dispute probability as analyze answers it (the
        // first open model at the central scenario, its 5-95% over the same draws).
        var disputes = new Dictionary<string, MidProbability>(StringComparer.Ordinal);
        if (options.Disputes is { } set)
        {
            var ids = scenario.Forecasts.Select(f => f.Model).OfType<ModelLink>().Where(l => l.Kind == ModelLinkKind.WarTrapMid)
                .SelectMany(l => l.Questions).Distinct(StringComparer.Ordinal);
            foreach (var id in ids)
            {
                var q = scenario.Questions.First(x => x.Id == id);
                if (!DisputeForecast.Applies(q)) continue;
                var asked = q.Assume is null ? scenario : scenario.Apply(scenario.Policy(q.Assume));
                var inputs = ScenarioInputs.Create(asked, DisputeForecast.Paths(asked, q));
                var model = DisputeForecast.Probability(asked, q, set, set.OpenModels[0], withBacker: true);
                var run = MonteCarlo.Run(inputs, model, Verdict.GreaterThan(0.5), draws, cancellationToken: cancellationToken);
                var (low, high) = QuestionEngine.Interval(run.Values);
                disputes[id] = new MidProbability(MonteCarlo.Evaluate(inputs, model, inputs.Medians()), low, high);
            }
        }

        return new ModelEvidence(disputes, outcomes, options.Disputes is null ? WarTrapPending : WarTrapUncalibrated);
    }
}
