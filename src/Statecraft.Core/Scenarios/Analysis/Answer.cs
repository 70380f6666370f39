using Statecraft.Core.Ensemble;
using Statecraft.Core.Uncertainty;

namespace Statecraft.Core.Scenarios.Analysis;

/// <summary>One input's effect on an answer: the output with the input at its high end minus at its low end.</summary>
public sealed record Driver(string Input, string Label, double Low, double High, double Effect);

/// <summary>One model's estimate beside the headline value (BDM, SMP, weighted mean; EU with/without a backer).</summary>
public sealed record ModelEstimate(string Model, double? Value, string Note = "");

/// <summary>Where each actor stood after each BDM round (round 0 = the input), at the central scenario.</summary>
public sealed record Trajectory(IReadOnlyList<string> Actors, IReadOnlyList<IReadOnlyList<double>> Rounds, IReadOnlyList<double> Median);

/// <summary>One member of the bargaining ensemble in an answer: its weight, its median over the draws and its value at the central scenario.</summary>
public sealed record MemberSummary(string Model, double Weight, double Median, double Central);

/// <summary>
/// The ensemble behind a bargaining answer. <see cref="Quantiles"/> are the predictive
/// distribution's at <see cref="QuantileLevels"/>; <see cref="InputsLow"/>-<see cref="InputsHigh"/> is
/// the 90% interval of the ensemble's point forecast over the draws (input uncertainty alone).
/// <see cref="Spread"/> is the range of the members' medians; when it exceeds
/// <see cref="ModelDisagreement.Threshold"/> of the scale, <see cref="Disagreement"/> says which actors
/// pull each model where (at the central scenario).
/// </summary>
public sealed record EnsembleSummary(
    IReadOnlyList<MemberSummary> Members,
    IReadOnlyList<double> Quantiles,
    double InputsLow,
    double InputsHigh,
    double Spread,
    string? Disagreement)
{
    public static IReadOnlyList<double> QuantileLevels { get; } = [0.05, 0.25, 0.5, 0.75, 0.95];
}

/// <summary>
/// The answer to one question: the headline value with its unit and 90% interval, a one-line
/// verdict, whether it agrees with the source article (the expectation holds for at least half of
/// the answer's distribution), the drivers and the flip points. <see cref="Headline"/> is the
/// verdict in a few words, for tables. A bargaining answer's value is the median of the ensemble's
/// predictive distribution and its interval that distribution's 5-95% (<see cref="Ensemble"/>); War
/// Trap and coercion answers give the model at the central scenario and the Monte Carlo interval.
/// </summary>
public sealed record Answer(
    Question Question,
    bool Available,
    double Value,
    string Unit,
    double Low,
    double High,
    string Verdict,
    string Headline,
    bool AgreesWithSource,
    double ShareAgreeing,
    IReadOnlyList<Driver> Drivers,
    IReadOnlyList<FlipPoint> Flips,
    IReadOnlyList<ModelEstimate> Models,
    Trajectory? Trajectory = null,
    EnsembleSummary? Ensemble = null)
{
    /// <summary>Each claim the question tests, with its own verdict (filled once every question is answered).</summary>
    public IReadOnlyList<ClaimVerdict> ClaimVerdicts { get; init; } = [];

    /// <summary>
    /// War Trap questions that source their dyad: the calibrated probability of a militarized dispute
    /// with force within 12 months (then <see cref="Value"/> is that probability and War Trap's EU is
    /// one of <see cref="Models"/>). Null for other questions.
    /// </summary>
    public DisputeProbability? Dispute { get; init; }
}

/// <summary>
/// One outcome under a package: the question's answer, its change against the scenario as given
/// (on the question's own scale, never averaged with another), and, where the comparison names
/// sponsors with a stance on the issue, how much closer it moves to their position
/// (<see cref="Gain"/> &gt; 0: closer). <see cref="Material"/> says whether the change clears the
/// materiality threshold (1% of the scale; for other questions, 1% of the answer's 90%
/// interval width).
/// </summary>
public sealed record OutcomeChange(string Question, double Value, double Change, double? Gain, bool Material);

/// <summary>
/// A reading of war under a package, named by <see cref="Measure"/>: the calibrated probability of a
/// militarized dispute (<see cref="IsProbability"/>, with its 90% interval over the draws) when the
/// War Trap question sources its dyad, else the share of draws in which the attack pays (not a probability).
/// </summary>
public sealed record WarReading(string Question, string Measure, double Value, bool IsProbability = false, double? Low = null, double? High = null);

/// <summary>One response option of the responder under a package: its objective (stances met minus cost), and the cost counted.</summary>
public sealed record ResponseOption(string Policy, string Title, double Objective, double Cost);

/// <summary>How a package fares outcome by outcome for its sponsors.</summary>
public enum PackageCall
{
    /// <summary>At least one outcome moves materially towards the sponsors and none away.</summary>
    Helps,

    /// <summary>Some outcomes move towards the sponsors, others away.</summary>
    TradeOff,

    /// <summary>At least one outcome moves materially away from the sponsors and none towards them.</summary>
    Hurts,

    /// <summary>No outcome moves materially.</summary>
    NoMaterialChange,

    /// <summary>Some outcome moves materially, but the comparison names no sponsors, so no move is a gain or a loss.</summary>
    Moves,
}

/// <summary>
/// A policy package compared outcome by outcome with the scenario as given: without a response,
/// and, when the comparison names a responder, after its best response among its options
/// (<see cref="Options"/>, the chosen one first; "none" when doing nothing serves it best), then
/// measured against the scenario plus what the responder does with no new package.
/// </summary>
public sealed record PackageOutcome(
    string Policy,
    string Title,
    bool WhatIf,
    IReadOnlyList<OutcomeChange> Outcomes,
    PackageCall Call,
    WarReading? War,
    string? Response,
    IReadOnlyList<OutcomeChange>? WithResponse,
    PackageCall? CallWithResponse,
    WarReading? WarWithResponse,
    IReadOnlyList<ResponseOption> Options)
{
    /// <summary>The outcomes that count: after the response when there is one.</summary>
    public IReadOnlyList<OutcomeChange> Final => WithResponse ?? Outcomes;

    public PackageCall FinalCall => CallWithResponse ?? Call;
}

/// <summary>The verdict on one claim: agrees, disagrees, or not tested by this model, and why.</summary>
public enum ClaimOutcome
{
    Agrees,
    Disagrees,
    NotTested,
}

/// <summary>One claim's own test: its proposition, the verdict, the reason in words, and the share of draws behind it (when there is one).</summary>
public sealed record ClaimVerdict(string Claim, string Proposition, ClaimOutcome Outcome, string Reason, double? Share);

/// <summary>
/// How an analysis is run: Monte Carlo draws, master seed, the bargaining ensemble's weights, threads
/// (which never change the result).
/// </summary>
public sealed record AnalysisOptions(int Samples, ulong Seed, EnsembleWeights Weights, int? MaxThreads = null)
{
    public const int DefaultSamples = 200;
    public const ulong DefaultSeed = 20250705;

    /// <summary>The dispute models validated on history (data/models/dispute-models.json); without them War Trap answers give EU only.</summary>
    public Validation.DisputeModelSet? Disputes { get; init; }
}

/// <summary>Everything an analysis found.</summary>
public sealed record AnalysisResult(
    Scenario Scenario,
    AnalysisOptions Options,
    IReadOnlyList<string> Policies,
    IReadOnlyList<Answer> Answers,
    IReadOnlyList<PackageOutcome> Packages)
{
    /// <summary>The paired draws the policy comparison ran on: min(samples, <see cref="PackageComparison.PackageDraws"/>).</summary>
    public int PackageSamples => PackageComparison.Samples(Options);
}
