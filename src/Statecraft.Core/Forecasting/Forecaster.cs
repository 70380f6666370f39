using System.Globalization;
using Statecraft.Core.Scenarios;
using Statecraft.Core.Scenarios.Analysis;

namespace Statecraft.Core.Forecasting;

/// <summary>One input behind a forecast: the base rate, the judgement, a model's output or the link's parameters.</summary>
public sealed record ForecastDriver(string Kind, string Text, double? Value = null, string? Source = null);

/// <summary>One forecaster's prediction for a question: "judgement" (the base rate adjusted by judgement) or a model ("war-trap", "bargaining").</summary>
public sealed record ForecasterPrediction(string Forecaster, Prediction Prediction);

/// <summary>
/// A resolvable question's forecast: the headline prediction (the model's when one applies and has
/// spoken, else the judgement's), every forecaster's prediction, the base rate, and the drivers.
/// </summary>
public sealed record QuestionForecast(
    ResolvableQuestion Question,
    DateOnly MadeAt,
    ForecasterPrediction Headline,
    IReadOnlyList<ForecasterPrediction> Predictions,
    IReadOnlyList<ForecastDriver> Drivers,
    string? ModelNote)
{
    public DateOnly Deadline => Question.Resolution.Deadline;

    /// <summary>The ICD 203 term of a binary headline; null for numeric and categorical questions.</summary>
    public string? Term => Headline.Prediction.P is { } p ? EstimativeLanguage.Words(p) : null;
}

/// <summary>One line of a report's first page: a dated event, its probability, where the probability comes from, and its ICD 203 term.</summary>
public sealed record KeyProbability(string Id, string Question, DateOnly Deadline, double P, string Source, string Term);

/// <summary>Turns a scenario's resolvable questions into forecasts (docs/forecasting.md, "From models to probabilities").</summary>
public static class Forecaster
{
    public const string Judgement = "judgement";

    /// <summary>Forecasts every resolvable question of <paramref name="scenario"/>, in file order.</summary>
    public static IReadOnlyList<QuestionForecast> Forecast(Scenario scenario, ModelEvidence evidence) =>
        scenario.Forecasts.Select(q => Forecast(scenario, q, evidence)).ToArray();

    /// <summary>
    /// The key dated-event probabilities for a report's first page: every binary question, in file
    /// order, with its deadline, headline probability, where that probability comes from and its
    /// ICD 203 term. Runs the linked models as <c>analyze</c> does with <paramref name="options"/>.
    /// </summary>
    public static IReadOnlyList<KeyProbability> KeyProbabilities(Scenario scenario, AnalysisOptions options, CancellationToken cancellationToken = default) =>
        KeyProbabilities(scenario, ModelEvidence.FromModels(scenario, options, cancellationToken));

    /// <summary>The key probabilities from model evidence already in hand (see the overload that runs the models).</summary>
    public static IReadOnlyList<KeyProbability> KeyProbabilities(Scenario scenario, ModelEvidence evidence) =>
        Forecast(scenario, evidence).Where(f => f.Headline.Prediction.P is not null)
            .Select(f => new KeyProbability(f.Question.Id, f.Question.Text, f.Deadline, f.Headline.Prediction.P!.Value, SourceOf(f), f.Term!))
            .ToArray();

    /// <summary>Where a headline comes from, in words: the model and its link, or the judgement (and why a model link was not used).</summary>
    public static string SourceOf(QuestionForecast f) => f.Headline.Forecaster switch
    {
        Judgement when f.ModelNote is not null => "base rate adjusted by judgement (model link pending)",
        Judgement => "base rate adjusted by judgement",
        var model => $"{model} model ({f.Question.Model!.Name} {string.Join(", ", f.Question.Model.Questions)}"
                     + (f.Question.Model.Threshold is { } t ? $", threshold {F(t)}" : "") + ")",
    };

    public static QuestionForecast Forecast(Scenario scenario, ResolvableQuestion q, ModelEvidence evidence)
    {
        var madeAt = q.ForecastDate(scenario.Date);
        var drivers = new List<ForecastDriver>
        {
            new("base rate", q.BaseRate.Reasoning, Central(q.BaseRate.Prediction), q.BaseRate.Source.ToString()),
            new("judgement", q.Judgement.Reasoning, Central(q.Judgement.Prediction), string.Join(", ", q.Judgement.Cites.Prepend(q.Judgement.Source.ToString()))),
        };
        var predictions = new List<ForecasterPrediction> { new(Judgement, q.Judgement.Prediction) };
        string? note = null;
        if (q.Model is { } link)
        {
            var model = FromModel(scenario, q, link, madeAt, evidence, drivers);
            if (model is null) note = $"model link {link.Name} ({string.Join(", ", link.Questions)}) not used: {evidence.Missing}";
            else predictions.Add(model);
        }

        return new QuestionForecast(q, madeAt, predictions[^1], predictions, drivers, note);
    }

    /// <summary>
    /// Converts a 12-month probability to a window of <paramref name="days"/> at a constant hazard:
    /// 1 − (1 − p)^(days/365).
    /// </summary>
    public static double ForWindow(double p12Months, int days)
    {
        Scores.CheckProbability(p12Months);
        if (days < 0) throw new ArgumentOutOfRangeException(nameof(days), days, "a window of zero or more days");
        return 1 - Math.Pow(1 - p12Months, days / 365.0);
    }

    private static ForecasterPrediction? FromModel(Scenario scenario, ResolvableQuestion q, ModelLink link, DateOnly madeAt, ModelEvidence evidence, List<ForecastDriver> drivers) =>
        link.Kind == ModelLinkKind.WarTrapMid
            ? FromDisputes(q, link, madeAt, evidence, drivers)
            : FromOutcome(scenario, link, evidence, drivers);

    private static ForecasterPrediction? FromDisputes(ResolvableQuestion q, ModelLink link, DateOnly madeAt, ModelEvidence evidence, List<ForecastDriver> drivers)
    {
        if (!link.Questions.All(evidence.Disputes.ContainsKey)) return null;
        var days = q.Resolution.Deadline.DayNumber - madeAt.DayNumber;
        var none = 1.0;
        foreach (var id in link.Questions)
        {
            var mid = evidence.Disputes[id];
            var window = ForWindow(mid.P12Months, days);
            none *= 1 - window;
            drivers.Add(new ForecastDriver("model", $"War Trap '{id}': calibrated probability of a dispute with use of force within 12 months {F(mid.P12Months)}, {F(window)} over the {days} days to the deadline", mid.P12Months, id));
        }

        var p = 1 - none;
        if (link.Share is { } share)
        {
            drivers.Add(new ForecastDriver("link", $"share of such disputes that meet this question's bar: {F(share.Central)}", share.Central, share.Source.ToString()));
            p *= share.Central;
        }

        return new ForecasterPrediction("war-trap", Prediction.Binary(Math.Clamp(p, 0, 1)));
    }

    private static ForecasterPrediction? FromOutcome(Scenario scenario, ModelLink link, ModelEvidence evidence, List<ForecastDriver> drivers)
    {
        var id = link.Questions[0];
        if (!evidence.Outcomes.TryGetValue(id, out var outcome)) return null;
        var issue = scenario.Questions.First(x => x.Id == id).Issue;
        var of = $"bargaining '{id}' (issue {issue}): the ensemble's predictive distribution over {outcome.Draws} draw(s)";
        if (link.Kind == ModelLinkKind.Outcome)
        {
            var prediction = Prediction.FromQuantileFunction(outcome.Quantile);
            drivers.Add(new ForecastDriver("model", $"{of}, {prediction}", prediction.Median, id));
            return new ForecasterPrediction("bargaining", prediction);
        }

        var t = link.Threshold!.Value;
        var above = link.Kind == ModelLinkKind.OutcomeAbove;
        // Above: P(Y > t). Below: P(Y < t), the CDF just short of t, so an atom at t counts for neither.
        var share = above ? outcome.ProbabilityAbove(t) : outcome.Cdf(Math.BitDecrement(t));
        share = Math.Clamp(share, 0, 1);
        drivers.Add(new ForecastDriver("model", $"{of}: {F(share)} of it lies {(above ? "above" : "below")} {F(t)}", share, id));
        return new ForecasterPrediction("bargaining", Prediction.Binary(share));
    }

    /// <summary>A driver's one number: the probability of yes, or a numeric prediction's median (none for categories).</summary>
    private static double? Central(Prediction p) => p.Kind switch
    {
        QuestionKind.Binary => p.P!.Value,
        QuestionKind.Numeric => p.Median,
        _ => null,
    };

    private static string F(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
}
