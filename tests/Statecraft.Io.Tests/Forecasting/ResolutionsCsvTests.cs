using Statecraft.Io.Forecasting;

namespace Statecraft.Io.Tests.Forecasting;

public sealed class ResolutionsCsvTests
{
    [Fact]
    public void Lines_become_requests_with_their_location_and_quoted_fields_keep_commas()
    {
        var r = ResolutionsCsv.Parse("""
            question,outcome,date,source,reason
            a,yes,2025-10-01,"Reuters, 1 October"
            b,12.5,2025-12-31,ministry,"the first figure was provisional"

            """, "r.csv");
        r.Success.ShouldBeTrue(string.Join("; ", r.Problems));
        r.Value.Select(x => (x.QuestionId, x.OutcomeText, x.Source, x.Reason)).ShouldBe(
            [("a", "yes", "Reuters, 1 October", (string?)null), ("b", "12.5", "ministry", "the first figure was provisional")]);
        r.Value[1].Where!.ToString().ShouldBe("r.csv:3");
        r.Value[0].Date.ShouldBe(new DateOnly(2025, 10, 1));
    }

    [Fact]
    public void Every_malformed_line_is_named_with_its_field_and_the_good_lines_are_kept_for_checking()
    {
        var (requests, problems) = ResolutionsCsv.ParseLines("""
            question,outcome,date,source
            a,yes,2025-10-01,ok
            b,no,2025-10-01
            ,yes,2025-10-01,ok
            c,,2025-10-01,ok
            d,no,1 October,ok
            "e,no,2025-10-01,ok
            f,no,2025-10-01,
            """, "r.csv");
        requests.ShouldHaveSingleItem().QuestionId.ShouldBe("a");
        problems.Select(p => p.ToString()).ShouldBe(
        [
            "r.csv:3: line: expected 4 fields (question,outcome,date,source), found 3",
            "r.csv:4: line: question: missing: expected a question id",
            "r.csv:5: c: outcome: missing: expected yes, no, a number or a category",
            "r.csv:6: d: date: expected a date YYYY-MM-DD, found '1 October'",
            "r.csv:7: line: malformed CSV: a quoted field is not closed (fields may not span lines)",
            "r.csv:8: f: source: missing: say what settled it",
        ]);
        ResolutionsCsv.Parse("question,outcome\na,yes\n", "r.csv").Problems.ShouldHaveSingleItem().ToString()
            .ShouldStartWith("r.csv:1: header: expected the header question,outcome,date,source");
        ResolutionsCsv.Parse("question,outcome,date,source\n", "r.csv").Problems.ShouldHaveSingleItem().Message.ShouldContain("no resolutions");
        ResolutionsCsv.Read("/nonexistent/r.csv").Problems.ShouldHaveSingleItem().Field.ShouldBe("file");
    }
}
