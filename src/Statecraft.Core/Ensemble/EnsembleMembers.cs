using Statecraft.Core.Bargaining;
using Statecraft.Core.Domain;
using Statecraft.Core.Spatial;

namespace Statecraft.Core.Ensemble;

/// <summary>
/// The four bargaining models the ensemble combines, each a forecast of where an issue settles on
/// its own scale: BDM (published text, weighted median after the last round), KTAB's SMP
/// (deterministic defaults, weighted median of the final positions), and the capability × salience
/// weighted mean and weighted median of the stated positions. The same functions score the models
/// on DEU III (<c>statecraft evaluate</c>) and forecast a scenario's issues, so the weights learnt on
/// one apply to the other.
/// </summary>
public static class EnsembleMembers
{
    public const int Count = 4;

    public static IReadOnlyList<string> Names { get; } = ["bdm", "smp", "weighted-mean", "weighted-median"];

    public static IReadOnlyList<string> Descriptions { get; } =
    [
        "BDM expected utility, text variant (weighted median after the last round)",
        "KTAB's Spatial Model of Politics, deterministic defaults (weighted median at the end)",
        "mean of positions weighted by capability × salience",
        "median of positions weighted by capability × salience",
    ];

    /// <summary>
    /// Every member's forecast, in <see cref="Names"/> order; NaN where a member cannot run (SMP
    /// needs two actors with capability and salience).
    /// </summary>
    public static void Forecast(Issue issue, Span<double> into)
    {
        into[0] = BdmModel.ForecastMedian(issue, BdmOptions.Default);
        into[1] = Smp(issue) ?? double.NaN;
        into[2] = Baselines.WeightedMean(issue);
        into[3] = Baselines.WeightedMedian(issue);
    }

    /// <summary>
    /// One-dimensional SMP on the issue's scale mapped to [0, 1]. Actors without salience or
    /// capability are left out: KTAB weighs distances by salience and cannot place an actor that cares
    /// about nothing. Null when fewer than two actors remain.
    /// </summary>
    public static double? Smp(Issue issue) => SmpRun(issue)?.Forecast;

    /// <summary>
    /// SMP's final position for every actor of the issue (NaN for an actor left out) and its
    /// forecast; null when fewer than two actors care.
    /// </summary>
    public static (double[] Final, double Forecast)? SmpRun(Issue issue)
    {
        var min = issue.Scale.Min;
        var span = issue.Scale.Max - min;
        var actors = new List<SpatialActor>(issue.Actors.Count);
        var index = new List<int>(issue.Actors.Count);
        for (var i = 0; i < issue.Actors.Count; i++)
        {
            var a = issue.Actors[i];
            if (!(a.Salience.Value > 0 && a.Capability.Value > 0)) continue;
            actors.Add(new SpatialActor(a.Name, "", a.Capability.Value, [(a.Position.Value - min) / span], [a.Salience.Value]));
            index.Add(i);
        }

        var scenario = SpatialScenario.Create(issue.Name, "", ["position"], actors);
        if (!scenario.Success) return null;
        var final = SmpModel.FinalPositions(scenario.Value, SmpOptions.Default with { MaxThreads = 1 });
        var positions = new double[actors.Count];
        var weights = new double[actors.Count];
        var all = new double[issue.Actors.Count];
        Array.Fill(all, double.NaN);
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = min + span * final[i];
            weights[i] = actors[i].Capability * actors[i].Salience[0];
            all[index[i]] = positions[i];
        }

        return (all, Baselines.WeightedMedian(positions, weights));
    }
}
