using Statecraft.Core.Domain;
using Statecraft.Core.DyadYears;

namespace Statecraft.Io.Datasets;

/// <summary>
/// The conflict-history datasets shipped in <c>data/conflict</c> (provenance in data/SOURCES.md) and
/// the years each covers. Coverage is the dataset's own (COW's inter-state wars v4 run to 2007 although
/// the last war in them began in 2003), not the last year that happens to have a row.
/// </summary>
public static class ConflictDataFiles
{
    public const string States = "cow_states2016.csv";
    public const string Capabilities = "cow_nmc_v7.csv.gz";
    public const string CowAlliances = "cow_alliance_v4.1_ddy.csv.gz";
    public const string AtopAlliances = "atop_v5_ddy.csv.gz";
    public const string Contiguity = "cow_contdir_v3.2.csv.gz";
    public const string Capitals = "cow_capitals.csv";
    public const string MajorPowers = "cow_majors2016.csv";
    public const string CowDisputes = "cow_mid_v5_dirdisps.csv.gz";
    public const string GmlDisputes = "gml_mid_v2.2.1_dirdisp.csv.gz";
    public const string Wars = "cow_war_inter_v4_dirdyad.csv.gz";
    public const string Rivalries = "td_rivalries.csv";

    public static readonly YearSpan CowAllianceYears = new(1816, 2012);
    public static readonly YearSpan AtopAllianceYears = new(1815, 2018);
    public static readonly YearSpan CowDisputeYears = new(1816, 2014);
    public static readonly YearSpan GmlDisputeYears = new(1816, 2010);
    public static readonly YearSpan WarYears = new(1816, 2007);
    public static readonly YearSpan RivalryYears = new(1494, 2010);

    /// <summary>The dataset versions a result built from this folder rests on (for model files and reports).</summary>
    public static IReadOnlyList<string> Versions(AllianceSource alliances) =>
    [
        "COW State System Membership v2016",
        "COW National Material Capabilities v7.0",
        alliances == AllianceSource.Atop ? "ATOP v5.0 dyad-years" : "COW Formal Alliances v4.1 dyad-years",
        "COW Direct Contiguity v3.2",
        "COW capitals (peacesciencer 1.2.9)",
        "COW major powers v2016",
        "COW MID v5.0 directed dispute-years",
    ];

    /// <summary><c>data/conflict</c>: under STATECRAFT_DATA if set, else above the program or the working directory.</summary>
    public static string? FindDirectory() => DataDirectory.Find("conflict", States);

    /// <summary>Reads every file of <paramref name="directory"/>, with the alliances of <paramref name="alliances"/>; every problem at once.</summary>
    public static ParseResult<ConflictData> Load(string directory, AllianceSource alliances)
    {
        var problems = new List<Problem>();
        T Take<T>(ParseResult<T> result, T fallback)
        {
            problems.AddRange(result.Problems);
            return result.Success ? result.Value : fallback;
        }

        string P(string name) => Path.Combine(directory, name);
        var states = Take(CowData.ReadStates(P(States)), []);
        if (problems.Count > 0) return ParseResult<ConflictData>.ForProblems(problems); // every other file's codes are checked against it
        var known = states.Select(s => s.Ccode).ToHashSet();
        var capabilities = Take(CowData.ReadStateCapabilities(P(Capabilities), known), []);
        var allianceFile = alliances == AllianceSource.Atop ? AtopAlliances : CowAlliances;
        var (source, ties) = Take(CowData.ReadAlliances(P(allianceFile), known), (alliances, []));
        if (problems.Count == 0 && source != alliances)
            problems.Add(new Problem("", "header", $"expected {alliances} alliance columns", new SourceLocation(P(allianceFile), 1)));
        var contiguity = Take(CowData.ReadContiguity(P(Contiguity), known), []);
        var capitals = Take(CowData.ReadCapitals(P(Capitals), known), []);
        var majors = Take(CowData.ReadMajorPowers(P(MajorPowers), known), []);
        var cow = Take(CowData.ReadDisputes(P(CowDisputes), known), []);
        var gml = Take(CowData.ReadDisputes(P(GmlDisputes), known), []);
        var wars = Take(CowData.ReadWars(P(Wars), known), []);
        var rivalries = Take(CowData.ReadRivalries(P(Rivalries)), []);
        if (problems.Count > 0) return ParseResult<ConflictData>.ForProblems(problems);
        return ParseResult<ConflictData>.ForValue(new ConflictData(
            states, capabilities, alliances, ties, alliances == AllianceSource.Atop ? AtopAllianceYears : CowAllianceYears,
            contiguity, capitals, majors, cow, CowDisputeYears, gml, GmlDisputeYears, wars, WarYears, rivalries, RivalryYears));
    }
}
