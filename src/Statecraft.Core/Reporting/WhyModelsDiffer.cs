using Statecraft.Core.Scenarios;
using Statecraft.Core.Scenarios.Analysis;

namespace Statecraft.Core.Reporting;

/// <summary>
/// A short "why the models disagree" for a bargaining answer whose models are more than
/// <see cref="Threshold"/> of the scale apart; null where they agree or the question has one model.
/// </summary>
public static class WhyModelsDiffer
{
    public const double Threshold = 0.15;

    public static string? Explain(Scenario s, Answer a)
    {
        if (a.Question.Model != QuestionModel.Bargaining || a.Question.Issue is null) return null;
        var values = a.Models.Where(m => m.Value is not null).ToDictionary(m => m.Model, m => m.Value!.Value);
        if (values.Count < 2) return null;
        var scale = s.Issue(a.Question.Issue).Scale;
        var spread = values.Values.Max() - values.Values.Min();
        if (spread <= Threshold * (scale.Max - scale.Min)) return null;
        var list = string.Join(", ", values.Select(v => $"{Name(v.Key)} {Numbers.Value(v.Value)}"));
        return $"The models are {Numbers.Value(spread)} points apart ({list}). BDM's forecast is the weighted median of the positions after "
               + "bargaining, so it follows the largest bloc of capability times salience; SMP and the weighted mean average the positions, "
               + "so a few strong actors far from that bloc pull them away from it.";
    }

    private static string Name(string model) => model switch
    {
        "bdm" => "BDM",
        "smp" => "SMP",
        "weighted_mean" => "weighted mean",
        _ => model,
    };
}
