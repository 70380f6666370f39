using System.Text.Json;
using Statecraft.Core.Events;
using Statecraft.Io.Events;
using Statecraft.Tests;
using Xunit.Abstractions;

namespace Statecraft.Io.Tests.Events;

/// <summary>PETRARCH2's unit-test records and the CAMEO codebook examples, coded by our sparse parser.</summary>
public sealed class ReferenceSuiteTests(ITestOutputHelper output)
{
    internal sealed record Expected(string? Src, string? Tgt, string Code);

    internal sealed record Row(string Id, string? Date, string Text, List<Expected> Events, string? Special);

    internal static List<Row> Load(string name)
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        return [.. File.ReadLines(TestPaths.Reference("events", "normalized", name))
            .Select(l => JsonSerializer.Deserialize<Row>(l, options)!)];
    }

    private static int Date(string? d) => d is not null && DictionaryReader.TryDate(d, out var v) ? v : 0;

    [Fact]
    public void Petrarch_unit_test_records_pass_rate_is_held()
    {
        var dict = new Core.Events.EventDictionary();
        var dir = TestPaths.Reference("events", "petrarch");
        DictionaryReader.LoadPetrarchVerbs(dict, Path.Combine(dir, "PETR.Validate.verbs.txt")).Value.Skipped.ShouldBeEmpty();
        DictionaryReader.LoadActors(dict, Path.Combine(dir, "PETR.Validate.actors.txt")).Value.Skipped.ShouldBeEmpty();
        DictionaryReader.LoadAgents(dict, Path.Combine(dir, "PETR.Validate.agents.txt")).Value.Skipped.ShouldBeEmpty();
        DictionaryReader.LoadDiscards(dict, Path.Combine(dir, "PETR.Validate.discards.txt")).Value.Skipped.ShouldBeEmpty();
        var coder = new Coder(dict.Seal());
        var rows = Load("petr_unittest.jsonl").Where(r => r.Special is null or "noevents").ToList();
        var failed = new List<string>();
        var scored = new List<ScoredRecord>();
        foreach (var r in rows)
        {
            var coding = coder.Code(r.Text, Date(r.Date));
            var want = r.Events.Select(e => (e.Src ?? "", e.Tgt ?? "", e.Code)).OrderBy(x => x).ToList();
            var got = coding.Events.Select(e => (e.Source, e.Target, e.Code)).OrderBy(x => x).ToList();
            scored.Add(new ScoredRecord(r.Id, [.. want.Select(e => ScoredEvent.Of(e.Item1, e.Item2, e.Item3))],
                [.. got.Select(e => ScoredEvent.Of(e.Source, e.Target, e.Code))]));
            if (!want.SequenceEqual(got))
            {
                failed.Add(r.Id);
                output.WriteLine($"FAIL {r.Id}: want [{string.Join(" ", want)}] got [{string.Join(" ", got)}] :: {r.Text}");
            }
        }

        var passed = rows.Count - failed.Count;
        var accuracy = Accuracy.Of(scored);
        output.WriteLine($"PETRARCH passed {passed} of {rows.Count}; (source, target, family) {accuracy}: P {accuracy.Precision:F3} R {accuracy.Recall:F3}");
        passed.ShouldBeGreaterThanOrEqualTo(PetrarchPassed);
        failed.Order().ShouldBe(PetrarchKnownFailures.Order(), ignoreOrder: true);
        // precision and recall of (source, target, code family) at the level reached (docs/events.md)
        accuracy.Precision.ShouldBeGreaterThanOrEqualTo(PetrarchPrecision);
        accuracy.Recall.ShouldBeGreaterThanOrEqualTo(PetrarchRecall);
    }

    private const double PetrarchPrecision = 0.902;
    private const double PetrarchRecall = 0.796;

    private const int PetrarchPassed = 216;
    private static readonly string[] PetrarchKnownFailures = [
        "ABOUT-02", "ACTOR-01", "ACTOR-02", "ACTOR-05", "ACTOR-08", "AFP0808020593-1a", "AGENT-08", "AGENT-12",
        "AGENT-13", "AGENT-22", "COMMA-05", "COMMA-07", "COMMA-08", "COMMA-09", "COMMA-10", "COMMA-11",
        "COMMA-12", "COMPOUND-03", "COMPOUND-04", "COMPOUND-08", "COMPOUND-09", "COMPOUND-11", "COMPOUND-12", "COMPOUND-13",
        "COMPOUND-14", "COMPOUND-15", "COMPOUND-16", "COMPOUND-17", "COMPOUND-19", "COMPOUND-20", "COMPOUND-21", "COMPOUND-22",
        "COMPOUND-25", "COMPOUND-26", "COMPOUND-27", "COMPOUND-33", "COMPOUND-34", "COMPOUND-35", "COMPOUND-37", "COMPOUND-42",
        "DATE-16", "DEMO-02", "DEMO-04", "DEMO-05", "DEMO-08", "DEMO-21", "DEMO-22", "DEMO-25",
        "DEMO-29", "DEMO-30", "DEMO-31", "DEMO-32", "ICC-01", "PASSIVE-05", "PATTERN-06", "PATTERN-25",
        "PATTERN-30", "SYNSET-20b", "TABDEBUG-19", "VERB-10", "VERB-21",
    ];

    /// <summary>The codebook's annotated actors (<c>Fixtures/cameo-codebook-actors.tsv</c>) by example id.</summary>
    private static Dictionary<string, (string? Source, string? Target)> CodebookActors() =>
        File.ReadLines(TestPaths.InRepo("tests", "Statecraft.Io.Tests", "Events", "Fixtures", "cameo-codebook-actors.tsv"))
            .Where(l => !l.StartsWith('#') && !l.StartsWith("id\t", StringComparison.Ordinal) && l.Length > 0)
            .Select(l => l.Split('\t'))
            .ToDictionary(f => f[0], f => (f[1] == "-" ? null : f[1], f[2] == "-" ? (string?)null : f[2]));

    /// <summary>Real news: the CAMEO codebook's example sentences, coded as <c>statecraft ingest</c> codes news
    /// with the public Phoenix dictionaries (PETRARCH2's CAMEO.2.0 verbs, the three Phoenix actor files,
    /// Phoenix agents, reading options). Gold: the example's code family (the codebook) with its source and
    /// target at country level (annotated for Statecraft). No date: each actor takes its current code.</summary>
    [Fact]
    public void Cameo_codebook_real_news_precision_and_recall_are_held()
    {
        var data = Path.Combine(TestPaths.Shared, "data", "event_data", "petrarch2");
        var coder = DictionaryReader.Build([
            (DictionaryKind.Verbs, Path.Combine(data, "CAMEO.2.0.txt")),
            .. BuiltInEvents.PhoenixActors.Select(f => (DictionaryKind.Actors, Path.Combine(data, f))),
            (DictionaryKind.Agents, Path.Combine(data, "Phoenix.agents.txt")),
        ], BuiltInEvents.ReadingOptions, strict: false).Value.Coder;
        var rows = Load("cameo_codebook_examples.jsonl");
        var actors = CodebookActors();
        actors.Keys.Order().ShouldBe(rows.Select(r => r.Id).Order()); // every example annotated once
        var withActors = new List<ScoredRecord>();
        var familyOnly = new List<ScoredRecord>();
        foreach (var r in rows)
        {
            // the codebook's "Note: ..." is not part of the example
            var text = r.Text.Split(" Note:")[0];
            var coding = coder.Code(text, 0);
            var family = CameoScale.Family(r.Events[0].Code);
            var (src, tgt) = actors[r.Id];
            withActors.Add(new ScoredRecord(r.Id, [new ScoredEvent(src, tgt, family)],
                [.. coding.Events.Select(e => ScoredEvent.Of(e.Source, e.Target, e.Code, countryLevel: true))]));
            familyOnly.Add(new ScoredRecord(r.Id, [new ScoredEvent(null, null, family)],
                [.. coding.Events.Select(e => ScoredEvent.Of(e.Source, e.Target, e.Code))]));
            if (withActors[^1].Matched == 0)
                output.WriteLine($"MISS {r.Id} want {src ?? "-"}/{tgt ?? "-"}/{family} got [{string.Join(" ", coding.Events.Select(e => $"{e.Source}/{e.Target}/{e.Code}"))}] :: {text}");
        }

        var full = Accuracy.Of(withActors);
        var fam = Accuracy.Of(familyOnly);
        output.WriteLine($"CODEBOOK (source, target, family): {full} P {full.Precision:F3} R {full.Recall:F3}; family only: {fam} P {fam.Precision:F3} R {fam.Recall:F3}");
        full.Precision.ShouldBeGreaterThanOrEqualTo(CodebookPrecision);
        full.Recall.ShouldBeGreaterThanOrEqualTo(CodebookRecall);
        fam.Precision.ShouldBeGreaterThanOrEqualTo(CodebookFamilyPrecision);
        fam.Recall.ShouldBeGreaterThanOrEqualTo(CodebookFamilyRecall);
    }

    private const double CodebookPrecision = 0.294;
    private const double CodebookRecall = 0.347;
    private const double CodebookFamilyPrecision = 0.336;
    private const double CodebookFamilyRecall = 0.397;
}
