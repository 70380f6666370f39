using System.Net;
using System.Text.Json;
using Statecraft.Core.Forecasting;
using Statecraft.Store;

namespace Statecraft.Web.Tests.Api;

/// <summary>GET /api/forecasts: the ledger, the resolutions and the scores the Forecasts page draws.</summary>
public sealed class ForecastApiTests : IDisposable
{
    private readonly DashboardFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static LedgerEntry Entry(string question, double p, double baseRate) =>
        new(0, question, $"Will <b>{question}</b> happen?", QuestionKind.Binary, [], "judgement", true, Prediction.Binary(p), Prediction.Binary(baseRate),
            new DateOnly(2025, 7, 5), new DateOnly(2025, 12, 31), "south-caucasus", new string('b', 64), "0.1.0", DateTimeOffset.UtcNow, null, "{}");

    [Fact]
    public async Task An_empty_store_has_an_empty_ledger_and_no_scores()
    {
        var response = await _factory.CreateClient().GetAsync("/api/forecasts");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        json.GetProperty("ledger").GetArrayLength().ShouldBe(0);
        json.GetProperty("score").GetProperty("resolved").GetInt32().ShouldBe(0);
        json.GetProperty("score").GetProperty("brier").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task The_ledger_resolutions_and_scores_are_served_newest_first_with_text_escaped()
    {
        var store = _factory.Store;
        store.RecordForecasts(ApiTests.Manifest(), "{}", [Entry("war", 0.1, 0.05), Entry("deal", 0.7, 0.2)]);
        store.RecordResolutions((ledger, existing) => ResolutionRules.Check(
            [new ResolutionRequest("deal", "yes", new DateOnly(2025, 11, 1), "made up for the test", null)], ledger, existing, DateTimeOffset.UtcNow, "t"))
            .Success.ShouldBeTrue();

        var text = await _factory.CreateClient().GetStringAsync("/api/forecasts");
        text.ShouldNotContain("<b>"); // scenario text travels as \u escapes
        var json = JsonDocument.Parse(text).RootElement;
        json.GetProperty("ledger").EnumerateArray().Select(e => e.GetProperty("question_id").GetString()).ShouldBe(["deal", "war"]);
        json.GetProperty("ledger")[0].GetProperty("term").GetString().ShouldBe("likely");
        json.GetProperty("resolutions").EnumerateArray().Single().GetProperty("outcome").GetString().ShouldBe("yes");
        var score = json.GetProperty("score");
        score.GetProperty("resolved").GetInt32().ShouldBe(1);
        score.GetProperty("brier").GetDouble().ShouldBe(0.09, 1e-12);
        score.GetProperty("calibration").EnumerateArray().Single().GetProperty("bin").EnumerateArray().Select(x => x.GetDouble()).ShouldBe([0.7, 0.8], 1e-12);
    }
}
