using Statecraft.Core.Events;

namespace Statecraft.Core.Tests.Events;

public sealed class AccuracyTests
{
    [Fact]
    public void Precision_and_recall_count_every_event_once()
    {
        var records = new[]
        {
            new ScoredRecord("a", [ScoredEvent.Of("RUS", "AZE", "190"), ScoredEvent.Of("AZE", "RUS", "173")],
                [ScoredEvent.Of("RUS", "AZE", "195"), ScoredEvent.Of("RUS", "AZE", "190"), ScoredEvent.Of("RUS", "AZE", "010")]),
            new ScoredRecord("b", [ScoredEvent.Of("ARM", "AZE", "036")], []),
        };
        records[0].Matched.ShouldBe(1); // one gold RUS/AZE/19, met once although two found events fit it
        var a = Accuracy.Of(records);
        (a.Records, a.Gold, a.Found, a.Matched).ShouldBe((2, 3, 3, 1));
        a.Precision.ShouldBe(1.0 / 3, 1e-12);
        a.Recall.ShouldBe(1.0 / 3, 1e-12);
        a.F1.ShouldBe(1.0 / 3, 1e-12);
    }

    [Fact]
    public void Country_level_cuts_actor_codes_to_three_letters() =>
        ScoredEvent.Of("RUSGOV", "AZEMIL", "1951", countryLevel: true).ShouldBe(new ScoredEvent("RUS", "AZE", "19"));

    [Fact]
    public void A_gold_actor_left_open_or_listing_readings_admits_any_or_either()
    {
        new ScoredEvent(null, "AZE", "19").Admits(new ScoredEvent("RUS", "AZE", "19")).ShouldBeTrue();
        new ScoredEvent("SUN|RUS", "AZE", "19").Admits(new ScoredEvent("RUS", "AZE", "19")).ShouldBeTrue();
        new ScoredEvent("SUN|RUS", "AZE", "19").Admits(new ScoredEvent("USA", "AZE", "19")).ShouldBeFalse();
        new ScoredEvent("RUS", "AZE", "19").Admits(new ScoredEvent("RUS", "AZE", "17")).ShouldBeFalse();
    }

    [Fact]
    public void Precise_gold_events_are_matched_before_open_ones()
    {
        // the open gold would take the only RUS/AZE event first if matched in listed order
        var r = new ScoredRecord("c", [new ScoredEvent(null, null, "19"), new ScoredEvent("RUS", "AZE", "19")],
            [new ScoredEvent("RUS", "AZE", "19"), new ScoredEvent("ARM", "AZE", "19")]);
        r.Matched.ShouldBe(2);
    }

    [Fact]
    public void No_events_is_zero_not_NaN()
    {
        var a = Accuracy.Of([new ScoredRecord("d", [], [])]);
        (a.Precision, a.Recall, a.F1).ShouldBe((0.0, 0.0, 0.0));
    }
}
