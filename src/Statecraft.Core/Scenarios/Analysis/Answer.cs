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
    EnsembleSummary? Ensemble = null);

/// <summary>
/// A policy package's outcomes: every other question's central value under it, its gain (mean change
/// on the 0-100 bargaining scales against the scenario as given, per paired draw in <see cref="GainDraws"/>)
/// and its war risk.
/// </summary>
public sealed record PackageOutcome(
    string Policy,
    string Title,
    bool WhatIf,
    IReadOnlyDictionary<string, double> Outcomes,
    double Gain,
    double GainLow,
    double GainHigh,
    double WarRisk,
    IReadOnlyList<double> GainDraws);

/// <summary>
/// How an analysis is run: Monte Carlo draws, master seed, the bargaining ensemble's weights, threads
/// (which never change the result).
/// </summary>
public sealed record AnalysisOptions(int Samples, ulong Seed, EnsembleWeights Weights, int? MaxThreads = null)
{
    public const int DefaultSamples = 200;
    public const ulong DefaultSeed = 20250705;
}

/// <summary>Everything an analysis found.</summary>
public sealed record AnalysisResult(
    Scenario Scenario,
    AnalysisOptions Options,
    IReadOnlyList<string> Policies,
    IReadOnlyList<Answer> Answers,
    IReadOnlyList<PackageOutcome> Packages);
