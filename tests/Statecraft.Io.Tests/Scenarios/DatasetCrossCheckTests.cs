using System.Globalization;
using Statecraft.Core.Scenarios;
using Statecraft.Io.Datasets;
using Statecraft.Io.Scenarios;
using Statecraft.Tests;

namespace Statecraft.Io.Tests.Scenarios;

/// <summary>
/// Every number of the built-in scenario that cites a shipped dataset (a source of kind dataset
/// with a file under data/) is read back from that file by its field, year and country, and must
/// equal the file's value to the digits the scenario writes. A dataset the scenario cites but this
/// test cannot read fails the test, so a new citation cannot go unchecked.
/// </summary>
public sealed class DatasetCrossCheckTests
{
    private static readonly Scenario Built = ScenarioLoader.LoadFile(TestPaths.InRepo("scenarios", "south-caucasus.yaml")).Value.Scenario;

    /// <summary>How each shipped country is keyed in the datasets: COW code, ISO3, the names files use.</summary>
    private sealed record Country(string Actor, int? Ccode, string Iso3, params string[] Names);

    private static readonly Country[] Countries =
    [
        new("USA", 2, "USA", "United States", "United States of America", "USA"),
        new("RUS", 365, "RUS", "Russia", "Russian Federation"),
        new("UKR", 369, "UKR", "Ukraine"),
        new("ARM", 371, "ARM", "Armenia"),
        new("GEO", 372, "GEO", "Georgia"),
        new("AZE", 373, "AZE", "Azerbaijan"),
        new("IRN", 630, "IRN", "Iran", "Iran, Islamic Rep."),
        new("TUR", 640, "TUR", "Turkey", "Turkiye", "Türkiye"),
        new("ISR", 666, "ISR", "Israel"),
        new("KAZ", 705, "KAZ", "Kazakhstan"),
        new("CHN", 710, "CHN", "China"),
        new("EU", null, "EUU", "European Union"),
    ];

    /// <summary>A value read from a dataset, in the dataset's base unit (persons, US$, an index).</summary>
    private sealed record Found(double Value, string Where);

    /// <summary>
    /// One reader per shipped file: given the citation and the actor the number belongs to (null
    /// for lever inputs, whose field must name the country), the file's value in base units.
    /// </summary>
    private static readonly Dictionary<string, Func<SourceRef, Country?, Found>> Readers = new()
    {
        ["data/cow/nmc_v7_subset.csv"] = (r, c) =>
        {
            // milex in thousands of US$; milper, tpop, upop, irst, pec in thousands; cinc an index.
            var scale = r.Field == "cinc" ? 1 : 1000;
            return ByColumn("data/cow/nmc_v7_subset.csv", r, "ccode", Need(c, r).Ccode!.Value.ToString(CultureInfo.InvariantCulture), "year", r.Field!, scale);
        },
        ["data/democracy/polyarchy_2025_region.csv"] = (r, c) =>
            ByColumn("data/democracy/polyarchy_2025_region.csv", r, "ccode", Need(c, r).Ccode!.Value.ToString(CultureInfo.InvariantCulture), "year", r.Field!, 1),
        ["data/un_ideal_points/ideal_points_2024_region.csv"] = (r, c) =>
            ByColumn("data/un_ideal_points/ideal_points_2024_region.csv", r, "ccode", Need(c, r).Ccode!.Value.ToString(CultureInfo.InvariantCulture), "year", r.Field!, 1),
        ["data/economy/sipri_milex_2023_region.csv"] = (r, c) =>
            ByName("data/economy/sipri_milex_2023_region.csv", r, "country", Need(c, r), "year", r.Field!, 1e6),
        ["data/economy/wb_gdp_2023_region.csv"] = (r, c) => WorldBank("data/economy/wb_gdp_2023_region.csv", "NY.GDP.MKTP.CD", "Country Code", "Year", "Value", r, c),
        ["data/economy/wb_population_2024_region.csv"] = (r, c) => WorldBank("data/economy/wb_population_2024_region.csv", "SP.POP.TOTL", "Country Code", "Year", "Value", r, c),
        ["data/economy/wb_remittances_2023_2024_region.csv"] = (r, c) =>
            WorldBank("data/economy/wb_remittances_2023_2024_region.csv", "BX.TRF.PWKR.CD.DT", "iso3", "year", "remittances_received_usd", r, c),
        ["data/economy/un_desa_ims2024_stock_in_russia.csv"] = (r, _) =>
        {
            // field: "stock_YYYY ORIGIN->RUS"; the year of the column is the citation's year.
            var parts = r.Field!.Split(' ');
            parts.Length.ShouldBe(2, $"{r}: expected 'stock_YYYY ORIGIN->RUS'");
            parts[0].ShouldBe($"stock_{r.Year}", $"{r}: the column's year must be the citation's year");
            var dyad = parts[1].Split("->");
            dyad[1].ShouldBe("RUS", $"{r}: the file holds migrants living in Russia only");
            return Lookup("data/economy/un_desa_ims2024_stock_in_russia.csv", r, row => row["origin_iso3"] == dyad[0], parts[0], 1);
        },
        ["data/economy/cba_armenia_transfers_2024.csv"] = (r, _) =>
        {
            // field: "DIRECTION TYPE COUNTRY", e.g. "Inflow non-commercial Russian Federation"; thousand US$.
            var direction = r.Field!.StartsWith("Net inflow ", StringComparison.Ordinal) ? "Net inflow" : r.Field.Split(' ')[0];
            var rest = r.Field[(direction.Length + 1)..];
            var type = rest.Split(' ')[0];
            var country = rest[(type.Length + 1)..];
            return Lookup("data/economy/cba_armenia_transfers_2024.csv", r,
                row => row["direction"] == direction && row["type"] == type && row["country"] == country && row["year"] == Year(r), "kusd", 1000);
        },
        ["data/conflict/cow_states2016.csv"] = (r, c) =>
        {
            // field "home region of ccode": the COW region (MID codebook numbering) of the actor's code, which must be a COW state.
            r.Field.ShouldBe("home region of ccode");
            var ccode = Need(c, r).Ccode!.Value;
            var found = Lookup("data/conflict/cow_states2016.csv", r, row => row["ccode"] == ccode.ToString(CultureInfo.InvariantCulture) && row["styear"] == FirstSpell(ccode), "ccode", 1);
            var region = ccode switch { < 200 => 5, < 400 => 1, < 600 => 3, < 700 => 2, _ => 4 };
            return found with { Value = region };
        },
        ["data/conflict/cow_majors2016.csv"] = (r, c) =>
        {
            // field "major power": 1 when a major-power spell of the actor covers the year, else 0.
            r.Field.ShouldBe("major power");
            var rows = Csv.Read(TestPaths.InRepo("data/conflict/cow_majors2016.csv"));
            var ccode = Need(c, r).Ccode!.Value.ToString(CultureInfo.InvariantCulture);
            var major = rows.Skip(1).Any(row => row[0] == ccode && int.Parse(row[1], CultureInfo.InvariantCulture) <= r.Year && int.Parse(row[4], CultureInfo.InvariantCulture) >= r.Year);
            return new Found(major ? 1 : 0, $"data/conflict/cow_majors2016.csv (spells of {ccode})");
        },
        ["data/conflict/cow_contdir_v3.2.csv.gz"] = (r, _) =>
        {
            // field "conttype A-B": the contiguity type of the spell covering the year.
            var parts = r.Field!.Split(' ');
            parts[0].ShouldBe("conttype");
            var pair = parts[1].Split('-');
            return Lookup("data/conflict/cow_contdir_v3.2.csv.gz", r,
                row => row["ccode1"] == pair[0] && row["ccode2"] == pair[1] && string.CompareOrdinal(row["stdate"], $"{Year(r)}-12-31") <= 0 && string.CompareOrdinal(row["enddate"], $"{Year(r)}-01-01") >= 0,
                "conttype", 1);
        },
        ["data/conflict/cow_nmc_v7.csv.gz"] = (r, c) =>
        {
            // field "COMPONENT share": the actor's value over the sum of every state's that year.
            var component = r.Field!.Split(' ')[0];
            r.Field.ShouldBe($"{component} share");
            var rows = Csv.Read(TestPaths.InRepo("data/conflict/cow_nmc_v7.csv.gz"));
            var header = rows[0];
            int y = Array.IndexOf(header, "year"), k = Array.IndexOf(header, component), cc = Array.IndexOf(header, "ccode");
            k.ShouldBeGreaterThan(0, $"{r}: no column {component}");
            var year = rows.Skip(1).Where(row => row[y] == Year(r) && row[k] is not ("" or "NA")).ToArray();
            var own = year.Single(row => row[cc] == Need(c, r).Ccode!.Value.ToString(CultureInfo.InvariantCulture));
            return new Found(double.Parse(own[k], CultureInfo.InvariantCulture) / year.Sum(row => double.Parse(row[k], CultureInfo.InvariantCulture)),
                $"data/conflict/cow_nmc_v7.csv.gz ({component}, {year.Length} states)");
        },
        ["data/geography/capitals.csv"] = (r, c) =>
            Lookup("data/geography/capitals.csv", r, row => row["actor"] == Need(c, r).Actor, r.Field!, 1),
    };

    /// <summary>The scale of a scenario number's unit, from its name: _k thousands, _m millions, _bn billions.</summary>
    private static double UnitOf(string path)
    {
        var name = path.Split('/')[^1];
        return name.EndsWith("_bn", StringComparison.Ordinal) ? 1e9
            : name.EndsWith("_m", StringComparison.Ordinal) ? 1e6
            : name.EndsWith("_k", StringComparison.Ordinal) ? 1e3
            : 1;
    }

    public static TheoryData<string> DatasetCitations()
    {
        var data = new TheoryData<string>();
        foreach (var input in Built.Inputs.Where(i => IsShippedDataset(i.Value.Source))) data.Add(input.Path);
        return data;
    }

    private static bool IsShippedDataset(SourceRef r) =>
        Built.Source(r.SourceId) is { Kind: SourceKind.Dataset, Reference: { } file } && file.StartsWith("data/", StringComparison.Ordinal);

    [Fact]
    public void The_scenario_cites_every_kind_of_shipped_dataset_it_declares()
    {
        // Guards against the theory below silently checking nothing: every dataset source with a
        // file under data/ that a number cites has a reader here.
        var cited = Built.Inputs.Where(i => IsShippedDataset(i.Value.Source)).Select(i => Built.Source(i.Value.Source.SourceId).Reference!).Distinct().ToArray();
        cited.Length.ShouldBeGreaterThanOrEqualTo(8);
        foreach (var file in cited) Readers.ShouldContainKey(file, $"the scenario cites {file}: add a reader for it to this test");
    }

    [Theory]
    [MemberData(nameof(DatasetCitations))]
    public void Every_number_citing_a_shipped_dataset_equals_the_dataset(string path)
    {
        var input = Built.Inputs.Single(i => i.Path == path);
        var r = input.Value.Source;
        var file = Built.Source(r.SourceId).Reference!;
        Readers.ShouldContainKey(file, $"{path} cites {file}: add a reader for it to this test");
        var parts = path.Split('/');
        var actor = parts[0] == "actor" ? Built.Actor(parts[1]) : null;
        var country = actor is null ? null : Countries.SingleOrDefault(c => c.Actor == (actor.Country ?? actor.Id));
        var found = Readers[file](r, country);

        // Equal to the digits written: the dataset's value in the scenario's unit, rounded to as many
        // decimals as the scenario gives, is the scenario's value.
        var written = input.Value.Central;
        var decimals = Decimals(written);
        var expected = Math.Round(found.Value / UnitOf(path), decimals, MidpointRounding.AwayFromZero);
        written.ShouldBe(expected, 1e-9 * Math.Max(1, Math.Abs(expected)),
            $"{path} = {written} cites {r} but {found.Where} gives {found.Value / UnitOf(path)} (in the scenario's unit)");
        input.Value.Estimate.IsPoint.ShouldBeTrue($"{path}: a dataset value is a point");
    }

    [Fact]
    public void The_remittances_from_russia_are_the_non_commercial_transfers()
    {
        // The CBA's total inflow from Russia (3.8 bn) counts commercial transfers; remittances are the non-commercial ones.
        var value = Built.Actor("ARM").Attributes["remittances_from_russia_usd_bn"];
        value.Source.Field.ShouldBe("Inflow non-commercial Russian Federation");
        value.Central.ShouldBe(0.418);
    }

    private static Country Need(Country? c, SourceRef r) =>
        c ?? throw new Xunit.Sdk.XunitException($"{r}: a lever input citing this dataset must name its country in the field");

    private static string FirstSpell(int ccode) =>
        Csv.Read(TestPaths.InRepo("data/conflict/cow_states2016.csv")).Skip(1).Where(row => row[1] == ccode.ToString(CultureInfo.InvariantCulture)).Select(row => row[3]).Min()!;

    private static string Year(SourceRef r) => r.Year!.Value.ToString(CultureInfo.InvariantCulture);

    private static Found WorldBank(string file, string indicator, string codeColumn, string yearColumn, string valueColumn, SourceRef r, Country? c)
    {
        // field: "INDICATOR" for an actor's own number, "INDICATOR ISO3" elsewhere.
        var parts = r.Field!.Split(' ');
        parts[0].ShouldBe(indicator, $"{r}: {file} holds {indicator} only");
        var iso3 = parts.Length > 1 ? parts[1] : Need(c, r).Iso3;
        if (c is not null && parts.Length > 1) iso3.ShouldBe(c.Iso3, $"{r}: the field names another country than the actor's");
        return Lookup(file, r, row => row[codeColumn] == iso3 && row[yearColumn] == Year(r), valueColumn, 1);
    }

    private static Found ByColumn(string file, SourceRef r, string keyColumn, string key, string yearColumn, string valueColumn, double scale) =>
        Lookup(file, r, row => row[keyColumn] == key && row[yearColumn] == Year(r), valueColumn, scale);

    private static Found ByName(string file, SourceRef r, string keyColumn, Country c, string yearColumn, string valueColumn, double scale) =>
        Lookup(file, r, row => c.Names.Contains(row[keyColumn]) && row[yearColumn] == Year(r), valueColumn, scale);

    private static Found Lookup(string file, SourceRef r, Func<IReadOnlyDictionary<string, string>, bool> match, string valueColumn, double scale)
    {
        var rows = Csv.Read(TestPaths.InRepo(file));
        var header = rows[0];
        header.ShouldContain(valueColumn, $"{r}: {file} has no column '{valueColumn}'");
        var hits = rows.Skip(1).Select((row, i) => (Line: i + 2, Row: (IReadOnlyDictionary<string, string>)header.Zip(row).ToDictionary(p => p.First, p => p.Second)))
            .Where(x => match(x.Row)).ToArray();
        hits.Length.ShouldBe(1, $"{r}: expected exactly one row of {file}, found {hits.Length}");
        var text = hits[0].Row[valueColumn];
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value).ShouldBeTrue($"{file}:{hits[0].Line}: '{text}' is not a number");
        return new Found(value * scale, $"{file}:{hits[0].Line} ({valueColumn})");
    }

    private static int Decimals(double x)
    {
        var s = x.ToString("R", CultureInfo.InvariantCulture);
        if (s.Contains('E', StringComparison.Ordinal)) return 15;
        var dot = s.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : s.Length - dot - 1;
    }
}
