using Statecraft.Core.Scenarios;
using Statecraft.Io.Scenarios;
using Statecraft.Tests;

namespace Statecraft.Io.Tests.Scenarios;

public sealed class BuiltInScenarioTests
{
    private static readonly string File = TestPaths.InRepo("scenarios", "south-caucasus.yaml");

    private static Scenario Load()
    {
        var result = ScenarioLoader.LoadFile(File);
        result.Success.ShouldBeTrue(string.Join("\n", result.Problems));
        return result.Value.Scenario;
    }

    [Fact]
    public void The_built_in_scenario_loads_without_problems() => Load().Id.ShouldBe("south-caucasus");

    [Fact]
    public void Every_number_has_a_source_that_exists_and_datasets_name_field_and_year()
    {
        var s = Load();
        s.Inputs.Count.ShouldBeGreaterThan(150);
        foreach (var input in s.Inputs)
        {
            var source = s.Source(input.Value.Source.SourceId);
            if (source.Kind == SourceKind.Dataset)
            {
                input.Value.Source.Field.ShouldNotBeNullOrWhiteSpace(input.Path);
                input.Value.Source.Year.ShouldNotBeNull(input.Path);
            }
        }
    }

    [Fact]
    public void Every_judgement_is_a_range_with_reasoning()
    {
        var s = Load();
        foreach (var input in s.Inputs.Where(i => s.Source(i.Value.Source.SourceId).Kind == SourceKind.Judgement))
        {
            // Fixed ends of a scale (a faction that *is* one end) are the only judgement points.
            var isScaleEnd = input.Path.EndsWith("/position", StringComparison.Ordinal) && input.Value.Estimate.IsPoint
                             && input.Value.Central is 0 or 100;
            if (!isScaleEnd) input.Value.Estimate.IsPoint.ShouldBeFalse($"{input.Path} is a judgement without a range");
        }

        foreach (var source in s.Sources.Where(x => x.Kind == SourceKind.Judgement))
            source.Text.Length.ShouldBeGreaterThan(80, source.Id);
    }

    [Fact]
    public void It_models_the_actors_and_factions_of_the_article()
    {
        var s = Load();
        foreach (var id in new[] { "RUS", "UKR", "USA", "EU", "TUR", "IRN", "ISR", "CHN", "KAZ", "ARM", "AZE", "GEO" })
            s.HasActor(id).ShouldBeTrue(id);
        s.Actors.Where(a => a.Kind == ActorKind.Faction).Select(a => a.Id)
            .ShouldBe(["ARM_GOV", "ARM_REV", "AZE_GOV", "AZE_OPP", "GEO_GOV", "GEO_PUB"], ignoreOrder: true);
    }

    [Fact]
    public void It_asks_every_question_of_the_design_by_id()
    {
        Load().Questions.Select(q => q.Id).ShouldBe([
            "russia-attacks-azerbaijan", "russia-deports-migrants", "russia-trade-sanctions", "armenia-regime-change",
            "armenia-azerbaijan-war-after-regime-change", "armenia-alignment", "azerbaijan-alignment", "georgia-alignment",
            "azerbaijan-democratization", "peace-and-trilateral-deal", "western-strategy",
        ], ignoreOrder: true);
    }

    [Fact]
    public void Nothing_is_dated_after_the_article()
    {
        var s = Load();
        s.Date.ShouldBe(new DateOnly(2025, 7, 5));
        s.Sources.Where(x => x.Date is not null).ShouldAllBe(x => x.Date <= s.Date);
        s.Ties.Where(t => t.Since is not null).ShouldAllBe(t => t.Since <= s.Date);
    }

    [Fact]
    public void Claims_match_the_line_numbers_of_the_design()
    {
        var s = Load();
        s.Source("S11").Lines.ShouldBe("49-54");
        s.Source("S14").Lines.ShouldBe("59-61");
        s.Source("S15").Lines.ShouldBe("62-64");
    }

    [Fact]
    public void Paraphrases_do_not_copy_the_article()
    {
        // No run of eight words of the article appears in the scenario.
        var article = System.IO.File.ReadAllText(TestPaths.Shared + "/seed/south-caucasus-article.txt");
        var words = Words(article);
        var yaml = " " + string.Join(" ", Words(System.IO.File.ReadAllText(File))) + " ";
        for (var i = 0; i + 8 <= words.Length; i++)
        {
            var run = " " + string.Join(" ", words[i..(i + 8)]) + " ";
            yaml.Contains(run, StringComparison.Ordinal).ShouldBeFalse(run);
        }
    }

    private static string[] Words(string text) =>
        text.ToLowerInvariant().Split((char[])[' ', '\n', '\r', '\t', ',', '.', ';', ':', '"', '(', ')', '—', '-'], StringSplitOptions.RemoveEmptyEntries);
}

public sealed class ShippedDataTests
{
    private static readonly Scenario Built = ScenarioLoader.LoadFile(TestPaths.InRepo("scenarios", "south-caucasus.yaml")).Value.Scenario;

    private static IEnumerable<string[]> Csv(params string[] path) =>
        File.ReadAllLines(TestPaths.InRepo(path)).Skip(1).Select(l => l.Split(',').Select(c => c.Trim('"')).ToArray());

    [Fact]
    public void Every_fact_cited_is_in_the_shipped_fact_sheet_with_its_date_and_url()
    {
        // The fact sheet, and the few further facts the forecasts cite.
        var sheet = File.ReadAllText(TestPaths.InRepo("data", "facts", "south-caucasus-facts.csv"))
                    + File.ReadAllText(TestPaths.InRepo("data", "facts", "forecast-facts.csv"));
        foreach (var fact in Built.Sources.Where(s => s.Kind == SourceKind.Fact))
        {
            var line = sheet.Split('\n').Single(l => l.StartsWith(fact.Id + ",", StringComparison.Ordinal));
            line.ShouldContain($",{fact.Date:yyyy-MM}", Case.Sensitive, fact.Id);
            line.ShouldContain(fact.Reference!, Case.Sensitive, fact.Id);
        }
    }

    [Fact]
    public void Every_dataset_file_named_is_shipped() =>
        Built.Sources.Where(s => s.Kind == SourceKind.Dataset && s.Reference is not null)
            .ShouldAllBe(s => File.Exists(TestPaths.InRepo(s.Reference!)));

    [Theory]
    [InlineData("RUS", 365)]
    [InlineData("ARM", 371)]
    [InlineData("GEO", 372)]
    [InlineData("AZE", 373)]
    [InlineData("TUR", 640)]
    [InlineData("USA", 2)]
    [InlineData("UKR", 369)]
    [InlineData("IRN", 630)]
    [InlineData("ISR", 666)]
    [InlineData("KAZ", 705)]
    [InlineData("CHN", 710)]
    public void Capabilities_polyarchy_and_ideal_points_match_the_shipped_data(string actor, int ccode)
    {
        var a = Built.Actor(actor);
        var nmc = Csv("data", "cow", "nmc_v7_subset.csv").Single(r => r[0] == ccode.ToString() && r[1] == "2022");
        a.Capability.Central.ShouldBe(double.Parse(nmc[8], System.Globalization.CultureInfo.InvariantCulture), 1e-6);
        var vdem = Csv("data", "democracy", "polyarchy_2025_region.csv").Single(r => r[0] == ccode.ToString());
        a.Attributes["polyarchy"].Central.ShouldBe(double.Parse(vdem[2], System.Globalization.CultureInfo.InvariantCulture), 1e-9);
        var un = Csv("data", "un_ideal_points", "ideal_points_2024_region.csv").Single(r => r[0] == ccode.ToString());
        a.Attributes["un_ideal_point"].Central.ShouldBe(double.Parse(un[4], System.Globalization.CultureInfo.InvariantCulture), 5e-3);
    }

    [Fact]
    public void The_migrant_stock_matches_un_desa_2024()
    {
        var row = Csv("data", "economy", "un_desa_ims2024_stock_in_russia.csv").Single(r => r[0] == "AZE");
        Built.Lever("russia-deports-azerbaijanis").Inputs["azerbaijan_born_in_russia"].Central.ShouldBe(double.Parse(row[7]));
        Built.Lever("russia-deports-azerbaijanis").Inputs["sender.labour_supply.workers"].Estimate.Low.ShouldBe(double.Parse(row[7]));
    }
}
