using System.Globalization;
using Statecraft.Core.Forecasting;
using Statecraft.Core.Scenarios;
using Statecraft.Core.Scenarios.Analysis;

namespace Statecraft.Core.Reporting;

/// <summary>
/// The probability of a dated event from a forecast, tied to the analysis questions it rests on. This
/// is the seam through which forecasts reach the key judgements: a judgement on a question with a
/// dated event states that event's probability; one without, the share of Monte Carlo draws.
/// </summary>
public sealed record DatedEvent(string Id, string Event, DateOnly Deadline, double Probability, IReadOnlyList<string> Questions, string Basis);

/// <summary>
/// One key judgement: a sentence stating an outcome with its probability in ICD 203 words, the
/// basis of the probability, the confidence in it, and the signposts: conditions any one of which
/// would turn the central estimate to <see cref="Reversal"/>.
/// </summary>
public sealed record KeyJudgement(
    string QuestionId,
    string Title,
    string Statement,
    double Probability,
    EstimativeTerm Term,
    string Basis,
    Confidence Confidence,
    IReadOnlyList<Signpost> Signposts,
    string Reversal,
    bool AgreesWithSource);

/// <summary>
/// Key judgements from an analysis: one per answered question, stating the more likely side of the
/// source article's expectation (so the probability is at least 50%), or the dated event a forecast
/// ties to the question.
/// </summary>
public static class KeyJudgements
{
    public static IReadOnlyList<KeyJudgement> From(AnalysisResult result, IReadOnlyList<DatedEvent> events)
    {
        var s = result.Scenario;
        var judgements = new List<KeyJudgement>();
        // A policy comparison counts packages; it has no probability to state, so its findings stay in the tables.
        foreach (var a in result.Answers.Where(a => a.Available && a.Question.Model != QuestionModel.PolicyComparison))
        {
            var q = a.Question;
            var holds = a.ShareAgreeing >= 0.5;
            var p = holds ? a.ShareAgreeing : 1 - a.ShareAgreeing;
            var dated = events.FirstOrDefault(e => e.Questions.Contains(q.Id));
            // A dated event's forecast states its own probability; a calibrated War Trap answer states the
            // probability of a dispute; any other answer, the share of draws on the more likely side.
            var (statement, probability, basis) = (dated, a.Dispute) switch
            {
                ({ } e, _) => ($"{e.Event} {Lead(e.Probability)}.", e.Probability, e.Basis),
                (null, { } d) => ($"{Lead(d.Probability)} that {d.Event}.", d.Probability,
                    $"logistic model of dispute initiation fitted on 1816-2014 dyad-years, read at the scenario's numbers; 90% over {result.Options.Samples} Monte Carlo draws {Numbers.Probability(d.Low)} to {Numbers.Probability(d.High)}"),
                _ => ($"{Lead(p)} that {Outcome(result, a, holds)}.", p, $"share of {result.Options.Samples} Monte Carlo draws over the scenario's stated ranges"),
            };
            judgements.Add(new KeyJudgement(q.Id, QuestionTitles.Of(s, q), statement, probability, EstimativeLanguage.Term(probability), basis,
                // Confidence reads how firmly the draws side with the answer (p), whatever probability the statement gives.
                ConfidenceRule.For(s, a, p, holds), Signposts.For(s, a), Outcome(result, a, !CentralHolds(a)), holds));
        }

        return judgements;
    }

    /// <summary>"We judge it likely (72%)", "We judge there is almost no chance (2%)".</summary>
    private static string Lead(double p) => EstimativeLanguage.Term(p) switch
    {
        EstimativeTerm.AlmostNoChance => $"We judge there is almost no chance ({Numbers.Probability(p)})",
        EstimativeTerm.RoughlyEvenChance => $"We judge there is a roughly even chance ({Numbers.Probability(p)})",
        _ => $"We judge it {EstimativeLanguage.Words(p)} ({Numbers.Probability(p)})",
    };

    private static bool CentralHolds(Answer a) => a.Question.Expect.IsMetBy(a.Value);

    /// <summary>The source article's expected outcome (<paramref name="holds"/>) or its opposite, as an event.</summary>
    public static string Outcome(AnalysisResult r, Answer a, bool holds)
    {
        var (s, q) = (r.Scenario, a.Question);
        var e = q.Expect;
        switch (q.Model)
        {
            case QuestionModel.WarTrap when a.Dispute is { } d:
                {
                    // The article's expectation is a bound on the probability of the dispute.
                    var below = (e.Below is not null) == holds;
                    var bound = (below ? e.Below : e.Above) ?? e.Below ?? e.Above ?? 0.5;
                    return $"the probability that {d.Event} is {(below ? "below" : "above")} {Numbers.Probability(bound)}";
                }

            case QuestionModel.WarTrap when q.Challenger is not null && q.Target is not null:
                {
                    // The article expects EU below 0 (does not pay) or above 0 (pays).
                    var pays = (e.Above is not null) == holds;
                    var backer = q.Backer is null ? "" : $" with {s.Actor(q.Backer).Name} behind it";
                    return $"an attack on {s.Actor(q.Target).Name}{backer} would {(pays ? "" : "not ")}pay for {s.Actor(q.Challenger).Name} (War Trap expected utility {(pays ? "above" : "below")} 0)";
                }

            case QuestionModel.Coercion when q.Lever is not null:
                {
                    var lever = s.Lever(q.Lever);
                    var senderPays = (e.Above is not null) == holds;
                    var (more, less) = senderPays ? (s.Actor(lever.Actor).Name, s.Actor(lever.Target).Name) : (s.Actor(lever.Target).Name, s.Actor(lever.Actor).Name);
                    return $"if {QuestionTitles.Of(s, q)}, {more} would lose more than {less}, relative to the size of each economy";
                }

            case QuestionModel.Bargaining when q.Issue is not null:
                {
                    var issue = s.Issue(q.Issue);
                    var scale = issue.Scale;
                    string Side(bool high) => high ? scale.MaxMeaning : scale.MinMeaning;
                    if (e.Above is { } lo && e.Below is { } hi)
                        return holds ? $"\"{issue.Title}\" settles between {Numbers.Value(lo)} and {Numbers.Value(hi)} on its {Numbers.Value(scale.Min)}-{Numbers.Value(scale.Max)} scale"
                            : $"\"{issue.Title}\" settles outside {Numbers.Value(lo)}-{Numbers.Value(hi)} on its {Numbers.Value(scale.Min)}-{Numbers.Value(scale.Max)} scale";
                    var threshold = e.Above ?? e.Below ?? (scale.Min + scale.Max) / 2;
                    var high = (e.Above is not null) == holds;
                    return $"\"{issue.Title}\" settles {(high ? "above" : "below")} {Numbers.Value(threshold)} on its {Numbers.Value(scale.Min)}-{Numbers.Value(scale.Max)} scale, towards \"{Side(high)}\"";
                }

            case QuestionModel.PolicyComparison:
                // Counted packages, not a share of draws: the answer's own words say which help.
                return holds ? $"{a.Headline} ({a.Unit}: expected {e})" : $"{a.Headline} ({a.Unit}: not {e})";

            default:
                return holds ? $"the answer to \"{q.Text}\" is {e}" : $"the answer to \"{q.Text}\" is not {e}";
        }
    }
}
