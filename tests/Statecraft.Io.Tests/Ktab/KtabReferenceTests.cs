using System.Globalization;
using Statecraft.Core.Spatial;
using Statecraft.Io.Ktab;
using Statecraft.Tests;

namespace Statecraft.Io.Tests.Ktab;

/// <summary>
/// Cross-checks against KTAB itself: the deterministic position histories KTAB printed (one decimal
/// on 0-100) and intermediate quantities from its 2017 reference logs.
/// </summary>
public sealed class KtabReferenceTests
{
    private static SmpResult RunCsv(string name) =>
        SmpModel.Run(KtabCsvReader.Read(TestPaths.Reference("ktab", name)).Value);

    /// <summary>KTAB's history: per (actor, dimension) row, the position at every turn.</summary>
    private static List<(string Actor, string Dimension, string[] Values)> History(string name) =>
        File.ReadAllLines(TestPaths.Reference("ktab", name))
            .Where(l => l.Trim().Length > 0)
            .Select(l => l.Split(','))
            .Select(f => (f[0].Trim(), f[1].Trim(), f.Skip(2).Select(v => v.Trim()).Where(v => v.Length > 0).ToArray()))
            .ToList();

    [Theory]
    [InlineData("dummyData_3Dim.csv", "dummyData_3Dim.positions.csv")]
    [InlineData("SOE-Pol-Comp.csv", "SOE-Pol-Comp.positions.csv")]
    public void Every_position_at_every_turn_matches_KTAB(string input, string positions)
    {
        var result = RunCsv(input);
        var history = History(positions);
        var nd = result.Dimensions;
        history.Count.ShouldBe(result.Scenario.Actors.Count * nd);

        var mismatches = new List<string>();
        for (var row = 0; row < history.Count; row++)
        {
            var (actor, dimension, values) = history[row];
            var i = row / nd;
            var k = row % nd;
            result.Scenario.Actors[i].Name.ShouldBe(actor);
            result.Scenario.Dimensions[k].ShouldBe(dimension);
            result.Turns.Count.ShouldBe(values.Length, $"number of states (turns + 1) for {actor}");
            for (var t = 0; t < values.Length; t++)
            {
                var ours = result.PercentPosition(t, i, k).ToString("F1", CultureInfo.InvariantCulture);
                if (ours != values[t]) mismatches.Add($"{actor} {dimension} turn {t}: KTAB {values[t]}, ours {ours}");
            }
        }

        mismatches.ShouldBeEmpty();
    }
}
