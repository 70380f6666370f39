using Statecraft.Io.Bdm;
using Statecraft.Tests;

namespace Statecraft.Io.Tests.Bdm;

public sealed class BdmCsvReaderTests
{
    public static TheoryData<string, int, string> ReferenceTables => new()
    {
        { "eu_emissions.csv", 10, "Unit" },
        { "havenawilliams_bruce_1948_cold_war.csv", 36, "Percent" },
        { "havenawilliams_bruce_kyoto_data.csv", 13, "Percent" },
        { "masadrepl_ChinaData.csv", 24, "Percent" },
        { "masadrepl_HondurasCrisisData.csv", 5, "Unit" },
        { "minimalgeek_Iranian_Election.csv", 8, "Unit" },
        { "minimalgeek_WW1.csv", 10, "Unit" },
    };

    [Theory]
    [MemberData(nameof(ReferenceTables))]
    public void Reads_every_reference_table(string file, int actors, string scale)
    {
        var read = BdmCsvReader.ReadFile(TestPaths.Reference("bdm", file));
        read.Problems.ShouldBeEmpty();
        read.Value.Issue.Actors.Count.ShouldBe(actors);
        read.Value.SalienceScale.ToString().ShouldBe(scale);
        read.Value.Issue.Actors.ShouldAllBe(a => a.Salience.Value >= 0 && a.Salience.Value <= 1);
        read.Value.Notes[0].ShouldContain(scale == "Percent" ? "0-100" : "0-1");
    }

    [Fact]
    public void Reads_the_EC_example_values_and_its_shipped_copy_alike()
    {
        var reference = BdmCsvReader.ReadFile(TestPaths.Reference("bdm", "eu_emissions.csv")).Value.Issue;
        var shipped = BdmCsvReader.ReadFile(TestPaths.InRepo("examples", "eu-emissions.csv")).Value.Issue;
        shipped.Actors.ShouldBe(reference.Actors);
        var uk = reference.Actors.Single(a => a.Name == "UK");
        (uk.Capability.Value, uk.Position.Value, uk.Salience.Value).ShouldBe((0.16, 10.0, 0.9));
    }

    [Fact]
    public void Extra_columns_are_ignored_with_a_note_and_percent_salience_is_divided()
    {
        var read = BdmCsvReader.ReadFile(TestPaths.Reference("bdm", "havenawilliams_bruce_kyoto_data.csv"));
        read.Value.Notes.ShouldContain(n => n.Contains("resolve"));
        var eu = read.Value.Issue.Actors.Single(a => a.Name == "EU");
        (eu.Capability.Value, eu.Position.Value, eu.Salience.Value).ShouldBe((87.0, 95.0, 0.9));
    }

    [Fact]
    public void Every_bad_field_is_reported_with_file_line_and_field()
    {
        const string text = """
            Actor,Capability,Position,Salience
            A,1,5,0.5
            B,-1,x,0.5
            C,1,5
            A,1,5,2000
            """;
        var read = BdmCsvReader.Parse(text, "bad.csv");
        read.Success.ShouldBeFalse();
        read.Problems.Select(p => p.ToString()).ShouldBe([
            "bad.csv:3: capability: expected a finite number >= 0, found '-1'",
            "bad.csv:3: position: expected a finite number, found 'x'",
            "bad.csv:4: row: expected at least 4 fields, found 3",
            "bad.csv:5: salience: expected a finite number in [0, 1] or [0, 100], found '2000'",
        ]);
    }

    [Fact]
    public void Missing_columns_duplicates_and_too_few_actors_are_reported()
    {
        BdmCsvReader.Parse("Name,Power,Salience\nA,1,1\n", "cols.csv").Problems.Single().ToString()
            .ShouldBe("cols.csv:1: position: expected a column named Position");
        BdmCsvReader.Parse("Actor,Capability,Position,Salience\nA,1,1,1\nA,1,2,1\n", "dup.csv").Problems.Single().ToString()
            .ShouldBe("dup.csv:3: actor: expected a unique actor name, 'A' is already on line 2");
        BdmCsvReader.Parse("Actor,Capability,Position,Salience\nA,1,1,1\n", "one.csv").Problems.Single().ToString()
            .ShouldBe("one.csv:2: actors: expected at least two actors, found 1");
        BdmCsvReader.Parse("", "empty.csv").Problems.Single().Field.ShouldBe("header");
        BdmCsvReader.ReadFile("/no/such/file.csv").Problems.Single().ToString().ShouldStartWith("/no/such/file.csv: file: expected a readable file");
    }

    [Fact]
    public void Comments_quotes_and_blank_lines_are_understood()
    {
        const string text = "# source: a note\nActor,Capability,Position,Salience\n\n\"Bosnia, Herzegovina\",1,0,0.5\n\"The \"\"B\"\"\",2,10,1\n";
        var issue = BdmCsvReader.Parse(text, "q.csv").Value.Issue;
        issue.Actors.Select(a => a.Name).ShouldBe(["Bosnia, Herzegovina", "The \"B\""]);
    }
}
