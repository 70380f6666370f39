using Statecraft.Core.Scenarios;
using Statecraft.Core.Scenarios.Analysis;

namespace Statecraft.Core.Reporting;

public enum ConfidenceLevel
{
    Low,
    Moderate,
    High,
}

/// <summary>A confidence level with the reasons that set it, one clause each.</summary>
public sealed record Confidence(ConfidenceLevel Level, IReadOnlyList<string> Reasons)
{
    public string Word => Level.ToString().ToLowerInvariant();
}

/// <summary>How far a model family has been checked against what really happened.</summary>
public sealed record TrackRecord(bool BeatsBaseline, string Evidence);

/// <summary>
/// The documented rule for a judgement's confidence (docs/report.md): one point each way from
/// (1) the input spread: the judged outcome holds in at least 90% of the draws (+1), or in less than
/// 70% (-1); (2) model agreement: every model puts its central value on the judged side (+1), or
/// most do not (-1), where a question has more than one model; (3) the model's measured accuracy
/// caps it: high confidence needs a model family that has beaten a simple baseline on real outcomes.
/// Two points or more is high (if the cap allows), zero or one moderate, below zero low.
/// </summary>
public static class ConfidenceRule
{
    /// <summary>What the project has measured about each model family (docs/accuracy.md).</summary>
    public static readonly IReadOnlyDictionary<QuestionModel, TrackRecord> TrackRecords = new Dictionary<QuestionModel, TrackRecord>
    {
        [QuestionModel.Bargaining] = new(false,
            "on 180 real EU decisions (DEU III) no bargaining model beats the capability-weighted mean of the starting positions"),
        [QuestionModel.WarTrap] = new(false, "War Trap has not been scored against real conflict outcomes in this build"),
        [QuestionModel.Coercion] = new(false, "the coercion model has not been scored against real outcomes in this build"),
        [QuestionModel.PolicyComparison] = new(false,
            "the policy comparison runs the bargaining models, which do not beat the weighted mean on real EU decisions"),
    };

    public static Confidence For(Scenario s, Answer a, double probability, bool holds)
    {
        var reasons = new List<string>();
        var points = 0;
        switch (probability)
        {
            case >= 0.9:
                points++;
                reasons.Add($"it holds in {Numbers.Percent(probability)} of the draws");
                break;
            case < 0.7:
                points--;
                reasons.Add($"the input ranges leave it open ({Numbers.Percent(probability)} of the draws)");
                break;
            default:
                reasons.Add($"it holds in {Numbers.Percent(probability)} of the draws");
                break;
        }

        var models = PositionModels(a);
        if (models.Count > 1)
        {
            var onSide = models.Count(m => a.Question.Expect.IsMetBy(m.Value!.Value) == holds);
            if (onSide == models.Count)
            {
                points++;
                reasons.Add($"all {models.Count} models agree");
            }
            else if (2 * onSide <= models.Count)
            {
                points--;
                reasons.Add($"only {onSide} of {models.Count} models agree");
            }
            else reasons.Add($"{onSide} of {models.Count} models agree");
        }

        var record = TrackRecords[a.Question.Model];
        var level = points >= 2 && record.BeatsBaseline ? ConfidenceLevel.High
            : points >= 0 ? ConfidenceLevel.Moderate
            : ConfidenceLevel.Low;
        if (points >= 2 && !record.BeatsBaseline) reasons.Add($"capped at moderate: {record.Evidence}");
        return new Confidence(level, reasons);
    }

    // The models that estimate the same quantity as the answer: a bargaining answer's position forecasts.
    private static IReadOnlyList<ModelEstimate> PositionModels(Answer a) =>
        a.Question.Model == QuestionModel.Bargaining ? a.Models.Where(m => m.Value is not null).ToArray() : [];
}
