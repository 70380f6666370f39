using Statecraft.Io.Deu;
using Statecraft.Tests;

namespace Statecraft.Io.Tests.Deu;

public sealed class DeuReaderTests
{
    [Fact]
    public void Public_deu_file_reads_thirty_actors_and_every_issue()
    {
        var r = DeuReader.Read(TestPaths.Reference("deu", "deu3_public.tsv"));
        r.Problems.ShouldBeEmpty();
        var d = r.Value;
        d.Capabilities.Count.ShouldBe(30);
        d.Capabilities["com"].ShouldBe(4.1);
        d.Capabilities["uk"].ShouldBe(2.64);
        d.Issues.Count.ShouldBe(188);
        d.Issues.Count(i => i.Outcome is null).ShouldBe(8);
        var first = d.Issues[0];
        first.Id.ShouldBe("d00032i1");
        first.Proposal.ShouldBe("documents");
        first.Outcome.ShouldBe(100);
        first.Stances.First(s => s.Actor == "com").ShouldBe(new DeuStance("com", 100, 50));
        first.Stances.ShouldNotContain(s => s.Actor == "bu"); // blank cell: no stance
    }

    [Fact]
    public void Bad_cells_are_reported_with_line_column_and_field()
    {
        const string text = "isnr\tpcom\tpep\tscom\tsep\tout\n\t4\t\t\t\t\nx1\t50\t120\t50\tabc\t40\n";
        var r = DeuReader.Parse(text, "d.tsv");
        var lines = r.Problems.Select(p => p.ToString()).ToList();
        lines.ShouldContain("d.tsv:2:4: capabilities: pep: missing: expected the actor's capability in row 2");
        lines.ShouldContain("d.tsv:3:7: x1: pep: expected a position in [0, 100], found 120");
        lines.ShouldContain("d.tsv:3:14: x1: sep: expected a number, found 'abc'");
    }

    [Fact]
    public void File_without_actor_columns_is_rejected()
    {
        DeuReader.Parse("a\tb\n1\t2\n", "x.tsv").Problems.Select(p => p.Field).ShouldBe(["p<actor>/s<actor>", "out"]);
    }
}
