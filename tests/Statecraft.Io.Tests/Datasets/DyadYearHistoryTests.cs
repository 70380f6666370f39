using Parquet;
using Parquet.Schema;
using Statecraft.Core.Conflict;
using Statecraft.Core.DyadYears;
using Statecraft.Io.Datasets;
using Statecraft.Tests;

namespace Statecraft.Io.Tests.Datasets;

/// <summary>The shipped data with ATOP alliances, indexed once for the class.</summary>
public sealed class ShippedConflictData
{
    public DyadYearBuilder Builder { get; } =
        ConflictDataFiles.Load(TestPaths.InRepo("data", "conflict"), AllianceSource.Atop).Then(DyadYearBuilder.Create).Value;
}

public sealed class DyadYearHistoryTests(ShippedConflictData data) : IClassFixture<ShippedConflictData>
{
    private DyadYear Row(int year, int a, int b, DyadYearOptions? options = null) =>
        data.Builder.Year(year, options ?? new DyadYearOptions(year, year)).Rows.Single(r => r.Ccode1 == a && r.Ccode2 == b);

    [Theory]
    [InlineData(1816)]
    [InlineData(1900)]
    [InlineData(1946)]
    [InlineData(2014)]
    public void Every_ordered_pair_of_system_members_is_one_row(int year)
    {
        // Members read straight from the raw state list: a spell whose years include this one.
        var members = File.ReadLines(Path.Combine(TestPaths.Shared, "data", "cow", "cow_states2016_peacesciencer.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Where(f => int.Parse(f[3]) <= year && int.Parse(f[6]) >= year)
            .Select(f => int.Parse(f[1])).Distinct().ToArray();
        var block = data.Builder.Year(year, new DyadYearOptions(year, year));
        block.Rows.Length.ShouldBe(members.Length * (members.Length - 1));
        block.Rows.Select(r => (r.Ccode1, r.Ccode2)).Distinct().Count().ShouldBe(block.Rows.Length);
        block.Rows.ShouldAllBe(r => r.Ccode1 != r.Ccode2 && members.Contains(r.Ccode1) && members.Contains(r.Ccode2));
    }

    [Fact]
    public void Relevant_dyads_are_the_contiguous_or_major_power_ones()
    {
        var all = data.Builder.Year(1950, new DyadYearOptions(1950, 1950)).Rows;
        var relevant = data.Builder.Year(1950, new DyadYearOptions(1950, 1950, RelevantOnly: true)).Rows;
        relevant.ShouldBe(all.Where(r => (r.Contiguity is >= 1 and <= 4) || r.Major1 || r.Major2).ToArray());
        relevant.Length.ShouldBeLessThan(all.Length / 3);
    }

    [Fact]
    public void Wars_picked_from_the_data_have_their_onset_and_initiator()
    {
        // COW war 58, Franco-Prussian: France (220) initiated in 1870.
        Row(1870, 220, 255).War.ShouldBe(new WarFlags(Onset: true, Initiator: true, Ongoing: true));
        Row(1870, 255, 220).War.ShouldBe(new WarFlags(Onset: true, Initiator: false, Ongoing: true));
        // COW war 139: Germany (255) initiated against Poland (290) in 1939.
        Row(1939, 255, 290).War!.Value.Initiator.ShouldBeTrue();
        Row(1938, 255, 290).War.ShouldBe(new WarFlags(false, false, false));
        Row(2010, 255, 290).War.ShouldBeNull(); // beyond the war data's coverage (2007): missing, not "no war"
    }

    [Fact]
    public void Disputes_picked_from_the_data_have_their_onset_initiator_side_and_hostility()
    {
        // COW MID 3957: Iraq (645) on side A against Kuwait (690) in 1990, hostility 5 against 4.
        var iraq = Row(1990, 645, 690).CowMid!.Value;
        iraq.ShouldBe(new DisputeFlags(Onset: true, Initiator: true, Originator: true, Hostility1: 5, Hostility2: 4, InitiatedWithForce: true, Ongoing: true));
        Row(1990, 690, 645).CowMid!.Value.Initiator.ShouldBeFalse();
        // COW MID 258 codes Poland (290), not Germany, on side A in 1939, both at hostility 5.
        Row(1939, 290, 255).CowMid!.Value.InitiatedWithForce.ShouldBeTrue();
        Row(1939, 255, 290).CowMid!.Value.Initiator.ShouldBeFalse();
        // COW MID 3564: Russia (365) on side A against Azerbaijan (373) in 1993, force on both sides; Russia a joiner.
        Row(1993, 365, 373).CowMid.ShouldBe(new DisputeFlags(true, true, false, 4, 4, true, true));
        // GML 2.2.1 codes the 2008 Russia-Georgia dispute (4436) as begun earlier: ongoing, no onset.
        Row(2008, 365, 372).GmlMid.ShouldBe(new DisputeFlags(false, false, false, 0, 0, false, true));
        Row(2012, 365, 372).GmlMid.ShouldBeNull(); // GML ends in 2010
    }

    [Fact]
    public void Peace_years_count_from_the_last_dispute_year_between_the_two()
    {
        // Russia-Azerbaijan COW MIDs: 1993, 1999, 2002 (and none after, to 2014).
        Row(2002, 365, 373).PeaceYears.ShouldBe(2);
        Row(2003, 365, 373).PeaceYears.ShouldBe(0);
        Row(2014, 365, 373).PeaceYears.ShouldBe(11);
        Row(2014, 373, 365).PeaceYears.ShouldBe(11);
        Row(2016, 365, 373).PeaceYears.ShouldBeNull(); // the MID data end in 2014
    }

    [Fact]
    public void Similarity_and_EU_match_an_independent_hand_check_of_1816()
    {
        // Values from tests/Statecraft.Io.Tests/Datasets/handcheck_1816.py: Russia (365) attacking
        // Austria (300), 23 members, ATOP ties, tau_b counted pair by pair, relevant-region rule.
        var tau = Row(1816, 365, 300);
        tau.Similarity.ShouldBe(0.4392976851069794, 1e-15);
        tau.Eu.Bilateral.ShouldBe(0.15241184497667196, 1e-15);
        tau.Eu.ThirdParties.ShouldBe(0.26134329179672366, 1e-15);
        tau.Eu.ThirdPartyCount.ShouldBe(19);
        Row(1816, 365, 300, new DyadYearOptions(1816, 1816, Measure: SimilarityMeasure.S)).Similarity.ShouldBe(0.30434782608695654, 1e-15);
        Row(1816, 365, 300, new DyadYearOptions(1816, 1816, Measure: SimilarityMeasure.WeightedS)).Similarity.ShouldBe(0.9023804446312175, 1e-15);
    }

    [Fact]
    public void The_all_states_rule_counts_every_other_member_and_equals_the_engines_EU()
    {
        var block = data.Builder.Year(1816, new DyadYearOptions(1816, 1816, ThirdParties: ThirdPartyRule.All));
        block.Rows.ShouldAllBe(r => r.Eu.ThirdPartyCount == block.States.Count - 2);
        var usaRussia = block.Rows.Single(r => r.Ccode1 == 2 && r.Ccode2 == 365);
        var regional = Row(1816, 2, 365);
        regional.Eu.Bilateral.ShouldBe(usaRussia.Eu.Bilateral);
        regional.Eu.ThirdPartyCount.ShouldBeLessThan(usaRussia.Eu.ThirdPartyCount);
    }

    [Fact]
    public void Land_neighbours_are_at_distance_zero()
    {
        var fr = Row(1900, 220, 255); // France-Germany, land border
        fr.Contiguity.ShouldBe(1);
        fr.Distance.ShouldBe(0);
        fr.CapitalMiles.ShouldBe(GreatCircle.Miles(48.856, 2.352, 52.511, 13.399), 5);
        Row(1900, 2, 200).Distance.ShouldBe(Row(1900, 2, 200).CapitalMiles);
    }

    [Fact]
    public void Output_is_the_same_bytes_whatever_the_thread_count()
    {
        byte[] Csv(int threads)
        {
            using var text = new StringWriter();
            DyadYearFile.WriteCsv(text, data.Builder.Build(new DyadYearOptions(1990, 1995, RelevantOnly: true, Threads: threads)));
            return System.Text.Encoding.UTF8.GetBytes(text.ToString());
        }

        byte[] Parquet(int threads)
        {
            using var stream = new MemoryStream();
            DyadYearFile.WriteParquet(stream, data.Builder.Build(new DyadYearOptions(1990, 1995, RelevantOnly: true, Threads: threads)), rowsPerGroup: 3000);
            return stream.ToArray();
        }

        Csv(1).ShouldBe(Csv(3));
        Parquet(1).ShouldBe(Parquet(4));
    }

    [Fact]
    public async Task Parquet_files_read_back_with_the_same_rows()
    {
        var options = new DyadYearOptions(1816, 1817);
        using var stream = new MemoryStream();
        var written = DyadYearFile.WriteParquet(stream, data.Builder.Build(options), rowsPerGroup: 100);
        stream.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(stream);
        reader.Schema.DataFields.Select(f => f.Name).ShouldBe(DyadYearFile.Columns.Select(c => c.Name));
        reader.RowGroupCount.ShouldBe(2); // one group per year here: a group closes at a year's end
        var rows = data.Builder.Build(options).SelectMany(b => b.Rows).ToArray();
        written.ShouldBe(rows.Length);
        var eu = new List<double>();
        var peace = new List<int?>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var euValues = new double[group.RowCount];
            await group.ReadAsync<double>((DataField)reader.Schema.DataFields.Single(f => f.Name == "eu"), euValues);
            eu.AddRange(euValues);
            var peaceValues = new int?[group.RowCount];
            await group.ReadAsync<int>((DataField)reader.Schema.DataFields.Single(f => f.Name == "peace_years"), peaceValues);
            peace.AddRange(peaceValues);
        }

        eu.ShouldBe(rows.Select(r => r.Eu.Total));
        peace.ShouldBe(rows.Select(r => r.PeaceYears));
    }
}

public sealed class DyadYearDocsTests
{
    [Fact]
    public void Docs_list_every_column_in_order()
    {
        var docs = File.ReadAllLines(TestPaths.InRepo("docs", "dyads.md"))
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('`')[1]).ToArray();
        docs.ShouldBe(DyadYearFile.Columns.Select(c => c.Name));
    }
}

public sealed class RelevantRegionTests(ShippedConflictData data) : IClassFixture<ShippedConflictData>
{
    [Theory]
    [InlineData(HomeRegion.MiddleEast, HomeRegion.Europe, false, HomeRegion.MiddleEast)] // a minor power attacking outside its region: its own
    [InlineData(HomeRegion.Europe, HomeRegion.MiddleEast, true, HomeRegion.MiddleEast)]  // a major power, involved everywhere: the target's
    [InlineData(HomeRegion.Asia, HomeRegion.Asia, false, HomeRegion.Asia)]
    public void The_relevant_region_of_a_pair_follows_EUGene(HomeRegion challenger, HomeRegion target, bool major, HomeRegion expected) =>
        Regions.RelevantRegion(challenger, target, major).ShouldBe(expected);

    [Fact]
    public void A_minor_power_attacking_across_regions_counts_its_own_region_and_the_major_powers()
    {
        // 1900: the Ottoman Empire (640, Middle East, no major power) against Greece (350, Europe).
        var block = data.Builder.Year(1900, new DyadYearOptions(1900, 1900));
        var majors = File.ReadLines(Path.Combine(TestPaths.Shared, "data", "conflict", "cow_majors2016_peacesciencer.csv")).Skip(1)
            .Select(l => l.Split(',')).Where(f => int.Parse(f[1]) <= 1900 && int.Parse(f[4]) >= 1900).Select(f => int.Parse(f[0])).ToHashSet();
        var expected = block.States.Count(c => c != 640 && c != 350 && (majors.Contains(c) || c is >= 600 and < 700));
        var row = block.Rows.Single(r => r.Ccode1 == 640 && r.Ccode2 == 350);
        row.Eu.ThirdPartyCount.ShouldBe(expected);
        // Greece attacking the Ottoman Empire counts Europe instead.
        block.Rows.Single(r => r.Ccode1 == 350 && r.Ccode2 == 640).Eu.ThirdPartyCount
            .ShouldBe(block.States.Count(c => c != 640 && c != 350 && (majors.Contains(c) || c is >= 200 and < 400)));
    }
}

public sealed class DyadYearRiskTests(ShippedConflictData data) : IClassFixture<ShippedConflictData>
{
    [Fact]
    public void Risk_columns_are_there_only_when_asked_and_agree_across_the_two_directions()
    {
        data.Builder.Year(1900, new DyadYearOptions(1900, 1900)).Rows.ShouldAllBe(r => r.Risk == null);
        var block = data.Builder.Year(1900, new DyadYearOptions(1900, 1900, Risk: true));
        var byPair = block.Rows.ToDictionary(r => (r.Ccode1, r.Ccode2));
        foreach (var row in block.Rows)
        {
            var risk = row.Risk.ShouldNotBeNull();
            risk.R1.ShouldBeInRange(-1, 1);
            risk.Exponent1.ShouldBe(WarTrapModel.RiskExponent(risk.R1), 1e-15);
            risk.Exponent1.ShouldBeInRange(0.5, 2);
            var back = byPair[(row.Ccode2, row.Ccode1)].Risk!.Value;
            back.R2.ShouldBe(risk.R1);
            back.Exponent2.ShouldBe(risk.Exponent1);
            double.IsFinite(risk.Eu).ShouldBeTrue();
        }

        // Risk bends only the bilateral term: EU equals the 1981 EU exactly where r is 1, and differs elsewhere.
        block.Rows.Where(r => r.Risk!.Value.Exponent1 != 1).Count(r => r.Risk!.Value.Eu != r.Eu.Total).ShouldBeGreaterThan(block.Rows.Length / 2);
        block.Rows.Where(r => r.Risk!.Value.Exponent1 == 1).ShouldAllBe(r => r.Risk!.Value.Eu == r.Eu.Total);
    }

    [Fact]
    public void Risk_does_not_depend_on_the_thread_count()
    {
        var one = data.Builder.Build(new DyadYearOptions(1900, 1902, Threads: 1, Risk: true)).SelectMany(b => b.Rows).ToArray();
        var two = data.Builder.Build(new DyadYearOptions(1900, 1902, Threads: 2, Risk: true)).SelectMany(b => b.Rows).ToArray();
        two.Select(r => r.Risk).ShouldBe(one.Select(r => r.Risk));
    }
}
