using FsCheck;
using FsCheck.Xunit;
using Statecraft.Core.Coercion;
using Statecraft.Core.Uncertainty;

namespace Statecraft.Core.Tests.Coercion;

public sealed class CoercionModelTests
{
    private static CoercionCase Case(double senderGdp = 1000, double targetGdp = 100) => new(
        "S", "T", "deport-migrants", senderGdp, targetGdp,
        [
            new CoercionChannel("remittances", ChannelKind.Remittances, CoercionSide.Target, [10, 0.5]),
            new CoercionChannel("labour", ChannelKind.LabourSupply, CoercionSide.Sender, [2, 5, 0.5, 0.2]),
        ],
        new TradeTies(10, 100, 50));

    [Fact]
    public void Channel_formulas()
    {
        Channels.Cost(ChannelKind.Remittances, [10, 0.5]).ShouldBe(5);
        Channels.Cost(ChannelKind.LabourSupply, [2, 5, 0.5, 0.2]).ShouldBe(4);
        Channels.Cost(ChannelKind.ExportRevenue, [100, 0.5, 0.25, 0.8]).ShouldBe(30);
        Channels.Cost(ChannelKind.ConsumerPrices, [100, 0.5, 0.2]).ShouldBe(10);
        Channels.Cost(ChannelKind.TransitRents, [100, 0.5, 0.1]).ShouldBe(5);
        // 100 workers, half expelled: 30% of the 50 jobs stay empty (15 x 12,000), 35 are refilled at 10,000 + 20%.
        Channels.Cost(ChannelKind.Vacancies, [100, 0.5, 0.3, 12_000, 10_000, 0.2]).ShouldBe(15 * 12_000 + 35 * 10_000 * 0.2, 1e-9);
        // 50 returnees, 30% find work: 35 kept at 2,500 a year.
        Channels.Cost(ChannelKind.ReturningWorkers, [100, 0.5, 0.3, 2_500]).ShouldBe(35 * 2_500, 1e-9);
    }

    [Fact]
    public void Costs_are_reported_in_dollars_beside_shares_of_gdp()
    {
        // Sender (GDP 1000) loses 4 dollars, target (GDP 100) loses 5: in dollars the target loses more
        // (ratio 0.8); relative to the economy too (0.004 against 0.05, ratio 0.08).
        var result = CoercionModel.Evaluate(Case());
        result.SenderCostUsd.ShouldBe(4);
        result.TargetCostUsd.ShouldBe(5);
        result.RatioUsd.ShouldBe(0.8, 1e-15);
        result.RatioIn(CoercionMeasure.Usd).ShouldBe(result.RatioUsd);
        result.RatioIn(CoercionMeasure.ShareOfGdp).ShouldBe(result.Ratio);

        // A sender ten times richer than in dollars: the two measures disagree on who pays more.
        var big = CoercionModel.Evaluate(Case() with
        {
            Channels = [new CoercionChannel("r", ChannelKind.Remittances, CoercionSide.Target, [10, 0.1]), new CoercionChannel("v", ChannelKind.TransitRents, CoercionSide.Sender, [100, 0.5, 0.1])],
        });
        big.RatioUsd.ShouldBeGreaterThan(1);
        big.Ratio.ShouldBeLessThan(1);
    }

    [Fact]
    public void The_new_channels_read_their_parameters_by_name_with_their_domains()
    {
        Channels.TryParse("vacancies", out var v).ShouldBeTrue();
        v.ShouldBe(ChannelKind.Vacancies);
        Channels.TryParse("returning_workers", out var r).ShouldBeTrue();
        Channels.FileName(r).ShouldBe("returning_workers");
        Channels.Parameters(ChannelKind.Vacancies).Select(p => p.Name).ShouldBe(["workers", "share_cut", "unfilled", "output_per_worker", "wage", "wage_premium"]);
        Channels.Parameters(ChannelKind.ReturningWorkers).Select(p => p.Name).ShouldBe(["workers", "share_cut", "absorbed", "idle_cost"]);
        var bad = Case() with { Channels = [new CoercionChannel("v", ChannelKind.Vacancies, CoercionSide.Sender, [100, 0.5, 1.3, 12_000, 10_000, 0.2])] };
        CoercionModel.Validate(bad).ShouldContain(p => p.Field == "unfilled");
    }

    [Fact]
    public void Costs_are_shares_of_the_bearers_GDP_and_the_ratio_compares_them()
    {
        var result = CoercionModel.Evaluate(Case());
        result.TargetCost.ShouldBe(0.05);
        result.SenderCost.ShouldBe(0.004);
        result.Ratio.ShouldBe(0.08, 1e-15);
        result.Dominant!.Channel.ShouldBe("remittances");
        result.Channels[1].CostUsd.ShouldBe(4);
    }

    [Fact]
    public void Barbieri_dependence_salience_and_symmetry()
    {
        var d = CoercionModel.Evaluate(Case()).Interdependence!;
        d.SenderDependence.ShouldBe(0.1);
        d.TargetDependence.ShouldBe(0.2);
        d.Salience.ShouldBe(Math.Sqrt(0.02), 1e-15);
        d.Symmetry.ShouldBe(0.9, 1e-15);
        d.SenderTradeToGdp.ShouldBe(0.01);
        d.TargetTradeToGdp.ShouldBe(0.1);
    }

    [Property(MaxTest = 200)]
    public bool Doubling_a_sides_GDP_halves_its_cost_share(PositiveInt gdp)
    {
        var a = CoercionModel.Evaluate(Case(senderGdp: gdp.Get));
        var b = CoercionModel.Evaluate(Case(senderGdp: 2.0 * gdp.Get));
        return Math.Abs(b.SenderCost * 2 - a.SenderCost) <= 1e-15 * a.SenderCost && b.TargetCost == a.TargetCost;
    }

    [Property(MaxTest = 200)]
    public bool Salience_and_symmetry_are_symmetric_in_the_two_sides(PositiveInt bilateral, PositiveInt extraS, PositiveInt extraT)
    {
        var st = CoercionModel.Dependence(new TradeTies(bilateral.Get, bilateral.Get + extraS.Get, bilateral.Get + extraT.Get), 1, 1);
        var ts = CoercionModel.Dependence(new TradeTies(bilateral.Get, bilateral.Get + extraT.Get, bilateral.Get + extraS.Get), 1, 1);
        return st.Salience == ts.Salience && st.Symmetry == ts.Symmetry && st.Salience <= 1 && st.Symmetry is >= 0 and <= 1;
    }

    [Fact]
    public void A_shared_quantity_is_drawn_once_per_scenario()
    {
        // Both channels scale with the same deportation share, so the ratio does not depend on it.
        var shared = UncertainCoercion.Create("S", "T", "deport-migrants", Distribution.Point(1000), Distribution.Point(100),
            [
                new UncertainChannel("remittances", ChannelKind.Remittances, CoercionSide.Target,
                    new Dictionary<string, UncertainParameter> { ["flow"] = UncertainParameter.Of(Distribution.Point(10)), ["share_cut"] = UncertainParameter.Ref("d") }),
                new UncertainChannel("labour", ChannelKind.LabourSupply, CoercionSide.Sender,
                    new Dictionary<string, UncertainParameter>
                    {
                        ["workers"] = UncertainParameter.Of(Distribution.Point(2)),
                        ["output_per_worker"] = UncertainParameter.Of(Distribution.Point(5)),
                        ["share_cut"] = UncertainParameter.Ref("d"),
                    }),
            ],
            quantities: [new UncertainInput("d", Distribution.Uniform(0.1, 0.9))]).Value;
        var summary = MonteCarlo.Run(shared.Inputs, shared.Ratio(), Verdict.GreaterThan(1), new MonteCarloOptions(200, 3));
        summary.Values.ShouldAllBe(v => Math.Abs(v - 0.1) < 1e-15);
        // d, two GDPs, flow, workers, output and replacement (its default, 0, is an input too): d appears once.
        shared.Inputs.Count.ShouldBe(7);
    }

    [Fact]
    public void Problems_name_the_channel_and_parameter()
    {
        var result = UncertainCoercion.Create("S", "T", "ban-imports", Distribution.Point(1000), Distribution.Point(-1),
            [
                new UncertainChannel("exports", ChannelKind.ExportRevenue, CoercionSide.Target,
                    new Dictionary<string, UncertainParameter> { ["flow"] = UncertainParameter.Of(Distribution.Point(10)), ["share_cut"] = UncertainParameter.Ref("nope"), ["margin"] = UncertainParameter.Of(Distribution.Point(0.1)) }),
                new UncertainChannel("prices", ChannelKind.ConsumerPrices, CoercionSide.Sender,
                    new Dictionary<string, UncertainParameter> { ["flow"] = UncertainParameter.Of(Distribution.Point(10)), ["share_cut"] = UncertainParameter.Of(Distribution.Point(1.5)) }),
            ]);
        result.Success.ShouldBeFalse();
        var messages = result.Problems.Select(p => $"{p.Subject}: {p.Field}").ToArray();
        messages.ShouldContain("exports: share_cut");
        messages.ShouldContain("exports: margin");
        messages.ShouldContain("prices: price_premium");
        messages.ShouldContain("channel[prices].share_cut: distribution");
        messages.ShouldContain("gdp[T]: distribution");
    }

    [Fact]
    public void A_lever_that_costs_the_target_nothing_is_refused()
    {
        var result = UncertainCoercion.Create("S", "T", "x", Distribution.Point(1000), Distribution.Point(100),
            [
                new UncertainChannel("prices", ChannelKind.ConsumerPrices, CoercionSide.Sender,
                    new Dictionary<string, UncertainParameter>
                    {
                        ["flow"] = UncertainParameter.Of(Distribution.Point(10)),
                        ["share_cut"] = UncertainParameter.Of(Distribution.Point(1)),
                        ["price_premium"] = UncertainParameter.Of(Distribution.Point(0.2)),
                    }),
            ]);
        result.Problems.Single().Message.ShouldContain("undefined");
    }
}
