using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Statecraft.Cli.Infrastructure;
using Statecraft.Core.Reporting;
using Statecraft.Core.Scenarios;
using Statecraft.Core.Scenarios.Analysis;

namespace Statecraft.Cli.Commands;

/// <summary>
/// The report's charts as specs for the chart module the dashboard also uses (wwwroot/charts.js,
/// drawn by ECharts): plain data with every label already in words and numbers already formatted,
/// serialized with the invariant JSON contract so the same run gives the same bytes.
/// </summary>
internal static class ReportCharts
{
    private static readonly JsonSerializerOptions Compact = new(Output.JsonOptions) { WriteIndented = false };

    private static string Json<T>(T spec) => JsonSerializer.Serialize(spec, (JsonTypeInfo<T>)Compact.GetTypeInfo(typeof(T)));

    public sealed record TornadoBar(string Name, string LowValue, string HighValue, double AtLow, double AtHigh);

    public sealed record TornadoSpec(string Kind, string Title, string Subtitle, string XName, string LowName, string HighName, double Central, IReadOnlyList<TornadoBar> Bars);

    public sealed record ActorPath(string Name, IReadOnlyList<double> Values);

    public sealed record TrajectorySpec(string Kind, string Title, string Subtitle, string XName, string YName, double YMin, double YMax,
        IReadOnlyList<ActorPath> Actors, string ForecastName, IReadOnlyList<double> Forecast);

    public sealed record PackageCell(string Text, string Tone);

    public sealed record PackageRow(string Name, IReadOnlyList<PackageCell> Cells);

    public sealed record PolicySpec(string Kind, string Title, string Subtitle, string XName, IReadOnlyList<string> Columns,
        IReadOnlyDictionary<string, string> ToneNames, IReadOnlyList<PackageRow> Rows);

    public static ReportDocument.Chart? Tornado(Scenario s, Answer a)
    {
        var bars = a.Drivers.Where(d => d.AtLow is not null && d.AtHigh is not null)
            .Select(d => new TornadoBar(d.Label, "low " + InputValues.Format(s, d.Input, d.Low), "high " + InputValues.Format(s, d.Input, d.High), d.AtLow!.Value, d.AtHigh!.Value))
            .ToArray();
        if (bars.Length == 0) return null;
        var title = $"What moves the answer: {QuestionTitles.Of(s, a.Question)}";
        var spec = new TornadoSpec("tornado", title,
            "Each input moved alone to its low (5%) and high (95%) value, the others at their medians; bars start at the central answer.",
            Capital(QuestionTitles.Unit(s, a.Question)), "input at its low (5%) value", "input at its high (95%) value", a.Value, bars);
        return new ReportDocument.Chart(Json(spec), title, $"{150 + 64 * bars.Length}px");
    }

    public static ReportDocument.Chart Trajectories(Scenario s, ScenarioIssue issue, Trajectory t)
    {
        var title = $"Positions by BDM round: {issue.Title}";
        var spec = new TrajectorySpec("trajectories", title,
            $"{Numbers.Value(issue.Scale.Min)} = {issue.Scale.MinMeaning}; {Numbers.Value(issue.Scale.Max)} = {issue.Scale.MaxMeaning}",
            "BDM round (0 = the scenario's positions)", "position", issue.Scale.Min, issue.Scale.Max,
            t.Actors.Select((id, i) => new ActorPath(s.HasActor(id) ? s.Actor(id).Name : id, t.Rounds.Select(r => r[i]).ToArray())).ToArray(),
            "forecast (weighted median)", t.Median);
        return new ReportDocument.Chart(Json(spec), title, $"{400 + 22 * ((t.Actors.Count + 5) / 5)}px");
    }

    /// <summary>Packages outcome by outcome: each cell the change on that question's own scale, after the responder's best response where there is one.</summary>
    public static ReportDocument.Chart Policies(AnalysisResult r)
    {
        const string title = "Policy packages outcome by outcome";
        var s = r.Scenario;
        var questions = r.Packages[0].Outcomes.Select(o => o.Question).ToArray();
        var columns = questions.Select(id => QuestionTitles.Of(s, s.Questions.First(q => q.Id == id))).ToArray();
        var tones = new Dictionary<string, string>
        {
            ["towards"] = "towards the sponsors",
            ["away"] = "away from the sponsors",
            ["neutral"] = "material, no sponsor stance",
            ["immaterial"] = "not material",
        };
        var rows = r.Packages.Select(p => new PackageRow(
            p.Title + (p.WhatIf ? " (what-if)" : ""),
            questions.Select(id => p.Final.FirstOrDefault(o => o.Question == id) is { } o
                ? new PackageCell(Numbers.Signed(o.Change), !o.Material ? "immaterial" : o.Gain > 0 ? "towards" : o.Gain < 0 ? "away" : "neutral")
                : new PackageCell("", "immaterial")).ToArray())).ToArray();
        var responses = r.Packages.Where(p => p.WithResponse is not null).Select(p => s.Policies.FirstOrDefault(x => x.Id == p.Response)?.Title ?? p.Response).Distinct().ToArray();
        var spec = new PolicySpec("policies", title,
            "Each answer's change against the scenario as given, on its own scale (nothing averaged across scales)"
            + (responses.Length == 0 ? "." : $", after the responder's best response ({string.Join("; ", responses)})."),
            "", columns, tones, rows);
        return new ReportDocument.Chart(Json(spec), title, $"{190 + 36 * rows.Length}px");
    }

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
