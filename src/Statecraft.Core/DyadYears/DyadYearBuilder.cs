using Statecraft.Core.Conflict;
using Statecraft.Core.Conflict.Risk;
using Statecraft.Core.Domain;

namespace Statecraft.Core.DyadYears;

/// <summary>What to build: years (inclusive), all or politically relevant dyads, the similarity measure, the third-party rule, threads.</summary>
public sealed record DyadYearOptions(
    int From,
    int To,
    bool RelevantOnly = false,
    SimilarityMeasure Measure = SimilarityMeasure.TauB,
    ThirdPartyRule ThirdParties = ThirdPartyRule.Region,
    int Threads = 1,
    bool Risk = false);

/// <summary>One year's directed dyad-years, ordered by challenger then target code; <see cref="States"/> the system members that year.</summary>
public sealed record DyadYearBlock(int Year, IReadOnlyList<int> States, DyadYear[] Rows);

/// <summary>
/// Builds directed dyad-years from the conflict datasets, as EUGene does: every ordered pair of state
/// system members in a year, with capabilities, contiguity, capital distance, major-power status,
/// alliance ties, portfolio similarity over the whole system, War Trap EU_i(j) from the project's War
/// Trap engine (third parties by <see cref="ThirdPartyRule"/>), disputes, wars, peace years and
/// rivalry. Pure: the datasets are indexed once, each year is a function of them, and years built in
/// parallel come back in order, so the result does not depend on the number of threads.
/// </summary>
public sealed class DyadYearBuilder
{
    private readonly ConflictData _data;
    private readonly Dictionary<long, StateCapabilities> _capabilities = new();
    private readonly Dictionary<int, List<AllianceYear>> _alliancesByYear = new();
    private readonly Dictionary<long, DisputeFlags> _cow;
    private readonly Dictionary<long, DisputeFlags> _gml;
    private readonly Dictionary<long, WarFlags> _wars = new();
    private readonly Dictionary<long, int[]> _disputeYears = new(); // unordered pair → sorted years with a COW MID under way
    private readonly Dictionary<int, int> _firstYear = new(); // ccode → first year in the system
    private readonly Dictionary<long, Rivalry[]> _rivalries;

    private DyadYearBuilder(ConflictData data, YearSpan years)
    {
        _data = data;
        Years = years;
        foreach (var c in data.Capabilities) _capabilities[Key(c.Ccode, c.Year)] = c;
        foreach (var a in data.Alliances)
        {
            if (!_alliancesByYear.TryGetValue(a.Year, out var list)) _alliancesByYear[a.Year] = list = [];
            list.Add(a);
        }

        _cow = Index(data.CowDisputes);
        _gml = Index(data.GmlDisputes);
        foreach (var w in data.Wars)
        {
            var key = Key(w.Ccode1, w.Ccode2, w.Year);
            _wars.TryGetValue(key, out var f);
            _wars[key] = new WarFlags(f.Onset || w.Onset, f.Initiator || (w.Onset && w.Initiator1), true);
        }

        foreach (var group in data.CowDisputes.GroupBy(d => Pair(d.Ccode1, d.Ccode2)))
            _disputeYears[group.Key] = group.Select(d => d.Year).Distinct().Order().ToArray();
        _rivalries = data.Rivalries.GroupBy(r => Pair(r.Ccode1, r.Ccode2)).ToDictionary(g => g.Key, g => g.ToArray());
        foreach (var s in data.States)
            _firstYear[s.Ccode] = _firstYear.TryGetValue(s.Ccode, out var y) ? Math.Min(y, s.Start.Year) : s.Start.Year;
    }

    /// <summary>The years every input covers: state membership, capabilities and alliances.</summary>
    public YearSpan Years { get; }

    public ConflictData Data => _data;

    /// <summary>
    /// Indexes the data and checks that every system member has a CINC value and a capital in every
    /// year the builder can build; every gap is a problem (the data shipped have none).
    /// </summary>
    public static ParseResult<DyadYearBuilder> Create(ConflictData data)
    {
        var problems = new List<Problem>();
        if (data.States.Count == 0) problems.Add(new Problem("states", "ccode", "expected at least one state-system spell"));
        if (data.Capabilities.Count == 0) problems.Add(new Problem("capabilities", "cinc", "expected capability rows"));
        if (problems.Count > 0) return ParseResult<DyadYearBuilder>.ForProblems(problems);

        var first = Math.Max(Math.Max(data.States.Min(s => s.Start.Year), data.Capabilities.Min(c => c.Year)), data.AllianceYears.First);
        var last = Math.Min(Math.Min(data.States.Max(s => s.End.Year), data.Capabilities.Max(c => c.Year)), data.AllianceYears.Last);
        if (first > last) return ParseResult<DyadYearBuilder>.ForProblem(new Problem("data", "year", "the state, capability and alliance data share no year"));
        var builder = new DyadYearBuilder(data, new YearSpan(first, last));
        for (var year = first; year <= last && problems.Count < 20; year++)
        {
            foreach (var ccode in builder.Members(year))
            {
                if (!builder._capabilities.ContainsKey(Key(ccode, year)))
                    problems.Add(new Problem($"{ccode} {year}", "cinc", "a system member without a capability (NMC) row"));
                if (builder.Capital(ccode, year) is null)
                    problems.Add(new Problem($"{ccode} {year}", "capital", "a system member without a capital that year"));
            }
        }

        return problems.Count > 0 ? ParseResult<DyadYearBuilder>.ForProblems(problems) : ParseResult<DyadYearBuilder>.ForValue(builder);
    }

    /// <summary>Problems with the options against the data: years outside <see cref="Years"/>, a reversed range, threads below 1.</summary>
    public IReadOnlyList<Problem> Check(DyadYearOptions options)
    {
        var problems = new List<Problem>();
        if (!Years.Contains(options.From)) problems.Add(new Problem("", "--from", $"expected a year in {Years} (the years the state, capability and {_data.AllianceSource} alliance data share), found {options.From}"));
        if (!Years.Contains(options.To)) problems.Add(new Problem("", "--to", $"expected a year in {Years} (the years the state, capability and {_data.AllianceSource} alliance data share), found {options.To}"));
        if (options.From > options.To) problems.Add(new Problem("", "--to", $"expected a year from {options.From} on, found {options.To}"));
        if (options.Threads < 1) problems.Add(new Problem("", "--threads", $"expected 1 or more, found {options.Threads}"));
        return problems;
    }

    /// <summary>The system members in <paramref name="year"/> (a spell overlapping any day of it), by code.</summary>
    public IReadOnlyList<int> Members(int year)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        return _data.States.Where(s => s.Start <= end && s.End >= start).Select(s => s.Ccode).Distinct().Order().ToArray();
    }

    /// <summary>Every block of the range, built <see cref="DyadYearOptions.Threads"/> years at a time and returned in year order.</summary>
    public IEnumerable<DyadYearBlock> Build(DyadYearOptions options)
    {
        var problems = Check(options);
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems), nameof(options));
        var batch = Math.Max(1, options.Threads * 2);
        for (var start = options.From; start <= options.To; start += batch)
        {
            var count = Math.Min(batch, options.To - start + 1);
            var blocks = new DyadYearBlock[count];
            if (options.Threads == 1)
            {
                for (var k = 0; k < count; k++) blocks[k] = Year(start + k, options);
            }
            else
            {
                var first = start;
                Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = options.Threads }, k => blocks[k] = Year(first + k, options));
            }

            foreach (var block in blocks) yield return block;
        }
    }

    /// <summary>One year's directed dyad-years.</summary>
    public DyadYearBlock Year(int year, DyadYearOptions options)
    {
        var members = Members(year);
        var n = members.Count;
        var index = new Dictionary<int, int>(n);
        for (var i = 0; i < n; i++) index[members[i]] = i;
        var cinc = new double[n];
        var major = new bool[n];
        var lat = new double[n];
        var lon = new double[n];
        for (var i = 0; i < n; i++)
        {
            cinc[i] = _capabilities[Key(members[i], year)].Cinc;
            major[i] = IsMajor(members[i], year);
            var capital = Capital(members[i], year)!;
            lat[i] = capital.Latitude;
            lon[i] = capital.Longitude;
        }

        var contiguity = ContiguityMatrix(year, index, n);
        var miles = new double[n * n];
        var distance = new double[n * n];
        var pairs = new List<StatePair>(n * (n - 1) / 2);
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var m = GreatCircle.Miles(lat[i], lon[i], lat[j], lon[j]);
                var d = contiguity[i * n + j] == 1 ? 0 : m;
                miles[i * n + j] = miles[j * n + i] = m;
                distance[i * n + j] = distance[j * n + i] = d;
                pairs.Add(new StatePair(Id(members[i]), Id(members[j]), d));
            }
        }

        var alliances = AllianceMatrix(year, index, n);
        var ties = new List<AllianceTie>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (alliances[i * n + j].Kind != TieKind.None) ties.Add(new AllianceTie(Id(members[i]), Id(members[j]), alliances[i * n + j].Kind));
            }
        }

        var spec = new WarTrapSpec(
            members.Select((c, i) => new WarTrapState(Id(c), cinc[i])).ToArray(), pairs, ties, null, []);
        var model = WarTrapModel.Create(spec, new WarTrapOptions(DistanceDiscount: true, Measure: options.Measure, Year: year)).Value;

        var region = members.Select(Regions.Of).ToArray();
        var masks = new Dictionary<(HomeRegion, HomeRegion), bool[]>();
        bool[] Mask(int i, int j)
        {
            var key = options.ThirdParties switch
            {
                ThirdPartyRule.Region => Regions.RelevantRegion(region[i], region[j], major[i]) is var r ? (r, r) : default,
                ThirdPartyRule.Dyad => region[i] <= region[j] ? (region[i], region[j]) : (region[j], region[i]),
                _ => (HomeRegion.Americas, HomeRegion.Americas),
            };
            if (masks.TryGetValue(key, out var mask)) return mask;
            mask = new bool[n];
            for (var k = 0; k < n; k++)
                mask[k] = options.ThirdParties == ThirdPartyRule.All || major[k] || region[k] == key.Item1 || region[k] == key.Item2;
            masks[key] = mask;
            return mask;
        }

        var risk = options.Risk ? RiskOf(spec, model, region, major) : null;
        var cowCovered = _data.CowDisputeYears.Contains(year);
        var gmlCovered = _data.GmlDisputeYears.Contains(year);
        var warCovered = _data.WarYears.Contains(year);
        var rivalCovered = _data.RivalryYears.Contains(year);
        var rows = new List<DyadYear>(options.RelevantOnly ? n * 8 : n * (n - 1));
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i == j) continue;
                var cont = contiguity[i * n + j];
                if (options.RelevantOnly && !DyadYear.IsRelevant(cont, major[i], major[j])) continue;
                var mask = Mask(i, j);
                var (bilateral, third) = model.ExpectedUtilityParts(i, j, mask);
                var count = 0;
                for (var k = 0; k < n; k++) if (mask[k] && k != i && k != j) count++;
                int a = members[i], b = members[j];
                var key = Key(a, b, year);
                rows.Add(new DyadYear(
                    year, a, b, cinc[i], cinc[j], miles[i * n + j], distance[i * n + j], cont, major[i], major[j],
                    alliances[i * n + j], model.Similarity(i, j), new ExpectedUtilityParts(bilateral, third, count),
                    cowCovered ? _cow.GetValueOrDefault(key) : null,
                    gmlCovered ? _gml.GetValueOrDefault(key) : null,
                    warCovered ? _wars.GetValueOrDefault(key) : null,
                    cowCovered ? PeaceYears(a, b, year) : null,
                    rivalCovered ? IsRival(a, b, year) : null,
                    risk is null ? null : RiskRow(model, i, j, mask, risk)));
            }
        }

        return new DyadYearBlock(year, members, rows.ToArray());
    }

    /// <summary>
    /// Every state's risk attitude in the year by the risk search (seed 1, one thread: years already run in
    /// parallel). Each state's region is its home region plus the major powers, who are involved everywhere:
    /// EUGene's regional score for a state's own region, one score per state (docs/dyads.md).
    /// </summary>
    private static IReadOnlyList<RiskResult> RiskOf(WarTrapSpec spec, WarTrapModel model, HomeRegion[] region, bool[] major)
    {
        var n = region.Length;
        var ties = new TieKind[n * n];
        Array.Fill(ties, TieKind.None);
        foreach (var t in spec.Ties!)
        {
            int a = model.IndexOf(t.A), b = model.IndexOf(t.B);
            ties[a * n + b] = ties[b * n + a] = t.Kind;
        }

        var capabilityAt = new double[n * n];
        var relevant = new bool[n * n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                capabilityAt[a * n + b] = model.Capability(a, b);
                relevant[a * n + b] = a == b || major[b] || region[b] == region[a];
            }
        }

        var year = RiskYear.Create([.. spec.States.Select(x => x.Id)], [.. spec.States.Select(x => x.Capability)], capabilityAt, ties, relevant, model.Options.Measure);
        return RiskSearch.Run(year.Value, new RiskOptions(seed: 1));
    }

    private static DyadRisk RiskRow(WarTrapModel model, int i, int j, bool[] mask, IReadOnlyList<RiskResult> risk)
    {
        var (bilateral, third) = model.ExpectedUtilityParts(i, j, mask, risk[i].RiskExponent);
        return new DyadRisk(risk[i].R, risk[j].R, risk[i].RiskExponent, risk[j].RiskExponent, bilateral + third);
    }

    /// <summary>
    /// Years since the last year with a COW MID under way between the two states (0 the year after
    /// one), or since both were first in the system if they never had one (left-censored at 1816).
    /// </summary>
    public int PeaceYears(int a, int b, int year)
    {
        var since = Math.Max(_firstYear.GetValueOrDefault(a, year), _firstYear.GetValueOrDefault(b, year));
        if (_disputeYears.TryGetValue(Pair(a, b), out var years))
        {
            var k = Array.BinarySearch(years, year);
            var before = (k >= 0 ? k : ~k) - 1; // last index with a year < year
            if (before >= 0) return year - 1 - years[before];
        }

        return Math.Max(0, year - since);
    }

    private bool IsRival(int a, int b, int year) =>
        _rivalries.TryGetValue(Pair(a, b), out var spans) && spans.Any(r => year >= r.FirstYear && year <= r.LastYear);

    private bool IsMajor(int ccode, int year) =>
        _data.MajorPowers.Any(m => m.Ccode == ccode && m.Start.Year <= year && m.End.Year >= year);

    /// <summary>The capital in force at the end of the year (the latest spell begun by then among those overlapping it).</summary>
    private CapitalSpell? Capital(int ccode, int year)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        CapitalSpell? best = null;
        foreach (var c in _data.Capitals)
        {
            if (c.Ccode != ccode || c.Start > end || c.End < start) continue;
            if (best is null || c.Start > best.Start) best = c;
        }

        return best;
    }

    /// <summary>Contiguity type per ordered pair (0 none): the closest type of any spell overlapping the year.</summary>
    private int[] ContiguityMatrix(int year, Dictionary<int, int> index, int n)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var matrix = new int[n * n];
        foreach (var c in _data.Contiguity)
        {
            if (c.Type == 0 || c.Start > end || c.End < start || !index.TryGetValue(c.Ccode1, out var i) || !index.TryGetValue(c.Ccode2, out var j)) continue;
            foreach (var cell in new[] { i * n + j, j * n + i })
                if (matrix[cell] == 0 || c.Type < matrix[cell]) matrix[cell] = c.Type;
        }

        return matrix;
    }

    /// <summary>Alliance flags per ordered pair (symmetric): the obligations coded in either direction that year.</summary>
    private AllianceFlags[] AllianceMatrix(int year, Dictionary<int, int> index, int n)
    {
        var matrix = new AllianceFlags[n * n];
        Array.Fill(matrix, AllianceFlags.None);
        if (!_alliancesByYear.TryGetValue(year, out var list)) return matrix;
        foreach (var a in list)
        {
            if (!index.TryGetValue(a.Ccode1, out var i) || !index.TryGetValue(a.Ccode2, out var j) || i == j) continue;
            var old = matrix[i * n + j];
            var defence = old.Defence || a.Defence;
            var offence = old.Offence || a.Offence;
            var neutrality = old.Neutrality || a.Neutrality;
            var nonAggression = old.NonAggression || a.NonAggression;
            var entente = old.Entente || a.Entente;
            var merged = new AllianceFlags(
                new AllianceYear(a.Ccode1, a.Ccode2, year, defence, offence, neutrality, nonAggression, entente).Kind,
                defence, offence, neutrality, nonAggression, entente);
            matrix[i * n + j] = matrix[j * n + i] = merged;
        }

        return matrix;
    }

    private static Dictionary<long, DisputeFlags> Index(IReadOnlyList<DisputeYear> disputes)
    {
        var result = new Dictionary<long, DisputeFlags>();
        foreach (var d in disputes)
        {
            var key = Key(d.Ccode1, d.Ccode2, d.Year);
            result.TryGetValue(key, out var f);
            result[key] = new DisputeFlags(
                f.Onset || d.Onset,
                f.Initiator || (d.Onset && d.SideA1),
                f.Originator || (d.Onset && d.Originator1),
                d.Onset ? Math.Max(f.Hostility1, d.Hostility1) : f.Hostility1,
                d.Onset ? Math.Max(f.Hostility2, d.Hostility2) : f.Hostility2,
                f.InitiatedWithForce || (d.Onset && d.SideA1 && d.Hostility1 >= 4),
                true);
        }

        return result;
    }

    private static string Id(int ccode) => ccode.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static long Key(int ccode, int year) => (long)ccode * 10_000 + year;

    private static long Key(int a, int b, int year) => ((long)a * 1_000 + b) * 10_000 + year;

    private static long Pair(int a, int b) => a < b ? (long)a * 1_000 + b : (long)b * 1_000 + a;
}
