using Statecraft.Core.Conflict;

namespace Statecraft.Core.Tests.Conflict;

/// <summary>Bueno de Mesquita's (1985) risk-bent utilities in the War Trap EU, and weighted S.</summary>
public sealed class RiskAdjustedWarTrapTests
{
    [Fact]
    public void Risk_utilities_by_hand()
    {
        // U(Δ) = 2 − 4((2 − Δ)/4)^r: linear at r = 1, U(0) = 2 − 4·0.5^r.
        WarTrapModel.RiskUtility(1.2, 1).ShouldBe(1.2, 1e-15);
        WarTrapModel.RiskUtility(-0.7, 1).ShouldBe(-0.7, 1e-15);
        WarTrapModel.RiskUtility(1.2, 2).ShouldBe(2 - 4 * 0.2 * 0.2, 1e-15); // 1.84
        WarTrapModel.RiskUtility(-1.2, 2).ShouldBe(2 - 4 * 0.8 * 0.8, 1e-15); // −0.56
        WarTrapModel.RiskUtility(0, 2).ShouldBe(1, 1e-15);
        WarTrapModel.RiskUtility(0, 0.5).ShouldBe(2 - 4 * Math.Sqrt(0.5), 1e-15);
        // The ends of the scale do not bend: U(2) = 2 and U(−2) = −2 whatever r.
        WarTrapModel.RiskUtility(2, 0.5).ShouldBe(2);
        WarTrapModel.RiskUtility(-2, 2).ShouldBe(-2);
    }

    [Fact]
    public void Toy_dyad_with_a_risk_averse_attacker_by_hand()
    {
        // A attacks B without discount: P = 0.10/0.12 = 5/6, U_AB = −0.2. With r = 2:
        // P·U(1.2) + (1 − P)·U(−1.2) − U(0) = 5/6·1.84 − 1/6·0.56 − 1 = 0.44.
        var model = WarTrapModel.Create(WarTrapReferenceTests.ToySpec(), new WarTrapOptions(DistanceDiscount: false)).Value;
        var averse = model.Dyad(0, 1, 2);
        averse.Bilateral.ShouldBe(0.44, 1e-15);
        var neutral = model.Dyad(0, 1);
        averse.Multilateral.ShouldBe(neutral.Multilateral);
        averse.P.ShouldBe(neutral.P);
        model.ExpectedUtility(0, 1, 2).ShouldBe(averse.ExpectedUtility, 1e-15);
    }

    [Fact]
    public void Exponent_one_is_the_1981_model_to_the_bit()
    {
        foreach (var discount in new[] { false, true })
        {
            var model = WarTrapModel.Create(WarTrapReferenceTests.ToySpec(), new WarTrapOptions(DistanceDiscount: discount, Year: 2000)).Value;
            for (var i = 0; i < 4; i++)
            {
                for (var j = 0; j < 4; j++)
                {
                    if (i == j) continue;
                    model.ExpectedUtility(i, j, 1).ShouldBe(model.ExpectedUtility(i, j));
                    model.Dyad(i, j, 1).ShouldBeEquivalentTo(model.Dyad(i, j));
                    // Identical portfolios (U_ij = 1) leave nothing at stake whatever the exponent.
                    var p = model.Dyad(i, j).P;
                    if (double.IsNaN(p)) continue; // the toy region gives no K1–K2 distance
                    WarTrapModel.RiskAdjustedBilateral(p, 1, 2).ShouldBe(0, 1e-15);
                    WarTrapModel.RiskAdjustedBilateral(p, 1, 0.5).ShouldBe(0, 1e-15);
                }
            }
        }

        Should.Throw<ArgumentOutOfRangeException>(() => WarTrapModel.RiskAdjustedBilateral(0.5, 0, 0));
        Should.Throw<ArgumentOutOfRangeException>(() => WarTrapModel.RiskAdjustedBilateral(0.5, 0, double.NaN));
    }

    [Fact]
    public void Weighted_S_of_a_small_system_by_hand()
    {
        // A–B defence, B–C entente; weights 0.4, 0.3, 0.2, 0.1. Portfolios (A, B, C, D):
        // A (1, 1, 4, 4), C (4, 3, 1, 4): |differences| 3, 2, 3, 0, weighted 0.4·3 + 0.3·2 + 0.2·3 = 2.4;
        // S = 1 − 2·(2.4/3)/1.0 = −0.6. Unweighted: 1 − 2·(8/3)/4 = −1/3.
        var ties = Enumerable.Repeat(TieKind.None, 16).ToArray();
        ties[0 * 4 + 1] = ties[1 * 4 + 0] = TieKind.Defence;
        ties[1 * 4 + 2] = ties[2 * 4 + 1] = TieKind.Entente;
        var weighted = AlliancePortfolio.SimilarityMatrix(ties, 4, SimilarityMeasure.WeightedS, [0.4, 0.3, 0.2, 0.1]);
        weighted[0 * 4 + 2].ShouldBe(-0.6, 1e-15);
        weighted[2 * 4 + 0].ShouldBe(-0.6, 1e-15);
        AlliancePortfolio.SimilarityMatrix(ties, 4, SimilarityMeasure.S)[0 * 4 + 2].ShouldBe(-1.0 / 3, 1e-15);
    }
}
