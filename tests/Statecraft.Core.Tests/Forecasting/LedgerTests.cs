using Statecraft.Core.Domain;
using Statecraft.Core.Forecasting;

namespace Statecraft.Core.Tests.Forecasting;

/// <summary>Resolutions checked against the ledger, and the ledger scored against them.</summary>
public sealed class LedgerTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 12, 0, 0, TimeSpan.Zero);

    internal static LedgerEntry Entry(long id, string question, double p, double baseRate = 0.5, string forecaster = "judgement",
        bool headline = true, DateOnly? madeAt = null, DateOnly? deadline = null) =>
        new(id, question, "Will " + question + "?", QuestionKind.Binary, [], forecaster, headline, Prediction.Binary(p), Prediction.Binary(baseRate),
            madeAt ?? new DateOnly(2025, 7, 5), deadline ?? new DateOnly(2025, 12, 31), "s", new string('a', 64), "test", Now, null, "{}");

    internal static Resolution Resolved(long id, string question, bool happened, DateOnly? date = null, long? corrects = null) =>
        new(id, question, new Outcome(QuestionKind.Binary, Happened: happened), date ?? new DateOnly(2025, 12, 31), "test", Now, corrects,
            corrects is null ? null : "corrected", "test");

    private static ResolutionRequest Request(string question, string outcome, DateOnly? date = null, string? reason = null, int line = 2) =>
        new(question, outcome, date ?? new DateOnly(2025, 12, 31), "a report", reason, new SourceLocation("r.csv", line));

    private static readonly LedgerEntry[] Ledger =
    [
        Entry(1, "war", 0.1),
        Entry(2, "deal", 0.3),
        new(3, "gas", "How much gas?", QuestionKind.Numeric, [], "judgement", true, Prediction.FromSamples([10.0, 12, 14]), Prediction.FromSamples([8.0, 12, 16]),
            new DateOnly(2025, 7, 5), new DateOnly(2025, 12, 31), "s", new string('a', 64), "test", Now, null, "{}"),
    ];

    [Fact]
    public void Good_requests_become_resolutions_and_a_reason_makes_a_correction()
    {
        var first = ResolutionRules.Check([Request("war", "no"), Request("gas", "12.4", line: 3)], Ledger, [], Now, "v");
        first.Success.ShouldBeTrue(string.Join("; ", first.Problems));
        first.Value.Select(r => (r.QuestionId, r.Outcome.ToString(), r.Corrects)).ShouldBe([("war", "no", (long?)null), ("gas", "12.4", null)]);

        var correction = ResolutionRules.Check([Request("war", "yes", new DateOnly(2025, 11, 1), "a later report showed 30 deaths")], Ledger, [Resolved(7, "war", false)], Now, "v");
        correction.Value.ShouldHaveSingleItem().Corrects.ShouldBe(7);
        correction.Value[0].Reason.ShouldBe("a later report showed 30 deaths");
    }

    [Fact]
    public void Every_problem_of_a_batch_is_reported_with_its_line_and_field_and_nothing_is_accepted()
    {
        var result = ResolutionRules.Check(
        [
            Request("nowhere", "yes", line: 2),
            Request("war", "maybe", line: 3),
            Request("deal", "yes", line: 4),
            Request("deal", "no", line: 5),
            Request("gas", "no", line: 6),
        ], Ledger, [], Now, "v");
        result.Success.ShouldBeFalse();
        var shown = result.Problems.Select(p => p.ToString()).ToArray();
        shown.ShouldContain(s => s.StartsWith("r.csv:2: nowhere: question: unknown question"));
        shown.ShouldContain(s => s.StartsWith("r.csv:3: war: outcome: expected yes or no"));
        shown.ShouldContain(s => s.StartsWith("r.csv:5: deal: question: resolved twice in this batch (also at r.csv:4)"));
        shown.ShouldContain(s => s.StartsWith("r.csv:6: gas: outcome: expected a number"));
        result.Problems.Count.ShouldBe(4);
    }

    [Fact]
    public void A_question_is_resolved_once_and_a_correction_needs_something_to_correct()
    {
        var twice = ResolutionRules.Check([Request("war", "yes")], Ledger, [Resolved(5, "war", false)], Now, "v");
        twice.Problems.ShouldHaveSingleItem().Message.ShouldContain("already resolved (no on 2025-12-31, record 5)");
        var nothing = ResolutionRules.Check([Request("war", "yes", reason: "typo")], Ledger, [], Now, "v");
        nothing.Problems.ShouldHaveSingleItem().Field.ShouldBe("reason");
    }

    [Fact]
    public void A_yes_must_fall_between_the_forecast_and_the_deadline()
    {
        ResolutionRules.Check([Request("war", "yes", new DateOnly(2026, 1, 1))], Ledger, [], Now, "v")
            .Problems.ShouldHaveSingleItem().Message.ShouldContain("after the deadline 2025-12-31");
        ResolutionRules.Check([Request("war", "yes", new DateOnly(2025, 7, 1))], Ledger, [], Now, "v")
            .Problems.ShouldHaveSingleItem().Message.ShouldContain("before the forecast was made");
        ResolutionRules.Check([Request("war", "no", new DateOnly(2026, 1, 1))], Ledger, [], Now, "v").Success.ShouldBeTrue();
    }

    [Fact]
    public void The_current_resolution_is_the_end_of_its_chain_of_corrections()
    {
        var current = ResolutionRules.Current([Resolved(1, "war", false), Resolved(2, "deal", true), Resolved(3, "war", true, corrects: 1), Resolved(4, "war", false, corrects: 3)]);
        current["war"].Id.ShouldBe(4);
        current["deal"].Id.ShouldBe(2);
    }
}

public sealed class ScoreboardTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 12, 0, 0, TimeSpan.Zero);

    private static Resolution Resolved(long id, string question, bool happened, DateOnly? date = null, long? corrects = null) =>
        LedgerTests.Resolved(id, question, happened, date, corrects);

    [Fact]
    public void Scores_by_hand_with_skill_against_the_base_rate_and_even_odds()
    {
        LedgerEntry[] ledger = [LedgerTests.Entry(1, "a", 0.8, baseRate: 0.5), LedgerTests.Entry(2, "b", 0.3, baseRate: 0.2), LedgerTests.Entry(3, "c", 0.6)];
        var report = Scoreboard.Score(ledger, [Resolved(1, "a", true), Resolved(2, "b", false)]);
        report.Forecasts.ShouldBe(3);
        report.Records.ShouldBe(3);
        report.Resolved.ShouldBe(2);
        var h = report.Headline;
        // Brier: (0.2² + 0.3²)/2 = 0.065; base rate: (0.5² + 0.2²)/2 = 0.145; log: (ln 0.8 + ln 0.7)/2
        h.Brier!.Value.ShouldBe(0.065, 1e-12);
        h.BaseRateBrier!.Value.ShouldBe(0.145, 1e-12);
        h.SkillVsBaseRate!.Value.ShouldBe(1 - 0.065 / 0.145, 1e-12);
        h.SkillVsEven!.Value.ShouldBe(1 - 0.065 / 0.25, 1e-12);
        h.LogScore!.Value.ShouldBe((Math.Log(0.8) + Math.Log(0.7)) / 2, 1e-12);
        h.Sharpness!.Value.ShouldBe((0.6 + 0.4) / 2, 1e-12);
        h.Calibration.Select(b => (b.Low, b.Count, b.Frequency)).ShouldBe([(0.3, 1, 0.0), (0.8, 1, 1.0)]);
        h.Crps.ShouldBeNull();
    }

    [Fact]
    public void The_forecast_scored_is_the_latest_made_before_the_question_was_settled()
    {
        LedgerEntry[] ledger =
        [
            LedgerTests.Entry(1, "a", 0.2, madeAt: new DateOnly(2025, 7, 5)),
            LedgerTests.Entry(2, "a", 0.4, madeAt: new DateOnly(2025, 9, 1)),
            LedgerTests.Entry(3, "a", 0.6, madeAt: new DateOnly(2025, 9, 1)), // same day, recorded later: this one
            LedgerTests.Entry(4, "a", 0.99, madeAt: new DateOnly(2025, 10, 2)), // after the event: never scored
        ];
        var report = Scoreboard.Score(ledger, [Resolved(1, "a", true, new DateOnly(2025, 10, 1))]);
        report.Questions.ShouldHaveSingleItem().Entry.Id.ShouldBe(3);
        report.Headline.Brier!.Value.ShouldBe(0.16, 1e-12);
    }

    [Fact]
    public void Each_forecaster_is_scored_on_its_own_forecasts_and_corrections_replace_resolutions()
    {
        LedgerEntry[] ledger =
        [
            LedgerTests.Entry(1, "a", 0.3, headline: false),
            LedgerTests.Entry(2, "a", 0.9, forecaster: "war-trap"),
            LedgerTests.Entry(3, "b", 0.4),
        ];
        var report = Scoreboard.Score(ledger, [Resolved(1, "a", false), Resolved(2, "a", true, corrects: 1), Resolved(3, "b", false)]);
        report.Models.Select(m => (m.Forecaster, m.Resolved)).ShouldBe([("judgement", 2), ("war-trap", 1)]);
        report.Models[0].Brier!.Value.ShouldBe((0.49 + 0.16) / 2, 1e-12); // a resolved yes after the correction
        report.Models[1].Brier!.Value.ShouldBe(0.01, 1e-12);
        report.Headline.Brier!.Value.ShouldBe((0.01 + 0.16) / 2, 1e-12);
    }

    [Fact]
    public void Numeric_and_categorical_questions_get_crps_and_the_categorical_brier()
    {
        var numeric = new LedgerEntry(1, "gas", "How much gas?", QuestionKind.Numeric, [], "judgement", true, Prediction.FromSamples([10.0]),
            Prediction.FromSamples([14.0]), new DateOnly(2025, 7, 5), new DateOnly(2025, 12, 31), "s", "x", "t", Now, null, "{}");
        var categorical = new LedgerEntry(2, "lead", "Who leads?", QuestionKind.Categorical, ["A", "B"], "judgement", true,
            Prediction.Categorical([new("A", 0.7), new("B", 0.3)]), Prediction.Categorical([new("A", 0.5), new("B", 0.5)]),
            new DateOnly(2025, 7, 5), new DateOnly(2025, 12, 31), "s", "x", "t", Now, null, "{}");
        var report = Scoreboard.Score([numeric, categorical],
        [
            new(1, "gas", new Outcome(QuestionKind.Numeric, Value: 11), new DateOnly(2026, 1, 15), "t", Now, null, null, "t"),
            new(2, "lead", new Outcome(QuestionKind.Categorical, Category: "B"), new DateOnly(2025, 12, 1), "t", Now, null, null, "t"),
        ]);
        report.Headline.Crps!.Value.ShouldBe(1, 1e-12); // a point forecast: the absolute error
        report.Headline.CrpsSkillVsBaseRate!.Value.ShouldBe(1 - 1.0 / 3, 1e-12);
        report.Headline.CategoricalBrier!.Value.ShouldBe(0.49 + 0.49, 1e-12);
        report.Headline.Brier.ShouldBeNull();
        report.Headline.Calibration.ShouldBeEmpty();
    }

    [Fact]
    public void An_empty_ledger_scores_nothing_and_no_number_is_nan()
    {
        var report = Scoreboard.Score([], []);
        report.Resolved.ShouldBe(0);
        report.Headline.Brier.ShouldBeNull();
        report.Headline.SkillVsBaseRate.ShouldBeNull();
        report.Models.ShouldBeEmpty();
    }
}
