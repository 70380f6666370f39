using Microsoft.Playwright;
using Spectre.Console.Testing;
using Statecraft.Cli;
using Xunit.Abstractions;

namespace Statecraft.Web.Tests;

/// <summary>
/// The analysis report opened from disk in Debian's chromium, offline: every chart drawn by the
/// bundled ECharts, with its title, axis names and tick labels, tornado bars named by input with
/// their low and high ends, actors by name, the policy chart with values and intervals.
/// Screenshots of the first page and the charts go to artifacts/browser/.
/// </summary>
public sealed class ReportBrowserTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("statecraft-report-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [BrowserFact]
    public async Task The_self_contained_report_draws_every_chart_offline_with_axes_names_and_values()
    {
        var console = new TestConsole();
        console.Profile.Width = 200;
        StatecraftApp.Run(["analyze", "--samples", "40", "--out", _dir, "--store", Path.Combine(_dir, "runs.db")], console).ShouldBe(0, console.Output);
        var html = Path.Combine(_dir, "report.html");

        var (playwright, browser) = await BrowserTests.Launch();
        using (playwright)
        await using (browser)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 1400 }, Offline = true });
            var page = await context.NewPageAsync();
            var errors = new List<string>();
            page.PageError += (_, e) => errors.Add(e);
            page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
            await page.GotoAsync(new Uri(html).AbsoluteUri);

            var charts = page.Locator("div.chart");
            var count = await charts.CountAsync();
            count.ShouldBeGreaterThan(10); // a tornado per question, trajectories per issue, the policy chart
            await page.WaitForFunctionAsync($"() => document.querySelectorAll('div.chart svg').length === {count}");

            // Every chart: its title, and tick labels on its axes.
            for (var i = 0; i < count; i++)
            {
                var chart = charts.Nth(i);
                var title = (await chart.GetAttributeAsync("aria-label"))!;
                var text = await SvgText(chart);
                text.ShouldContain(title, Case.Sensitive, $"chart {i} has no title");
                (await chart.Locator("svg text").CountAsync()).ShouldBeGreaterThan(8, title);
            }

            var tornado = await SvgText(page.Locator("div.chart[aria-label='What moves the answer: Russia attacks Azerbaijan']"));
            tornado.ShouldContain("the share of Russia's forces committed elsewhere");
            tornado.ShouldContain("input at its low (5%) value");
            tornado.ShouldContain("input at its high (95%) value");
            tornado.ShouldContain("low 55%");
            tornado.ShouldContain("Expected utility, -2 to 2"); // the x axis name
            tornado.ShouldNotContain("actor/RUS");

            var trajectory = await SvgText(page.Locator("div.chart[aria-label='Positions by BDM round: Who governs Armenia']"));
            foreach (var actor in new[] { "Russia", "Turkey", "European Union", "forecast (weighted median)", "BDM round (0 = the scenario's positions)" })
                trajectory.ShouldContain(actor);

            var policies = await SvgText(page.Locator("div.chart[aria-label='Policy packages outcome by outcome']"));
            policies.ShouldContain("All Western packages combined (S18-S22)");
            policies.ShouldContain("towards the sponsors"); // the legend of the cell colours
            policies.ShouldContain("Who governs Armenia"); // a question as a column
            policies.ShouldContain("Russia steps up its backing"); // the responder's best response

            errors.ShouldBeEmpty();

            var first = BrowserTests.Artifact("report-first-page.png");
            await page.Locator(".first-page").ScreenshotAsync(new LocatorScreenshotOptions { Path = first });
            await page.Locator("div.chart[aria-label='Policy packages outcome by outcome']").ScreenshotAsync(new LocatorScreenshotOptions { Path = BrowserTests.Artifact("report-policies.png") });
            await page.Locator("div.chart[aria-label='What moves the answer: Russia attacks Azerbaijan']").ScreenshotAsync(new LocatorScreenshotOptions { Path = BrowserTests.Artifact("report-tornado.png") });
            await page.Locator("div.chart[aria-label='Positions by BDM round: Who governs Armenia']").ScreenshotAsync(new LocatorScreenshotOptions { Path = BrowserTests.Artifact("report-trajectories.png") });
            output.WriteLine($"screenshots: {Path.GetDirectoryName(first)}");
        }
    }

    // SVG <text> is not laid out as HTML text: read it node by node; a label broken over lines reads as one.
    private static async Task<string> SvgText(ILocator chart) =>
        System.Text.RegularExpressions.Regex.Replace(string.Join(" ", await chart.Locator("svg text").AllTextContentsAsync()), @"\s+", " ");
}
