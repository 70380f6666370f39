namespace Statecraft.Core.Spatial;

/// <summary>The challenge an actor makes from a state: its target, expected gain and P[it prevails].</summary>
public readonly record struct SmpChallenge(int Target, double Gain, double Probability)
{
    public static readonly SmpChallenge None = new(-1, 0, 0);

    public bool Made => Target >= 0;
}

/// <summary>
/// One state of a run. Positions are actor-major on [0, 1] (<c>Positions[actor * dimensions + k]</c>);
/// challenges are those made from this state (empty for the last state).
/// </summary>
public sealed record SmpTurn(
    int Turn,
    IReadOnlyList<double> Positions,
    IReadOnlyList<double> RiskAttitudes,
    IReadOnlyList<double> WinProbabilities,
    IReadOnlyList<SmpChallenge> Challenges);

/// <summary>Why a run stopped.</summary>
public enum SmpStop { Quiet, MaxTurns }

/// <summary>A run of the spatial model: every state from the initial one (turn 0) to the last.</summary>
public sealed record SmpResult(SpatialScenario Scenario, SmpOptions Options, IReadOnlyList<SmpTurn> Turns, SmpStop Stop)
{
    public int Dimensions => Scenario.Dimensions.Count;

    /// <summary>Position of an actor on one dimension at one turn, on KTAB's 0-100 scale.</summary>
    public double PercentPosition(int turn, int actor, int dimension) =>
        100 * Turns[turn].Positions[actor * Dimensions + dimension];

    public SmpTurn Final => Turns[^1];
}
