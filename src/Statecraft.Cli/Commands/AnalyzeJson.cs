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
    int PackageSamples,
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

    /// <summary>
    /// A bargaining answer's ensemble: members (weight, median over the draws, value at the central
    /// scenario), the predictive distribution's quantiles, the interval from the inputs alone, and
    /// the models' disagreement.
    /// </summary>
    public sealed record EnsembleJson(
        IReadOnlyList<MemberJson> Members,
        IReadOnlyDictionary<string, double> PredictiveQuantiles,
        double[] InputsInterval,
        double Spread,
        string? Disagreement);

    public sealed record MemberJson(string Model, double Weight, double Median, double Central);

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
        IReadOnlyList<ModelJson> Models,
        EnsembleJson? Ensemble,
        IReadOnlyList<ClaimVerdictJson> ClaimVerdicts,
        DisputeJson? DisputeProbability = null);

    /// <summary>
    /// War Trap questions: the calibrated probability of the event (in words) within the horizon,
    /// with its interval over the Monte Carlo draws, over the structural choices history leaves open,
    /// and over both, and the base rate of comparable dyads (docs/validation/conflict.md).
    /// </summary>
    public sealed record DisputeJson(
        string Event,
        int HorizonMonths,
        double P,
        double[] IntervalDraws,
        double[] IntervalModels,
        double[] IntervalBoth,
        string Words,
        IReadOnlyList<ChoiceJson> Models,
        BaseRateJson BaseRate,
        string Model);

    public sealed record ChoiceJson(string Model, double P);

    public sealed record BaseRateJson(string Group, long DyadYears, long Events, double Rate, int[] Years);

    /// <summary>One claim's own test: verdict "agrees", "disagrees" or "not tested", and why.</summary>
    public sealed record ClaimVerdictJson(string Claim, string Proposition, string Verdict, string Reason,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Share);

    /// <summary>One outcome under a package: value, change against the scenario as given, gain for the sponsors (null: no direction), material or not.</summary>
    public sealed record OutcomeJson(string Question, double Value, double Change,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Gain, bool Material);

    /// <summary>
    /// The war column, named by <c>measure</c>: the calibrated probability of a dispute (<c>probability</c>
    /// true, with its 90% <c>interval</c> over the draws), else the share of draws in which the attack pays (not a probability).
    /// </summary>
    public sealed record WarJson(string Question, string Measure, double Value, bool Probability, double[]? Interval);

    public sealed record OptionJson(string Policy, string Title, double Objective, double Cost);

    /// <summary>
    /// A package outcome by outcome: <c>call</c> is helps, trade-off, hurts, no material change or moves (no sponsors named)
    /// for the sponsors; with a responder, its best <c>response</c> (or "none"), the outcomes
    /// <c>with_response</c>, and every option it weighed.
    /// </summary>
    public sealed record PackageJson(string Policy, string Title, bool WhatIf, string Call, IReadOnlyList<OutcomeJson> Outcomes, WarJson? War,
        string? Response, IReadOnlyList<OutcomeJson>? WithResponse, string? CallWithResponse, WarJson? WarWithResponse,
        IReadOnlyList<OptionJson> ResponseOptions);

    public static AnalyzeJson From(AnalysisResult r, string sha256) => new(
        new ScenarioRef(r.Scenario.Id, sha256, r.Scenario.Header.Title, r.Scenario.Date.ToString("yyyy-MM-dd"),
            Core.Elicitation.ExpertPooling.Name(r.Scenario.Header.Aggregation)),
        r.Options.Seed,
        r.Options.Samples,
        r.PackageSamples,
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
            a.Models.Select(m => new ModelJson(m.Model, m.Value, m.Note)).ToArray(),
            a.Ensemble is { } e ? Ensemble(e) : null,
            a.ClaimVerdicts.Select(v => new ClaimVerdictJson(v.Claim, v.Proposition, VerdictName(v.Outcome), v.Reason, v.Share)).ToArray(),
            a.Dispute is { } d ? Dispute(d) : null)).ToArray(),
        r.Packages.Select(p => new PackageJson(p.Policy, p.Title, p.WhatIf, CallName(p.Call), Outcomes(p.Outcomes)!, War(p.War),
            p.Response, Outcomes(p.WithResponse), p.CallWithResponse is { } c ? CallName(c) : null, War(p.WarWithResponse),
            p.Options.Select(o => new OptionJson(o.Policy, o.Title, o.Objective, o.Cost)).ToArray())).ToArray());

    private static IReadOnlyList<OutcomeJson>? Outcomes(IReadOnlyList<OutcomeChange>? changes) =>
        changes?.Select(c => new OutcomeJson(c.Question, c.Value, c.Change, c.Gain, c.Material)).ToArray();

    private static WarJson? War(WarReading? w) => w is null ? null
        : new WarJson(w.Question, w.Measure, w.Value, w.IsProbability, w is { Low: { } low, High: { } high } ? [low, high] : null);

    public static string CallName(PackageCall call) => call switch
    {
        PackageCall.Helps => "helps",
        PackageCall.TradeOff => "trade-off",
        PackageCall.Hurts => "hurts",
        PackageCall.Moves => "moves (no sponsors named)",
        _ => "no material change",
    };

    public static string VerdictName(ClaimOutcome outcome) => outcome switch
    {
        ClaimOutcome.Agrees => "agrees",
        ClaimOutcome.Disagrees => "disagrees",
        _ => "not tested",
    };

    private static EnsembleJson Ensemble(EnsembleSummary e) => new(
        e.Members.Select(m => new MemberJson(m.Model, m.Weight, m.Median, m.Central)).ToArray(),
        EnsembleSummary.QuantileLevels.Select((p, i) => (Key: "q" + (100 * p).ToString("00", System.Globalization.CultureInfo.InvariantCulture), Value: e.Quantiles[i]))
            .ToDictionary(x => x.Key, x => x.Value),
        [e.InputsLow, e.InputsHigh],
        e.Spread,
        e.Disagreement);

    private static DisputeJson Dispute(DisputeProbability d) => new(
        d.Event, d.HorizonMonths, d.Probability, [d.Low, d.High], [d.StructuralLow, d.StructuralHigh], [d.PooledLow, d.PooledHigh], d.Words,
        d.Choices.Select(c => new ChoiceJson(c.Model, c.Probability)).ToArray(),
        new BaseRateJson(d.BaseRate.Group, d.BaseRate.DyadYears, d.BaseRate.Events, d.BaseRate.Rate, [d.BaseRate.FirstYear, d.BaseRate.LastYear]),
        d.Model);

    public static string ModelName(Core.Scenarios.QuestionModel m) => m switch
    {
        Core.Scenarios.QuestionModel.Bargaining => "bargaining",
        Core.Scenarios.QuestionModel.WarTrap => "war-trap",
        Core.Scenarios.QuestionModel.Coercion => "coercion",
        _ => "policy-comparison",
    };
}
