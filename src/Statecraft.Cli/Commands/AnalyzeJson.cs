using System.Text.Json.Serialization;
using Statecraft.Core.Scenarios.Analysis;

namespace Statecraft.Cli.Commands;

/// <summary>
/// The JSON contract of <c>statecraft analyze --json</c> (docs/scenario-format.md, "Output").
/// <c>value</c> and <c>interval</c> are null when a question's model is not available in the build.
/// </summary>
public sealed record AnalyzeJson(
    AnalyzeJson.ScenarioRef Scenario,
    ulong Seed,
    int Samples,
    IReadOnlyList<string> Policies,
    IReadOnlyList<AnalyzeJson.QuestionJson> Questions,
    IReadOnlyList<AnalyzeJson.PackageJson> Packages)
{
    /// <summary>The scenario answered; <c>expert_aggregation</c> says how numbers several experts judged were pooled.</summary>
    public sealed record ScenarioRef(string Id, string Sha256, string Title, string Date, string ExpertAggregation);

    public sealed record DriverJson(string Input, string Label, double Effect);

    public sealed record FlipJson(string Input, double Baseline,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Below,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Above);

    public sealed record ModelJson(string Model, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Value, string Note);

    public sealed record QuestionJson(
        string Id,
        string Question,
        string Model,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Value,
        string Unit,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double[]? Interval,
        string Verdict,
        string Headline,
        IReadOnlyList<string> Claims,
        string SourceConclusion,
        bool AgreesWithSource,
        double ShareOfDrawsAgreeing,
        IReadOnlyList<DriverJson> Drivers,
        IReadOnlyList<FlipJson> FlipPoints,
        IReadOnlyList<ModelJson> Models);

    public sealed record PackageJson(string Policy, string Title, bool WhatIf, IReadOnlyDictionary<string, double> Outcomes,
        double Gain, double[] GainInterval, double WarRisk);

    public static AnalyzeJson From(AnalysisResult r, string sha256) => new(
        new ScenarioRef(r.Scenario.Id, sha256, r.Scenario.Header.Title, r.Scenario.Date.ToString("yyyy-MM-dd"),
            Core.Elicitation.ExpertPooling.Name(r.Scenario.Header.Aggregation)),
        r.Options.Seed,
        r.Options.Samples,
        r.Policies,
        r.Answers.Select(a => new QuestionJson(
            a.Question.Id,
            a.Question.Text,
            ModelName(a.Question.Model),
            a.Available ? a.Value : null,
            a.Unit,
            a.Available ? [a.Low, a.High] : null,
            a.Verdict,
            a.Headline,
            a.Question.Claims,
            a.Question.SourceConclusion,
            a.AgreesWithSource,
            a.ShareAgreeing,
            a.Drivers.Select(d => new DriverJson(d.Input, d.Label, d.Effect)).ToArray(),
            a.Flips.Select(f => new FlipJson(f.Input, f.Baseline, f.Below, f.Above)).ToArray(),
            a.Models.Select(m => new ModelJson(m.Model, m.Value, m.Note)).ToArray())).ToArray(),
        r.Packages.Select(p => new PackageJson(p.Policy, p.Title, p.WhatIf, p.Outcomes, p.Gain, [p.GainLow, p.GainHigh], p.WarRisk)).ToArray());

    public static string ModelName(Core.Scenarios.QuestionModel m) => m switch
    {
        Core.Scenarios.QuestionModel.Bargaining => "bargaining",
        Core.Scenarios.QuestionModel.WarTrap => "war-trap",
        Core.Scenarios.QuestionModel.Coercion => "coercion",
        _ => "policy-comparison",
    };
}
