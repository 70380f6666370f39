using Statecraft.Core.Forecasting;
using Statecraft.Core.Reporting;
using Statecraft.Core.Scenarios;
using Statecraft.Core.Scenarios.Analysis;
using Statecraft.Web;
using static Statecraft.Cli.Commands.ReportDocument;

namespace Statecraft.Cli.Commands;

/// <summary>
/// report.md and a self-contained report.html for <c>analyze --out</c>, from one
/// <see cref="ReportDocument"/>. The first page reads as a brief: key judgements in ICD 203 words with
/// their confidence and signposts, then the findings. Then each question with its models, charts,
/// drivers and flip points; the policy comparison; the event trends; the limits; how to read the
/// judgements; the sources.
/// </summary>
internal static class AnalyzeReport
{
    public static ReportDocument Build(AnalysisResult result, string sha256, IReadOnlyList<TimelineTrends.TieTrend>? trends, IReadOnlyList<DatedEvent> events)
    {
        var s = result.Scenario;
        var doc = new ReportDocument();
        doc.H(1, s.Header.Title);
        doc.Note(T($"Scenario "), C(s.Id), T($" as of {s.Date:d MMMM yyyy}, analysed with Statecraft: {result.Options.Samples} Monte Carlo draws per question and package, seed {result.Options.Seed}"
                                             + (result.Policies.Count > 0 ? $", policy packages applied: {string.Join(", ", result.Policies)}" : "")
                                             + $"; scenario SHA-256 {sha256[..12]}."));

        doc.Add(new Frame("first-page"));
        KeyJudgementSection(doc, result, events);
        doc.Add(new Frame(null));

        Findings(doc, result);
        if (result.Packages.Count > 0) Packages(doc, result);
        foreach (var a in result.Answers) Question(doc, s, a);
        if (trends is not null) TimelineTrends.Section(doc, s, trends);
        Limits(doc, result);
        Method(doc, result);
        Sources(doc, s);
        doc.Note(T("Charts: Apache ECharts (Apache License 2.0), embedded in report.html, which needs no network. Made with Statecraft."));
        return doc;
    }

    public static string Html(ReportDocument doc, AnalysisResult result) =>
        doc.ToHtml(result.Scenario.Header.Title, Style, [DashboardAssets.Read("lib/echarts.min.js"), DashboardAssets.Read("charts.js"), "StatecraftCharts.renderAll(document);"]);

    // ---- first page ----

    private static void KeyJudgementSection(ReportDocument doc, AnalysisResult result, IReadOnlyList<DatedEvent> events)
    {
        var judgements = KeyJudgements.From(result, events);
        doc.H(2, "Key judgements", "key-judgements");
        doc.Note(T("Each judgement states the more likely outcome with its probability in the words of ICD 203 (almost no chance, very unlikely, unlikely, "
                   + "roughly even chance, likely, very likely, almost certain), how confident we are in it and why, and the signposts: the observable "
                   + "changes that would reverse it. The rule for confidence is under "), new Run("How to read the judgements", Href: "#method"), T("."));
        doc.List(judgements.Select(j => (IReadOnlyList<Run>)
        [
            B(j.Statement),
            T($"\nConfidence: {j.Confidence.Word} ({string.Join("; ", j.Confidence.Reasons)}). Basis: {j.Basis}. "),
            new Run(j.AgreesWithSource ? "The source article expects this." : "The source article expects the opposite.", Class: j.AgreesWithSource ? "yes" : "no"),
            T(j.Signposts.Count == 0
                ? "\nSignposts: none; no single input, moved alone across its range, turns the central estimate."
                : $"\nSignposts, each of which would turn the central estimate to {j.Reversal}: " + string.Join("; ", j.Signposts.Select(p => Lower(p.Text))) + "."),
        ]), numbered: true);
    }

    private static void Findings(ReportDocument doc, AnalysisResult result)
    {
        var s = result.Scenario;
        doc.H(2, "Findings", "findings");
        doc.Grid(["Question", "Answer", "Unit", "90% interval", "Agrees with the article?", "In short"], result.Answers.Select(a => (IReadOnlyList<IReadOnlyList<Run>>)
        [
            [new Run(QuestionTitles.Of(s, a.Question), Href: "#" + a.Question.Id)],
            [T(a.Available ? Numbers.Value(a.Value) : "n/a")],
            [T(QuestionTitles.Unit(s, a.Question))],
            [T(a.Available && a.Low != a.High ? $"{Numbers.Value(a.Low)} to {Numbers.Value(a.High)}" : "")],
            Agreement(a),
            [T(a.Headline)],
        ]), "findings");

        var differ = result.Answers.Select(a => (a, Why: WhyModelsDiffer.Explain(s, a))).Where(x => x.Why is not null).ToArray();
        if (differ.Length == 0) return;
        doc.H(3, "Why the models disagree");
        doc.List(differ.Select(x => (IReadOnlyList<Run>)[B(QuestionTitles.Of(s, x.a.Question)), T(": " + x.Why!)]));
    }

    private static IReadOnlyList<Run> Agreement(Answer a)
    {
        if (!a.Available) return [T("n/a")];
        var claims = a.ClaimVerdicts.Count > 0 ? "; " + string.Join(", ", a.ClaimVerdicts.Select(v => $"{v.Claim} {AnalyzeJson.VerdictName(v.Outcome)}")) : "";
        return [new Run(a.AgreesWithSource ? "yes" : "no", Bold: true, Class: a.AgreesWithSource ? "yes" : "no"), T(a.Question.Model == QuestionModel.PolicyComparison ? $" ({claims.TrimStart(';', ' ')})" : $" ({Numbers.Percent(a.ShareAgreeing)} of draws{claims})")];
    }

    // ---- policy packages ----

    private static void Packages(ReportDocument doc, AnalysisResult result)
    {
        var s = result.Scenario;
        doc.H(2, "Policy packages", "packages");
        doc.Add(ReportCharts.Policies(result));
        var questions = result.Packages[0].Outcomes.Select(o => o.Question).ToArray();
        var titles = questions.Select(id => QuestionTitles.Of(s, s.Questions.First(q => q.Id == id)));
        doc.P(T("Each question's answer under each package and its change against the scenario as given, on the question's own scale (nothing is averaged "
                + "across scales); ▲ marks a material change towards the sponsors' positions, ▼ one away from them. Where the comparison names a responder, "
                + "the second row is after its best response. The call: helps (some outcome moves towards the sponsors and none away), hurts, trade-off, moves (no sponsors named), "
                + "or no material change."));
        var rows = new List<IReadOnlyList<IReadOnlyList<Run>>>();
        foreach (var p in result.Packages)
        {
            rows.Add([[T(p.Title + (p.WhatIf ? " (what-if)" : ""))], [T(AnalyzeJson.CallName(p.Call))], [T(p.Response is null ? "" : "before the response")], [T(War(p.War))],
                .. p.Outcomes.Select(Cell)]);
            if (p.WithResponse is { } w)
                rows.Add([[T("")], [T(AnalyzeJson.CallName(p.CallWithResponse!.Value))], [T($"after {Policy(s, p.Response!)}")], [T(War(p.WarWithResponse))], .. w.Select(Cell)]);
            else if (p.Response is not null)
                rows.Add([[T("")], [T("")], [T($"{Policy(s, p.Response)}: nothing serves it better than what it does anyway")], [T("")], .. questions.Select(_ => (IReadOnlyList<Run>)[T("")])]);
        }

        doc.Grid(["Package", "Call", "Response", War(result.Packages), .. titles], rows, "wide");
        if (result.Packages.FirstOrDefault(p => p.War is not null)?.War is { } war) doc.Note(T($"War: {war.Measure}."));
    }

    private static string Policy(Scenario s, string id) => s.Policies.FirstOrDefault(p => p.Id == id)?.Title ?? id;

    private static IReadOnlyList<Run> Cell(OutcomeChange c) =>
        [T(Numbers.Value(c.Value)), T($" ({Numbers.Signed(c.Change)}{(c.Material && c.Gain > 0 ? " ▲" : c.Material && c.Gain < 0 ? " ▼" : "")})")];

    private static string War(IReadOnlyList<PackageOutcome> packages) =>
        packages.FirstOrDefault(p => p.War is not null)?.War is { IsProbability: true } ? "War (probability, 90% range)" : "War (share of draws)";

    // A calibrated probability carries its 90% range over the draws; otherwise the share of draws in which the attack pays.
    private static string War(WarReading? w) => w switch
    {
        null => "",
        { IsProbability: true, Low: { } low, High: { } high } => $"{Numbers.Percent(w.Value)} ({Numbers.Percent(low)} to {Numbers.Percent(high)})",
        _ => Numbers.Percent(w.Value),
    };

    // ---- one question ----

    private static void Question(ReportDocument doc, Scenario s, Answer a)
    {
        var q = a.Question;
        doc.H(2, QuestionTitles.Of(s, q), q.Id);
        doc.P(B(q.Text));
        doc.P(T(a.Verdict));
        var facts = new List<IReadOnlyList<Run>>();
        if (a.Available) facts.Add([T("Answer: "), B(Numbers.Value(a.Value)), T($" ({a.Unit})" + (a.Low != a.High ? $"; 90% interval {Numbers.Value(a.Low)} to {Numbers.Value(a.High)}." : "."))]);
        facts.Add([T($"The article concludes: {q.SourceConclusion} It expects the answer {q.Expect}.")]);
        if (a.Available) facts.Add([T("Agreement: "), .. Agreement(a)]);
        doc.List(facts);
        if (a.ClaimVerdicts.Count > 0)
        {
            doc.P(B("Claims of the source article, one test each:"));
            doc.List(a.ClaimVerdicts.Select(v => (IReadOnlyList<Run>)
            [
                B(v.Claim), T($" (lines {s.Source(v.Claim).Lines}: {s.Source(v.Claim).Text.Replace("\n", " ").Trim()}) "), T($"Test: {v.Proposition}: "),
                new Run(AnalyzeJson.VerdictName(v.Outcome), Bold: true, Class: v.Outcome switch { ClaimOutcome.Agrees => "yes", ClaimOutcome.Disagrees => "no", _ => "note" }),
                T(". " + v.Reason),
            ]));
        }

        if (a.Models.Count > 0)
            doc.Grid(["Model", "Value", "Note"], a.Models.Select(m => (IReadOnlyList<IReadOnlyList<Run>>)
                [[T(m.Model)], [T(m.Value is { } v ? ModelValue(m.Model, v) : "n/a")], [T(m.Note)]]));
        if (WhyModelsDiffer.Explain(s, a) is { } why) doc.P(B("Why the models disagree:"), T(" " + why));

        if (a.Trajectory is { } t && q.Issue is { } issueId) doc.Add(ReportCharts.Trajectories(s, s.Issue(issueId), t));
        if (q.Model == QuestionModel.PolicyComparison) return;
        if (ReportCharts.Tornado(s, a) is { } tornado) doc.Add(tornado);
        if (a.Drivers.Count > 0)
            doc.Grid(["Input", "Low (5%)", "High (95%)", "Answer at low", "Answer at high"], a.Drivers.Select(d => (IReadOnlyList<IReadOnlyList<Run>>)
            [
                [T(d.Label)], [T(InputValues.Format(s, d.Input, d.Low))], [T(InputValues.Format(s, d.Input, d.High))],
                [T(d.AtLow is { } lo ? Numbers.Value(lo) : "")], [T(d.AtHigh is { } hi ? Numbers.Value(hi) : "")],
            ]));
        if (a.Flips.Count > 0)
        {
            doc.P(B("Flip points"), T(" (how far one input must move alone, the others at their medians, before the central answer crosses the article's threshold):"));
            doc.List(a.Flips.Select(f => (IReadOnlyList<Run>)[T(Signposts.Describe(s, q, f))]));
        }
    }

    private static string Lower(string s) => s.StartsWith("If ", StringComparison.Ordinal) ? "if " + s[3..] : s;

    // Money in US$, shares of GDP and of draws as percentages, the rest as numbers.
    private static string ModelValue(string model, double v) =>
        model.StartsWith("channel:", StringComparison.Ordinal) ? Numbers.Usd(v)
        : model.Contains("share", StringComparison.Ordinal) ? Numbers.Percent(v)
        : Numbers.Value(v);

    // ---- closing sections ----

    private static void Limits(ReportDocument doc, AnalysisResult result)
    {
        var s = result.Scenario;
        var inputs = s.Inputs;
        var judged = inputs.Count(i => s.Source(i.Value.Source.SourceId).Kind == SourceKind.Judgement);
        var years = inputs.Where(i => i.Value.Source.Year is not null)
            .GroupBy(i => i.Value.Source.SourceId).Select(g => (g.Key, Min: g.Min(i => i.Value.Source.Year), Max: g.Max(i => i.Value.Source.Year)))
            .Select(g => g.Min == g.Max ? $"{g.Key} {g.Min}" : $"{g.Key} {g.Min}-{g.Max}");
        var missing = result.Answers.Where(a => !a.Available).Select(a => QuestionTitles.Of(s, a.Question)).ToArray();
        var limits = new List<string>
        {
            $"{judged} of the scenario's {inputs.Count} numbers are stated judgements (ranges with reasoning), not data; the intervals above come from those ranges.",
            $"Data years: {string.Join(", ", years)}.",
            "Capability is the same index on every issue: great powers' capability dwarfs small states', so their saliences decide how much they weigh.",
            "Bargaining answers are the median of an ensemble's predictive distribution (BDM, SMP, weighted mean and median, weighted by their accuracy on real EU decisions, DEU III); its 90% intervals include the models' real-world errors, which are large (docs/models/ensemble.md).",
            "The models are not tuned to agree with the article: where they disagree, the drivers and flip points show which inputs would have to change.",
        };
        if (missing.Length > 0) limits.Add($"Not available in this build (no number given): {string.Join(", ", missing)}.");
        doc.H(2, "Limits", "limits");
        doc.List(limits.Select(l => (IReadOnlyList<Run>)[T(l)]));
    }

    private static void Method(ReportDocument doc, AnalysisResult result)
    {
        doc.H(2, "How to read the judgements", "method");
        doc.P(T($"Probabilities are shares of the {result.Options.Samples} Monte Carlo draws in which the outcome holds, each draw taking every uncertain input "
                + "from its stated range; a probability of a dated event, where a forecast gives one, is that forecast's. The words follow ICD 203:"));
        doc.Grid(["Term", "Probability"], Enum.GetValues<EstimativeTerm>().Select(t => (IReadOnlyList<IReadOnlyList<Run>>)
            [[T(EstimativeLanguage.Words(t))], [T($"{Numbers.Percent(EstimativeLanguage.Range(t).Low)} to {Numbers.Percent(EstimativeLanguage.Range(t).High)}")]]));
        doc.P(T("Confidence is a separate judgement about the evidence: one point if the outcome holds in at least 90% of the draws, minus one if in less "
                + "than 70%; one point if every model puts its central value on the judged side, minus one if most do not (where a question has more than "
                + "one model); two points or more is high, zero or one moderate, below zero low. High confidence also needs a model that has beaten a simple "
                + "baseline on real outcomes; what has been measured so far:"));
        doc.List(ConfidenceRule.TrackRecords.Select(r => (IReadOnlyList<Run>)[B(AnalyzeJson.ModelName(r.Key)), T(": " + r.Value.Evidence + ".")]));
        doc.P(T("Signposts are the flip points of the two strongest drivers, read as events: each input moved alone, the others at their medians."));
    }

    private static void Sources(ReportDocument doc, Scenario s)
    {
        doc.H(2, "Sources", "sources");
        doc.P(T("Every number of the scenario cites one of these (the scenario file gives the field and year read from each dataset)."));
        doc.Grid(["Id", "Kind", "What", "Where"], s.Sources.Select(src => (IReadOnlyList<IReadOnlyList<Run>>)
            [[T(src.Id)], [T(src.Kind.ToString().ToLowerInvariant())], [T(src.Text.Replace("\n", " ").Trim())], [T(Where(src))]]), "sources");
    }

    private static string Where(Source s) => s.Kind switch
    {
        SourceKind.Claim => $"source article, lines {s.Lines}",
        SourceKind.Fact => $"{s.Date:yyyy-MM-dd}, {s.Reference}",
        _ => s.Reference ?? "",
    };

    private const string Style = """
        body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:1040px;margin:2em auto;padding:0 1em;color:#1d2430}
        h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:2em;border-top:1px solid #d8dde5;padding-top:.8em}h3{margin-top:1.4em}
        .first-page{border:1px solid #d8dde5;background:#fbfcfd;padding:.2em 1.2em 1em;margin:1em 0}.first-page h2{border-top:0;margin-top:.6em}
        .first-page ol li{margin:.9em 0}
        table{border-collapse:collapse;margin:1em 0;width:100%}td,th{border:1px solid #d0d5dd;padding:4px 8px;font-size:14px;vertical-align:top;text-align:left}
        th{background:#eef1f5}table.wide{display:block;overflow-x:auto}
        td,li,p{overflow-wrap:anywhere}
        .yes{color:#1a7f37}.no{color:#b3261e}.note{color:#5c6675;font-size:.92em}
        code{background:#f3f4f6;padding:0 3px}
        .chart{width:100%;margin:1em 0;border:1px solid #e3e6ea}
        @media print{.chart{break-inside:avoid}.first-page{break-after:page}}

        """;
}
