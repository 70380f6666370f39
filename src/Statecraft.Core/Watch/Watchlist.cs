using System.Globalization;
using Statecraft.Core.Events;
using Statecraft.Core.Scenarios;
using Statecraft.Core.Scenarios.Analysis;

namespace Statecraft.Core.Watch;

/// <summary>One month of the events bearing on an input: how many and their net push.</summary>
public sealed record PushMonth(string Month, int Events, double NetPush);

/// <summary>
/// What coded events say about one input of a question: its role (a flip point, a driver or both), where
/// it stands and where the answer would flip, the events bearing on it with their push, and how far they
/// have moved it: <see cref="NetPush"/> (up positive) and, for a flip point, the push towards the flip and
/// away from it.
/// </summary>
public sealed record InputWatch(
    string Input,
    string Label,
    bool IsFlipPoint,
    bool IsDriver,
    double? Baseline,
    double? FlipAt,
    int Events,
    double NetPush,
    double TowardFlip,
    double AwayFromFlip,
    IReadOnlyList<PushMonth> Months,
    IReadOnlyList<Bearing> Evidence)
{
    /// <summary>+1 when the flip lies above the baseline, -1 below, 0 when the input never flips the answer.</summary>
    public int FlipDirection => FlipAt is { } f && Baseline is { } b ? Math.Sign(f - b) : 0;
}

/// <summary>A question with the inputs its answer rests on and what recent events say about each.</summary>
public sealed record QuestionWatch(string Id, string Text, double Value, string Unit, string Verdict, IReadOnlyList<InputWatch> Inputs)
{
    public int Events => Inputs.Sum(i => i.Events);
}

/// <summary>Signposts watched: for each question, which coded events bear on its drivers and flip points.</summary>
public static class Watchlist
{
    /// <summary>Every question's drivers and flip points with the events (dated on or after
    /// <paramref name="since"/>, when given) that bear on them, in date order.</summary>
    public static IReadOnlyList<QuestionWatch> Build(AnalysisResult result, IReadOnlyList<CodedEvent> events, DateOnly? since = null)
    {
        var s = result.Scenario;
        var recent = events.Where(e => since is null || (e.Date is { } d && d >= since))
            .OrderBy(e => e.Date ?? DateOnly.MinValue).ThenBy(e => e.Doc, StringComparer.Ordinal).ThenBy(e => e.Sentence).ToList();
        var questions = new List<QuestionWatch>();
        foreach (var a in result.Answers)
        {
            var q = a.Question;
            var flips = a.Flips.ToDictionary(f => f.Input, StringComparer.Ordinal);
            var drivers = a.Drivers.ToDictionary(d => d.Input, StringComparer.Ordinal);
            var inputs = new List<InputWatch>();
            // flip points first (the signposts), then the other drivers, each in the answer's order
            foreach (var input in a.Flips.Select(f => f.Input).Concat(a.Drivers.Select(d => d.Input)).Distinct())
            {
                var evidence = EventBearings.Of(s, q, input, recent).ToList();
                flips.TryGetValue(input, out var flip);
                var label = drivers.TryGetValue(input, out var driver) ? driver.Label : input;
                var direction = flip?.Nearest is { } n ? Math.Sign(n - flip.Baseline) : 0;
                var months = evidence.Where(b => b.Event.Date is not null)
                    .GroupBy(b => b.Event.Date!.Value.ToString("yyyy-MM", CultureInfo.InvariantCulture))
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new PushMonth(g.Key, g.Count(), Round(g.Sum(b => b.Push))))
                    .ToList();
                inputs.Add(new InputWatch(input, label, flip is not null, driver is not null, flip?.Baseline, flip?.Nearest,
                    evidence.Count, Round(evidence.Sum(b => b.Push)),
                    direction == 0 ? 0 : Round(evidence.Where(b => Math.Sign(b.Push) == direction).Sum(b => Math.Abs(b.Push))),
                    direction == 0 ? 0 : Round(evidence.Where(b => Math.Sign(b.Push) == -direction).Sum(b => Math.Abs(b.Push))),
                    months, evidence));
            }

            questions.Add(new QuestionWatch(q.Id, q.Text, a.Value, a.Unit, a.Verdict, inputs));
        }

        return questions;
    }

    // sums of Goldstein scores: six decimals are plenty and keep the bytes stable
    private static double Round(double x) => Math.Round(x, 6);
}
