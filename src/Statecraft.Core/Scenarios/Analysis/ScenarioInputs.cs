using Statecraft.Core.Uncertainty;

namespace Statecraft.Core.Scenarios.Analysis;

/// <summary>
/// Turns a scenario's numbers into the uncertainty engine's inputs: a point stays a point, a range
/// [low, high] around a central value becomes a triangular distribution with its mode there, and a
/// distribution given in the file is used as it is. Names
/// are the scenario's input paths, so tornado bars and flip points name the YAML field they came from.
/// </summary>
public static class ScenarioInputs
{
    public static Distribution DistributionOf(Estimate e) =>
        e.IsPoint ? Distribution.Point(e.Central) : Distribution.Triangular(e.Low, e.Central, e.High);

    /// <summary>The inputs at <paramref name="paths"/>, in that order (which fixes the draw order).</summary>
    public static InputSet Create(Scenario scenario, IReadOnlyList<string> paths)
    {
        var byPath = scenario.Inputs.ToDictionary(i => i.Path);
        var inputs = paths.Select(p =>
        {
            var (min, max) = scenario.BoundsOf(p);
            var value = byPath[p].Value;
            return new UncertainInput(p, value.Distribution ?? DistributionOf(value.Estimate), new Bounds(min, max));
        });
        return InputSet.Create(inputs).Value;
    }

    public static string Label(Scenario scenario, string path) =>
        scenario.Inputs.FirstOrDefault(i => i.Path == path)?.Label ?? path;
}
