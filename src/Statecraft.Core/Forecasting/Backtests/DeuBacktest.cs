using Statecraft.Core.Ensemble;

namespace Statecraft.Core.Forecasting.Backtests;

/// <summary>
/// One DEU III issue as the backtest sees it: the actual outcome, the Commission's position and the
/// reference point (the status quo) when the file gives them, each model's point forecast of the
/// outcome (all on 0-100), and, for models that have one, their own out-of-sample predictive
/// distribution of the outcome (the ensemble's, fitted without this issue).
/// </summary>
public sealed record DeuCase(
    string Id,
    double Outcome,
    double? Commission,
    double? ReferencePoint,
    IReadOnlyDictionary<string, double> Forecasts,
    IReadOnlyDictionary<string, PredictiveDistribution>? Distributions = null);

/// <summary>
/// A binary question asked of every DEU issue: which side of a threshold the outcome falls.
/// <see cref="Cut"/> gives the issue's threshold and the yes side (+1: above, −1: below), or null when
/// the question cannot be asked of the issue.
/// </summary>
public sealed record DeuQuestion(string Id, string Text, Func<DeuCase, (double Threshold, int Direction)?> Cut)
{
    /// <summary>+1 when <paramref name="x"/> is on the yes side, −1 on the no side, 0 exactly on the threshold, null when not asked.</summary>
    public int? Side(DeuCase c, double x) => Cut(c) is var (t, direction) ? Math.Sign((x - t) * direction) : null;

    /// <summary>The mass of <paramref name="d"/> on the yes side, an atom exactly on the threshold counting one half (as a draw there does).</summary>
    public double Probability(DeuCase c, PredictiveDistribution d)
    {
        var (t, direction) = Cut(c) ?? throw new ArgumentException($"question '{Id}' cannot be asked of issue '{c.Id}'", nameof(c));
        var below = d.Cdf(Math.BitDecrement(t));
        var above = d.ProbabilityAbove(t);
        var onIt = Math.Max(0, 1 - below - above);
        return Math.Clamp((direction > 0 ? above : below) + onIt / 2, 0, 1);
    }
}

/// <summary>One case with the probability each model gave.</summary>
public sealed record DeuBacktestCase(string Id, bool Happened, double BaseRate, IReadOnlyDictionary<string, double> P);

/// <summary>One question's backtest: the cases asked, how often it happened, each model's scores.</summary>
public sealed record DeuQuestionReport(
    string Id,
    string Question,
    int Cases,
    int Events,
    IReadOnlyList<string> Notes,
    IReadOnlyList<BacktestScore> Models,
    IReadOnlyList<DeuBacktestCase> Detail);

/// <summary>Every question's backtest, and each model's scores over all of their cases together.</summary>
public sealed record DeuBacktestReport(int Issues, IReadOnlyList<DeuQuestionReport> Questions, IReadOnlyList<BacktestScore> Pooled);

/// <summary>
/// DEU III issues turned into binary questions (<see cref="Questions"/>). A model with its own
/// out-of-sample predictive distribution (the ensemble, fitted leaving the issue out) gives that
/// distribution's mass on the yes side. For every other model the predictive distribution of an
/// issue's outcome is its point forecast plus its own out-of-sample errors: the residuals
/// (outcome − forecast) of every other issue, clamped to the 0-100 scale, so an issue's
/// probability never uses its own outcome. The probability of yes is the share of that distribution
/// on the yes side (a draw exactly on the threshold counts one half). The base rate is the share of
/// the other issues where it happened. Issues the question cannot be asked of, or whose outcome sits
/// exactly on the threshold, are left out.
/// </summary>
public static class DeuBacktest
{
    public static readonly IReadOnlyList<DeuQuestion> Questions =
    [
        new("commission-side",
            "Does the outcome fall on the Commission's side of the midpoint between the Commission's position and the reference point?",
            c => c.Commission is { } com && c.ReferencePoint is { } rp && com != rp
                ? ((com + rp) / 2, Math.Sign(com - rp))
                : null),
        new("above-50",
            "Does the outcome lie above the middle of the issue's 0-100 scale?",
            _ => (50, 1)),
    ];

    public static DeuBacktestReport Run(IReadOnlyList<DeuCase> issues, IReadOnlyDictionary<string, string> models)
    {
        var reports = Questions.Select(q => Ask(q, issues, models)).ToArray();
        var pooled = models
            .Select(m => (m, cases: reports.SelectMany(r => r.Detail.Where(d => d.P.ContainsKey(m.Key))
                .Select(d => new BacktestCase($"{r.Id}/{d.Id}", d.P[m.Key], d.Happened, d.BaseRate))).ToArray()))
            .Where(x => x.cases.Length > 0)
            .Select(x => BinaryBacktest.Score(x.m.Key, x.m.Value, x.cases))
            .ToArray();
        return new DeuBacktestReport(issues.Count, reports, pooled);
    }

    public static DeuQuestionReport Ask(DeuQuestion question, IReadOnlyList<DeuCase> issues, IReadOnlyDictionary<string, string> models)
    {
        var notes = new List<string>();
        var cases = new List<DeuCase>();
        int notAsked = 0, onThreshold = 0;
        foreach (var c in issues)
        {
            var side = question.Side(c, c.Outcome);
            if (side is null) notAsked++;
            else if (side == 0) onThreshold++;
            else cases.Add(c);
        }

        if (notAsked > 0) notes.Add($"{notAsked} issue(s) the question cannot be asked of (no Commission position or reference point, or the two coincide) were left out");
        if (onThreshold > 0) notes.Add($"{onThreshold} issue(s) whose outcome sits exactly on the threshold were left out");
        if (cases.Count < 3)
        {
            notes.Add($"{cases.Count} issue(s) left to ask: too few to backtest");
            return new DeuQuestionReport(question.Id, question.Text, cases.Count, 0, notes, [], []);
        }

        var happened = cases.Select(c => question.Side(c, c.Outcome) > 0).ToArray();
        var events = happened.Count(x => x);
        var baseRates = cases.Select((_, i) => (events - (happened[i] ? 1 : 0)) / (double)(cases.Count - 1)).ToArray();
        var scores = new List<BacktestScore>();
        var p = cases.Select(_ => new Dictionary<string, double>(StringComparer.Ordinal)).ToArray();
        foreach (var (model, description) in models)
        {
            var index = Enumerable.Range(0, cases.Count).Where(i => cases[i].Forecasts.ContainsKey(model)).ToArray();
            if (index.Length < 3) { notes.Add($"{model}: fewer than three issues with a forecast; not scored"); continue; }
            var residuals = index.Select(i => cases[i].Outcome - cases[i].Forecasts[model]).ToArray();
            var scored = new List<BacktestCase>();
            for (var k = 0; k < index.Length; k++)
            {
                var c = cases[index[k]];
                var prob = c.Distributions?.GetValueOrDefault(model) is { } own
                    ? question.Probability(c, own)
                    : Probability(question, c, c.Forecasts[model], residuals, k);
                p[index[k]][model] = prob;
                scored.Add(new BacktestCase(c.Id, prob, happened[index[k]], baseRates[index[k]]));
            }

            scores.Add(BinaryBacktest.Score(model, description, scored));
        }

        return new DeuQuestionReport(question.Id, question.Text, cases.Count, events, notes, scores,
            cases.Select((c, i) => new DeuBacktestCase(c.Id, happened[i], baseRates[i], p[i])).ToArray());
    }

    /// <summary>The share of forecast + residual (every residual but the case's own), clamped to 0-100, on the yes side.</summary>
    public static double Probability(DeuQuestion question, DeuCase c, double forecast, IReadOnlyList<double> residuals, int own)
    {
        double mass = 0;
        for (var j = 0; j < residuals.Count; j++)
        {
            if (j == own) continue;
            var side = question.Side(c, Math.Clamp(forecast + residuals[j], 0, 100));
            mass += side > 0 ? 1 : side == 0 ? 0.5 : 0;
        }

        return mass / (residuals.Count - 1);
    }
}
