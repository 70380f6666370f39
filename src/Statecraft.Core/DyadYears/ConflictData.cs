namespace Statecraft.Core.DyadYears;

/// <summary>A spell of a state's membership in the COW state system (State System Membership v2016).</summary>
public sealed record StateSpell(int Ccode, string Abbreviation, string Name, DateOnly Start, DateOnly End);

/// <summary>
/// One state-year of COW National Material Capabilities v7: the composite index (CINC) and its six
/// components, null where COW codes them missing. Military expenditure (thousands of US$) and
/// personnel (thousands), iron and steel production (thousands of tons), primary energy consumption
/// (thousands of coal-ton equivalents), total and urban population (thousands).
/// </summary>
public sealed record StateCapabilities(
    int Ccode,
    int Year,
    double Cinc,
    double? MilitaryExpenditure,
    double? MilitaryPersonnel,
    double? IronSteel,
    double? Energy,
    double? Population,
    double? UrbanPopulation);

/// <summary>Which alliance dataset gave the ties.</summary>
public enum AllianceSource
{
    /// <summary>COW Formal Alliances v4.1 (Gibler 2009), 1816-2012: defence, neutrality, non-aggression, entente.</summary>
    Cow,

    /// <summary>ATOP v5.0 (Leeds et al. 2002), 1815-2018: defence, offence, neutrality, non-aggression, consultation.</summary>
    Atop,
}

/// <summary>
/// The alliance obligations between two states in a year, as the dataset codes them. Offence is
/// ATOP's only; entente is COW's entente or ATOP's consultation pact.
/// </summary>
public sealed record AllianceYear(int Ccode1, int Ccode2, int Year, bool Defence, bool Offence, bool Neutrality, bool NonAggression, bool Entente)
{
    /// <summary>The strongest tie as War Trap ranks them: defence (or offence), neutrality or non-aggression, entente.</summary>
    public Conflict.TieKind Kind =>
        Defence || Offence ? Conflict.TieKind.Defence
        : Neutrality || NonAggression ? Conflict.TieKind.Neutrality
        : Entente ? Conflict.TieKind.Entente
        : Conflict.TieKind.None;
}

/// <summary>
/// A spell of direct contiguity between two states (COW Direct Contiguity v3.2): type 1 by land,
/// 2 across at most 12 miles of water, 3 at most 24, 4 at most 150, 5 at most 400; 0 a spell
/// the data record without contiguity.
/// </summary>
public sealed record ContiguitySpell(int Ccode1, int Ccode2, int Type, DateOnly Start, DateOnly End);

/// <summary>A state's capital over a span of dates, with its coordinates in degrees.</summary>
public sealed record CapitalSpell(int Ccode, string Capital, DateOnly Start, DateOnly End, double Latitude, double Longitude);

/// <summary>A spell of COW major-power status.</summary>
public sealed record MajorPowerSpell(int Ccode, DateOnly Start, DateOnly End);

/// <summary>
/// One directed dispute-year (COW MID v5 or GML MID 2.2.1): state 1 against state 2 in a dispute,
/// whether the dispute began that year, whether state 1 was on side A (the side that took the
/// first militarized action), whether it was an originator (not a joiner), and each state's
/// highest hostility level (1 no militarized action, 2 threat, 3 display, 4 use of force, 5 war).
/// </summary>
public sealed record DisputeYear(int Dispute, int Ccode1, int Ccode2, int Year, bool Onset, bool SideA1, bool Originator1, int Hostility1, int Hostility2);

/// <summary>One directed dyad-year of a COW inter-state war: onset year, and whether state 1 initiated the war.</summary>
public sealed record WarYear(int War, int Ccode1, int Ccode2, int Year, bool Onset, bool Initiator1);

/// <summary>A Thompson and Dreyer strategic rivalry between two states over a span of years.</summary>
public sealed record Rivalry(int Id, string Name, int Ccode1, int Ccode2, int FirstYear, int LastYear);

/// <summary>The years a dataset covers (inclusive).</summary>
public readonly record struct YearSpan(int First, int Last)
{
    public bool Contains(int year) => year >= First && year <= Last;

    public override string ToString() => $"{First}-{Last}";
}

/// <summary>
/// Everything the directed dyad-year builder reads, as records (the readers in Statecraft.Io fill
/// it from the files under data/conflict). Spans say which years each dataset covers, so a value
/// outside them is reported as missing rather than as "no event".
/// </summary>
public sealed record ConflictData(
    IReadOnlyList<StateSpell> States,
    IReadOnlyList<StateCapabilities> Capabilities,
    AllianceSource AllianceSource,
    IReadOnlyList<AllianceYear> Alliances,
    YearSpan AllianceYears,
    IReadOnlyList<ContiguitySpell> Contiguity,
    IReadOnlyList<CapitalSpell> Capitals,
    IReadOnlyList<MajorPowerSpell> MajorPowers,
    IReadOnlyList<DisputeYear> CowDisputes,
    YearSpan CowDisputeYears,
    IReadOnlyList<DisputeYear> GmlDisputes,
    YearSpan GmlDisputeYears,
    IReadOnlyList<WarYear> Wars,
    YearSpan WarYears,
    IReadOnlyList<Rivalry> Rivalries,
    YearSpan RivalryYears);
