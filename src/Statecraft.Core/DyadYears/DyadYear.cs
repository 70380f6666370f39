using Statecraft.Core.Conflict;

namespace Statecraft.Core.DyadYears;

/// <summary>
/// What a dispute dataset says about a directed dyad-year (state 1 against state 2): whether a
/// dispute between them began that year, whether state 1 was on the initiating side (side A) of a
/// dispute that began, whether it was an originator of one, the highest hostility level each side
/// reached in the disputes that began (0 when none began), whether state 1 was on the initiating side
/// of a dispute that began that year and itself used force in it (its own hostility 4 or 5), and
/// whether any dispute between them was under way that year (begun or continuing).
/// </summary>
public readonly record struct DisputeFlags(bool Onset, bool Initiator, bool Originator, int Hostility1, int Hostility2, bool InitiatedWithForce, bool Ongoing);

/// <summary>What the COW inter-state war data say about a directed dyad-year.</summary>
public readonly record struct WarFlags(bool Onset, bool Initiator, bool Ongoing);

/// <summary>The alliance obligations between the two states in the year, and the strongest as War Trap ranks it.</summary>
public readonly record struct AllianceFlags(TieKind Kind, bool Defence, bool Offence, bool Neutrality, bool NonAggression, bool Entente)
{
    public static readonly AllianceFlags None = new(TieKind.None, false, false, false, false, false);
}

/// <summary>War Trap expected utility of state 1 attacking state 2 with its parts and how many third parties counted.</summary>
public readonly record struct ExpectedUtilityParts(double Bilateral, double ThirdParties, int ThirdPartyCount)
{
    public double Total => Bilateral + ThirdParties;
}

/// <summary>
/// EUGene-style risk attitudes of the two states in the year (<see cref="Conflict.Risk.RiskSearch"/>, each
/// state's region its home region plus the major powers) and EU_i(j) with state 1's bilateral utilities
/// bent by its exponent (<see cref="WarTrapModel.RiskAdjustedBilateral"/>; third parties as in 1981).
/// </summary>
public readonly record struct DyadRisk(double R1, double R2, double Exponent1, double Exponent2, double Eu);

/// <summary>
/// One directed dyad-year: state 1 (the potential challenger, i) and state 2 (the target, j) in a year
/// both were members of the state system. Event fields are null in years their dataset does not cover.
/// Columns and rules are documented in docs/dyads.md.
/// </summary>
public readonly record struct DyadYear(
    int Year,
    int Ccode1,
    int Ccode2,
    double Cinc1,
    double Cinc2,
    double CapitalMiles,
    double Distance,
    int Contiguity,
    bool Major1,
    bool Major2,
    AllianceFlags Alliance,
    double Similarity,
    ExpectedUtilityParts Eu,
    DisputeFlags? CowMid,
    DisputeFlags? GmlMid,
    WarFlags? War,
    int? PeaceYears,
    bool? Rival,
    DyadRisk? Risk = null)
{
    /// <summary>Contiguity types that make a dyad politically relevant: land, or at most 150 miles of water (1-4).</summary>
    public const int RelevantContiguity = 4;

    /// <summary>State 1's share of the dyad's capabilities, CINC_1 / (CINC_1 + CINC_2); one half when both are 0.</summary>
    public double CapabilityShare => Cinc1 + Cinc2 == 0 ? 0.5 : Cinc1 / (Cinc1 + Cinc2);

    /// <summary>Politically relevant: contiguous by land or across at most 150 miles of water, or either side a major power.</summary>
    public bool Relevant => IsRelevant(Contiguity, Major1, Major2);

    public static bool IsRelevant(int contiguity, bool major1, bool major2) =>
        (contiguity >= 1 && contiguity <= RelevantContiguity) || major1 || major2;
}
