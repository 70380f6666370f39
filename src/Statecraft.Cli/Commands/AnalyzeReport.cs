using System.Globalization;
using System.Net;
using System.Text;
using Statecraft.Core.Scenarios;
using Statecraft.Core.Scenarios.Analysis;

namespace Statecraft.Cli.Commands;

/// <summary>
/// report.md and a self-contained report.html for <c>analyze --out</c>: findings, each question with
/// its models side by side, drivers, flip points and the claims it tests, the policy comparison, and
/// the limits of the inputs.
/// </summary>
internal static class AnalyzeReport
{
    private static string F(double x) => AnalyzeCommand.F(x);
    private static string P(double x) => (100 * x).ToString("0", CultureInfo.InvariantCulture) + "%";
    private static string H(string s) => WebUtility.HtmlEncode(s);

    private static string FlipText(double? nearest) => nearest is { } n
        ? "changes the verdict at " + F(n)
        : "does not change the verdict anywhere in its searched range";

    public static string Markdown(AnalysisResult result, AnalyzeJson json)
    {
        var s = result.Scenario;
        var sb = new StringBuilder();
        sb.Append($"# {s.Header.Title}\n\n");
        sb.Append($"Scenario `{s.Id}` dated {s.Date:yyyy-MM-dd} (sha256 `{json.Scenario.Sha256}`), ")
          .Append($"{result.Options.Samples} Monte Carlo draws per question and package, seed {result.Options.Seed}")
          .Append(result.Policies.Count > 0 ? $", policies applied: {string.Join(", ", result.Policies)}" : "").Append(".\n\n");
        sb.Append("## Findings\n\n| Question | Answer | 90% interval | Agrees with the article? | In short |\n|---|---|---|---|---|\n");
        foreach (var a in result.Answers)
            sb.Append($"| `{a.Question.Id}` | {(a.Available ? F(a.Value) : "n/a")} | {(a.Available ? $"{F(a.Low)} to {F(a.High)}" : "")} | ")
              .Append(a.Available ? $"{(a.AgreesWithSource ? "yes" : "no")} ({P(a.ShareAgreeing)} of draws; {string.Join(", ", a.Question.Claims)})" : "n/a")
              .Append($" | {a.Headline} |\n");

        foreach (var a in result.Answers)
        {
            sb.Append($"\n## {a.Question.Id}\n\n**{a.Question.Text}**\n\n{a.Verdict}\n\n");
            if (a.Available) sb.Append($"- Answer: **{F(a.Value)}** ({a.Unit}), 90% interval {F(a.Low)} to {F(a.High)}\n");
            sb.Append("- Claims, one test each:\n");
            foreach (var v in a.ClaimVerdicts)
                sb.Append($"  - **{v.Claim}** ({ClaimText(s, v.Claim)}): _{v.Proposition}_ **{AnalyzeJson.VerdictName(v.Outcome)}**: {v.Reason}\n");
            sb.Append($"- The article concludes: {a.Question.SourceConclusion} (expects the answer {a.Question.Expect})\n");
            if (a.Available) sb.Append($"- Agreement: **{(a.AgreesWithSource ? "agrees" : "disagrees")}** ({P(a.ShareAgreeing)} of draws meet the article's expectation)\n");
            if (a.Models.Count > 0)
            {
                sb.Append("\n| Model | Value | Note |\n|---|---|---|\n");
                foreach (var m in a.Models) sb.Append($"| {m.Model} | {(m.Value is { } v ? F(v) : "n/a")} | {m.Note} |\n");
            }

            if (a.Drivers.Count > 0 && a.Question.Model != QuestionModel.PolicyComparison)
            {
                sb.Append("\nDrivers (one at a time, from the input's 5% to its 95% value):\n\n| Input | Low | High | Effect on the answer |\n|---|---|---|---|\n");
                foreach (var d in a.Drivers) sb.Append($"| {d.Label} (`{d.Input}`) | {F(d.Low)} | {F(d.High)} | {Signed(d.Effect)} |\n");
            }

            foreach (var f in a.Flips)
                sb.Append($"\nFlip point: `{f.Input}` (central {F(f.Baseline)}) ")
                  .Append(FlipText(f.Nearest)).Append('.');
            if (a.Flips.Count > 0) sb.Append('\n');
        }

        if (result.Packages.Count > 0)
        {
            var questions = result.Packages[0].Outcomes.Select(o => o.Question).ToArray();
            sb.Append("\n## Policy packages\n\nEach question's answer under each package and its change against the scenario as given, on the question's own scale ")
              .Append("(nothing is averaged across scales); * marks a change towards the sponsors' positions, † one away from them. ")
              .Append("Where the comparison names a responder, the second row is after its best response.\n\n");
            sb.Append("| Package | Call | Response | War | ").Append(string.Join(" | ", questions)).Append(" |\n|---|---|---|---|")
              .Append(string.Concat(questions.Select(_ => "---|"))).Append('\n');
            foreach (var p in result.Packages)
            {
                sb.Append($"| {p.Policy}{(p.WhatIf ? " (what-if)" : "")} | {AnalyzeJson.CallName(p.Call)} | {(p.Response is null ? "" : "without")} | {War(p.War)} | ")
                  .Append(string.Join(" | ", p.Outcomes.Select(Cell))).Append(" |\n");
                if (p.WithResponse is { } w)
                    sb.Append($"| | {AnalyzeJson.CallName(p.CallWithResponse!.Value)} | {p.Response} | {War(p.WarWithResponse)} | ")
                      .Append(string.Join(" | ", w.Select(Cell))).Append(" |\n");
                else if (p.Response is not null) sb.Append($"| | | {p.Response}: nothing serves the responder better | | ").Append(string.Concat(questions.Select(_ => " |"))).Append('\n');
            }

            if (result.Packages.FirstOrDefault(p => p.War is not null)?.War is { } war) sb.Append($"\nWar: {war.Measure}.\n");
        }

        sb.Append('\n').Append(Limits(result));
        sb.Append("\n## Sources\n\nEvery number of the scenario cites one of these (the scenario file gives the field and year read from each dataset).\n\n| Id | Kind | What | Where |\n|---|---|---|---|\n");
        foreach (var src in s.Sources)
            sb.Append($"| {src.Id} | {Kind(src)} | {src.Text.Replace("|", "/").Replace("\n", " ").Trim()} | {Where(src)} |\n");
        return sb.ToString();
    }

    private static string Kind(Source s) => s.Kind.ToString().ToLowerInvariant();

    private static string Where(Source s) => s.Kind switch
    {
        SourceKind.Claim => $"source article, lines {s.Lines}",
        SourceKind.Fact => $"{s.Date:yyyy-MM-dd}, {s.Reference}",
        _ => s.Reference ?? "",
    };

    public static string Html(AnalysisResult result, AnalyzeJson json)
    {
        var s = result.Scenario;
        var sb = new StringBuilder();
        sb.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(H(s.Header.Title)).Append("</title>\n<style>")
          .Append("body{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}")
          .Append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;font-size:14px;vertical-align:top}")
          .Append("th{background:#f3f3f3}.yes{color:#1a7f37;font-weight:bold}.no{color:#c62828;font-weight:bold}.na{color:#888}")
          .Append("code{background:#f6f6f6;padding:0 3px}svg{display:block;margin:1em 0;max-width:100%;height:auto}section{border-top:1px solid #ddd;margin-top:2em}")
          .Append("</style></head><body>\n");
        sb.Append($"<h1>{H(s.Header.Title)}</h1>\n<p>Scenario <code>{H(s.Id)}</code> dated {s.Date:yyyy-MM-dd} (sha256 <code>{json.Scenario.Sha256}</code>), ")
          .Append($"{result.Options.Samples} Monte Carlo draws per question and package, seed {result.Options.Seed}")
          .Append(result.Policies.Count > 0 ? $", policies applied: {H(string.Join(", ", result.Policies))}" : "").Append(".</p>\n");
        sb.Append("<h2>Findings</h2>\n<table><tr><th>Question</th><th>Answer</th><th>90% interval</th><th>Agrees with the article?</th><th>In short</th></tr>\n");
        foreach (var a in result.Answers)
        {
            var agrees = !a.Available ? "<span class=\"na\">n/a</span>"
                : $"<span class=\"{(a.AgreesWithSource ? "yes" : "no")}\">{(a.AgreesWithSource ? "yes" : "no")}</span> ({P(a.ShareAgreeing)} of draws; {H(string.Join(", ", a.Question.Claims))})";
            sb.Append($"<tr><td><a href=\"#{H(a.Question.Id)}\"><code>{H(a.Question.Id)}</code></a></td><td>{(a.Available ? F(a.Value) : "n/a")}</td>")
              .Append($"<td>{(a.Available ? $"{F(a.Low)} to {F(a.High)}" : "")}</td><td>{agrees}</td><td>{H(a.Headline)}</td></tr>\n");
        }

        sb.Append("</table>\n");
        if (result.Packages.Count > 0)
            sb.Append(AnalyzeCharts.Policies(result.Packages, "Policy comparison: each outcome's change, after the responder's best response"));

        foreach (var a in result.Answers)
        {
            sb.Append($"<section id=\"{H(a.Question.Id)}\"><h2>{H(a.Question.Id)}</h2><p><strong>{H(a.Question.Text)}</strong></p><p>{H(a.Verdict)}</p><ul>");
            if (a.Available) sb.Append($"<li>Answer: <strong>{F(a.Value)}</strong> ({H(a.Unit)}), 90% interval {F(a.Low)} to {F(a.High)}</li>");
            sb.Append("<li>Claims, one test each:<ul>");
            foreach (var v in a.ClaimVerdicts)
                sb.Append($"<li><strong>{H(v.Claim)}</strong> ({H(ClaimText(s, v.Claim))}): <em>{H(v.Proposition)}</em> ")
                  .Append($"<span class=\"{(v.Outcome == ClaimOutcome.Agrees ? "yes" : v.Outcome == ClaimOutcome.Disagrees ? "no" : "na")}\">{H(AnalyzeJson.VerdictName(v.Outcome))}</span>: {H(v.Reason)}</li>");
            sb.Append("</ul></li>");
            sb.Append($"<li>The article concludes: {H(a.Question.SourceConclusion)} (expects the answer {H(a.Question.Expect.ToString())})</li>");
            if (a.Available)
                sb.Append($"<li>Agreement: <span class=\"{(a.AgreesWithSource ? "yes" : "no")}\">{(a.AgreesWithSource ? "agrees" : "disagrees")}</span> ({P(a.ShareAgreeing)} of draws meet the expectation)</li>");
            sb.Append("</ul>");
            if (a.Models.Count > 0)
            {
                sb.Append("<table><tr><th>Model</th><th>Value</th><th>Note</th></tr>");
                foreach (var m in a.Models) sb.Append($"<tr><td>{H(m.Model)}</td><td>{(m.Value is { } v ? F(v) : "n/a")}</td><td>{H(m.Note)}</td></tr>");
                sb.Append("</table>");
            }

            if (a.Trajectory is { } t && a.Question.Issue is { } issueId)
            {
                var scale = s.Issue(issueId).Scale;
                sb.Append(AnalyzeCharts.Trajectories(t, scale.Min, scale.Max, $"Positions by BDM round: {issueId}"));
            }

            if (a.Question.Model != QuestionModel.PolicyComparison)
                sb.Append(AnalyzeCharts.Tornado(a.Drivers, a.Value, $"Tornado: what moves {a.Question.Id}"));
            foreach (var f in a.Flips)
                sb.Append($"<p>Flip point: <code>{H(f.Input)}</code> (central {F(f.Baseline)}) ")
                  .Append(FlipText(f.Nearest)).Append(".</p>");
            sb.Append("</section>\n");
        }

        sb.Append("<section><h2>Limits</h2><pre style=\"white-space:pre-wrap\">").Append(H(Limits(result))).Append("</pre></section>\n");
        sb.Append("<section><h2>Sources</h2><p>Every number of the scenario cites one of these.</p><table><tr><th>Id</th><th>Kind</th><th>What</th><th>Where</th></tr>");
        foreach (var src in s.Sources)
            sb.Append($"<tr><td>{H(src.Id)}</td><td>{Kind(src)}</td><td>{H(src.Text.Trim())}</td><td>{H(Where(src))}</td></tr>");
        sb.Append("</table></section>\n</body></html>\n");
        return sb.ToString();
    }

    private static string ClaimText(Scenario s, string claim) => $"lines {s.Source(claim).Lines}: {s.Source(claim).Text}";

    private static string Cell(OutcomeChange c) =>
        $"{F(c.Value)} ({Signed(c.Change)}{(c.Material && c.Gain > 0 ? "*" : c.Material && c.Gain < 0 ? "†" : "")})";

    private static string War(WarReading? w) => w switch
    {
        null => "",
        { IsProbability: true, Low: { } low, High: { } high } => $"{P(w.Value)} ({P(low)}-{P(high)})",
        _ => P(w.Value),
    };

    private static string Signed(double x) => (x > 0 ? "+" : "") + F(x);

    private static string Limits(AnalysisResult result)
    {
        var s = result.Scenario;
        var inputs = s.Inputs;
        var judged = inputs.Count(i => s.Source(i.Value.Source.SourceId).Kind == SourceKind.Judgement);
        var years = inputs.Where(i => i.Value.Source.Year is not null)
            .GroupBy(i => i.Value.Source.SourceId).Select(g => (g.Key, Min: g.Min(i => i.Value.Source.Year), Max: g.Max(i => i.Value.Source.Year)))
            .Select(g => g.Min == g.Max ? $"{g.Key} {g.Min}" : $"{g.Key} {g.Min}-{g.Max}");
        var missing = result.Answers.Where(a => !a.Available).Select(a => a.Question.Id).ToArray();
        var sb = new StringBuilder("## Limits\n\n");
        sb.Append($"- {judged} of the scenario's {inputs.Count} numbers are stated judgements (ranges with reasoning), not data; the intervals above come from those ranges.\n");
        sb.Append($"- Data years: {string.Join(", ", years)}. Capabilities are COW CINC for 2022 and predate later changes in force.\n");
        sb.Append("- Bargaining answers are the median of an ensemble's predictive distribution (BDM, SMP, weighted mean and median, weighted by their accuracy on real EU decisions, DEU III); its 90% intervals include the models' real-world errors, which are large (docs/models/ensemble.md).\n");
        if (missing.Length > 0) sb.Append($"- Not available in this build (no number given): {string.Join(", ", missing)}.\n");
        sb.Append("- The model is not tuned to agree with the article: where it disagrees, the drivers show which inputs would have to change.\n");
        return sb.ToString();
    }
}
