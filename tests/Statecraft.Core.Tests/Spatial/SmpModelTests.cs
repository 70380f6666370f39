using Statecraft.Core.Random;
using Statecraft.Core.Spatial;

namespace Statecraft.Core.Tests.Spatial;

public sealed class SmpModelTests
{
    /// <summary>A random scenario drawn the way KTAB's own generator draws them.</summary>
    private static SpatialScenario Generated(int actors, int dims, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var list = new List<SpatialActor>();
        for (var i = 0; i < actors; i++)
        {
            var p = new double[dims];
            var s = new double[dims];
            for (var k = 0; k < dims; k++)
            {
                p[k] = Math.Round(rng.NextDouble() * 100, 2) / 100;
                s[k] = Math.Round((10 + rng.NextDouble() * 80) / dims, 2) / 100;
            }

            list.Add(new SpatialActor($"A{i:000}", "", Math.Round(10 + rng.NextDouble() * 190, 3), p, s));
        }

        return SpatialScenario.Create("generated", "", Enumerable.Range(1, dims).Select(k => $"D{k}").ToArray(), list).Value;
    }

    private static string Bytes(SmpResult r) =>
        string.Join("|", r.Turns.Select(t => string.Join(",", t.Positions.Select(x => BitConverter.DoubleToInt64Bits(x)))
            + ";" + string.Join(",", t.WinProbabilities.Select(x => BitConverter.DoubleToInt64Bits(x)))));

    [Fact]
    public void Stochastic_mode_gives_the_same_bytes_with_one_thread_and_with_all()
    {
        var scenario = Generated(40, 2, 7);
        var options = SmpOptions.Default with { Transition = StateTransition.Stochastic, Seed = 12345, MaxTurns = 15 };
        var one = SmpModel.Run(scenario, options with { MaxThreads = 1 });
        var all = SmpModel.Run(scenario, options with { MaxThreads = Environment.ProcessorCount });
        var again = SmpModel.Run(scenario, options with { MaxThreads = 4 });
        Bytes(all).ShouldBe(Bytes(one));
        Bytes(again).ShouldBe(Bytes(one));
    }

    [Fact]
    public void Different_seeds_give_different_stochastic_runs()
    {
        var scenario = Generated(40, 2, 7);
        var options = SmpOptions.Default with { Transition = StateTransition.Stochastic, MaxTurns = 15 };
        var a = SmpModel.Run(scenario, options with { Seed = 1 });
        var b = SmpModel.Run(scenario, options with { Seed = 2 });
        Bytes(a).ShouldNotBe(Bytes(b));
    }

    [Fact]
    public void Stochastic_mode_differs_from_deterministic_mode()
    {
        var scenario = Generated(40, 2, 7);
        var det = SmpModel.Run(scenario, SmpOptions.Default with { MaxTurns = 15 });
        var sto = SmpModel.Run(scenario, SmpOptions.Default with { Transition = StateTransition.Stochastic, Seed = 1, MaxTurns = 15 });
        Bytes(sto).ShouldNotBe(Bytes(det));
    }

    [Fact]
    public void Deterministic_mode_with_many_actors_is_thread_independent()
    {
        var scenario = Generated(120, 1, 3);
        var one = SmpModel.Run(scenario, SmpOptions.Default with { MaxThreads = 1, MaxTurns = 8 });
        var all = SmpModel.Run(scenario, SmpOptions.Default with { MaxTurns = 8 });
        Bytes(all).ShouldBe(Bytes(one));
    }

    [Theory]
    [InlineData(8, 1, 1UL, 0)]
    [InlineData(10, 1, 2UL, 1)]
    [InlineData(12, 1, 5UL, 2)]
    [InlineData(15, 3, 11UL, 0)]
    [InlineData(40, 2, 7UL, 1)]
    public void Final_positions_without_history_are_the_full_runs_to_the_last_bit_on_one_thread_or_all(int actors, int dims, ulong seed, int variant)
    {
        var scenario = Generated(actors, dims, seed);
        var options = variant switch
        {
            0 => SmpOptions.Default,
            1 => SmpOptions.Default with { Transition = StateTransition.Stochastic, Seed = 99, MaxTurns = 12 },
            _ => SmpOptions.Default with { Voting = VotingRule.Cubic, Bargains = BargainModel.PWCompInterp, Pce = PceModel.MarkovIncentive },
        };
        var full = SmpModel.Run(scenario, options).Final.Positions.Select(BitConverter.DoubleToInt64Bits).ToArray();
        SmpModel.FinalPositions(scenario, options with { MaxThreads = 1 }).Select(BitConverter.DoubleToInt64Bits).ShouldBe(full);
        SmpModel.FinalPositions(scenario, options with { MaxThreads = 2 }).Select(BitConverter.DoubleToInt64Bits).ShouldBe(full);
    }

    [Theory]
    [InlineData(PceModel.MarkovIncentive, VotingRule.PropCbc, BargainModel.InitRcvrInterp, BargainInterpolation.S1P1)]
    [InlineData(PceModel.MarkovUniform, VotingRule.Binary, BargainModel.PWCompInterp, BargainInterpolation.S2PMax)]
    [InlineData(PceModel.Conditional, VotingRule.ASymProsp, BargainModel.InitOnlyInterp, BargainInterpolation.S2P2)]
    public void Every_option_runs_and_keeps_positions_in_the_unit_cube_and_probabilities_summing_over_distinct_positions(
        PceModel pce, VotingRule voting, BargainModel bargains, BargainInterpolation interpolation)
    {
        var scenario = Generated(15, 3, 11);
        var r = SmpModel.Run(scenario, SmpOptions.Default with
        {
            Pce = pce,
            Voting = voting,
            Bargains = bargains,
            Interpolation = interpolation,
            RiskRange = RiskRange.Max,
            RiskAdjustment = RiskAdjustment.Half,
            VictoryProbability = VictoryProbabilityModel.Square,
        });
        r.Turns.Count.ShouldBeGreaterThan(1);
        foreach (var t in r.Turns)
        {
            t.Positions.ShouldAllBe(x => x >= 0 && x <= 1);
            t.RiskAttitudes.ShouldAllBe(x => x >= -1 - 1e-12 && x <= 1 + 1e-12);
            t.WinProbabilities.ShouldAllBe(p => p >= 0 && p <= 1 + 1e-12);
        }
    }

    [Fact]
    public void Risk_attitudes_span_KTAB_mid_range()
    {
        var r = SmpModel.Run(Generated(20, 2, 5), SmpOptions.Default with { MaxTurns = 1 });
        r.Turns[0].RiskAttitudes.Min().ShouldBe(-0.5, 1e-12);
        r.Turns[0].RiskAttitudes.Max().ShouldBe(1.0, 1e-12);
    }

    [Fact]
    public void Challenges_target_another_actor_with_positive_gain()
    {
        var r = SmpModel.Run(Generated(20, 2, 5), SmpOptions.Default with { MaxTurns = 3 });
        var made = r.Turns[0].Challenges.Select((c, i) => (c, i)).Where(x => x.c.Made).ToList();
        made.ShouldNotBeEmpty();
        made.ShouldAllBe(x => x.c.Target != x.i && x.c.Gain > 1e-5 && x.c.Probability > 0 && x.c.Probability < 1);
        r.Final.Challenges.ShouldBeEmpty();
    }

    [Fact]
    public void Scenario_rejects_bad_actors_with_every_problem()
    {
        var r = SpatialScenario.Create("s", "", ["D1", "D2"],
        [
            new SpatialActor("A", "", 0, [0.5, 0.5], [0.7, 0.4]),
            new SpatialActor("A", "", 1, [1.5], [0.1, 0.1]),
        ]);
        var text = r.Problems.Select(p => p.ToString()).ToList();
        text.ShouldContain(t => t.StartsWith("A: capability"));
        text.ShouldContain(t => t.StartsWith("A: salience") && t.Contains("at most 100"));
        text.ShouldContain(t => t.StartsWith("A: position") && t.Contains("expected 2"));
        text.ShouldContain(t => t.StartsWith("A: name: duplicate"));
    }

    [Fact]
    public void Ideal_adjustment_pairs_change_the_run_and_identity_pairs_do_not()
    {
        var g = Generated(12, 2, 9);
        SpatialScenario With(params IdealAdjustment[] pairs) =>
            SpatialScenario.Create(g.Name, "", g.Dimensions, g.Actors, pairs).Value;
        var plain = SmpModel.Run(g);
        var identity = SmpModel.Run(With(new IdealAdjustment("A000", "A000", 1.0)));
        var slow = SmpModel.Run(With(new IdealAdjustment("A000", "A000", 0.2), new IdealAdjustment("A001", "A001", 0.0)));
        Bytes(identity).ShouldBe(Bytes(plain));
        Bytes(slow).ShouldNotBe(Bytes(plain));
    }

    [Fact]
    public void Unknown_actor_in_an_adjustment_pair_is_a_problem()
    {
        var g = Generated(3, 1, 9);
        var r = SpatialScenario.Create("s", "", g.Dimensions, g.Actors, [new IdealAdjustment("Nobody", "A000", 0.5)]);
        r.Problems.ShouldHaveSingleItem().ToString().ShouldBe("Nobody: adjustingIdeal: expected the name of an actor");
    }
}
