using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Statecraft.Core.Conflict;
using Statecraft.Core.Uncertainty;

namespace Statecraft.Core.Tests.Conflict;

public sealed class WarTrapPropertyTests
{
    private static double Unit(int x) => (Math.Abs(x) % 1000) / 1000.0;

    private static WarTrapSpec Random4(int[] seeds, double attackerCapability)
    {
        double S(int i) => Unit(seeds[i % seeds.Length] * (i + 7));
        var names = new[] { "I", "J", "K", "L" };
        var states = names.Select((n, i) => new WarTrapState(n, i == 0 ? attackerCapability : 0.001 + S(i))).ToArray();
        var similarity = new List<StatePair>();
        for (var a = 0; a < 4; a++)
            for (var b = a + 1; b < 4; b++) similarity.Add(new StatePair(names[a], names[b], 2 * S(a * 4 + b + 11) - 1));
        return new WarTrapSpec(states, [], null, similarity, []);
    }

    [Property(MaxTest = 200)]
    public bool Attacker_with_zero_capability_never_has_positive_bilateral_EU(NonEmptyArray<int> seeds)
    {
        var model = WarTrapModel.Create(Random4(seeds.Get, 0), new WarTrapOptions(DistanceDiscount: false)).Value;
        return model.Dyad(0, 1).Bilateral <= 0;
    }

    [Property(MaxTest = 200)]
    public bool Swapping_identical_states_gives_equal_and_opposite_bilateral_terms(NonEmptyArray<int> seeds)
    {
        // I and J identical in capability; their dyads are mirror images.
        var spec = Random4(seeds.Get, 0.2);
        spec = spec with { States = [spec.States[0], spec.States[1] with { Capability = 0.2 }, spec.States[2], spec.States[3]] };
        var model = WarTrapModel.Create(spec, new WarTrapOptions(DistanceDiscount: false)).Value;
        var ij = model.Dyad(0, 1).Bilateral;
        var ji = model.Dyad(1, 0).Bilateral;
        return Math.Abs(ij + ji) < 1e-15;
    }

    [Property(MaxTest = 200)]
    public bool Bilateral_terms_are_opposite_when_capabilities_differ_too(PositiveInt a, PositiveInt b)
    {
        // With U_ij = U_ji, P_ij + P_ji = 1, so EU_bil(i, j) = −EU_bil(j, i) for any capabilities.
        var spec = new WarTrapSpec([new("I", a.Get / 1000.0), new("J", b.Get / 1000.0)], [], null, [new("I", "J", 0.3)], []);
        var model = WarTrapModel.Create(spec, new WarTrapOptions(DistanceDiscount: false)).Value;
        return Math.Abs(model.Dyad(0, 1).Bilateral + model.Dyad(1, 0).Bilateral) < 1e-12;
    }

    [Property(MaxTest = 200)]
    public bool S_is_one_for_identical_portfolios(NonEmptyArray<int> codes, bool weighted)
    {
        var portfolio = codes.Get.Select(c => (TieKind)(Math.Abs(c % 4) + 1)).ToArray();
        var weights = codes.Get.Select(c => Unit(c) + 0.01).ToArray();
        return AlliancePortfolio.S(portfolio, portfolio, weighted ? weights : default) == 1.0;
    }

    [Property(MaxTest = 100)]
    public bool Tau_b_is_symmetric_and_within_bounds(NonEmptyArray<int> a, NonEmptyArray<int> b)
    {
        var n = Math.Min(a.Get.Length, b.Get.Length);
        var pa = a.Get.Take(n).Select(c => (TieKind)(Math.Abs(c % 4) + 1)).ToArray();
        var pb = b.Get.Take(n).Select(c => (TieKind)(Math.Abs(c % 4) + 1)).ToArray();
        var t = AlliancePortfolio.TauB(pa, pb);
        return t >= -1 - 1e-12 && t <= 1 + 1e-12 && Math.Abs(t - AlliancePortfolio.TauB(pb, pa)) < 1e-15;
    }

    [Fact]
    public void Tau_b_and_S_from_ties()
    {
        // Two states allied with each other and with nobody else have identical portfolios: τ_b = S = 1.
        var ties = new TieKind[9];
        Array.Fill(ties, TieKind.None);
        ties[0 * 3 + 1] = ties[1 * 3 + 0] = TieKind.Defence;
        var tau = AlliancePortfolio.SimilarityMatrix(ties, 3, SimilarityMeasure.TauB);
        tau[1].ShouldBe(1, 1e-15);
        var s = AlliancePortfolio.SimilarityMatrix(ties, 3, SimilarityMeasure.S);
        s[1].ShouldBe(1);
        // Third state: ties (4, 4, 1) against (1, 1, 4): S = 1 − 2·(9/3)/3 = −1.
        s[2].ShouldBe(-1, 1e-15);
        var weighted = AlliancePortfolio.SimilarityMatrix(ties, 3, SimilarityMeasure.WeightedS, [0.5, 0.3, 0.2]);
        weighted[2].ShouldBe(-1, 1e-15);
    }

    [Fact]
    public void Capability_committed_elsewhere_scales_the_states_capability()
    {
        var full = WarTrapModel.Create(WarTrapReferenceTests.ToySpec(), new WarTrapOptions(DistanceDiscount: false)).Value;
        var spec = WarTrapReferenceTests.ToySpec();
        spec = spec with { States = [spec.States[0] with { CommittedElsewhere = 0.5 }, .. spec.States.Skip(1)] };
        var tied = WarTrapModel.Create(spec, new WarTrapOptions(DistanceDiscount: false)).Value;
        tied.Capability(0, 1).ShouldBe(0.05, 1e-17);
        tied.Dyad(0, 1).P.ShouldBe(0.05 / 0.07, 1e-15);
        tied.ExpectedUtility(0, 1).ShouldBeLessThan(full.ExpectedUtility(0, 1));
    }

    [Fact]
    public void A_full_commitment_to_the_target_makes_the_third_party_fully_hostile_to_the_attacker()
    {
        var spec = WarTrapReferenceTests.ToySpec() with { Commitments = [new ThirdPartyCommitment("K1", "B", 1.0)] };
        var model = WarTrapModel.Create(spec, new WarTrapOptions(DistanceDiscount: false)).Value;
        var k1 = model.Dyad(0, 1).ThirdParties[0];
        k1.Term.ShouldBe((k1.PIk + k1.PJk - 1) * (-1 - 1), 1e-15);
        model.ExpectedUtility(0, 1).ShouldBe(model.Dyad(0, 1).ExpectedUtility, 1e-15);
        // Half a commitment moves U halfway: U_K1,A = 0.6 → −0.2, U_K1,B = −0.3 → 0.35.
        var half = WarTrapModel.Create(spec with { Commitments = [new ThirdPartyCommitment("K1", "B", 0.5)] }, new WarTrapOptions(DistanceDiscount: false)).Value;
        var h = half.Dyad(0, 1).ThirdParties[0];
        h.Term.ShouldBe((h.PIk + h.PJk - 1) * (-0.2 - 0.35), 1e-15);
    }

    [Fact]
    public void Invalid_regions_report_every_problem()
    {
        var spec = new WarTrapSpec(
            [new("A", -0.1), new("B", 0.2, CommittedElsewhere: 1.5)],
            [new("A", "C", 100)],
            [new AllianceTie("A", "Z", TieKind.Defence)],
            null,
            [new ThirdPartyCommitment("B", "A", 1.2)]);
        var problems = WarTrapModel.Create(spec, new WarTrapOptions()).Problems;
        problems.Select(p => p.Field).ShouldBe(["capability", "committed_elsewhere", "distance", "tie", "commitment.strength"], ignoreOrder: true);
    }

    [Fact]
    public void Uncertain_region_at_point_values_reproduces_the_deterministic_EU_in_Monte_Carlo()
    {
        var spec = WarTrapReferenceTests.ToySpec();
        var region = UncertainWarTrap.Create(
            spec.States.Select(s => new UncertainWarTrapState(s.Id, Distribution.Point(s.Capability))).ToArray(),
            spec.Distances.Select(d => new UncertainStatePair(d.A, d.B, Distribution.Point(d.Value))).ToArray(),
            null,
            spec.Similarity!.Select(u => new UncertainStatePair(u.A, u.B, Distribution.Point(u.Value))).ToArray(),
            []).Value;
        var model = region.ExpectedUtility("A", "B", new WarTrapOptions(DistanceDiscount: false));
        var report = MonteCarlo.Analyze(region.Inputs, model, Verdict.GreaterThan(0), new MonteCarloOptions(64, 5));
        report.Baseline.ShouldBe(0.9954751131221719);
        report.MonteCarlo!.Values.ShouldAllBe(v => v == 0.9954751131221719);
        report.MonteCarlo.ProbabilityVerdictHolds.ShouldBe(1);
        // A's capability must fall to B's level before attacking stops paying... or further; the flip exists and lies below 0.10.
        var flip = report.FlipPoints.Single(f => f.Input == "capability[A]");
        flip.Below.ShouldNotBeNull();
        flip.Below!.Value.ShouldBeLessThan(0.10);
        var model2 = WarTrapModel.Create(spec with { States = [spec.States[0] with { Capability = flip.Below.Value }, .. spec.States.Skip(1)] },
            new WarTrapOptions(DistanceDiscount: false)).Value;
        model2.ExpectedUtility(0, 1).ShouldBeLessThanOrEqualTo(0);
    }

    [Theory]
    [InlineData(SimilarityMeasure.TauB)]
    [InlineData(SimilarityMeasure.S)]
    [InlineData(SimilarityMeasure.WeightedS)]
    public void Drawn_models_reuse_tie_similarity_without_changing_results(SimilarityMeasure measure)
    {
        string[] ids = ["A", "B", "C", "D", "E"];
        var region = UncertainWarTrap.Create(
            ids.Select((id, i) => new UncertainWarTrapState(id, Distribution.Uniform(0.01 * (i + 1), 0.02 * (i + 1)))).ToArray(),
            [],
            [new AllianceTie("A", "C", TieKind.Defence), new AllianceTie("B", "D", TieKind.Entente), new AllianceTie("C", "E", TieKind.Neutrality)],
            null,
            [new UncertainCommitment("E", "B", Distribution.Uniform(0, 1))]).Value;
        var options = new WarTrapOptions(DistanceDiscount: false, Measure: measure);
        for (ulong k = 0; k < 20; k++)
        {
            var values = new double[region.Inputs.Count];
            region.Inputs.Draw(Statecraft.Core.Random.Xoshiro256StarStar.ForStream(3, k), values);
            var reused = region.Model(new ScenarioDraw(region.Inputs, values), options);
            var fresh = WarTrapModel.Create(region.Realize(values), options).Value;
            reused.AllDyads().ShouldBe(fresh.AllDyads());
        }
    }
}
