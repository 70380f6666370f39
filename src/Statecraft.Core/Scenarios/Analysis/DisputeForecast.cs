using Statecraft.Core.Forecasting;
using Statecraft.Core.Uncertainty;
using Statecraft.Core.Validation;

namespace Statecraft.Core.Scenarios.Analysis;

/// <summary>One structural choice the validation leaves open, and the probability it gives at the central scenario.</summary>
public sealed record StructuralChoice(string Model, double Probability);

/// <summary>How often comparable dyads saw the event: politically relevant directed dyad-years of the same group, 1816-2014.</summary>
public sealed record DisputeBaseRate(string Group, long DyadYears, long Events, double Rate, int FirstYear, int LastYear);

/// <summary>
/// A War Trap question's calibrated answer: the probability that the challenger initiates a
/// militarized interstate dispute against the target, using force itself, within <see cref="HorizonMonths"/>
/// months, from the logistic model validated on 1816-2014 (docs/validation/conflict.md) at the
/// scenario's inputs. <see cref="Probability"/> is the best-scoring open model at the central
/// scenario; <see cref="Low"/>-<see cref="High"/> its 5-95% range over the Monte Carlo draws;
/// <see cref="StructuralLow"/>-<see cref="StructuralHigh"/> the range over the models history leaves
/// open (<see cref="Choices"/>) at the central scenario; <see cref="PooledLow"/>-<see cref="PooledHigh"/>
/// the 5-95% range of every open model's draws together. <see cref="Words"/> is ICD 203's term for
/// the probability. <see cref="BaseRate"/>: how often comparable dyads saw the event.
/// </summary>
public sealed record DisputeProbability(
    string Event,
    int HorizonMonths,
    double Probability,
    double Low,
    double High,
    double StructuralLow,
    double StructuralHigh,
    double PooledLow,
    double PooledHigh,
    string Words,
    IReadOnlyList<StructuralChoice> Choices,
    DisputeBaseRate BaseRate,
    string Model);

/// <summary>
/// The dispute models applied to a scenario's War Trap question: the covariates come from the
/// scenario (contiguity and peace years from the parameters the question names, capital distance from
/// the actors' coordinates, capabilities as War Trap uses them, major-power status from the actors'
/// <c>major_power</c> attribute, alliance from the ties in force, EU from War Trap under the model's
/// specification), each sourced there.
/// </summary>
public static class DisputeForecast
{
    public const int HorizonMonths = 12;

    /// <summary>Whether the question sources what the dispute model needs (contiguity and peace years).</summary>
    public static bool Applies(Question q) => q.Model == QuestionModel.WarTrap && q.Contiguity is not null && q.PeaceYears is not null;

    /// <summary>The event in words, e.g. "Russia initiates a militarized interstate dispute against Azerbaijan ...".</summary>
    public static string Event(Scenario s, Question q) =>
        $"{s.Actor(q.Challenger!).Name} initiates a militarized interstate dispute against {s.Actor(q.Target!).Name} and uses force itself "
        + $"(a COW hostility level of 4 or 5: use of force or war) within {HorizonMonths} months of {s.Date:yyyy-MM-dd}";

    /// <summary>The inputs the probability reads: War Trap's, plus the contiguity and peace-years parameters.</summary>
    public static IReadOnlyList<string> Paths(Scenario s, Question q) =>
        [.. QuestionModels.WarTrapPaths(s, q), $"parameter/{q.Contiguity}", $"parameter/{q.PeaceYears}"];

    /// <summary>The probability under the open model <paramref name="openModel"/> (<c>standard</c> or a specification name) as a function of a draw.</summary>
    public static ScenarioModel Probability(Scenario s, Question q, DisputeModelSet set, string openModel, bool withBacker)
    {
        var model = set.Model(openModel);
        var spec = openModel == ConflictValidation.Standard ? null : ConflictSpec.All.Single(x => x.Name == openModel);
        var eu = spec is null ? null : QuestionModels.WarTrap(s, q, withBacker, spec);
        var challenger = s.Actor(q.Challenger!);
        var target = s.Actor(q.Target!);
        var military = (QuestionModels.MilitaryShareOfCinc(challenger), QuestionModels.MilitaryShareOfCinc(target));
        var allied = s.TiesInForce.Any(t => t.Links(q.Challenger!, q.Target!) && QuestionModels.WarTieOf(t.Kind) != Conflict.TieKind.None);
        // The input names each draw reads, spelled once here rather than in every draw.
        var (contiguity, peaceYears) = ($"parameter/{q.Contiguity}", $"parameter/{q.PeaceYears}");
        var (lat1, lon1, lat2, lon2) = ($"actor/{challenger.Id}/lat", $"actor/{challenger.Id}/lon", $"actor/{target.Id}/lat", $"actor/{target.Id}/lon");
        var (capability1, capability2) = (QuestionModels.CapabilityInputs(challenger), QuestionModels.CapabilityInputs(target));
        var (major1, major2) = (challenger.Attributes["major_power"].Central == 1, target.Attributes["major_power"].Central == 1);
        return draw =>
        {
            var covariates = new DisputeCovariates(
                (int)Math.Round(draw[contiguity]),
                Conflict.GreatCircle.Miles(draw[lat1], draw[lon1], draw[lat2], draw[lon2]),
                QuestionModels.AvailableCapability(capability1, draw, military.Item1),
                QuestionModels.AvailableCapability(capability2, draw, military.Item2),
                major1,
                major2,
                allied,
                draw[peaceYears],
                eu is null ? 0 : eu(draw));
            return model.Probability(covariates.Values(model.Features));
        };
    }

    /// <summary>Draws of each open model pooled for the range over every model (see <see cref="Answer"/>).</summary>
    public const int PooledDraws = 1000;

    /// <summary>The base rate of the question's dyad group, at the central contiguity.</summary>
    public static DisputeBaseRate BaseRate(Scenario s, Question q, DisputeModelSet set)
    {
        var contiguity = (int)Math.Round(s.Parameter(q.Contiguity!).Value.Central);
        var m1 = s.Actor(q.Challenger!).Attributes["major_power"].Central == 1;
        var m2 = s.Actor(q.Target!).Attributes["major_power"].Central == 1;
        var rate = set.BaseRateOf(contiguity, m1, m2) ?? new BaseRate(Validation.BaseRate.GroupOf(contiguity, m1, m2), 0, 0);
        return new DisputeBaseRate(rate.Group, rate.Rows, rate.Events, rate.Rate, set.Years.First, set.Years.Last);
    }

    /// <summary>
    /// The full answer: every open model at the central scenario and over the same Monte Carlo draws
    /// (the same seed gives every model the same draws), the first open model's draws
    /// (<paramref name="samples"/> of them) for the interval. The range over every model pools
    /// min(samples, <see cref="PooledDraws"/>) draws of each, as the policy comparison does: the
    /// open models cost a War Trap model per draw each, and a quantile of a pool of thousands is settled.
    /// </summary>
    public static DisputeProbability Answer(Scenario s, Question q, DisputeModelSet set, InputSet inputs, Func<string, int, IReadOnlyList<double>> draws, int samples)
    {
        var medians = inputs.Medians();
        var choices = set.OpenModels.Select(m => new StructuralChoice(m, MonteCarlo.Evaluate(inputs, Probability(s, q, set, m, withBacker: true), medians))).ToArray();
        var (low, high) = QuestionEngine.Interval(draws(set.OpenModels[0], samples));
        var pooled = Math.Min(samples, PooledDraws);
        var (pooledLow, pooledHigh) = QuestionEngine.Interval(set.OpenModels.SelectMany(m => draws(m, pooled)).ToArray());
        return new DisputeProbability(
            Event(s, q), HorizonMonths, choices[0].Probability, low, high,
            choices.Min(c => c.Probability), choices.Max(c => c.Probability), pooledLow, pooledHigh,
            EstimativeLanguage.Words(choices[0].Probability), choices, BaseRate(s, q, set),
            $"logistic model of COW MID initiation with force in politically relevant directed dyad-years {set.Years}, "
            + $"{set.Rows:N0} dyad-years, {set.Events:N0} events; covariates {string.Join(", ", set.Model(set.OpenModels[0]).Features)}");
    }
}
