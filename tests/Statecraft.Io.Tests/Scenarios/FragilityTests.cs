using Statecraft.Core.Domain;
using Statecraft.Core.Scenarios;
using Statecraft.Core.Scenarios.Analysis;
using Statecraft.Core.Uncertainty;
using Statecraft.Io.Models;
using Statecraft.Io.Scenarios;
using Statecraft.Tests;

namespace Statecraft.Io.Tests.Scenarios;

/// <summary>
/// The review's knife edge: a headline that jumps 50 points when one salience moves 0.01. Every
/// bargaining headline of the built-in scenario, computed as analyze computes it (ensemble median
/// over the default draws and seed), must move by at most 10 points when any one salience moves by
/// 0.02, any one position by 2 points (2% of the scale) or any one influence by 2%.
/// </summary>
public sealed class FragilityTests
{
    private const double MaxMove = 10;

    private static readonly MonteCarloOptions Draws = new(AnalysisOptions.DefaultSamples, AnalysisOptions.DefaultSeed);

    [Fact]
    public void No_headline_moves_more_than_10_points_when_one_salience_position_or_influence_moves_a_little()
    {
        var s = ScenarioLoader.LoadFile(TestPaths.InRepo("scenarios", "south-caucasus.yaml")).Value.Scenario;
        var questions = s.Questions.Where(q => q.Model == QuestionModel.Bargaining).ToArray();
        var baseline = questions.ToDictionary(q => q.Id, q => Headline(s, q));
        var inputs = questions.ToDictionary(q => q.Id, q => EnsembleForecast.Inputs(Asked(s, q), q.Issue!).ToHashSet());
        var paths = inputs.Values.SelectMany(p => p).Distinct().Order(StringComparer.Ordinal).ToArray();

        var moves = 0;
        var failures = new List<string>();
        var largest = (Move: 0.0, What: "");
        foreach (var path in paths)
            foreach (var sign in new[] { -1, 1 })
            {
                var (nudged, what) = Nudge(s, path, sign);
                foreach (var q in questions.Where(q => inputs[q.Id].Contains(path)))
                {
                    var move = Math.Abs(Headline(nudged, q) - baseline[q.Id]);
                    moves++;
                    if (move > largest.Move) largest = (move, $"{q.Id}: {what} moves it {move:0.0}");
                    if (move > MaxMove) failures.Add($"{q.Id}: {what} moves the headline {baseline[q.Id]:0.0} by {move:0.0}");
                }
            }

        paths.ShouldContain(p => p.EndsWith("/salience", StringComparison.Ordinal));
        paths.ShouldContain(p => p.EndsWith("/position", StringComparison.Ordinal));
        moves.ShouldBeGreaterThan(2 * paths.Length - 1);
        failures.ShouldBeEmpty($"largest move: {largest.What}");
    }

    private static Scenario Asked(Scenario s, Question q) => q.Assume is null ? s : s.Apply(s.Policy(q.Assume));

    private static double Headline(Scenario s, Question q) =>
        EnsembleForecast.Predict(Asked(s, q), q.Issue!, EnsembleWeightsFile.BuiltIn, Draws).Median;

    /// <summary>
    /// The scenario with one input moved, ends of its range included (clamped to its domain):
    /// positions by 2% of the scale, saliences by 0.02, anything else (capability, influence) by 2%.
    /// </summary>
    private static (Scenario Nudged, string What) Nudge(Scenario s, string path, int sign)
    {
        var parts = path.Split('/');
        var field = parts[^1];
        var target = parts[0] == "issue"
            ? new ChangeTarget(Issue: parts[1], Actor: parts[2], Field: field)
            : new ChangeTarget(Actor: parts[1], Field: field);
        var (operation, amount) = field switch
        {
            "position" => (ChangeOperation.Add, sign * 0.02 * (s.Issue(parts[1]).Scale.Max - s.Issue(parts[1]).Scale.Min)),
            "salience" => (ChangeOperation.Add, sign * 0.02),
            _ => (ChangeOperation.Scale, 1 + sign * 0.02),
        };
        var probe = new Policy("probe", "probe", "", [], [new Change(target, operation, Estimate.Point(amount), new SourceRef("probe"))], []);
        return (s.Apply(probe), $"{path} {(operation == ChangeOperation.Add ? amount.ToString("+0.##;-0.##") : $"x{amount}")}");
    }
}
