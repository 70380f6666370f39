using Statecraft.Core.Bargaining;
using Statecraft.Core.Domain;

namespace Statecraft.Core.Tests.Bargaining;

public sealed class BdmEdgeCaseTests
{
    private static Issue IssueOf(params (string Name, double C, double X, double S)[] actors) =>
        Issue.Create("test", null, actors.Select(a => new Actor(a.Name, new Capability(a.C), new Position(a.X), new Salience(a.S))).ToArray()).Value;

    public static TheoryData<string> PresetNames => new(BdmOptions.Presets.Keys);

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void All_actors_at_one_position_nothing_moves_and_nothing_divides_by_zero(string preset)
    {
        var issue = IssueOf(("A", 1, 5, 1), ("B", 2, 5, 0.5), ("C", 0.5, 5, 0.2));
        var result = BdmModel.Run(issue, BdmOptions.Presets[preset] with { Rounds = 3 });

        result.PositionRange.ShouldBe(0);
        foreach (var round in result.Rounds.Skip(1))
        {
            round.Moves.ShouldBeEmpty();
            round.Positions.ShouldAllBe(x => x == 5);
            var d = round.Diagnostics!;
            d.RiskExponents.ShouldAllBe(r => r == 1.0);
            d.Final.P.SelectMany(row => row).ShouldAllBe(p => p == 0);
            d.Final.ExpectedUtility.SelectMany(row => row).ShouldAllBe(u => double.IsFinite(u));
        }

        result.ForecastMedian.ShouldBe(5);
        result.ForecastMean.ShouldBe(5);
    }

    [Fact]
    public void A_weighted_mean_an_ulp_beyond_the_extreme_position_gives_no_NaN()
    {
        // Found by the property test: with Masad's switching μ the second pass uses the weighted mean,
        // here 84 plus an ulp (only A carries weight), so Ub's base 0.5 − spread fell an ulp below 0.
        var issue = IssueOf(("A", 0.51, 84, 0.8), ("B", 0.87, 69, 0));
        var options = BdmOptions.Presets["masad"] with { Q = 0.5, T = 0.5, Rounds = 1, ConvergenceTolerance = null };
        var d = BdmModel.Run(issue, options).Rounds[1].Diagnostics!;
        d.Final.ExpectedUtility.SelectMany(row => row).ShouldAllBe(u => double.IsFinite(u));
    }

    [Fact]
    public void Default_stops_once_nobody_moves()
    {
        var issue = IssueOf(("A", 1, 5, 1), ("B", 2, 5, 0.5));
        var result = BdmModel.Run(issue, BdmOptions.Default with { Rounds = 10 });
        result.Converged.ShouldBeTrue();
        result.Rounds.Count.ShouldBe(2);
    }

    [Fact]
    public void A_tolerance_stops_once_every_move_is_within_it()
    {
        // No move of the EC example's first text round exceeds half the range (3 of 6).
        var loose = BdmModel.Run(EcEmissions.Issue, BdmOptions.Default with { ConvergenceTolerance = 0.5, Rounds = 50 });
        loose.Converged.ShouldBeTrue();
        loose.Rounds.Count.ShouldBe(2);
        var largest = loose.Rounds[1].Moves.Max(m => Math.Abs(m.To - m.From));
        largest.ShouldBeLessThanOrEqualTo(0.5 * 6);

        var none = BdmModel.Run(EcEmissions.Issue, BdmOptions.Default with { ConvergenceTolerance = null, Rounds = 12 });
        none.Converged.ShouldBeFalse();
        none.Rounds.Count.ShouldBe(13);
    }

    [Theory]
    [InlineData(0.0, 0.7)]
    [InlineData(0.12, 0.0)]
    public void An_actor_without_weight_casts_no_vote_and_does_not_move_the_mean(double capability, double salience)
    {
        var others = new[] { ("A", 0.3, 0.0, 0.9), ("B", 0.2, 40.0, 0.5), ("C", 0.5, 100.0, 0.6) };
        var with = IssueOf([.. others, ("Silent", capability, 60.0, salience)]);
        var without = IssueOf(others);

        var a = BdmModel.Run(with, BdmOptions.Default with { Rounds = 1 }).Rounds[1].Diagnostics!;
        var b = BdmModel.Run(without, BdmOptions.Default with { Rounds = 1 }).Rounds[1].Diagnostics!;
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++)
                a.Neutral.P[i][j].ShouldBe(b.Neutral.P[i][j], 1e-15);

        Baselines.WeightedMean(with).ShouldBe(Baselines.WeightedMean(without), 1e-12);
        Baselines.WeightedMedian(with).ShouldBe(Baselines.WeightedMedian(without));
        BdmModel.Run(with, BdmOptions.Default).Rounds.SelectMany(r => r.Positions).ShouldAllBe(x => x >= 0 && x <= 100);
    }

    [Fact]
    public void A_zero_salience_actor_yields_to_any_challenger_it_cannot_beat()
    {
        // It would not resist, so a challenge by the strong actor A succeeds for sure from A's side.
        var issue = IssueOf(("A", 1, 0, 1), ("B", 0.2, 10, 0.5), ("Silent", 0.1, 10, 0));
        var round = BdmModel.Run(issue, BdmOptions.Default with { Rounds = 1 }).Rounds[1];
        round.Diagnostics!.Final.ExpectedUtility[0][2].ShouldBeGreaterThan(0);
        round.Moves.ShouldContain(m => m.Actor == "Silent");
    }

    [Fact]
    public void Two_actors_get_the_extreme_risk_exponents()
    {
        var issue = IssueOf(("A", 1, 0, 1), ("B", 1, 10, 0.5));
        var result = BdmModel.Run(issue, BdmOptions.Default with { Rounds = 1 });
        var r = result.Rounds[1].Diagnostics!.RiskExponents;
        r.Order().ShouldBe([0.5, 2.0], tolerance: 1e-12);
        result.Rounds[1].Positions.ShouldAllBe(x => x >= 0 && x <= 10);
    }

    [Fact]
    public void Baselines_of_the_EC_example()
    {
        // Σ c s x / Σ c s over the ten states, and the held position with half the weight on each side.
        Baselines.WeightedMean(EcEmissions.Issue).ShouldBe(EcEmissions.Round0.GetProperty("weighted_mean").GetDouble(), 1e-12);
        Baselines.WeightedMedian(EcEmissions.Issue).ShouldBe(EcEmissions.Round0.GetProperty("median").GetDouble());
    }

    [Fact]
    public void Options_out_of_range_are_reported_not_run()
    {
        var bad = BdmOptions.Default with { Q = 1.5, Rounds = -1, ConvergenceTolerance = double.NaN };
        var run = BdmModel.TryRun(EcEmissions.Issue, bad);
        run.Success.ShouldBeFalse();
        run.Problems.Select(p => p.Field).ShouldBe(["q", "rounds", "convergence"]);
        Should.Throw<ArgumentException>(() => BdmModel.Run(EcEmissions.Issue, bad));
    }

    [Fact]
    public void Capitulation_fires_without_the_fault_and_never_with_it()
    {
        // A (5) cannot win against the strong C (10) and values resisting less than C values pressing.
        var issue = IssueOf(("A", 1, 5, 1), ("B", 0.1, 2, 0.9), ("C", 2, 10, 0.9));
        var faithful = BdmModel.Run(issue, BdmOptions.Default with { Rounds = 1 }).Rounds[1];
        var move = faithful.Moves.Single(m => m.Actor == "A");
        move.Kind.ShouldBe(MoveKind.Capitulation);
        move.Toward.ShouldBe("C");
        move.To.ShouldBe(10);
        (move.OwnEu < 0 && Math.Abs(move.OwnEu) > move.OtherEu).ShouldBeTrue();

        var faulty = BdmModel.Run(issue, BdmOptions.Default with { Rounds = 1, Faults = BdmFaults.CapitulationNeverFires }).Rounds[1];
        faulty.Moves.ShouldNotContain(m => m.Actor == "A");
        faulty.Positions[0].ShouldBe(5);
    }
}
