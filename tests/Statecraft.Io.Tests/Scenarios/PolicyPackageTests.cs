using Statecraft.Core.Scenarios;
using Statecraft.Io.Scenarios;
using Statecraft.Tests;

namespace Statecraft.Io.Tests.Scenarios;

/// <summary>Each policy package of the built-in scenario changes exactly what it documents, by the documented amount.</summary>
public sealed class PolicyPackageTests
{
    private static readonly Scenario Built = ScenarioLoader.LoadFile(TestPaths.InRepo("scenarios", "south-caucasus.yaml")).Value.Scenario;

    /// <summary>The inputs that differ after the policy, as path → (before, after).</summary>
    private static Dictionary<string, (Estimate Before, Estimate After)> Delta(string policy)
    {
        var before = Built.Inputs.ToDictionary(i => i.Path, i => i.Value.Estimate);
        var after = Built.Apply(Built.Policy(policy)).Inputs.ToDictionary(i => i.Path, i => i.Value.Estimate);
        after.Keys.ShouldBe(before.Keys, ignoreOrder: false);
        return before.Where(kv => kv.Value != after[kv.Key]).ToDictionary(kv => kv.Key, kv => (kv.Value, after[kv.Key]));
    }

    private static void Near(Estimate e, double central, double low, double high)
    {
        e.Central.ShouldBe(central, 1e-12);
        e.Low.ShouldBe(low, 1e-12);
        e.High.ShouldBe(high, 1e-12);
    }

    [Fact]
    public void None_changes_nothing() => Delta("none").ShouldBeEmpty();

    [Fact]
    public void S18_cuts_the_revanchists_influence_and_moves_baku_a_little_west()
    {
        var d = Delta("s18-magnitsky");
        string[] revanchist = ["issue/armenia-government/ARM_REV/influence", "issue/armenia-alignment/ARM_REV/influence", "issue/peace-and-trilateral-deal/ARM_REV/influence"];
        d.Keys.ShouldBe([.. revanchist, "issue/azerbaijan-alignment/AZE_GOV/position", "issue/armenia-government/USA/salience"], ignoreOrder: true);
        foreach (var path in revanchist)
        {
            var influence = d[path];
            influence.After.Central.ShouldBe(influence.Before.Central * 0.75, 1e-12);
            influence.After.Low.ShouldBe(influence.Before.Low * 0.6, 1e-12);
            influence.After.High.ShouldBe(influence.Before.High * 0.9, 1e-12);
        }

        Near(d["issue/azerbaijan-alignment/AZE_GOV/position"].After, 58, 45, 71);
        d["issue/armenia-government/USA/salience"].After.Central.ShouldBe(0.25, 1e-12);
    }

    [Fact]
    public void S19_raises_western_salience_on_democratization_and_strengthens_the_opposition()
    {
        var d = Delta("s19-democratization");
        d.Keys.ShouldBe([
            "issue/azerbaijan-democratization/USA/salience", "issue/azerbaijan-democratization/EU/salience",
            "issue/azerbaijan-democratization/AZE_OPP/influence", "issue/azerbaijan-alignment/AZE_OPP/influence",
            "issue/azerbaijan-alignment/AZE_GOV/position",
        ], ignoreOrder: true);
        Near(d["issue/azerbaijan-democratization/USA/salience"].After, 0.35, 0.15, 0.55);
        d["issue/azerbaijan-democratization/EU/salience"].After.Central.ShouldBe(0.4, 1e-12);
        Near(d["issue/azerbaijan-democratization/AZE_OPP/influence"].After, 4 * 1.5, 2 * 1.2, 8 * 2.0);
        // Baku resents the pressure: its alignment moves East, not West.
        Near(d["issue/azerbaijan-alignment/AZE_GOV/position"].After, 50, 33, 65);
    }

    [Fact]
    public void S20_is_vocal_support_not_a_military_commitment()
    {
        var d = Delta("s20-back-azerbaijan");
        d.Keys.ShouldBe([
            "issue/azerbaijan-alignment/USA/salience", "issue/azerbaijan-alignment/EU/salience",
            "issue/azerbaijan-alignment/AZE_GOV/position",
        ], ignoreOrder: true);
        d.Keys.ShouldNotContain(k => k.StartsWith("parameter/", StringComparison.Ordinal), "words commit nobody to fight");
        Near(d["issue/azerbaijan-alignment/AZE_GOV/position"].After, 59, 45, 73);
        Near(d["issue/azerbaijan-alignment/USA/salience"].After, 0.3, 0.15, 0.45);
    }
    [Fact]
    public void S21_backs_the_armenian_government()
    {
        var d = Delta("s21-back-pashinyan");
        d.Keys.ShouldBe([
            "issue/armenia-government/USA/salience", "issue/armenia-government/EU/salience",
            "issue/armenia-alignment/EU/salience", "issue/armenia-government/ARM_GOV/influence", "issue/armenia-alignment/ARM_GOV/influence",
        ], ignoreOrder: true);
        Near(d["issue/armenia-government/EU/salience"].After, 0.45, 0.25, 0.65);
        Near(d["issue/armenia-government/ARM_GOV/influence"].After, 45 * 1.2, 35 * 1.05, 55 * 1.4);
    }

    [Fact]
    public void Georgia_tactics_raise_western_salience_and_shift_influence_from_government_to_public()
    {
        var d = Delta("georgia-tactics");
        d.Keys.ShouldBe([
            "issue/georgia-alignment/USA/salience", "issue/georgia-alignment/EU/salience",
            "issue/georgia-alignment/GEO_PUB/influence", "issue/georgia-alignment/GEO_GOV/influence",
        ], ignoreOrder: true);
        Near(d["issue/georgia-alignment/GEO_PUB/influence"].After, 20 * 1.3, 12 * 1.1, 28 * 1.6);
        Near(d["issue/georgia-alignment/GEO_GOV/influence"].After, 40 * 0.9, 30 * 0.8, 50 * 1.0);
    }

    [Fact]
    public void All_combined_is_the_union_of_the_five_packages()
    {
        var all = Delta("all-combined");
        var parts = new[] { "s18-magnitsky", "s19-democratization", "s20-back-azerbaijan", "s21-back-pashinyan", "georgia-tactics" }
            .SelectMany(p => Delta(p).Keys).Distinct();
        all.Keys.ShouldBe(parts, ignoreOrder: true);
        // Three packages touch Baku's alignment: +3 (S18), -5 (S19), +4 (S20) = +2 in all.
        all["issue/azerbaijan-alignment/AZE_GOV/position"].After.Central.ShouldBe(57, 1e-12);
    }

    [Fact]
    public void Ukraine_war_ends_frees_russian_forces_and_raises_russian_salience()
    {
        var d = Delta("ukraine-war-ends");
        d.Keys.ShouldBe([
            "actor/RUS/committed_elsewhere", "issue/armenia-alignment/RUS/salience", "issue/azerbaijan-alignment/RUS/salience",
            "issue/georgia-alignment/RUS/salience", "issue/armenia-government/RUS/salience",
        ], ignoreOrder: true);
        Near(d["actor/RUS/committed_elsewhere"].After, 0.1, 0.05, 0.2);
        Near(d["issue/armenia-alignment/RUS/salience"].After, 0.85, 0.6, 1.0);
        Built.Policy("ukraine-war-ends").WhatIf.ShouldBeTrue();
    }

    [Fact]
    public void The_connectivity_deal_works_on_the_peace_issue_through_the_usa()
    {
        var d = Delta("us-connectivity-deal");
        d.Keys.ShouldAllBe(k => k.StartsWith("issue/peace-and-trilateral-deal/", StringComparison.Ordinal));
        Near(d["issue/peace-and-trilateral-deal/USA/influence"].After,
            1.5 * Built.Issue("peace-and-trilateral-deal").StanceOf("USA")!.Influence!.Central,
            1.2 * Built.Issue("peace-and-trilateral-deal").StanceOf("USA")!.Influence!.Estimate.Low,
            2.0 * Built.Issue("peace-and-trilateral-deal").StanceOf("USA")!.Influence!.Estimate.High);
        d["issue/peace-and-trilateral-deal/RUS/influence"].After.Central.ShouldBeLessThan(d["issue/peace-and-trilateral-deal/RUS/influence"].Before.Central);
        Built.Policy("us-connectivity-deal").Claims.ShouldBeEmpty("an option beyond the article");
    }

    [Fact]
    public void Section_907_relief_is_a_trade_off_between_alignment_and_democratisation()
    {
        var d = Delta("us-section-907-relief");
        d["issue/azerbaijan-alignment/AZE_GOV/position"].After.Central.ShouldBeGreaterThan(d["issue/azerbaijan-alignment/AZE_GOV/position"].Before.Central);
        d["issue/azerbaijan-democratization/USA/salience"].After.Central.ShouldBeLessThan(d["issue/azerbaijan-democratization/USA/salience"].Before.Central);
        d["issue/armenia-alignment/ARM_GOV/position"].After.Central.ShouldBeLessThan(d["issue/armenia-alignment/ARM_GOV/position"].Before.Central);
    }

    [Fact]
    public void What_ifs_change_one_mechanism_each()
    {
        Delta("what-if-aze-army-ordinary").Keys.ShouldBe(["actor/AZE/effectiveness"]);
        Delta("what-if-turkey-stays-out").Keys.ShouldBe(["parameter/turkey-commitment"]);
        Delta("what-if-plot-not-broken").Keys.ShouldBe(["issue/armenia-government/ARM_REV/influence"]);
        Built.Policies.Where(p => p.Id.StartsWith("what-if-", StringComparison.Ordinal)).ShouldAllBe(p => p.WhatIf);
    }

    [Fact]
    public void Russias_responses_are_its_levers_with_a_sourced_cost()
    {
        var responses = Built.Policies.Where(p => p.ResponseBy is not null).ToArray();
        responses.Select(p => p.Id).ShouldBe([
            "rus-deports-azerbaijanis", "rus-bans-azerbaijani-imports", "rus-backs-revanchists", "rus-backs-georgian-dream", "rus-strikes-azerbaijan",
        ]);
        responses.ShouldAllBe(p => p.ResponseBy == "RUS" && !p.WhatIf && p.Cost != null && !p.Cost.Estimate.IsPoint);
        // A strike costs more than any other lever (War Trap: it does not pay in any draw).
        responses.Single(p => p.Id == "rus-strikes-azerbaijan").Cost!.Central.ShouldBeGreaterThan(responses.Where(p => p.Id != "rus-strikes-azerbaijan").Max(p => p.Cost!.Estimate.High));
        Delta("rus-backs-revanchists").Keys.ShouldContain("issue/armenia-government/ARM_REV/influence");
        var comparison = Built.Questions.Single(q => q.Model == QuestionModel.PolicyComparison);
        comparison.Responder.ShouldBe("RUS");
        comparison.Sponsors.ShouldBe(["USA", "EU"]);
    }

    [Fact]
    public void Every_package_is_tested_here()
    {
        Built.Policies.Select(p => p.Id).ShouldBe([
            "none", "s18-magnitsky", "s19-democratization", "s20-back-azerbaijan", "s21-back-pashinyan",
            "georgia-tactics", "all-combined", "ukraine-war-ends", "us-connectivity-deal", "us-section-907-relief",
            "what-if-aze-army-ordinary", "what-if-turkey-stays-out", "what-if-plot-not-broken",
            "rus-deports-azerbaijanis", "rus-bans-azerbaijani-imports", "rus-backs-revanchists", "rus-backs-georgian-dream", "rus-strikes-azerbaijan",
        ]);
    }
}
