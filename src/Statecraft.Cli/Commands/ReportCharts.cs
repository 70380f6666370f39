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

    public sealed record PackageBar(string Name, double Gain, double Low, double High, string Label, bool WhatIf);

    public sealed record PolicySpec(string Kind, string Title, string Subtitle, string XName, string GainName, string IntervalName, IReadOnlyList<PackageBar> Packages);

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

    public static ReportDocument.Chart Policies(AnalysisResult r)
    {
        const string title = "Policy packages: mean change of the bargaining outcomes";
        var war = r.Scenario.Questions.FirstOrDefault(q => q.Model == QuestionModel.WarTrap);
        var risk = war is null ? "" : $"; war risk = share of draws in which {QuestionTitles.Of(r.Scenario, war)} would pay";
        var spec = new PolicySpec("policies", title,
            $"Each package applied to the scenario as given, the same draws for all; whiskers: 90% interval{risk}.",
            "mean change on the 0-100 outcome scales (points)", "mean change", "90% interval",
            r.Packages.Select(p => new PackageBar(p.Title + (p.WhatIf ? " (what-if)" : ""), p.Gain, p.GainLow, p.GainHigh,
                $"{Numbers.Signed(p.Gain)} ({Numbers.Signed(p.GainLow)} to {Numbers.Signed(p.GainHigh)})" + (war is null ? "" : $", war risk {Numbers.Percent(p.WarRisk)}"),
                p.WhatIf)).ToArray());
        return new ReportDocument.Chart(Json(spec), title, $"{150 + 52 * r.Packages.Count}px");
    }

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
