using System.Text.Json;
using Statecraft.Core.Conflict;
using Statecraft.Tests;

namespace Statecraft.Core.Tests.Conflict;

/// <summary>Cross-checks against reference/wartrap/wartrap_toy_vectors.json (invented inputs; they check the algebra).</summary>
public sealed class WarTrapReferenceTests
{
    private const double Tolerance = 1e-15;

    private static readonly JsonElement Vectors =
        JsonDocument.Parse(File.ReadAllText(TestPaths.Reference("wartrap", "wartrap_toy_vectors.json"))).RootElement;

    private static double V(params string[] path)
    {
        var e = Vectors;
        foreach (var p in path) e = e.GetProperty(p);
        return e.GetDouble();
    }

    // The toy system of the reference script: A attacks B, third parties K1 and K2.
    internal static WarTrapSpec ToySpec() => new(
        [new("A", 0.10), new("B", 0.02), new("K1", 0.05), new("K2", 0.01)],
        [new("A", "B", 600), new("K1", "A", 300), new("K1", "B", 800), new("K2", "A", 900), new("K2", "B", 100)],
        null,
        [
            new("A", "B", -0.2), new("A", "K1", 0.6), new("A", "K2", -0.1),
            new("B", "K1", -0.3), new("B", "K2", 0.8), new("K1", "K2", 0.0),
        ],
        []);

    [Fact]
    public void Tau_b_of_EUGenes_test_table()
    {
        int[] table = [0, 0, 0, 14, 0, 0, 0, 0, 0, 0, 0, 0, 10, 0, 0, 6];
        var tau = AlliancePortfolio.TauB(table);
        tau.ShouldBe(V("tau_b_eugene_test_table"), Tolerance);
        tau.ShouldBe(-0.6614378, 1e-7);
    }

    [Fact]
    public void S_examples()
    {
        TieKind[] Codes(params int[] c) => c.Select(x => (TieKind)x).ToArray();
        AlliancePortfolio.S(Codes(1, 4, 4, 2), Codes(1, 4, 4, 2)).ShouldBe(V("S_identical"));
        AlliancePortfolio.S(Codes(1, 1, 1), Codes(4, 4, 4)).ShouldBe(V("S_opposite_1vs4"));
        AlliancePortfolio.S(Codes(1, 1, 4, 4), Codes(1, 4, 4, 2)).ShouldBe(V("S_example"), Tolerance);
        // Weighted: d = (0·1 + 3·2 + 0·3 + 2·4)/3 = 14/3, S = 1 − 2·(14/3)/10 = 1/15.
        AlliancePortfolio.S(Codes(1, 1, 4, 4), Codes(1, 4, 4, 2), [1.0, 2, 3, 4]).ShouldBe(1.0 / 15, Tolerance);
    }

    [Theory]
    [InlineData(false, "toy_wartrap_nodiscount_A_vs_B")]
    [InlineData(true, "toy_wartrap_discount_A_vs_B")]
    public void Toy_dyad_matches_every_part(bool discount, string key)
    {
        var model = WarTrapModel.Create(ToySpec(), new WarTrapOptions(DistanceDiscount: discount, Year: 2000)).Value;
        var dyad = model.Dyad(model.IndexOf("A"), model.IndexOf("B"));
        dyad.P.ShouldBe(V(key, "Pi"), Tolerance);
        dyad.Bilateral.ShouldBe(V(key, "bilateral"), Tolerance);
        dyad.Multilateral.ShouldBe(V(key, "multilateral"), Tolerance);
        dyad.ExpectedUtility.ShouldBe(V(key, "EU"), Tolerance);
        dyad.ThirdParties.Select(t => t.State).ShouldBe(["K1", "K2"]);
        foreach (var t in dyad.ThirdParties)
        {
            t.PIk.ShouldBe(V(key, "thirdparty", t.State, "Pik"), Tolerance);
            t.PJk.ShouldBe(V(key, "thirdparty", t.State, "Pjk"), Tolerance);
            t.Term.ShouldBe(V(key, "thirdparty", t.State, "term"), Tolerance);
        }

        // The allocation-free path gives the same number.
        model.ExpectedUtility(0, 1).ShouldBe(V(key, "EU"), Tolerance);
    }

    [Fact]
    public void No_discount_EU_is_the_issues_figure_to_the_last_digit()
    {
        var model = WarTrapModel.Create(ToySpec(), new WarTrapOptions(DistanceDiscount: false)).Value;
        model.ExpectedUtility(0, 1).ShouldBe(0.9954751131221719);
    }

    [Fact]
    public void Distance_discount_at_home_and_at_600_miles()
    {
        WarTrapModel.DiscountedCapability(0.10, 0).ShouldBe(V("toy_adjcap_examples", "A_at_home(0mi)"), Tolerance);
        WarTrapModel.DiscountedCapability(0.10, 600).ShouldBe(V("toy_adjcap_examples", "A_at_B(600mi)"), Tolerance);
        new WarTrapOptions(Year: 1900).MilesPerDay.ShouldBe(250);
        new WarTrapOptions(Year: 1940).MilesPerDay.ShouldBe(375);
    }

    [Fact]
    public void Risk_transform()
    {
        WarTrapModel.RiskExponent(1).ShouldBe(V("risk_examples", "R=1->r"), Tolerance);
        WarTrapModel.RiskExponent(-1).ShouldBe(V("risk_examples", "R=-1->r"), Tolerance);
        WarTrapModel.RiskExponent(0).ShouldBe(V("risk_examples", "R=0->r"), Tolerance);
        WarTrapModel.RiskR(0.2, 0.5, -0.5).ShouldBe(V("risk_examples", "R(sec=0.2,max=0.5,min=-0.5)"), Tolerance);
    }

    [Fact]
    public void Risk_of_the_toy_region_spans_the_transform()
    {
        var model = WarTrapModel.Create(ToySpec(), new WarTrapOptions(DistanceDiscount: false)).Value;
        var risk = model.Risk();
        risk.Max(r => r.R).ShouldBe(1, 1e-15);
        risk.Min(r => r.R).ShouldBe(-1, 1e-15);
        var eu = model.AllDyads();
        risk[0].Security.ShouldBe(eu[1 * 4 + 0] + eu[2 * 4 + 0] + eu[3 * 4 + 0], 1e-15);
    }
}
