using System.Globalization;
using System.Text.RegularExpressions;
using Spectre.Console.Testing;
using Statecraft.Core.Forecasting;

namespace Statecraft.Cli.Tests;

/// <summary>
/// The report of the built-in analysis (one run shared by the tests): a first page of key
/// judgements in ICD 203 words, findings with readable titles and units, nothing lost between
/// report.md and report.html, and the same bytes for the same seed.
/// </summary>
public sealed partial class AnalyzeReportTests : IClassFixture<AnalyzeReportTests.Report>
{
    public sealed class Report : IDisposable
    {
        public string Dir { get; } = Directory.CreateTempSubdirectory("statecraft-report-").FullName;

        public Report()
        {
            var console = new TestConsole();
            console.Profile.Width = 200;
            StatecraftApp.Run(["analyze", "--samples", "40", "--out", Dir, "--store", Path.Combine(Dir, "runs.db")], console).ShouldBe(0, console.Output);
            Markdown = File.ReadAllText(Path.Combine(Dir, "report.md"));
            Html = File.ReadAllText(Path.Combine(Dir, "report.html"));
        }

        public string Markdown { get; }

        public string Html { get; }

        public void Dispose()
        {
            try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
        }
    }

    private readonly Report _report;

    public AnalyzeReportTests(Report report) => _report = report;

    [GeneratedRegex(@"^\d+\. \*\*(?<question>Will [^?]+\? )?We judge (it (?<term>[a-z ]+)|there is (a )?(?<term>almost no chance|roughly even chance)) \((?<p>[<>]? ?[\d.]+)%\)(?<what> that .+)?\.\*\*$", RegexOptions.Multiline)]
    private static partial Regex Judgement();

    [Fact]
    public void The_first_section_is_key_judgements_each_with_a_term_that_fits_its_probability()
    {
        var md = _report.Markdown;
        md.IndexOf("## Key judgements", StringComparison.Ordinal).ShouldBeLessThan(md.IndexOf("## Findings", StringComparison.Ordinal));
        var judgements = Judgement().Matches(md);
        judgements.Count.ShouldBe(11);
        foreach (Match j in judgements)
        {
            var text = j.Groups["p"].Value;
            var p = double.Parse(text.TrimStart('<', '>', ' '), CultureInfo.InvariantCulture) / 100;
            // "> 99%" stands for a share of 1 and "< 1%" for one below 1%: the term of the share itself.
            var term = EstimativeLanguage.Words(text.StartsWith('>') ? 1 : text.StartsWith('<') ? p / 2 : p);
            j.Groups["term"].Value.ShouldBe(term, j.Value);
            // A share of draws states the more likely side; a dated event or a dispute states its own probability.
            var dispute = j.Groups["what"].Value.Contains("militarized interstate dispute", StringComparison.Ordinal);
            if (!j.Groups["question"].Success && !dispute) p.ShouldBeGreaterThanOrEqualTo(0.5, j.Value);
        }

        // Dated events from the forecasts: the War Trap link (a calibrated probability) and a bargaining threshold.
        md.ShouldContain("Will Russian military force be used on Azerbaijan's internationally recognised territory by 31 December 2025? We judge there is almost no chance");
        md.ShouldContain("Basis: war-trap model (war-trap-mid russia-attacks-azerbaijan)");
        md.ShouldMatch(@"Will Nikol Pashinyan be Armenia's prime minister on 31 December 2025\? We judge it [a-z ]+ \(\d+%\)\.");
        // A calibrated War Trap answer with no dated event states the dispute's probability, with its basis.
        md.ShouldMatch(@"We judge it [a-z ]+ \([\d.]+%\) that Armenia initiates a militarized interstate dispute against Azerbaijan and uses force itself");
        md.ShouldContain("Basis: logistic model of dispute initiation fitted on 1816-2014 dyad-years");
        Regex.Matches(md, @"\n   Confidence: (high|moderate|low) \(").Count.ShouldBe(11);
        md.ShouldContain("Signposts, each of which would turn the central estimate to \"Who governs Armenia\" settles below 50");
    }

    [Fact]
    public void Findings_have_readable_titles_a_unit_column_and_numbers_for_people()
    {
        var md = _report.Markdown;
        md.ShouldContain("| Question | Answer | Unit | 90% interval | Agrees with the article? | In short |");
        md.ShouldContain("| [Who governs Armenia](#armenia-regime-change) |");
        md.ShouldContain("| [Russia bans imports from Azerbaijan](#russia-trade-sanctions) |");
        md.ShouldContain("| channel:target.remittances | US$ ");
        md.ShouldNotMatch(@"\| \d{7,}"); // no raw large numbers in any table
        md.ShouldNotContain("()");
        md.ShouldNotContain("changes the verdict at");
    }

    [Fact]
    public void Each_claim_has_its_own_verdict_and_packages_are_laid_out_outcome_by_outcome_with_the_response()
    {
        var md = _report.Markdown;
        Regex.Matches(md, @"\nClaims of the source article, one test each:|\*\*Claims of the source article, one test each:\*\*").Count.ShouldBeGreaterThan(5);
        md.ShouldMatch(@"- \*\*S14\*\* \(lines [0-9-]+: [^)]*\) Test: .+: \*\*(agrees|disagrees|not tested)\*\*\. ");
        md.ShouldContain("| Package | Call | Response | War (probability, 90% range) | Russia attacks Azerbaijan | Who governs Armenia |");
        md.ShouldMatch(@"\|  \| (helps|hurts|trade-off|no material change) \| after Russia steps up its backing of Armenia's revanchists");
        md.ShouldNotContain("Mean change");
        _report.Html.ShouldContain("&quot;kind&quot;:&quot;policies&quot;");
        _report.Html.ShouldContain("towards the sponsors");
    }

    [Fact]
    public void Every_section_of_the_markdown_is_in_the_html_and_limits_are_a_list()
    {
        foreach (Match heading in Regex.Matches(_report.Markdown, @"^(#{1,3}) (.+)$", RegexOptions.Multiline))
        {
            var level = heading.Groups[1].Value.Length;
            _report.Html.ShouldMatch($@"<h{level}( id=""[^""]+"")?>{Regex.Escape(System.Net.WebUtility.HtmlEncode(heading.Groups[2].Value))}</h{level}>");
        }

        _report.Html.ShouldMatch(@"<h2 id=""limits"">Limits</h2>\n<ul><li>");
        _report.Html.ShouldNotContain("<pre");
        _report.Html.ShouldContain("overflow-wrap:anywhere"); // long URLs in the sources wrap
        _report.Html.ShouldContain("<div class=\"first-page\">");
    }

    [Fact]
    public void The_html_embeds_the_dashboard_s_chart_library_and_works_offline()
    {
        _report.Html.ShouldContain("Licensed to the Apache Software Foundation"); // the bundled echarts.min.js, inline
        _report.Html.ShouldContain("Charts: Apache ECharts");
        _report.Html.ShouldContain("StatecraftCharts.renderAll(document);");
        _report.Html.ShouldNotContain("src=\"http");
        _report.Html.ShouldNotContain("<svg"); // drawn by the library, not written by hand
        Regex.Matches(_report.Html, "data-chart=").Count.ShouldBeGreaterThan(10);
    }

    [Fact]
    public void The_same_seed_writes_the_same_report_bytes()
    {
        var dir = Directory.CreateTempSubdirectory("statecraft-report-again-").FullName;
        try
        {
            var console = new TestConsole();
            StatecraftApp.Run(["analyze", "--samples", "40", "--out", dir, "--store", Path.Combine(dir, "runs.db")], console).ShouldBe(0, console.Output);
            File.ReadAllText(Path.Combine(dir, "report.html")).ShouldBe(_report.Html);
            File.ReadAllText(Path.Combine(dir, "report.md")).ShouldBe(_report.Markdown);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
