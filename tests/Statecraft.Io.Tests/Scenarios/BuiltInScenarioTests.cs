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
            // Fixed ends of a scale (a faction that *is* one end) and codes (a region, major-power status:
            // categories, which the loader requires to be single values) are the only judgement points.
            var isScaleEnd = input.Path.EndsWith("/position", StringComparison.Ordinal) && input.Value.Estimate.IsPoint
                             && input.Value.Central is 0 or 100;
            var isCode = input.Path.EndsWith("/home_region", StringComparison.Ordinal) || input.Path.EndsWith("/major_power", StringComparison.Ordinal);
            if (!isScaleEnd && !isCode) input.Value.Estimate.IsPoint.ShouldBeFalse($"{input.Path} is a judgement without a range");
        }

        foreach (var source in s.Sources.Where(x => x.Kind == SourceKind.Judgement))
            source.Text.Length.ShouldBeGreaterThan(80, source.Id);
    }

    [Fact]
    public void Every_stance_of_a_bargaining_issue_carries_its_own_sourced_influence()
    {
        var s = Load();
        var bargaining = s.Questions.Where(q => q.Model == QuestionModel.Bargaining).Select(q => q.Issue!).ToHashSet();
        bargaining.Count.ShouldBe(6);
        foreach (var issue in s.Issues.Where(i => bargaining.Contains(i.Id)))
        {
            issue.InfluenceFromCapability.ShouldBeFalse($"{issue.Id} is not decided by force: it must not weigh by CINC");
            foreach (var stance in issue.Stances)
            {
                var influence = stance.Influence.ShouldNotBeNull($"{issue.Id}/{stance.ActorId}");
                var source = s.Source(influence.Source.SourceId);
                source.Kind.ShouldBe(SourceKind.Judgement, $"{issue.Id}/{stance.ActorId}");
                source.Id.ShouldBe($"j-influence-{issue.Id}", $"each issue's influences are reasoned in one place");
            }

            // Influences are written as shares of the weight exerted on the issue (j-influence).
            issue.Stances.Sum(st => st.Influence!.Central).ShouldBe(100, 1e-9, issue.Id);
        }
    }

    [Theory]
    [InlineData("armenia-government", "ARM_GOV")]
    [InlineData("armenia-alignment", "ARM_GOV")]
    [InlineData("azerbaijan-alignment", "AZE_GOV")]
    [InlineData("azerbaijan-democratization", "AZE_GOV")]
    [InlineData("georgia-alignment", "GEO_GOV")]
    public void On_its_own_country_s_question_the_government_outweighs_every_outside_power(string issueId, string government)
    {
        // The review's finding: by CINC the USA outweighed Pashinyan's government 317 to 1 on who governs Armenia.
        var s = Load();
        var issue = s.Issue(issueId);
        var own = issue.StanceOf(government)!.Influence!.Central;
        foreach (var outsider in issue.Stances.Where(st => s.Actor(st.ActorId).Kind != ActorKind.Faction))
            own.ShouldBeGreaterThan(outsider.Influence!.Central, $"{issueId}: {outsider.ActorId}");
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
            "russia-attacks-azerbaijan", "russia-deports-migrants", "russia-trade-sanctions", "azerbaijan-energy-card", "armenia-regime-change",
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
        // The shared fact sheet, and the facts this project added (elections, polls, labour market) in the same layout.
        var sheet = File.ReadAllText(TestPaths.InRepo("data", "facts", "south-caucasus-facts.csv"))
                    + File.ReadAllText(TestPaths.InRepo("data", "facts", "south-caucasus-facts-added.csv"));
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

    [Fact]
    public void The_migrant_stock_matches_un_desa_2024()
    {
        var row = Csv("data", "economy", "un_desa_ims2024_stock_in_russia.csv").Single(r => r[0] == "AZE");
        Built.Lever("russia-deports-azerbaijanis").Inputs["azerbaijan_born_in_russia"].Central.ShouldBe(double.Parse(row[7]));
        Built.Lever("russia-deports-azerbaijanis").Inputs["workers"].Estimate.Low.ShouldBe(double.Parse(row[7]));
    }
}
