using Statecraft.Core.Events;
using Statecraft.Io.Events;
using Statecraft.Tests;

namespace Statecraft.Io.Tests.Events;

public sealed class BadInputTests : IDisposable
{
    private readonly TempFiles _files = new("statecraft-events-");

    public void Dispose() => _files.Dispose();

    private string Write(string name, byte[] bytes) => _files.Write(name, bytes);

    private string Write(string name, string text) => _files.Write(name, text);

    [Fact]
    public void Empty_file_is_refused()
    {
        var empty = Write("empty.txt", "");
        EventFiles.Read(empty, null, null).Problems.Single().Message.ShouldBe("file is empty");
        EventFiles.Read(Write("blank.txt", "\n  \n"), null, null).Problems.Single().Message.ShouldBe("file has no content");
    }

    [Fact]
    public void Binary_content_is_refused_with_its_line()
    {
        var path = Write("binary.txt", [0x41, 0x0A, 0x42, 0x00, 0x01, 0xFF, 0xFE]);
        var problem = EventFiles.Read(path, null, null).Problems.Single();
        problem.Field.ShouldBe("encoding");
        problem.Location!.Line.ShouldBe(2);
    }

    [Fact]
    public void Latin1_text_is_read()
    {
        var path = Write("latin1.txt", System.Text.Encoding.Latin1.GetBytes("Le pr\u00e9sident a parl\u00e9.\n"));
        EventFiles.Read(path, null, null).Value.Documents.Single().Sentences.Single().ShouldBe("Le pr\u00e9sident a parl\u00e9.");
    }

    [Fact]
    public void Tabari_record_with_a_bad_date_is_named() =>
        TabariFiles.ReadRecords(Write("bad.text", "991399 REC-1\nArnor attacked Gondor.\n")).Problems.Single().Location!.Line.ShouldBe(1);
}

public sealed class EventInputTests
{
    [Fact]
    public void Icews_sample_reads_every_event()
    {
        var input = EventFiles.Read(Path.Combine(TestPaths.Shared, "data", "event_data", "icews", "icews_events.2018.sample.tab"), null, null).Value;
        var lines = File.ReadLines(Path.Combine(TestPaths.Shared, "data", "event_data", "icews", "icews_events.2018.sample.tab")).Count(l => l.Length > 0) - 1;
        input.Coded.Count.ShouldBe(lines);
        var first = input.Coded[0];
        (first.Source, first.Target, first.Code, first.Date).ShouldBe(("Bangladesh", "Vietnam", "040", new DateOnly(2018, 6, 1)));
        first.QuadClass.ShouldBe(1);
    }

    [Fact]
    public void Gdelt_month_reads_codes_goldstein_and_quad_class()
    {
        var path = Path.Combine(TestPaths.Shared, "data", "event_data", "gdelt", "georgia_monthly_2011_2013", "apr2012.csv");
        var input = EventFiles.Read(path, null, null).Value;
        input.Coded.Count.ShouldBe(File.ReadLines(path).Count(l => l.Length > 0) - 1);
        var first = input.Coded[0];
        (first.Doc, first.Target, first.Code, first.Goldstein, first.QuadClass).ShouldBe(("189358180", "BGR", "040", 1.0, 1));
        first.Source.ShouldBe("---");
    }

    [Fact]
    public void Petrarch_xml_gives_text_and_date_not_parses()
    {
        var input = EventFiles.Read(Path.Combine(TestPaths.Shared, "data", "event_data", "petrarch2", "GigaWord.sample.PETR.xml"), null, null).Value;
        input.Documents.Count.ShouldBeGreaterThan(1);
        var first = input.Documents[0];
        first.Id.ShouldBe("AFP0808020625_4");
        first.Date.ShouldBe(new DateOnly(2008, 8, 4));
        first.Sentences.Single().ShouldStartWith("The stopover came as the US leader");
        first.Sentences.Single().ShouldNotContain("(NP");
    }

    [Fact]
    public void Tabari_records_become_documents_without_option_records()
    {
        var input = EventFiles.Read(TestPaths.Reference("events", "tabari", "Validate.text"), null, null).Value;
        input.Documents.Count.ShouldBe(TabariFiles.ReadRecords(TestPaths.Reference("events", "tabari", "Validate.text")).Value.Count(r => !r.IsOptionChange));
        input.Documents.First(d => d.Id == "DEMO-01").Date.ShouldBe(new DateOnly(1995, 1, 1));
    }

    [Fact]
    public void Csv_round_trips()
    {
        CodedEvent[] events = [new("doc, one", 3, new DateOnly(2024, 12, 1), "RUS", "AZEBUS", "195", -10, 4, "He said \"no\", twice.", "targeted by")];
        var path = Path.Combine(Path.GetTempPath(), $"events-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, EventFiles.ToCsv(events));
        try
        {
            EventFiles.ReadCsv(path).Value.ShouldBe(events);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>The seed article coded with the built-in dictionaries.</summary>
public sealed class SourceArticleTests
{
    private static readonly Lazy<CodingResult> Coded = new(() =>
    {
        var dir = TestPaths.InRepo("data", "events");
        var coder = BuiltInEvents.LoadCoder(dir, [], [], [], BuiltInEvents.ReadingOptions);
        coder.Problems.ShouldBeEmpty();
        coder.Value.Files.Select(f => Path.GetFileName(f.Path)).ShouldContain("Phoenix.Countries.actors.txt");
        var scale = BuiltInEvents.LoadScale(Path.Combine(dir, BuiltInEvents.Goldstein)).Value;
        var input = EventFiles.Read(Path.Combine(TestPaths.Shared, "seed", "south-caucasus-article.txt"), EventInputFormat.Text, new DateOnly(2025, 7, 15)).Value;
        return EventCoding.Code(coder.Value.Coder, input.Documents, scale);
    });

    private static IEnumerable<CodedEvent> In(string words) => Coded.Value.Events.Where(e => e.Text.Contains(words, StringComparison.Ordinal));

    private static void Found(string words, string source, string target, string family)
    {
        var events = In(words).ToList();
        events.ShouldContain(e => Timelines.Country(e.Source) == source && Timelines.Country(e.Target) == target && CameoScale.Family(e.Code) == family,
            $"in \"{words}\": {string.Join("; ", events.Select(e => $"{e.Source} {e.Target} {e.Code}"))}");
    }

    [Fact]
    public void Airliner_strike_is_Russia_using_force_on_Azerbaijan_in_December_2024()
    {
        Found("was targeted by a Russian Pantsir", "RUS", "AZE", "19");
        In("was targeted by a Russian Pantsir").First(e => e.Source == "RUS").Date.ShouldBe(new DateOnly(2024, 12, 1));
    }

    [Fact]
    public void Arrests_on_both_sides_are_found()
    {
        Found("arresting two ethnic Azeris", "RUS", "AZE", "17");
        Found("It arrested agents of Russian state propaganda", "AZE", "RUS", "17");
    }

    [Fact]
    public void Demand_for_an_investigation_is_Azerbaijan_demanding_of_Russia() =>
        Found("demanded a full investigation", "AZE", "RUS", "10");

    [Fact]
    public void Floated_invasion_is_a_Russian_threat_of_force() =>
        Found("floated the idea of invading Azerbaijan", "RUS", "AZE", "13");

    [Fact]
    public void Deaths_in_custody_are_Azerbaijan_accusing_Russia_of_torture() =>
        Found("died in custody", "AZE", "RUS", "11");

    [Fact]
    public void Recommendations_are_not_coded_as_events()
    {
        var recommendations = Coded.Value.Events.Where(e => e.Text.Contains(" should ", StringComparison.Ordinal) || e.Text.Contains(" must ", StringComparison.Ordinal)).ToList();
        recommendations.ShouldBeEmpty(string.Join("; ", recommendations.Select(e => $"{e.Sentence}: {e.Span}")));
    }

    [Theory]
    [InlineData("Moscow could deport them")] // the deportation the article weighs
    [InlineData("such an invasion would require")]
    [InlineData("would almost certainly not tolerate a Russian invasion")]
    [InlineData("Imposing trade sanctions is similarly self-defeating")]
    [InlineData("Sanctions would likely hurt Russia")]
    [InlineData("It would also risk pulling Turkey")]
    public void Hypotheticals_are_not_coded(string words)
    {
        var events = In(words).ToList();
        events.ShouldBeEmpty(string.Join("; ", events.Select(e => $"{e.Source} {e.Target} {e.Code} '{e.Span}'")));
    }

    [Fact]
    public void The_migrants_come_out_as_quantities() =>
        Coded.Value.Figures.ShouldContain(x => x.Value == 1000000 && x.Unit.Contains("citizens") && x.Actor!.StartsWith("AZE", StringComparison.Ordinal) && x.Qualifier == "at least");

    [Fact]
    public void Figures_tie_numbers_to_actors()
    {
        var f = Coded.Value.Figures;
        f.ShouldContain(x => x.Value == 100000 && x.Unit.Contains("troops") && x.Actor == "AZE" && x.Qualifier == "over");
        f.ShouldContain(x => x.Value == 3000000 && x.Unit.Contains("Azeris") && x.Actor == "AZE");
        f.ShouldContain(x => x.Value == 50 && x.Unit.StartsWith('%') && x.Actor == "ARM");
    }
}
