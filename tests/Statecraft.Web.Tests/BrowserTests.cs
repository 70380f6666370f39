using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Statecraft.Tests;
using Xunit.Abstractions;

namespace Statecraft.Web.Tests;

/// <summary>
/// The dashboard in a real browser: Debian's chromium, driven by Playwright, against the app on a
/// real port. Screenshots are saved under <c>artifacts/browser/</c> in the checkout.
/// </summary>
public sealed class BrowserTests(ITestOutputHelper output) : IDisposable
{
    private readonly DashboardFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    internal static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    internal static async Task<(IPlaywright, IBrowser)> Launch()
    {
        File.Exists(BrowserFactAttribute.Chromium).ShouldBeTrue("the browser test drives Debian's chromium: apt-get install chromium (.ci/run does)");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.Chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
        return (playwright, browser);
    }

    internal static string Start(DashboardFactory factory)
    {
        // Listen on a free loopback port through Kestrel's options: UseKestrel(0) clears the server's
        // addresses after the app may have bound them, a race that fails now and then
        // (dotnet/aspnetcore#67714).
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return addresses.First().TrimEnd('/') + "/";
    }

    internal static string Artifact(string name)
    {
        var dir = TestPaths.InRepo("artifacts", "browser");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    [BrowserFact]
    public async Task History_opens_a_stored_analysis_showing_its_findings_and_drivers_chart_with_text_escaped()
    {
        var store = _factory.Store;
        var first = store.Record(ApiTests.Manifest(), ApiTests.Result(52, "<script>window.pwned=1</script>"));
        var second = store.Record(ApiTests.Manifest("all-combined"), ApiTests.Result(58.25, "<script>window.pwned=1</script>"));
        var url = Start(_factory);

        var (playwright, browser) = await Launch();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
            var errors = new List<string>();
            page.PageError += (_, e) => errors.Add(e);
            await page.GotoAsync(url);

            await page.ClickAsync("nav button[data-tab=history]");
            await page.WaitForSelectorAsync($"#runs td:text-is('{second}')");
            await page.CheckAsync($"input[aria-label='tick run {first}']");
            await page.CheckAsync($"input[aria-label='tick run {second}']");
            await page.ClickAsync("#diff-button");
            await page.WaitForSelectorAsync("#diff h3");
            (await page.InnerTextAsync("#diff")).ShouldContain("questions[armenia-alignment].value");
            (await page.InnerTextAsync("#diff")).ShouldContain("+6.25");

            await page.ClickAsync($"#runs tr:has(td:text-is('{second}')) button:text('Open')");
            await page.WaitForSelectorAsync("#findings tr[data-question='armenia-alignment']");
            var question = await page.InnerTextAsync("#findings tr[data-question='armenia-alignment'] td:first-child strong");
            question.ShouldBe("Where does <script>window.pwned=1</script> settle?"); // shown as text
            (await page.EvaluateAsync<bool>("() => window.pwned === undefined")).ShouldBeTrue(); // and never run
            (await page.Locator("#findings script").CountAsync()).ShouldBe(0);
            (await page.InnerTextAsync("#findings-summary")).ShouldContain("1 of 1 answers agree");

            // The tornado chart is drawn on a canvas by ECharts, with the inputs' readable names.
            await page.WaitForSelectorAsync("#tornado canvas");
            (await page.EvaluateAsync<bool>("() => !!echarts.getInstanceByDom(document.getElementById('tornado'))")).ShouldBeTrue();
            (await page.EvaluateAsync<string>("() => JSON.stringify(echarts.getInstanceByDom(document.getElementById('tornado')).getOption().yAxis[0].data)"))
                .ShouldContain("Armenian government's stake");

            // The history shows options as the command line had them: the URL names the tab.
            await page.ClickAsync("nav button[data-tab=history]");
            await page.WaitForSelectorAsync($"#runs td:text-is('{second}')");
            page.Url.ShouldEndWith("#history");
            (await page.InnerTextAsync("#runs")).ShouldContain("--samples 50");
            var shot = Artifact("history-findings.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
            output.WriteLine($"screenshot: {shot}");
            errors.ShouldBeEmpty();
        }
    }
}
