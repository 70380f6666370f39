using Statecraft.Core.Domain;

namespace Statecraft.Core.Tests.Domain;

public sealed class IssueTests
{
    private static Actor A(string name, double position) => new(name, new Capability(1), new Position(position), new Salience(0.5));

    [Fact]
    public void Reports_every_problem_at_once_naming_actor_and_field()
    {
        var result = Issue.Create("emissions", IssueScale.Percent, [A("UK", 10), A("UK", 120)]);

        result.Success.ShouldBeFalse();
        result.Problems.ShouldContain(p => p.Subject == "UK" && p.Field == "name");
        result.Problems.ShouldContain(p => p.Subject == "UK" && p.Field == "position" && p.Message.Contains("120"));
    }

    [Fact]
    public void Needs_two_actors()
    {
        var result = Issue.Create("x", null, [A("only", 1)]);
        result.Problems.ShouldHaveSingleItem().Field.ShouldBe("actors");
    }

    [Fact]
    public void Without_a_scale_the_span_of_positions_is_the_scale()
    {
        var issue = Issue.Create("x", null, [A("a", 4), A("b", 75)]).Value;
        issue.Scale.Min.ShouldBe(4);
        issue.Scale.Max.ShouldBe(75);
    }

    [Fact]
    public void Value_of_a_failed_result_throws() =>
        Should.Throw<InvalidOperationException>(() => Issue.Create("", null, []).Value);
}

public sealed class ParseResultTests
{
    private static readonly Problem Bad = new("x", "field", "expected something");

    [Fact]
    public void Then_runs_the_next_step_on_a_value() =>
        ParseResult<int>.ForValue(2).Then(v => ParseResult<string>.ForValue(new string('a', v))).Value.ShouldBe("aa");

    [Fact]
    public void Then_passes_problems_through_without_running_the_next_step()
    {
        var ran = false;
        var result = ParseResult<int>.ForProblem(Bad).Then(v => { ran = true; return ParseResult<string>.ForValue("never"); });
        ran.ShouldBeFalse();
        result.Problems.ShouldBe([Bad]);
    }
}

public sealed class IssueWeightTests
{
    private static Actor A(string name, double capability, double salience, double position = 50) =>
        new(name, new Capability(capability), new Position(position), new Salience(salience));

    [Fact]
    public void An_issue_where_nobody_has_weight_is_refused_instead_of_forecasting_nan()
    {
        var result = Issue.Create("i", IssueScale.Percent, [A("a", 0, 0.5), A("b", 1, 0)]);
        result.Problems.Single().Field.ShouldBe("actors");
        Issue.Create("i", IssueScale.Percent, [A("a", 0, 0.5), A("b", 1, 0.1)]).Success.ShouldBeTrue();
    }
}
