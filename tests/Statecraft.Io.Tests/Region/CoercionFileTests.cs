using Statecraft.Core.Uncertainty;
using Statecraft.Io.Region;
using Statecraft.Tests;

namespace Statecraft.Io.Tests.Region;

public sealed class CoercionFileTests
{
    [Theory]
    [InlineData("coercion-deport-migrants.yaml", "deport-migrants")]
    [InlineData("coercion-trade-sanctions.yaml", "ban-imports")]
    public void Examples_load(string name, string lever)
    {
        var file = CoercionFile.Load(TestPaths.InRepo("examples", name));
        file.Problems.ShouldBeEmpty();
        file.Value.Case.Lever.ShouldBe(lever);
        file.Value.Case.Sender.ShouldBe("RUS");
        file.Value.Case.Inputs.Contains("gdp[AZE]").ShouldBeTrue();
    }

    [Fact]
    public void Deportation_example_at_its_medians()
    {
        var c = CoercionFile.Load(TestPaths.InRepo("examples", "coercion-deport-migrants.yaml")).Value.Case;
        var medians = c.Inputs.Medians();
        var result = c.Evaluate(new ScenarioDraw(c.Inputs, medians));
        var share = medians[c.Inputs.IndexOf("quantity[deported_share]")];
        var flow = medians[c.Inputs.IndexOf("channel[remittances].flow")];
        result.TargetCost.ShouldBe(flow * share / 72356176470, 1e-18);
        result.Dominant!.Channel.ShouldBe("remittances");
    }

    [Fact]
    public void Bad_cases_report_every_problem_with_location()
    {
        const string yaml = """
            lever: ban-imports
            sender: {id: RUS, gdp: 2.0e12}
            target: {id: AZE, gdp: {dist: uniform, lo: 8e10, hi: 7e10}}
            channels:
              - name: exports
                kind: export_revenu
                bearer: target
              - name: prices
                kind: consumer_prices
                bearer: sender
                flow: 1e9
                share_cut: 1.4
                price_premium: {ref: missing}
            """;
        var result = CoercionFile.Parse(yaml, "case.yaml");
        result.Success.ShouldBeFalse();
        var lines = result.Problems.Select(p => p.ToString()).ToArray();
        lines.ShouldContain("case.yaml:3:44: AZE: target.gdp.lo: expected lo < hi, found lo 80000000000 >= hi 70000000000");
        lines.ShouldContain(l => l.StartsWith("case.yaml:6:11: exports: kind: expected one of: remittances, labour_supply"));
        lines.ShouldContain(l => l.StartsWith("case.yaml:12:16: prices: share_cut: expected a value in [0, 1]"));
        lines.ShouldContain(l => l.StartsWith("case.yaml:13:26: prices: price_premium.ref: unknown quantity 'missing'"));
        lines.Length.ShouldBe(4);
    }
}
