using BenchmarkDotNet.Attributes;
using Statecraft.Core.Events;
using Statecraft.Io.Events;

namespace Statecraft.Benchmarks;

/// <summary>
/// Sentences coded per second with the full Phoenix dictionaries as <c>statecraft ingest</c> reads news by
/// default (PETRARCH2's CAMEO.2.0 verbs, 746,000 patterns after expanding synonym sets; the three Phoenix
/// actor files and the case's actors, 35,000 phrases; Phoenix agents; reading options), through the
/// streaming coder on one thread and on all cores; and the time to read those dictionaries. The corpus is
/// every sentence of TABARI's validation records, PETRARCH2's GigaWord sample and unit tests, the CAMEO
/// codebook examples and the source article (about 1,190 sentences). Divide the corpus size (printed by
/// the setup) by the mean time for sentences per second.
/// </summary>
[SimpleJob(warmupCount: 2, iterationCount: 5)]
[MemoryDiagnoser]
public class EventsBenchmarks
{
    private Coder _coder = null!;
    private CameoScale _scale = CameoScale.None;
    private SentenceItem[] _sentences = [];
    private string _data = "";

    [GlobalSetup]
    public void Setup()
    {
        var shared = FindShared();
        _data = Path.Combine(FindRepo(), "data", "events");
        var loaded = BuiltInEvents.LoadCoder(_data, [], [], [], BuiltInEvents.ReadingOptions).Value;
        _coder = loaded.Coder;
        _scale = BuiltInEvents.LoadScale(Path.Combine(_data, BuiltInEvents.Goldstein)).Value;
        var texts = new List<string>();
        texts.AddRange(TabariFiles.ReadRecords(Path.Combine(shared, "reference", "events", "tabari", "Validate.text")).Value
            .Where(r => !r.IsOptionChange).Select(r => r.Text));
        texts.AddRange(EventFiles.Read(Path.Combine(shared, "data", "event_data", "petrarch2", "GigaWord.sample.PETR.xml"), null, null).Value
            .Documents.SelectMany(d => d.Sentences));
        foreach (var set in new[] { "petr_unittest.jsonl", "cameo_codebook_examples.jsonl" })
            texts.AddRange(File.ReadLines(Path.Combine(shared, "reference", "events", "normalized", set))
                .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!));
        texts.AddRange(SentenceSplitter.Split(File.ReadAllText(Path.Combine(shared, "seed", "south-caucasus-article.txt"))));
        _sentences = [.. texts.Select((t, i) => new SentenceItem("bench", new DateOnly(2025, 1, 1), i, t, i > 0 ? texts[i - 1] : null))];
        Console.WriteLine($"// corpus: {_sentences.Length} sentences, {_coder.Dictionary.PatternCount} patterns, {_coder.Dictionary.Actors.Count} actor phrases");
    }

    [Benchmark(Description = "code corpus, 1 thread")]
    public int SingleThread() => EventCoding.Stream(_coder, _sentences, _scale, 1).Sum(r => r.Events.Count);

    [Benchmark(Description = "code corpus, all cores")]
    public int AllCores() => EventCoding.Stream(_coder, _sentences, _scale, 0).Sum(r => r.Events.Count);

    [Benchmark(Description = "read the built-in dictionaries")]
    public int LoadDictionaries() => BuiltInEvents.LoadCoder(_data, [], [], [], BuiltInEvents.ReadingOptions).Value.Coder.Dictionary.Verbs.Count;

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Statecraft.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Statecraft.slnx not found above " + AppContext.BaseDirectory);
    }

    private static string FindShared() => Path.GetFullPath(Path.Combine(FindRepo(), "..", "shared"));
}
