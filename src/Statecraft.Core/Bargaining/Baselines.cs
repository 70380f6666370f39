using Statecraft.Core.Domain;

namespace Statecraft.Core.Bargaining;

/// <summary>
/// The compromise baselines: positions weighted by capability × salience. When every weight is
/// zero nobody's vote counts, and both fall back to the unweighted statistic.
/// </summary>
public static class Baselines
{
    public static double WeightedMean(Issue issue) => WeightedMean(Positions(issue), Weights(issue));

    public static double WeightedMedian(Issue issue) => WeightedMedian(Positions(issue), Weights(issue));

    /// <summary>Σ w x / Σ w.</summary>
    public static double WeightedMean(IReadOnlyList<double> positions, IReadOnlyList<double> weights)
    {
        double top = 0, bottom = 0;
        for (var k = 0; k < positions.Count; k++)
        {
            top += weights[k] * positions[k];
            bottom += weights[k];
        }

        return bottom > 0 ? top / bottom : positions.Average();
    }

    /// <summary>
    /// The held position that wins the most pairwise votes, i.e. minimises Σ_k w_k |x_k − p|; on a line
    /// this is the weighted median and it beats every other held position. Ties go to the lower position.
    /// </summary>
    public static double WeightedMedian(IReadOnlyList<double> positions, IReadOnlyList<double> weights)
    {
        var anyWeight = false;
        for (var k = 0; k < weights.Count; k++) anyWeight |= weights[k] > 0;
        var best = double.NaN;
        var bestCost = double.PositiveInfinity;
        for (var c = 0; c < positions.Count; c++)
        {
            // Each distinct position once; among equal costs the lower position wins.
            var p = positions[c];
            var seen = false;
            for (var e = 0; e < c && !seen; e++) seen = positions[e] == p;
            if (seen) continue;
            double cost = 0;
            for (var k = 0; k < positions.Count; k++)
                cost += (anyWeight ? weights[k] : 1.0) * Math.Abs(positions[k] - p);
            if (cost < bestCost || (cost == bestCost && p < best))
            {
                bestCost = cost;
                best = p;
            }
        }

        return best;
    }

    internal static double[] Positions(Issue issue) => issue.Actors.Select(a => a.Position.Value).ToArray();

    internal static double[] Weights(Issue issue) =>
        issue.Actors.Select(a => a.Capability.Value * a.Salience.Value).ToArray();
}
