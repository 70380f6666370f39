namespace Statecraft.Web.Tests;

/// <summary>
/// A test that drives Debian's chromium. On a machine without it the test is skipped with the reason
/// shown in the test output, so the README's <c>dotnet test</c> passes on a fresh clone; under CI
/// (<c>CI=true</c>, which <c>.ci/run</c> sets after installing chromium) it runs, and fails if
/// chromium is missing.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public BrowserFactAttribute() => Skip = SkipReason(File.Exists(Chromium), Environment.GetEnvironmentVariable("CI"));

    /// <summary>Why the test is skipped, or null to run it.</summary>
    public static string? SkipReason(bool chromiumInstalled, string? ci) =>
        chromiumInstalled || string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase) || ci == "1"
            ? null
            : $"browser test skipped: no chromium at {Chromium} (install it with: apt-get install chromium; with CI=true a missing chromium fails)";
}
