using Statecraft.Core.Conflict;
using Statecraft.Io.Datasets;
using Statecraft.Tests;

namespace Statecraft.Io.Tests.Datasets;

public sealed class CowDataTests
{
    [Fact]
    public void Capabilities_subset_matches_the_shared_NMC_file()
    {
        var subset = CowData.ReadCapabilities(TestPaths.InRepo("data", "cow", "nmc_v7_subset.csv"));
        subset[(365, 2022)].ShouldBe(0.038196992);
        subset[(373, 2022)].ShouldBe(0.0013838517);
        var full = CowData.ReadCapabilities(Path.Combine(TestPaths.Shared, "data", "cow", "nmc_v7", "cow_nmc_v7_peacesciencer.csv"));
        foreach (var (key, value) in subset) full[key].ShouldBe(value);
        subset.Keys.Select(k => k.Ccode).Distinct().Count().ShouldBe(16);
    }

    [Fact]
    public void ATOP_ties_take_the_strongest_kind_of_the_year()
    {
        var ties = CowData.ReadTies(TestPaths.InRepo("data", "cow", "atop_v5_subset.csv"), 2018);
        ties[(373, 640)].ShouldBe(TieKind.Defence);     // Azerbaijan-Turkey: defence, non-aggression, consultation
        ties[(371, 640)].ShouldBe(TieKind.Neutrality);  // Armenia-Turkey: non-aggression only
        ties[(365, 640)].ShouldBe(TieKind.Neutrality);  // Russia-Turkey: neutrality, non-aggression, consultation
        ties.ContainsKey((666, 373)).ShouldBeFalse();
        CowData.YearRange(TestPaths.InRepo("data", "cow", "atop_v5_subset.csv")).ShouldBe((1992, 2018));
    }

    [Fact]
    public void COW_alliance_ties_read_from_their_own_columns()
    {
        var ties = CowData.ReadTies(TestPaths.InRepo("data", "cow", "cow_alliance_v4.1_subset.csv"), 2012);
        ties[(2, 640)].ShouldBe(TieKind.Defence);
        ties[(365, 640)].ShouldBe(TieKind.Neutrality);
        ties[(365, 710)].ShouldBe(TieKind.Neutrality); // non-aggression and entente: non-aggression ranks higher
    }
}
