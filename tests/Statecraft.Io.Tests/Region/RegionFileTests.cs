using Statecraft.Core.Uncertainty;
using Statecraft.Io.Region;
using Statecraft.Tests;

namespace Statecraft.Io.Tests.Region;

public sealed class RegionFileTests
{
    [Fact]
    public void Toy_example_loads_and_reproduces_the_reference_EU()
    {
        var region = RegionFile.Load(TestPaths.InRepo("examples", "wartrap-toy.yaml")).Value;
        region.States.Select(s => s.Id).ShouldBe(["A", "B", "K1", "K2"]);
        region.WarTrap.SimilarityGivenDirectly.ShouldBeTrue();
        var eu = region.WarTrap.ExpectedUtility("A", "B", region.Options with { DistanceDiscount = false });
        MonteCarlo.Evaluate(region.WarTrap.Inputs, eu, region.WarTrap.Inputs.Medians()).ShouldBe(0.9954751131221719);
        var discounted = region.WarTrap.ExpectedUtility("A", "B", region.Options);
        MonteCarlo.Evaluate(region.WarTrap.Inputs, discounted, region.WarTrap.Inputs.Medians()).ShouldBe(0.8482603827864248, 1e-15);
    }

    [Fact]
    public void South_Caucasus_example_loads_with_data_and_stated_ties()
    {
        var region = RegionFile.Load(TestPaths.InRepo("examples", "south-caucasus-region.yaml"));
        region.Problems.ShouldBeEmpty();
        var ids = region.Value.States.Select(s => s.Id).ToArray();
        ids.ShouldContain("RUS");
        ids.ShouldContain("AZE");
        region.Value.WarTrap.Inputs.Contains("committed_elsewhere[RUS]").ShouldBeTrue();
        region.Value.WarTrap.Inputs.Contains("commitment[TUR->AZE]").ShouldBeTrue();
        // Russia's capability comes from the shipped NMC v7 subset (cinc, 2022).
        region.Value.WarTrap.Inputs.Inputs.Single(i => i.Name == "capability[RUS]").Distribution.Median.ShouldBe(0.038196992, 1e-12);
    }

    [Fact]
    public void Bad_input_is_reported_all_at_once_with_file_line_and_field()
    {
        const string yaml = """
            name: broken
            states:
              - {id: A, capability: -0.1}
              - id: B
                capability: {dist: triangular, lo: 0.3, mode: 0.2, hi: 0.1}
              - {id: C, capability: 0.2}
            ties:
              - {a: A, b: Z, kind: defence}
            commitments:
              - {state: C, side: A, strength: 1.2}
            """;
        var result = RegionFile.Parse(yaml, "broken.yaml");
        result.Success.ShouldBeFalse();
        var lines = result.Problems.Select(p => p.ToString()).ToArray();
        lines.ShouldContain("broken.yaml:3:25: A: capability: expected a value in [0, ∞] (a capability is never negative), found -0.1");
        lines.ShouldContain("broken.yaml:5:40: B: capability.lo: expected lo < hi, found lo 0.3 >= hi 0.1");
        lines.ShouldContain("broken.yaml:8:15: ties[0]: tie.b: unknown state 'Z'; states are: A, B, C");
        lines.ShouldContain("broken.yaml:10:35: commitments[0]: commitment.strength: expected a value in [0, 1] (a probability), found 1.2");
        lines.Length.ShouldBe(4);
    }

    [Fact]
    public void Unknown_fields_and_missing_capabilities_are_reported()
    {
        var result = RegionFile.Parse("states:\n  - {id: A}\n  - {id: B, capabilty: 0.1}\n", "typo.yaml");
        var lines = result.Problems.Select(p => p.ToString()).ToArray();
        lines.ShouldContain(l => l.StartsWith("typo.yaml:3:13: B: capabilty: unknown field"));
        lines.ShouldContain("typo.yaml:2:5: A: capability: required field is missing");
    }

    [Fact]
    public void Invalid_yaml_has_a_location()
    {
        var result = RegionFile.Parse("states: [\n  {id: A\n", "bad.yaml");
        result.Problems.Single().ToString().ShouldStartWith("bad.yaml:");
        result.Problems.Single().Message.ShouldStartWith("malformed YAML");
    }

    [Fact]
    public void Country_codes_and_years_must_be_whole_numbers()
    {
        var result = RegionFile.Parse("year: 2022.5\nstates:\n  - {id: A, ccode: 365.5, capability: 1}\n  - {id: B, capability: 1}\n", "codes.yaml");
        result.Problems.Select(p => p.ToString()).ShouldBe(
            ["codes.yaml:1:7: region: year: expected a whole year, found 2022.5",
             "codes.yaml:3:20: A: ccode: expected a COW country code (a whole number), found 365.5"], ignoreOrder: true);
    }
}
