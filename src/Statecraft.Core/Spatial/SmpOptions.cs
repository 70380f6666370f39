namespace Statecraft.Core.Spatial;

// The parameters of KTAB's Spatial Model of Politics, with KTAB's names so that XML scenarios map
// one to one. The defaults are KTAB's deterministic defaults.

/// <summary>How coalition strengths become a probability of victory.</summary>
public enum VictoryProbabilityModel { Linear, Square, Quartic, Octic, Binary }

/// <summary>How pairwise victory probabilities become the probability that each option wins (PCE).</summary>
public enum PceModel { Conditional, MarkovIncentive, MarkovUniform }

/// <summary>Whether each actor takes its most likely bargain or draws one with the PCE probabilities.</summary>
public enum StateTransition { Deterministic, Stochastic }

/// <summary>How an actor's utility difference between two options becomes a vote.</summary>
public enum VotingRule { Binary, PropBin, Proportional, PropCbc, Cubic, ASymProsp }

/// <summary>How actor h estimates i's risk attitude from its own (KTAB's BigRAdjust).</summary>
public enum RiskAdjustment { Full, TwoThirds, Half, OneThird, None }

/// <summary>The range of the risk attitudes R (Min [0, 1], Mid [-0.5, 1], Max [-1, 1]).</summary>
public enum RiskRange { Min, Mid, Max }

/// <summary>How third parties commit to the side they join in a challenge.</summary>
public enum ThirdPartyCommit { NoCommit, SemiCommit, FullCommit }

/// <summary>How two positions are interpolated into a bargain, per dimension.</summary>
public enum BargainInterpolation { S1P1, S2P2, S2PMax }

/// <summary>Whose interpolations become the bargains on offer.</summary>
public enum BargainModel { InitOnlyInterp, InitRcvrInterp, PWCompInterp }

/// <summary>Options of <see cref="SmpModel"/>; the defaults reproduce KTAB's deterministic runs.</summary>
public sealed record SmpOptions
{
    public static readonly SmpOptions Default = new();

    public VictoryProbabilityModel VictoryProbability { get; init; } = VictoryProbabilityModel.Linear;
    public PceModel Pce { get; init; } = PceModel.Conditional;
    public StateTransition Transition { get; init; } = StateTransition.Deterministic;
    public VotingRule Voting { get; init; } = VotingRule.Proportional;
    public RiskAdjustment RiskAdjustment { get; init; } = RiskAdjustment.OneThird;
    public RiskRange RiskRange { get; init; } = RiskRange.Mid;
    public ThirdPartyCommit ThirdParty { get; init; } = ThirdPartyCommit.SemiCommit;
    public BargainInterpolation Interpolation { get; init; } = BargainInterpolation.S2P2;
    public BargainModel Bargains { get; init; } = BargainModel.InitOnlyInterp;

    /// <summary>Seed of the stochastic mode; turn t draws from stream t of this seed.</summary>
    public ulong Seed { get; init; }

    /// <summary>Stop after this many turns at the latest (KTAB: 100).</summary>
    public int MaxTurns { get; init; } = 100;

    /// <summary>Do not stop for quiet before this turn (KTAB: 2).</summary>
    public int MinTurns { get; init; } = 2;

    /// <summary>Stop when a turn's total movement falls below this share of the first turn's (KTAB: 0.02).</summary>
    public double MinDeltaRatio { get; init; } = 0.02;

    /// <summary>Threads used within a turn; results are identical whatever the value. 0 = all cores.</summary>
    public int MaxThreads { get; init; }
}
