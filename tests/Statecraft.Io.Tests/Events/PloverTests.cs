using Statecraft.Core.Events;
using Statecraft.Io.Events;
using Statecraft.Tests;

namespace Statecraft.Io.Tests.Events;

/// <summary>PLOVER through the published CAMEO-to-PLOVER table, and POLECAT's PLOVER-coded files.</summary>
public sealed class PloverTests
{
    private static readonly Lazy<PloverScheme> Scheme = new(() => PloverFiles.Load(TestPaths.InRepo("data", "events")).Value);

    [Fact]
    public void The_shipped_table_is_the_published_one_unchanged() =>
        File.ReadAllBytes(TestPaths.InRepo("data", "events", PloverFiles.Table))
            .ShouldBe(File.ReadAllBytes(Path.Combine(TestPaths.Shared, "data", "event_data", "plover", "CAMEO2PLOVER-2021.txt")));

    /// <summary>Rows checked by hand against CAMEO2PLOVER-2021.txt and the PLOVER manual's score table.</summary>
    [Theory]
    [InlineData("190", "ASSAULT", null, "military", -9.0, 4)]
    [InlineData("195", "ASSAULT", "heavy-weapons", "military", -9.5, 4)]
    [InlineData("1951", "ASSAULT", "heavy-weapons", "military", -9.5, 4)] // no row: its parent 195
    [InlineData("042", "CONSULT", "visit", null, 4.0, 1)]
    [InlineData("036", "AGREE", null, "diplomatic", 2.5, 1)]
    [InlineData("057", "SUPPORT", null, "diplomatic", 5.0, 1)]
    [InlineData("0841", "RETREAT", "release", "legal", 6.5, 2)]
    [InlineData("100", "REQUEST", null, null, 0.0, 3)]
    [InlineData("1124", "ACCUSE", "allege", "military; legal", -3.5, 3)]
    [InlineData("138", "THREATEN", "violence", "military", -3.5, 3)]
    [InlineData("163", "COERCE", "restrict", "diplomatic", -7.0, 4)]
    [InlineData("173", "COERCE", "arrest", "legal", -7.0, 4)]
    public void Cameo_codes_map_to_PLOVER_type_mode_context_score_and_quad(string cameo, string type, string? mode, string? context, double score, int quad)
    {
        var e = Scheme.Value.Convert(new CodedEvent("d", 1, null, "RUS", "AZE", cameo, null, 0, "", ""))!;
        (e.Code, e.Mode, e.Context, e.Cameo).ShouldBe((type, mode, context, cameo));
        e.Goldstein.ShouldBe(score);
        e.QuadClass.ShouldBe(quad);
        e.IsPlover.ShouldBeTrue();
    }

    [Theory]
    [InlineData("010")]
    [InlineData("018")]
    [InlineData("020")]
    [InlineData("0256")]
    public void Statements_and_appeals_have_no_PLOVER_type(string cameo) =>
        Scheme.Value.Convert(new CodedEvent("d", 1, null, "RUS", "AZE", cameo, null, 0, "", "")).ShouldBeNull();

    [Fact]
    public void Every_CAMEO_code_from_03_on_has_a_PLOVER_type()
    {
        var codes = File.ReadLines(TestPaths.InRepo("data", "events", BuiltInEvents.Goldstein)).Skip(1).Select(l => l.Split('\t')[0]).ToList();
        codes.Count.ShouldBe(312);
        var unmapped = codes.Where(c => Scheme.Value.For(c) is null).ToList();
        // statements and appeals, and the root 08, whose heading names two types (CONCEDE, RETREAT)
        unmapped.ShouldAllBe(c => c.StartsWith("01", StringComparison.Ordinal) || c.StartsWith("02", StringComparison.Ordinal) || c == "08");
        unmapped.Count.ShouldBe(40);
        Scheme.Value.ByCameo.Count.ShouldBe(256 + 17);
        // every type the table names has a score and a quad class
        Scheme.Value.ByCameo.Values.Select(p => p.Type).Distinct().ShouldAllBe(t => Scheme.Value.QuadClass(t) > 0);
    }

    [Fact]
    public void Polecat_file_reads_as_PLOVER_events()
    {
        var path = TestPaths.InRepo("tests", "Statecraft.Io.Tests", "Events", "Fixtures", "polecat-sample.tsv");
        var lines = File.ReadAllLines(path);
        EventFiles.Guess(path, lines).ShouldBe(EventInputFormat.Polecat);
        var events = EventFiles.Read(path, null, null).Value.Coded;
        events.Count.ShouldBe(4);
        var strike = events[0];
        (strike.Doc, strike.Date, strike.Source, strike.Target, strike.Code, strike.Mode, strike.Context, strike.Goldstein, strike.QuadClass)
            .ShouldBe(("sample-1", new DateOnly(2024, 12, 25), "RUS", "AZE", "ASSAULT", "aerial", "military", -9.5, 4));
        events[1].Context.ShouldBe("legal;rights_freedoms");
        events[2].Mode.ShouldBeNull();
        events[3].Target.ShouldBe("---"); // no recipient
        events.ShouldAllBe(e => e.IsPlover);
        Scheme.Value.Convert(events[0]).ShouldBe(events[0]); // already PLOVER
    }

    [Fact]
    public void Polecat_rows_with_bad_fields_are_named()
    {
        var dir = Directory.CreateTempSubdirectory("statecraft-polecat-").FullName;
        try
        {
            var source = TestPaths.InRepo("tests", "Statecraft.Io.Tests", "Events", "Fixtures", "polecat-sample.tsv");
            var lines = File.ReadAllLines(source);
            lines[1] = lines[1].Replace("2024-12-25", "2024-13-25", StringComparison.Ordinal);
            lines[2] = lines[2].Replace("\t-7\t", "\tNaN\t", StringComparison.Ordinal);
            lines[3] = lines[3].Replace("\tREQUEST\t", "\t100\t", StringComparison.Ordinal);
            var path = Path.Combine(dir, "bad.tsv");
            File.WriteAllLines(path, lines);
            var problems = EventFiles.Read(path, null, null).Problems;
            problems.Select(p => (p.Location!.Line, p.Field)).ShouldBe([(2, "Event Date"), (3, "Intensity"), (4, "Event Type")]);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Plover_csv_round_trips()
    {
        var e = Scheme.Value.Convert(new CodedEvent("doc,1", 3, new DateOnly(2025, 6, 30), "AZEGOV", "RUSMED", "173", -5, 4, "Baku arrested \"Sputnik\" staff.", "arrested"))!;
        var csv = EventFiles.ToCsv([e], plover: true);
        csv.Split('\n')[0].ShouldBe(string.Join(",", EventFiles.PloverCsvColumns));
        var path = Path.Combine(Path.GetTempPath(), $"plover-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, csv);
            EventFiles.IsEventCsv(path).ShouldBeTrue();
            EventFiles.ReadCsv(path).Value.Single().ShouldBe(e);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
