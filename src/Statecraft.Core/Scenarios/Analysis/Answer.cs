using Statecraft.Core.Uncertainty;

namespace Statecraft.Core.Scenarios.Analysis;

/// <summary>
/// One input's effect on an answer: the output with the input at its high end minus at its low end.
/// <see cref="Low"/> and <see cref="High"/> are the input's 5% and 95% values, <see cref="AtLow"/> and
/// <see cref="AtHigh"/> the answer there (the others at their medians), when the driver is an input.
/// </summary>
public sealed record Driver(string Input, string Label, double Low, double High, double Effect, double? AtLow = null, double? AtHigh = null);

/// <summary>One model's estimate beside the headline value (BDM, SMP, weighted mean; EU with/without a backer).</summary>
public sealed record ModelEstimate(string Model, double? Value, string Note = "");

/// <summary>Where each actor stood after each BDM round (round 0 = the input), at the central scenario.</summary>
public sealed record Trajectory(IReadOnlyList<string> Actors, IReadOnlyList<IReadOnlyList<double>> Rounds, IReadOnlyList<double> Median);

/// <summary>
/// The answer to one question: the value at the central scenario with its unit, the Monte Carlo
/// interval, a one-line verdict, whether it agrees with the source article (the expectation holds
/// in at least half of the draws), the drivers and the flip points. <see cref="Headline"/> is the
/// verdict in a few words, for tables.
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
    Trajectory? Trajectory = null);

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

/// <summary>How an analysis is run: Monte Carlo draws, master seed, threads (which never change the result).</summary>
public sealed record AnalysisOptions(int Samples, ulong Seed, int? MaxThreads = null)
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
