using Statecraft.Core.Elicitation;
using Statecraft.Core.Scenarios;
using Statecraft.Io.Elicitation;
using Statecraft.Io.Scenarios;
using Statecraft.Io.Tests.Scenarios;

namespace Statecraft.Io.Tests.Elicitation;

/// <summary>Elicitation sheets: the template, and every way a filled one can be wrong, each at its file, line and column.</summary>
public sealed class SheetFileTests
{
    internal static readonly Scenario Tiny = ScenarioLoader.Load(BadScenarioTests.Valid, "tiny.yaml").Value.Scenario;

    internal const string Header = "expert,issue,actor,position,position_low,position_high,salience,salience_low,salience_high,influence,influence_low,influence_high,reasoning";

    private static IReadOnlyList<string> Problems(string csv)
    {
        var sheet = SheetFile.Parse(csv, "ana.csv");
        var problems = sheet.Success ? sheet.Value.Check(Tiny) : sheet.Problems;
        problems.ShouldNotBeEmpty();
        return problems.Select(p => p.ToString()).ToArray();
    }

    [Fact]
    public void The_template_lists_every_actor_of_the_issue_with_the_scale_and_the_columns()
    {
        var csv = SheetFile.Template(Tiny, "border").Value;
        var lines = csv.TrimEnd('\n').Split('\n');
        lines.ShouldContain("# position: 0 = A's claim; 100 = B's claim");
        lines.ShouldContain("# A = Alpha");
        lines.Where(l => !l.StartsWith('#')).ShouldBe([Header, ",border,A,,,,,,,,,,", ",border,B,,,,,,,,,,"]);
        SheetFile.Template(Tiny, "coast").Problems.ShouldHaveSingleItem().Message.ShouldContain("unknown issue 'coast'");
    }

    [Fact]
    public void A_filled_sheet_reads_as_one_expert_s_judgements()
    {
        var csv = "# notes\n" + Header + "\n"
                  + "Ana Lee,border,A,20,10,30,0.9,,,55,45,65,\"Holds the line, and the pass\"\n"
                  + "Ana Lee,border,B,,,,,,,,,,\n";
        var sheet = SheetFile.Parse(csv, "ana.csv").Value;
        sheet.Expert.ShouldBe("Ana Lee");
        sheet.SourceId.ShouldBe("expert-ana-lee");
        sheet.Rows[0].Judgements.Select(j => (j.Field, j.Estimate)).ShouldBe([
            ("position", new Estimate(20, 10, 30)), ("salience", Estimate.Point(0.9)), ("influence", new Estimate(55, 45, 65))]);
        sheet.Rows[0].Reasoning.ShouldBe("Holds the line, and the pass");
        sheet.Rows[1].Judgements.ShouldBeEmpty();
        sheet.Check(Tiny).ShouldBeEmpty();
    }

    [Fact]
    public void An_unknown_actor_is_named_at_its_line_and_column()
    {
        var problems = Problems(Header + "\nAna,border,Z,20,10,30,,,,,,,why\n");
        problems.ShouldHaveSingleItem().ShouldStartWith("ana.csv:2:12: border/Z: actor: unknown actor 'Z'; this issue's actors are: A, B");
    }

    [Fact]
    public void A_value_out_of_range_is_named_at_its_line_and_field()
    {
        var problems = Problems(Header + "\nAna,border,A,120,100,130,1.5,1.2,1.8,-5,-10,0,why\n");
        problems.Count.ShouldBe(3);
        problems[0].ShouldStartWith("ana.csv:2:14: border/A: position: expected a position on the scale [0, 100], found 120 [100, 130]");
        problems[1].ShouldStartWith("ana.csv:2:26: border/A: salience: expected a salience in [0, 1]");
        problems[2].ShouldStartWith("ana.csv:2:38: border/A: influence: expected an influence >= 0");
    }

    [Fact]
    public void A_row_with_values_but_no_reasoning_is_refused()
    {
        var problems = Problems(Header + "\nAna,border,A,,,,,,,,,,\nAna,border,B,80,70,90,,,,,,,  \n");
        problems.ShouldHaveSingleItem().ShouldStartWith("ana.csv:3:29: border/B: reasoning: missing: say why you judge these values");
    }

    [Fact]
    public void Malformed_values_and_half_ranges_are_all_reported_at_once()
    {
        var problems = Problems(Header + "\n"
                                + "Ana,border,A,twenty,,,0.5,0.4,,,,,why\n"
                                + "Ben,border,B,80,70,90,,,,,,,why\n"
                                + "Ana,border,B,80,70,90,,,,,,,why,extra\n");
        problems.ShouldBe([
            "ana.csv:2:14: border/A: position: expected a number, found 'twenty'",
            "ana.csv:2:31: border/A: salience_high: give both ends of the range, or neither",
            "ana.csv:3:1: sheet: expert: one sheet per expert: this row names 'Ben', earlier rows 'Ana'",
            "ana.csv:4:1: sheet: row: expected 13 fields (quote text containing commas), found 14",
        ]);
    }

    [Fact]
    public void A_missing_or_unknown_column_is_refused_at_the_header()
    {
        var problems = Problems(Header.Replace(",influence_high", ",influence_hi", StringComparison.Ordinal) + "\nAna,border,A,20,10,30,,,,,,,why\n");
        problems.ShouldContain(p => p.StartsWith("ana.csv:1:", StringComparison.Ordinal) && p.Contains("influence_hi: unknown column"));
        problems.ShouldContain("ana.csv:1:1: sheet: influence_high: missing column");
    }

    [Fact]
    public void A_sheet_that_judges_nothing_or_an_unknown_issue_is_refused()
    {
        Problems(Header + "\nAna,border,A,,,,,,,,,,\n").ShouldHaveSingleItem().ShouldContain("the sheet judges nothing");
        Problems(Header + "\nAna,coast,A,20,10,30,,,,,,,why\n").ShouldHaveSingleItem().ShouldStartWith("ana.csv:2:1: coast: issue: unknown issue 'coast'");
    }

    [Theory]
    [InlineData("Ana Lee", "expert-ana-lee")]
    [InlineData("  Dr. J. O'Neil ", "expert-dr-j-o-neil")]
    [InlineData("ÉVA", "expert-va")]
    public void The_expert_s_source_id_is_a_slug_of_the_name(string name, string id) => ElicitationSheet.SourceIdOf(name).ShouldBe(id);
}
