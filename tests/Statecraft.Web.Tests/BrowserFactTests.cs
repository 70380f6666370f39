namespace Statecraft.Web.Tests;

public sealed class BrowserFactTests
{
    [Theory]
    [InlineData(false, null, true)]
    [InlineData(false, "false", true)]
    [InlineData(false, "true", false)]
    [InlineData(false, "TRUE", false)]
    [InlineData(false, "1", false)]
    [InlineData(true, null, false)]
    [InlineData(true, "true", false)]
    public void Browser_tests_skip_without_chromium_unless_CI_insists(bool installed, string? ci, bool skipped)
    {
        var reason = BrowserFactAttribute.SkipReason(installed, ci);
        (reason is not null).ShouldBe(skipped);
        if (skipped) reason!.ShouldContain("apt-get install chromium");
    }
}
