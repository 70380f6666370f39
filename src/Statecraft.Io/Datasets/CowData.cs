using Statecraft.Core.Conflict;
using Statecraft.Core.Domain;
using Statecraft.Core.DyadYears;

namespace Statecraft.Io.Datasets;

/// <summary>
/// Readers for the Correlates of War and related datasets shipped under <c>data/</c> (see
/// data/SOURCES.md): state-system membership, National Material Capabilities v7, COW Formal
/// Alliances v4.1 and ATOP v5 dyad-years, direct contiguity v3.2, capitals, major powers, COW MID v5
/// and GML MID 2.2.1 directed dispute-years, COW inter-state wars and Thompson-Dreyer rivalries.
/// Files may be gzip-compressed. Every reader returns the records or every malformed row with file,
/// line and field.
/// </summary>
public static class CowData
{
    /// <summary>CINC by (ccode, year) from an NMC file with columns ccode, year, ..., cinc (region files).</summary>
    public static IReadOnlyDictionary<(int Ccode, int Year), double> ReadCapabilities(string path) =>
        OrThrow(ReadStateCapabilities(path)).ToDictionary(c => (c.Ccode, c.Year), c => c.Cinc);

    /// <summary>
    /// The strongest tie per unordered pair of states in <paramref name="year"/>, ranked as War Trap
    /// ranks them: defence (ATOP defence or offence) over neutrality and non-aggression over entente
    /// (ATOP consultation).
    /// </summary>
    public static IReadOnlyDictionary<(int, int), TieKind> ReadTies(string path, int year)
    {
        var result = new Dictionary<(int, int), TieKind>();
        foreach (var a in OrThrow(ReadAlliances(path)).Alliances)
        {
            if (a.Year != year || a.Kind == TieKind.None) continue;
            var key = a.Ccode1 < a.Ccode2 ? (a.Ccode1, a.Ccode2) : (a.Ccode2, a.Ccode1);
            if (!result.TryGetValue(key, out var seen) || a.Kind < seen) result[key] = a.Kind;
        }

        return result;
    }

    /// <summary>Years present in an alliance or capability file.</summary>
    public static (int First, int Last) YearRange(string path)
    {
        int first = int.MaxValue, last = int.MinValue;
        var problems = CsvTable.Read(path, ["year"], t =>
        {
            var y = t.Int("year");
            first = Math.Min(first, y);
            last = Math.Max(last, y);
        });
        if (problems.Count > 0) throw new InvalidDataException(string.Join("; ", problems));
        return (first, last);
    }

    /// <summary>COW State System Membership v2016: stateabb, ccode, statenme and start and end dates.</summary>
    public static ParseResult<IReadOnlyList<StateSpell>> ReadStates(string path) =>
        Read<StateSpell>(path, null, [], ["stateabb", "ccode", "statenme", "styear", "stmonth", "stday", "endyear", "endmonth", "endday"], t =>
            new StateSpell(t.Int("ccode"), t.Text("stateabb"), t.Text("statenme"), t.Date("styear", "stmonth", "stday"), t.Date("endyear", "endmonth", "endday")));

    /// <summary>NMC v7: ccode, year, milex, milper, irst, pec, tpop, upop, cinc (components may be missing, CINC may not).</summary>
    public static ParseResult<IReadOnlyList<StateCapabilities>> ReadStateCapabilities(string path, IReadOnlySet<int>? knownStates = null) =>
        Read<StateCapabilities>(path, knownStates, ["ccode"], ["ccode", "year", "milex", "milper", "irst", "pec", "tpop", "upop", "cinc"], t =>
        {
            var cinc = t.Number("cinc");
            if (cinc < 0) t.Add("cinc", $"expected a share >= 0, found {cinc}");
            return new StateCapabilities(t.Int("ccode"), t.Int("year"), cinc, t.OptionalNumber("milex"), t.OptionalNumber("milper"),
                t.OptionalNumber("irst"), t.OptionalNumber("pec"), t.OptionalNumber("tpop"), t.OptionalNumber("upop"));
        });

    /// <summary>Alliance dyad-years from COW v4.1 (cow_defense, ...) or ATOP v5 (atop_defense, ...): the header says which.</summary>
    public static ParseResult<(AllianceSource Source, IReadOnlyList<AllianceYear> Alliances)> ReadAlliances(string path, IReadOnlySet<int>? knownStates = null)
    {
        var header = HeaderOf(path);
        if (!header.Success) return ParseResult<(AllianceSource, IReadOnlyList<AllianceYear>)>.ForProblems(header.Problems);
        var atop = header.Value.Contains("atop_defense");
        string[] key = ["ccode1", "ccode2", "year"];
        var result = atop
            ? Read<AllianceYear>(path, knownStates, Pair, [.. key, "atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"], t =>
                new AllianceYear(t.Int("ccode1"), t.Int("ccode2"), t.Int("year"), t.Flag("atop_defense"), t.Flag("atop_offense"),
                    t.Flag("atop_neutral"), t.Flag("atop_nonagg"), t.Flag("atop_consul")))
            : Read<AllianceYear>(path, knownStates, Pair, [.. key, "cow_defense", "cow_neutral", "cow_nonagg", "cow_entente"], t =>
                new AllianceYear(t.Int("ccode1"), t.Int("ccode2"), t.Int("year"), t.Flag("cow_defense"), false,
                    t.Flag("cow_neutral"), t.Flag("cow_nonagg"), t.Flag("cow_entente")));
        return result.Select(list => (atop ? AllianceSource.Atop : AllianceSource.Cow, list));
    }

    /// <summary>COW Direct Contiguity v3.2: ccode1, ccode2, conttype (1-5; 0 marks a spell without contiguity), stdate, enddate.</summary>
    public static ParseResult<IReadOnlyList<ContiguitySpell>> ReadContiguity(string path, IReadOnlySet<int>? knownStates = null) =>
        Read<ContiguitySpell>(path, knownStates, Pair, ["ccode1", "ccode2", "conttype", "stdate", "enddate"], t =>
        {
            var type = t.Int("conttype");
            if (type is < 0 or > 5) t.Add("conttype", $"expected a contiguity type 0-5, found {type}");
            return new ContiguitySpell(t.Int("ccode1"), t.Int("ccode2"), type, t.Date("stdate"), t.Date("enddate"));
        });

    /// <summary>Capitals: ccode, capital, stdate, enddate, lat, lng (degrees).</summary>
    public static ParseResult<IReadOnlyList<CapitalSpell>> ReadCapitals(string path, IReadOnlySet<int>? knownStates = null) =>
        Read<CapitalSpell>(path, knownStates, ["ccode"], ["ccode", "capital", "stdate", "enddate", "lat", "lng"], t =>
        {
            double lat = t.Number("lat"), lon = t.Number("lng");
            if (lat is < -90 or > 90) t.Add("lat", $"expected a latitude in [-90, 90], found {lat}");
            if (lon is < -180 or > 180) t.Add("lng", $"expected a longitude in [-180, 180], found {lon}");
            return new CapitalSpell(t.Int("ccode"), t.Text("capital"), t.Date("stdate"), t.Date("enddate"), lat, lon);
        });

    /// <summary>COW major powers: ccode and start and end dates.</summary>
    public static ParseResult<IReadOnlyList<MajorPowerSpell>> ReadMajorPowers(string path, IReadOnlySet<int>? knownStates = null) =>
        Read<MajorPowerSpell>(path, knownStates, ["ccode"], ["ccode", "styear", "stmonth", "stday", "endyear", "endmonth", "endday"], t =>
            new MajorPowerSpell(t.Int("ccode"), t.Date("styear", "stmonth", "stday"), t.Date("endyear", "endmonth", "endday")));

    /// <summary>
    /// Directed dispute-years: COW MID v5 (onset column <c>disponset</c>) or GML MID 2.2.1
    /// (<c>midonset</c>); dispnum, ccode1, ccode2, year, sidea1, orig1, hostlev1, hostlev2.
    /// </summary>
    public static ParseResult<IReadOnlyList<DisputeYear>> ReadDisputes(string path, IReadOnlySet<int>? knownStates = null)
    {
        var header = HeaderOf(path);
        if (!header.Success) return ParseResult<IReadOnlyList<DisputeYear>>.ForProblems(header.Problems);
        var onset = header.Value.Contains("midonset") ? "midonset" : "disponset";
        return Read<DisputeYear>(path, knownStates, Pair, ["dispnum", "ccode1", "ccode2", "year", onset, "sidea1", "orig1", "hostlev1", "hostlev2"], t =>
        {
            int h1 = t.Int("hostlev1"), h2 = t.Int("hostlev2");
            if (h1 is < 1 or > 5) t.Add("hostlev1", $"expected a hostility level 1-5, found {h1}");
            if (h2 is < 1 or > 5) t.Add("hostlev2", $"expected a hostility level 1-5, found {h2}");
            return new DisputeYear(t.Int("dispnum"), t.Int("ccode1"), t.Int("ccode2"), t.Int("year"), t.Flag(onset), t.Flag("sidea1"), t.Flag("orig1"), h1, h2);
        });
    }

    /// <summary>COW inter-state wars v4 as directed dyad-years: warnum, ccode1, ccode2, year, cowinteronset, initiator1.</summary>
    public static ParseResult<IReadOnlyList<WarYear>> ReadWars(string path, IReadOnlySet<int>? knownStates = null) =>
        Read<WarYear>(path, knownStates, Pair, ["warnum", "ccode1", "ccode2", "year", "cowinteronset", "initiator1"], t =>
            new WarYear(t.Int("warnum"), t.Int("ccode1"), t.Int("ccode2"), t.Int("year"), t.Flag("cowinteronset"), t.Flag("initiator1")));

    /// <summary>
    /// Thompson-Dreyer strategic rivalries: rivalryno, rivalryname, ccode1, ccode2, styear, endyear. Codes
    /// are not checked against the state list: the data name Sardinia-Piedmont 324, never a COW member.
    /// </summary>
    public static ParseResult<IReadOnlyList<Rivalry>> ReadRivalries(string path) =>
        Read<Rivalry>(path, null, Pair, ["rivalryno", "rivalryname", "ccode1", "ccode2", "styear", "endyear"], t =>
            new Rivalry(t.Int("rivalryno"), t.Text("rivalryname"), t.Int("ccode1"), t.Int("ccode2"), t.Int("styear"), t.Int("endyear")));

    private static readonly string[] Pair = ["ccode1", "ccode2"];

    /// <summary>
    /// Reads every row; with <paramref name="knownStates"/>, a code in <paramref name="ccodeColumns"/>
    /// that is not a COW state is a problem of its row.
    /// </summary>
    private static ParseResult<IReadOnlyList<T>> Read<T>(string path, IReadOnlySet<int>? knownStates, string[] ccodeColumns,
        IReadOnlyList<string> columns, Func<CsvTable, T> row)
    {
        var items = new List<T>();
        var problems = CsvTable.Read(path, columns, t =>
        {
            var before = t.Problems.Count;
            var item = row(t);
            if (knownStates is not null && t.Problems.Count == before)
            {
                foreach (var column in ccodeColumns)
                {
                    var ccode = t.Int(column);
                    if (!knownStates.Contains(ccode)) t.Add(column, $"unknown COW country code {ccode} (not in the state system membership list)");
                }
            }

            if (t.Problems.Count == before) items.Add(item);
        });
        return problems.Count > 0 ? ParseResult<IReadOnlyList<T>>.ForProblems(problems) : ParseResult<IReadOnlyList<T>>.ForValue(items);
    }

    private static ParseResult<HashSet<string>> HeaderOf(string path) =>
        CsvTable.Header(path).Select(h => h.ToHashSet(StringComparer.Ordinal));

    private static T OrThrow<T>(ParseResult<T> result) =>
        result.Success ? result.Value : throw new InvalidDataException(string.Join("; ", result.Problems));
}
