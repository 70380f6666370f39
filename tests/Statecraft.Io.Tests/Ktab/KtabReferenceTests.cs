using System.Globalization;
using System.Text.RegularExpressions;
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

    /// <summary>The 2017 log of the same run: risk attitudes of every state, every challenge, win probabilities.</summary>
    private sealed record KtabLog(List<double[]> Risk, List<(int Turn, int Actor, int Target, string P, string Gain)> Challenges, List<string[]> WinProbabilities);

    private static KtabLog ReadLog(string name, int actors)
    {
        var lines = File.ReadAllLines(TestPaths.Reference("ktab", name));
        var risk = new List<double[]>();
        var challenges = new List<(int, int, int, string, string)>();
        var win = new List<string[]>();
        var target = new Regex(@"In turn (\d+) actor (\d+) has most advantageous target (\d+)");
        var estimate = new Regex(@"Est by\s+(\d+) of prob ([0-9.]+) that \[\s*(\d+)>\s*(\d+)\], with expected gain to\s+(\d+) of ([-+][0-9.]+)");
        for (var l = 0; l < lines.Length; l++)
        {
            if (lines[l].StartsWith("Inferred risk attitudes"))
                risk.Add(lines.Skip(l + 1).Take(actors).Select(x => double.Parse(x.Trim(), CultureInfo.InvariantCulture)).ToArray());
            var m = target.Match(lines[l]);
            if (m.Success)
            {
                var e = lines.Skip(l + 1).Select(x => estimate.Match(x)).First(x => x.Success);
                challenges.Add((int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value), e.Groups[2].Value, e.Groups[6].Value));
            }

            if (lines[l].StartsWith("History of actors' winning probabilities"))
                win = lines.Skip(l + 1).Take(actors).Select(x => x.Split(':')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        }

        return new KtabLog(risk, challenges, win);
    }

    [Theory]
    [InlineData("dummyData_3Dim.csv", "20170530_ref-dummyData_3Dim.txt")]
    [InlineData("SOE-Pol-Comp.csv", "20170530_ref-SOE-Pol-Comp.txt")]
    public void Risk_attitudes_challenges_and_win_probabilities_match_the_2017_log_at_every_turn(string input, string log)
    {
        var result = RunCsv(input);
        var n = result.Scenario.Actors.Count;
        var reference = ReadLog(log, n);
        var mismatches = new List<string>();

        reference.Risk.Count.ShouldBe(result.Turns.Count);
        for (var t = 0; t < result.Turns.Count; t++)
            for (var i = 0; i < n; i++)
            {
                var ours = result.Turns[t].RiskAttitudes[i];
                if (Math.Abs(ours - reference.Risk[t][i]) > 0.0005 + 1e-9) mismatches.Add($"risk turn {t} actor {i}: KTAB {reference.Risk[t][i]}, ours {ours}");
            }

        var ourChallenges = result.Turns.SelectMany(t => t.Challenges.Select((c, i) => (t.Turn, i, c)).Where(x => x.c.Made)).ToList();
        ourChallenges.Count.ShouldBe(reference.Challenges.Count);
        foreach (var (turn, actor, targetJ, p, gain) in reference.Challenges)
        {
            var c = result.Turns[turn].Challenges[actor];
            var ours = (c.Target, c.Probability.ToString("F4", CultureInfo.InvariantCulture), c.Gain.ToString("+0.0000;-0.0000", CultureInfo.InvariantCulture));
            if (ours != (targetJ, p, gain)) mismatches.Add($"challenge turn {turn} actor {actor}: KTAB ({targetJ}, {p}, {gain}), ours {ours}");
        }

        for (var i = 0; i < n; i++)
        {
            reference.WinProbabilities[i].Length.ShouldBe(result.Turns.Count);
            for (var t = 0; t < result.Turns.Count; t++)
            {
                var ours = result.Turns[t].WinProbabilities[i].ToString("F4", CultureInfo.InvariantCulture);
                if (ours != reference.WinProbabilities[i][t]) mismatches.Add($"P(win) turn {t} actor {i}: KTAB {reference.WinProbabilities[i][t]}, ours {ours}");
            }
        }

        mismatches.ShouldBeEmpty();
    }
}
