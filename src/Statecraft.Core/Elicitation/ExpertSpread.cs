using Statecraft.Core.Scenarios;
using Statecraft.Core.Scenarios.Analysis;
using Statecraft.Core.Uncertainty;

namespace Statecraft.Core.Elicitation;

/// <summary>
/// How far the experts' disagreement moves an answer: the answer with every number an expert
/// judged set to that expert's own central value (the rest at their medians), one per expert.
/// Under the linear pool the interval already contains the disagreement; under the median it does
/// not, and this is where it shows.
/// </summary>
public static class ExpertSpread
{
    public const string Prefix = "expert:";

    public static IReadOnlyList<ModelEstimate> Estimates(Scenario scenario, InputSet inputs, ScenarioModel model)
    {
        var byPath = scenario.Inputs.ToDictionary(i => i.Path, i => i.Value);
        var judged = inputs.Inputs
            .Select((input, index) => (Index: index, Experts: byPath.TryGetValue(input.Name, out var v) ? v.Experts : null))
            .Where(x => x.Experts is not null)
            .ToArray();
        if (judged.Length == 0) return [];

        var medians = inputs.Medians();
        var experts = judged.SelectMany(x => x.Experts!.Select(e => e.Source.SourceId)).Distinct().ToArray();
        var estimates = new List<ModelEstimate>();
        foreach (var expert in experts)
        {
            var values = (double[])medians.Clone();
            var count = 0;
            foreach (var (index, list) in judged)
                if (list!.FirstOrDefault(e => e.Source.SourceId == expert) is { } own)
                {
                    values[index] = own.Distribution?.Median ?? own.Estimate.Central;
                    count++;
                }

            estimates.Add(new ModelEstimate(Prefix + expert, MonteCarlo.Evaluate(inputs, model, values),
                $"the answer with the {count} number(s) this expert judged at their own central value, the rest at the medians"));
        }

        var all = estimates.Select(e => e.Value!.Value).ToArray();
        estimates.Add(new ModelEstimate("experts_spread", all.Max() - all.Min(),
            $"largest minus smallest of the {experts.Length} experts' answers: their disagreement"));
        return estimates;
    }
}
