using System.Text;
using Microsoft.Playwright;
using Statecraft.Cli.Commands;
using Xunit.Abstractions;

namespace Statecraft.Web.Tests;

/// <summary>The whole dashboard over the real analysis, in Debian's chromium.</summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output) : IDisposable
{
    private readonly DashboardFactory _factory = new(ServeCommand.Backend());

    public void Dispose() => _factory.Dispose();

    [BrowserFact]
    public async Task The_built_in_analysis_runs_with_a_policy_package_and_shows_findings_and_charts()
    {
        var url = BrowserTests.Start(_factory);
        var (playwright, browser) = await BrowserTests.Launch();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
            var errors = new List<string>();
            page.PageError += (_, e) => errors.Add(e);
            page.Dialog += (_, d) => errors.Add("a dialog opened: " + d.Message);
            await page.GotoAsync(url);

            // The scenario: actors with sources, the network drawn with its legend, issues.
            await page.WaitForSelectorAsync("#actors td:has-text('ARM_GOV')");
            await page.WaitForSelectorAsync("#network canvas");
            (await page.Locator("#issues .card").CountAsync()).ShouldBeGreaterThan(3);
            var legend = await page.InnerTextAsync("#network-legend");
            legend.ShouldContain("Ties:");
            legend.ShouldContain("rivalry");
            legend.ShouldContain("Node size: capability");

            // The network's layout is the same on every load, and every node lies inside its panel.
            const string Nodes = "() => { const c = echarts.getInstanceByDom(document.getElementById('network')); const v = c.getModel().getSeriesByIndex(0).getData(); return JSON.stringify(v.mapArray(i => c.convertToPixel({ seriesIndex: 0 }, v.getItemLayout(i))).map(p => [Math.round(p[0]), Math.round(p[1])])); }";
            var first = await page.EvaluateAsync<string>(Nodes);
            await page.ReloadAsync();
            await page.WaitForSelectorAsync("#network canvas");
            await page.WaitForTimeoutAsync(300);
            (await page.EvaluateAsync<string>(Nodes)).ShouldBe(first);
            var box = (await page.Locator("#network").BoundingBoxAsync())!;
            foreach (var p in System.Text.Json.JsonSerializer.Deserialize<double[][]>(first)!)
            {
                p[0].ShouldBeInRange(0, box.Width);
                p[1].ShouldBeInRange(0, box.Height);
            }

            // Each tab has its own URL, and the default seed is the command line's.
            await page.GotoAsync(url + "#policies");
            await page.WaitForSelectorAsync("#tab-policies.active");
            (await page.InputValueAsync("#run-seed")).ShouldBe("20250705");
            await page.ClickAsync("nav button[data-tab=scenario]");
            page.Url.ShouldEndWith("#scenario");

            // Findings: tick the first policy package, run, watch progress, read the answers.
            await page.ClickAsync("nav button[data-tab=findings]");
            var package = page.Locator("input[name=run-policy]:not([value=none])").First; // a package that changes something
            var policy = await package.GetAttributeAsync("value");
            await package.CheckAsync();
            await page.FillAsync("#run-samples", "16");
            await page.ClickAsync("#run-button");
            await page.WaitForSelectorAsync("#run-progress:not([hidden])");
            await page.WaitForSelectorAsync("#findings-summary", new PageWaitForSelectorOptions { Timeout = 180_000 });
            var summary = await page.InnerTextAsync("#findings-summary");
            summary.ShouldContain(policy!);
            foreach (var id in new[] { "russia-attacks-azerbaijan", "armenia-alignment", "georgia-alignment", "western-strategy" })
                (await page.Locator($"#findings tr[data-question='{id}']").CountAsync()).ShouldBe(1, id);
            (await page.InnerTextAsync("#run-message")).ShouldContain("recorded as run");

            // The drivers of a bargaining answer, as a tornado chart.
            await page.ClickAsync("#findings tr[data-question='armenia-alignment']");
            await page.WaitForSelectorAsync("#tornado canvas");
            (await page.InnerTextAsync("#drivers-title")).ShouldContain("Armenia's geopolitical alignment");

            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            await page.WaitForTimeoutAsync(1500); // let ECharts finish drawing (its bars grow in)
            var shot = BrowserTests.Artifact("dashboard.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = false });
            output.WriteLine($"screenshot: {shot}");

            // Bargaining trajectories for the first issue.
            await page.ClickAsync("nav button[data-tab=bargaining]");
            await page.ClickAsync("#bargaining-button");
            await page.WaitForSelectorAsync("#trajectories canvas");

            // The policy packages outcome by outcome, drawn by the chart module the report uses.
            await page.ClickAsync("nav button[data-tab=policies]");
            await page.WaitForSelectorAsync("#packages-chart canvas");
            (await page.EvaluateAsync<string>("() => JSON.stringify(echarts.getInstanceByDom(document.getElementById('packages-chart')).getOption().series.map(s => s.name))"))
                .ShouldContain("towards the sponsors");

            // The run is in the history, its scenario shown as the argument it was.
            await page.ClickAsync("nav button[data-tab=history]");
            await page.WaitForSelectorAsync("#runs td:text-is('analyze')");
            (await page.InnerTextAsync("#runs")).ShouldNotContain("--SCENARIO");
            errors.ShouldBeEmpty();
        }
    }

    [BrowserFact]
    public async Task Markup_in_a_scenario_is_shown_as_text_and_never_runs()
    {
        var url = BrowserTests.Start(_factory);
        var (playwright, browser) = await BrowserTests.Launch();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            var dialogs = new List<string>();
            page.Dialog += async (_, d) => { dialogs.Add(d.Message); await d.DismissAsync(); };
            await page.GotoAsync(url);
            await page.WaitForSelectorAsync("#actors td");

            // A broken file is refused with its problems listed, located in the file.
            var broken = Path.Combine(_factory.Directory, "broken.yaml");
            File.WriteAllText(broken, ScenarioApiTests.ScriptScenario().Replace("kind: state", "kind: empire", StringComparison.Ordinal));
            await page.SetInputFilesAsync("#scenario-file", broken);
            await page.WaitForSelectorAsync("#problems:not([hidden]) li");
            (await page.InnerTextAsync("#problems")).ShouldContain("broken.yaml:");

            // The user's own scenario, loaded through the page, with markup in its names.
            await page.SetInputFilesAsync("#scenario-file", Path.Combine(AppContext.BaseDirectory, "Fixtures", "script-in-names.yaml"));
            await page.WaitForSelectorAsync("#actors td:has-text('FRE_OPP')");
            (await page.InputValueAsync("#scenario-select")).ShouldBe("markup-check");

            (await page.InnerTextAsync("#scenario-title")).ShouldBe("<img src=x onerror=alert(2)> river dispute");
            (await page.InnerTextAsync("#actors")).ShouldContain("<script>alert(1)</script>");
            (await page.Locator("main script, main img, main b, main i").CountAsync()).ShouldBe(0);
            (await page.InnerTextAsync("#run-policies")).ShouldContain("Marsovia <i>cares</i> more");
            await page.WaitForTimeoutAsync(300);
            dialogs.ShouldBeEmpty();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserTests.Artifact("markup-as-text.png") });
        }
    }
}
