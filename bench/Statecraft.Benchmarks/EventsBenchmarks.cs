using BenchmarkDotNet.Attributes;
using Statecraft.Core.Events;
using Statecraft.Io.Events;

namespace Statecraft.Benchmarks;

/// <summary>
/// Sentences coded per second with TABARI's full CAMEO verb dictionary (15,582 patterns) and the
/// Phoenix country actors (plus Phoenix agents), single thread and all cores. The corpus is every
/// sentence of TABARI's validation records, PETRARCH2's GigaWord sample and the source article.
/// Divide the corpus size (printed by the setup) by the mean time for sentences per second.
/// </summary>
[SimpleJob(warmupCount: 2, iterationCount: 5)]
[MemoryDiagnoser]
public class EventsBenchmarks
{
    private Coder _coder = null!;
    private string[] _sentences = [];

    [GlobalSetup]
    public void Setup()
    {
        var shared = FindShared();
        var dict = new EventDictionary();
        DictionaryReader.LoadTabariVerbs(dict, Path.Combine(shared, "reference", "events", "tabari", "CAMEO.091003.master.verbs"));
        DictionaryReader.LoadActors(dict, Path.Combine(shared, "data", "event_data", "petrarch2", "Phoenix.Countries.actors.txt"));
        DictionaryReader.LoadAgents(dict, Path.Combine(shared, "data", "event_data", "petrarch2", "Phoenix.agents.txt"));
        _coder = new Coder(dict.Seal(), new CoderOptions { CommaClauses = false });
        var sentences = new List<string>();
        sentences.AddRange(TabariFiles.ReadRecords(Path.Combine(shared, "reference", "events", "tabari", "Validate.text")).Value
            .Where(r => !r.IsOptionChange).Select(r => r.Text));
        sentences.AddRange(EventFiles.Read(Path.Combine(shared, "data", "event_data", "petrarch2", "GigaWord.sample.PETR.xml"), null, null).Value
            .Documents.SelectMany(d => d.Sentences));
        sentences.AddRange(SentenceSplitter.Split(File.ReadAllText(Path.Combine(shared, "seed", "south-caucasus-article.txt"))));
        _sentences = [.. sentences];
        Console.WriteLine($"// corpus: {_sentences.Length} sentences, {dict.PatternCount} patterns, {dict.Actors.Count} actor phrases");
    }

    [Benchmark(Description = "code corpus, 1 thread")]
    public int SingleThread()
    {
        var events = 0;
        foreach (var s in _sentences) events += _coder.Code(s, 20250101).Events.Count;
        return events;
    }

    [Benchmark(Description = "code corpus, all cores")]
    public int AllCores()
    {
        var counts = new int[_sentences.Length];
        Parallel.For(0, _sentences.Length, i => counts[i] = _coder.Code(_sentences[i], 20250101).Events.Count);
        return counts.Sum();
    }

    private static string FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared");
            if (File.Exists(Path.Combine(dir.FullName, "Statecraft.slnx")) && Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }

        throw new InvalidOperationException("../shared not found above " + AppContext.BaseDirectory);
    }
}
