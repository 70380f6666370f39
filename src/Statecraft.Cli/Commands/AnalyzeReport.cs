using Statecraft.Core.Scenarios.Analysis;

namespace Statecraft.Cli.Commands;

/// <summary>report.md and report.html for <c>analyze --out</c>.</summary>
internal static class AnalyzeReport
{
    public static string Markdown(AnalysisResult result, AnalyzeJson json) => "# " + result.Scenario.Header.Title + "\n";

    public static string Html(AnalysisResult result, AnalyzeJson json) => "<!doctype html><title>report</title>\n";
}
