using Microsoft.Playwright;
using Statecraft.Core.Forecasting;
using Xunit.Abstractions;

namespace Statecraft.Web.Tests;

/// <summary>The Forecasts page in Debian's chromium: the ledger, a resolution, the scores and the reliability diagram.</summary>
public sealed class ForecastsBrowserTests(ITestOutputHelper output) : IDisposable
{
    private readonly DashboardFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_forecasts_page_shows_the_ledger_scores_and_reliability_diagram()
    {
        // Made-up forecasts and outcome, to exercise the page.
        static LedgerEntry Entry(string question, double p) =>
            new(0, question, $"Will {question} happen?", QuestionKind.Binary, [], "judgement", true, Prediction.Binary(p), Prediction.Binary(0.1),
                new DateOnly(2025, 7, 5), new DateOnly(2025, 12, 31), "south-caucasus", new string('b', 64), "0.1.0", DateTimeOffset.UtcNow, null, "{}");
        var store = _factory.Store;
        store.RecordForecasts(ApiTests.Manifest(), "{}", [Entry("treaty-signed", 0.2), Entry("minister-stays", 0.9)]);
        store.RecordResolutions((ledger, existing) => ResolutionRules.Check(
            [new ResolutionRequest("minister-stays", "yes", new DateOnly(2025, 12, 31), "made up for the test", null)], ledger, existing, DateTimeOffset.UtcNow, "t"))
            .Success.ShouldBeTrue();

        var url = BrowserTests.Start(_factory);
        var (playwright, browser) = await BrowserTests.Launch();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
            var errors = new List<string>();
            page.PageError += (_, e) => errors.Add(e);
            await page.GotoAsync(url);
            await page.ClickAsync("nav button[data-tab=forecasts]");
            await page.WaitForSelectorAsync("#forecast-ledger td:has-text('minister-stays')");
            (await page.Locator("#forecast-ledger tbody tr").CountAsync()).ShouldBe(2);
            (await page.InnerTextAsync("#forecast-ledger")).ShouldContain("very likely");
            (await page.InnerTextAsync("#forecast-resolutions")).ShouldContain("made up for the test");
            (await page.InnerTextAsync("#forecast-scores")).ShouldContain("0.01"); // Brier (0.9 − 1)²
            await page.WaitForSelectorAsync("#forecast-reliability canvas");
            (await page.InnerTextAsync("#forecasts-message")).ShouldContain("1 resolved");
            var shot = BrowserTests.Artifact("forecasts.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
            output.WriteLine($"screenshot: {shot}");
            errors.ShouldBeEmpty();
        }
    }
}
