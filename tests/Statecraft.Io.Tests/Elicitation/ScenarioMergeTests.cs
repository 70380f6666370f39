using Statecraft.Core.Elicitation;
using Statecraft.Core.Scenarios;
using Statecraft.Io.Elicitation;
using Statecraft.Io.Scenarios;
using Statecraft.Io.Tests.Scenarios;
using Statecraft.Tests;

namespace Statecraft.Io.Tests.Elicitation;

/// <summary>elicit template, filled by two experts, then elicit merge: the scenario comes back with their pools.</summary>
public sealed class ScenarioMergeTests
{
    /// <summary>The template with each listed actor's row filled (13 columns), as an expert would.</summary>
    private static ElicitationSheet Fill(Scenario s, string issue, string expert, string file, Dictionary<string, string> rows)
    {
        var lines = SheetFile.Template(s, issue).Value.Split('\n').Select(line =>
        {
            var f = line.Split(',');
            if (line.StartsWith('#') || f.Length < 3 || f[0] == "expert") return line;
            return rows.TryGetValue(f[2], out var values) ? $"{expert},{issue},{f[2]},{values}" : $"{expert},{issue},{f[2]},,,,,,,,,,";
        });
        var parsed = SheetFile.Parse(string.Join('\n', lines), file);
        parsed.Success.ShouldBeTrue(string.Join("\n", parsed.Problems));
        return parsed.Value;
    }

    private static Scenario Load(string text)
    {
        var loaded = ScenarioLoader.Load(text, "merged.yaml");
        loaded.Success.ShouldBeTrue(string.Join("\n", loaded.Problems));
        return loaded.Value.Scenario;
    }

    [Fact]
    public void Template_then_merge_round_trips_into_one_pool_per_judged_value()
    {
        var s = SheetFileTests.Tiny;
        var ana = Fill(s, "border", "Ana", "ana.csv", new() { ["A"] = "20,10,30,0.9,0.8,1,70,60,80,\"A's army holds the pass\"" });
        var ben = Fill(s, "border", "Ben", "ben.csv", new() { ["A"] = "40,30,50,,,,50,40,60,Talks favour A", ["B"] = "85,80,95,0.5,0.4,0.6,,,,B cares less than it says" });
        var merged = ScenarioMerge.Merge(BadScenarioTests.Valid, "tiny.yaml", s, [ana, ben]);
        merged.Success.ShouldBeTrue(string.Join("\n", merged.Problems));

        var m = Load(merged.Value);
        m.Sources.Select(x => x.Id).ShouldContain("expert-ana");
        m.Source("expert-ben").Text.ShouldBe("Judgements of Ben, elicited on ben.csv. border/A: Talks favour A. border/B: B cares less than it says.");

        // A's position: the file's judgement (10, a point) and the two experts' ranges.
        var position = m.Issue("border").StanceOf("A")!.Position;
        position.Experts!.Select(e => (e.Source.SourceId, e.Estimate)).ShouldBe([
            ("judge", Estimate.Point(10)), ("expert-ana", new Estimate(20, 10, 30)), ("expert-ben", new Estimate(40, 30, 50))]);
        position.Distribution.ShouldBeOfType<Statecraft.Core.Uncertainty.MixtureDistribution>();
        // Pooled by the median: centrals 10, 20, 40 -> 20; lows 10, 10, 30 -> 10; highs 10, 30, 50 -> 30.
        m.WithExpertAggregation(ExpertAggregation.Median).Issue("border").StanceOf("A")!.Position.Estimate.ShouldBe(new Estimate(20, 10, 30));

        // A salience only Ana judged pools two judgements; one Ben left blank stays as it was.
        m.Issue("border").StanceOf("A")!.Salience.Experts!.Count.ShouldBe(2);
        m.Issue("border").StanceOf("B")!.Influence!.Experts.ShouldBeNull();
        m.Issue("border").StanceOf("B")!.Salience.Experts!.Select(e => e.Source.SourceId).ShouldBe(["judge", "expert-ben"]);

        // Everything else is the file as it was: only the two judged stance lines change, and sources gain two lines.
        var before = BadScenarioTests.Valid.Split('\n');
        var after = merged.Value.Split('\n');
        after.Length.ShouldBe(before.Length + 2);
        after.Except(before).Count().ShouldBe(4);
    }

    [Fact]
    public void The_scenario_can_choose_the_median_and_the_merged_file_keeps_that_choice()
    {
        var text = BadScenarioTests.Valid.Replace("date: 2025-01-01}", "date: 2025-01-01, expert_aggregation: median}", StringComparison.Ordinal);
        var s = Load(text);
        s.Header.Aggregation.ShouldBe(ExpertAggregation.Median);
        var ana = Fill(s, "border", "Ana", "ana.csv", new() { ["B"] = "70,60,80,,,,,,,B is weaker" });
        var ben = Fill(s, "border", "Ben", "ben.csv", new() { ["B"] = "60,50,70,,,,,,,B is weaker still" });
        var m = Load(ScenarioMerge.Merge(text, "tiny.yaml", s, [ana, ben]).Value);
        // Centrals 90, 70, 60 -> 70; the file's point 90 counts as low and high too: lows 90, 60, 50 -> 60; highs 90, 80, 70 -> 80.
        m.Issue("border").StanceOf("B")!.Position.Estimate.ShouldBe(new Estimate(70, 60, 80));
        m.Issue("border").StanceOf("B")!.Position.Distribution.ShouldBeNull();
    }

    [Fact]
    public void The_built_in_scenario_takes_a_merge_and_stays_valid()
    {
        var file = TestPaths.InRepo("scenarios", "south-caucasus.yaml");
        var text = File.ReadAllText(file);
        var s = Load(text);
        var ana = Fill(s, "armenia-government", "Ana", "ana.csv", new() { ["RUS"] = "20,5,35,0.6,0.4,0.8,25,15,35,Backs the plotters with money and media" });
        var ben = Fill(s, "armenia-government", "Ben", "ben.csv", new() { ["RUS"] = "5,0,15,0.4,0.2,0.6,15,10,25,Tied down in Ukraine" });
        var merged = ScenarioMerge.Merge(text, file, s, [ana, ben]);
        merged.Success.ShouldBeTrue(string.Join("\n", merged.Problems));
        var m = Load(merged.Value);
        m.Issue("armenia-government").StanceOf("RUS")!.Influence!.Experts!.Select(e => e.Central).ShouldBe([20.0, 25, 15]);
        m.Inputs.Count.ShouldBe(s.Inputs.Count);
        merged.Value.Split('\n').Except(text.Split('\n')).Count().ShouldBe(3, "one stance line and two sources");
    }

    [Fact]
    public void Block_style_stances_and_a_field_the_stance_lacks_are_merged_too()
    {
        var text = BadScenarioTests.Valid
            .Replace("    title: The border\n", "    title: The border\n    influence: capability\n", StringComparison.Ordinal)
            .Replace("      - {actor: A, position: {value: 10, source: judge}, salience: {value: 0.8, source: judge}, influence: {value: 60, low: 50, high: 70, source: judge}}\n",
                "      - actor: A\n        position:\n          value: 10\n          source: judge\n        salience: {value: 0.8, source: judge}\n", StringComparison.Ordinal)
            .Replace(", influence: {value: 40, low: 30, high: 50, source: judge}}", "}", StringComparison.Ordinal);
        var s = Load(text);
        var ana = Fill(s, "border", "Ana", "ana.csv", new() { ["A"] = "20,10,30,,,,70,60,80,A's army", ["B"] = ",,,,,,30,20,40,B's army" });
        var ben = Fill(s, "border", "Ben", "ben.csv", new() { ["A"] = "30,20,40,,,,60,50,70,Mountain passes" });
        var merged = ScenarioMerge.Merge(text, "tiny.yaml", s, [ana, ben]);
        merged.Success.ShouldBeTrue(string.Join("\n", merged.Problems));
        var m = Load(merged.Value);
        m.Issue("border").StanceOf("A")!.Position.Experts!.Select(e => e.Central).ShouldBe([10.0, 20, 30]);
        m.Issue("border").StanceOf("A")!.Influence!.Experts!.Select(e => e.Source.SourceId).ShouldBe(["expert-ana", "expert-ben"]);
        // One expert alone gives a plain value.
        m.Issue("border").StanceOf("B")!.Influence!.Estimate.ShouldBe(new Estimate(30, 20, 40));
        m.Issue("border").StanceOf("B")!.Influence!.Source.SourceId.ShouldBe("expert-ana");
    }

    [Fact]
    public void A_merge_that_cannot_be_sound_is_refused_with_reasons()
    {
        var s = SheetFileTests.Tiny;
        var ana = Fill(s, "border", "Ana", "ana.csv", new() { ["A"] = "20,10,30,,,,,,,why" });
        var again = Fill(s, "border", "Ana", "ana2.csv", new() { ["B"] = "80,70,90,,,,,,,why" });
        ScenarioMerge.Merge(BadScenarioTests.Valid, "tiny.yaml", s, [ana, again]).Problems
            .ShouldHaveSingleItem().ToString().ShouldBe("ana2.csv: border: expert: 'Ana' has two sheets for this issue (ana.csv and this one)");

        // The file's own value cites a dataset: it cannot be pooled with judgements.
        var text = BadScenarioTests.Valid.Replace("position: {value: 10, source: judge}", "position: {value: 10, source: data, field: x, year: 2020}", StringComparison.Ordinal);
        var problems = ScenarioMerge.Merge(text, "tiny.yaml", Load(text), [ana]).Problems;
        problems.ShouldHaveSingleItem().ToString().ShouldContain("border/A: position: the scenario's value cites the dataset 'data'");

        // A merged scenario merged again with the same expert.
        var once = ScenarioMerge.Merge(BadScenarioTests.Valid, "tiny.yaml", s, [ana]).Value;
        ScenarioMerge.Merge(once, "tiny.yaml", Load(once), [ana]).Problems.ShouldHaveSingleItem().Message.ShouldContain("already has a source 'expert-ana'");
    }

    [Fact]
    public void The_loader_reads_experts_and_locates_their_problems()
    {
        var text = BadScenarioTests.Valid
            .Replace("  - {id: C1, kind: claim", "  - {id: ana, kind: judgement, reasoning: \"Ana's view.\"}\n  - {id: C1, kind: claim", StringComparison.Ordinal)
            .Replace("position: {value: 10, source: judge}", "position: {experts: [{value: 10, low: 0, high: 20, source: judge}, {value: 30, low: 20, high: 40, source: ana}]}", StringComparison.Ordinal);
        var s = Load(text);
        // The pool of triangles on [0, 20] and [20, 40]: half the mass on each side of 20.
        var pooled = s.Issue("border").StanceOf("A")!.Position.Estimate;
        pooled.Central.ShouldBe(20, 1e-6);
        (pooled.Low, pooled.High).ShouldBe((0, 40));

        var bad = ScenarioLoader.Load(text.Replace("{value: 30, low: 20, high: 40, source: ana}", "{value: 30, low: 20, high: 40}", StringComparison.Ordinal)
            .Replace("salience: {value: 0.6, source: judge}", "salience: {experts: [{experts: [{value: 0.6, source: judge}]}]}", StringComparison.Ordinal), "bad.yaml");
        var problems = bad.Problems.Select(p => p.ToString()).ToArray();
        problems.Length.ShouldBe(2, string.Join("\n", problems));
        problems[0].ShouldStartWith("bad.yaml:15:");
        problems[0].ShouldContain("border/A: position: a number without a source");
        problems[1].ShouldStartWith("bad.yaml:16:");
        problems[1].ShouldContain("border/B: salience: an expert's judgement cannot itself list experts");
    }
}
