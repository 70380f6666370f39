using Statecraft.Core.Domain;
using Statecraft.Core.Uncertainty;
using Statecraft.Io.Yaml;
using YamlDotNet.RepresentationModel;

namespace Statecraft.Io.Tests.Region;

public sealed class DistributionYamlTests
{
    private static (UncertainValue? Value, List<Problem> Problems) Read(string yaml, Bounds? domain = null)
    {
        var file = YamlFile.Parse(yaml, "test.yaml").Value;
        var problems = new List<Problem>();
        var value = DistributionYaml.Parse(file, YamlFile.Get(file.Root, "x")!, "RUS", "capability", problems, domain);
        return (value, problems);
    }

    [Fact]
    public void Plain_number_is_a_point()
    {
        var (value, problems) = Read("x: 0.25\n");
        problems.ShouldBeEmpty();
        value!.Distribution.IsPoint.ShouldBeTrue();
        value.Distribution.Median.ShouldBe(0.25);
        value.Location.ToString().ShouldBe("test.yaml:1:4");
    }

    [Theory]
    [InlineData("x: {dist: uniform, lo: 1, hi: 2}", 1.5)]
    [InlineData("x: {dist: triangular, lo: 0, mode: 1, hi: 2}", 1.0)]
    [InlineData("x: {dist: normal, mean: 3, sd: 1}", 3.0)]
    [InlineData("x: {dist: beta, alpha: 2, beta: 2, lo: 10, hi: 20}", 15.0)]
    [InlineData("x: {dist: normal, mean: 0, sd: 1, min: 0}", 0.6744897501960817)]
    public void Each_kind_parses_with_its_median(string yaml, double median)
    {
        var (value, problems) = Read(yaml);
        problems.ShouldBeEmpty();
        value!.Distribution.Median.ShouldBe(median, 1e-12);
    }

    [Fact]
    public void Source_is_kept()
    {
        var (value, _) = Read("x:\n  dist: uniform\n  lo: 1\n  hi: 2\n  source: \"COW NMC v7, cinc, 2022\"\n");
        value!.Source.ShouldBe("COW NMC v7, cinc, 2022");
    }

    [Fact]
    public void Lo_above_hi_names_file_line_column_and_field()
    {
        var (value, problems) = Read("# comment\nx:\n  dist: triangular\n  lo: 0.3\n  mode: 0.2\n  hi: 0.1\n");
        value.ShouldBeNull();
        problems.Single().ToString().ShouldBe("test.yaml:4:7: RUS: capability.lo: expected lo < hi, found lo 0.3 >= hi 0.1");
    }

    [Fact]
    public void Probability_above_one_is_an_error_naming_the_field()
    {
        var (value, problems) = Read("x: 1.2\n", Bounds.UnitInterval);
        value.ShouldBeNull();
        problems.Single().ToString().ShouldStartWith("test.yaml:1:4: RUS: capability: expected a value in [0, 1]");
    }

    [Fact]
    public void Unbounded_normal_for_a_share_must_be_truncated()
    {
        var (_, problems) = Read("x: {dist: normal, mean: 0.5, sd: 0.1}\n", Bounds.UnitInterval);
        problems.Single().Message.ShouldContain("truncate it with min/max");
        Read("x: {dist: normal, mean: 0.5, sd: 0.1, min: 0, max: 1}\n", Bounds.UnitInterval).Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var (_, problems) = Read("x: {dist: uniform, lo: a, hi: 2, typo: 3}\n");
        problems.Select(p => p.Field).ShouldBe(["capability.typo", "capability.lo"], ignoreOrder: true);
        Read("x: {dist: lognormal, mu: 1}\n").Problems.Single().Field.ShouldBe("capability.dist");
        Read("x: {lo: 1}\n").Problems.Single().Field.ShouldBe("capability.dist");
        Read("x: abc\n").Problems.Single().Message.ShouldContain("expected a number or a distribution");
    }
}
