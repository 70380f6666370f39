using Statecraft.Core.Domain;

namespace Statecraft.Core.Bargaining;

/// <summary>Why an actor moved: it lost a confrontation, met its rival part way, or gave in.</summary>
public enum MoveKind
{
    Confrontation,
    Compromise,
    Capitulation,
}

/// <summary>
/// One actor's move in a round: it accepted <paramref name="Toward"/>'s offer and went from
/// <paramref name="From"/> to <paramref name="To"/>. <paramref name="OwnEu"/> is its expected utility
/// of challenging the other, <paramref name="OtherEu"/> the other's of challenging it (as the rule
/// in force judges it).
/// </summary>
public sealed record BdmMove(string Actor, MoveKind Kind, string Toward, double From, double To, double OwnEu, double OtherEu);

/// <summary>
/// One evaluation of the model at fixed positions: μ, the probabilities P[i][j] that i prevails over j,
/// and E^i(U_ij), i's expected utility of challenging j judged with i's risk exponent.
/// </summary>
public sealed record BdmPass(double Mu, IReadOnlyList<IReadOnlyList<double>> P, IReadOnlyList<IReadOnlyList<double>> ExpectedUtility);

/// <summary>
/// What produced a round: the risk-neutral pass, the risk computation from it
/// (S_i = Σ_j E^j(U_ji), R_i, r_i), and the pass with the new exponents from which offers were made.
/// </summary>
public sealed record BdmDiagnostics(
    BdmPass Neutral,
    IReadOnlyList<double> Security,
    IReadOnlyList<double> RiskAcceptance,
    IReadOnlyList<double> RiskExponents,
    BdmPass Final);

/// <summary>
/// The state after round <paramref name="Number"/> (0 = the input). Positions follow the issue's
/// actor order. <paramref name="Diagnostics"/> holds the computation that led from the previous
/// round to this one (null for round 0).
/// </summary>
public sealed record BdmRound(
    int Number,
    IReadOnlyList<double> Positions,
    double Median,
    double Mean,
    IReadOnlyList<BdmMove> Moves,
    BdmDiagnostics? Diagnostics);

/// <summary>A whole run: every round, and the forecast (median and mean after the last).</summary>
public sealed record BdmResult(Issue Issue, BdmOptions Options, double PositionRange, IReadOnlyList<BdmRound> Rounds, bool Converged)
{
    public BdmRound Last => Rounds[^1];

    public double ForecastMedian => Last.Median;

    public double ForecastMean => Last.Mean;
}
