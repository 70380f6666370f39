using System.Text;
using Statecraft.Core.Domain;
using Statecraft.Core.Events;
using Statecraft.Io.Events;
using Statecraft.Tests;

namespace Statecraft.Io.Tests.Events;

/// <summary>Plain text read as a stream: checked whole before coding, then one line at a time.</summary>
public sealed class TextCorpusTests : IDisposable
{
    private readonly TempFiles _files = new("statecraft-corpus-");

    public void Dispose() => _files.Dispose();

    private string Write(string name, byte[] bytes) => _files.Write(name, bytes);

    [Fact]
    public void Sentences_stream_in_order_each_with_the_one_before()
    {
        var path = Write("news.txt", Encoding.UTF8.GetBytes("Russia attacked Georgia. It then withdrew.\n\nArmenia protested.\n"));
        var corpus = TextCorpus.Open(path, new DateOnly(2008, 8, 8)).Value;
        var items = corpus.Sentences().ToList();
        items.Select(i => (i.Index, i.Text, i.Previous)).ShouldBe([
            (0, "Russia attacked Georgia.", null),
            (1, "It then withdrew.", "Russia attacked Georgia."),
            (2, "Armenia protested.", "It then withdrew."),
        ]);
        items.ShouldAllBe(i => i.Doc == "news.txt" && i.DocDate == new DateOnly(2008, 8, 8));
        // the same sentences as reading the whole file
        var whole = EventFiles.Read(path, EventInputFormat.Text, null).Value.Documents.Single().Sentences;
        items.Select(i => i.Text).ShouldBe(whole);
    }

    [Fact]
    public void Bad_text_is_refused_before_anything_is_coded()
    {
        TextCorpus.Open(Write("empty.txt", []), null).Problems.Single().Message.ShouldBe("file is empty");
        TextCorpus.Open(Write("blank.txt", "\n \n"u8.ToArray()), null).Problems.Single().Message.ShouldBe("file has no content");
        var binary = TextCorpus.Open(Write("binary.txt", [0x41, 0x0A, 0x42, 0x00]), null).Problems.Single();
        (binary.Field, binary.Location!.Line).ShouldBe(("encoding", 2));
        var control = TextCorpus.Open(Write("control.txt", [0x41, 0xFF, 0x01, 0x0A]), null).Problems.Single();
        control.Message.ShouldBe("not UTF-8 or Latin-1 text");
        var longLine = "ok\n" + new string('a', Limits.Current.LineLength + 1) + "\n";
        var tooLong = TextCorpus.Open(Write("long.txt", Encoding.UTF8.GetBytes(longLine)), null).Problems.Single();
        tooLong.Location!.Line.ShouldBe(2);
        tooLong.Message.ShouldContain("line-length");
        TextCorpus.Open(Path.Combine(_files.Dir, "missing.txt"), null).Problems.Single().Field.ShouldBe("file");
    }

    [Fact]
    public void Latin1_and_multibyte_UTF8_are_read()
    {
        var latin1 = TextCorpus.Open(Write("latin1.txt", Encoding.Latin1.GetBytes("Le pr\u00e9sident a parl\u00e9.\n")), null).Value;
        latin1.Sentences().Single().Text.ShouldBe("Le pr\u00e9sident a parl\u00e9.");
        // a line of many two-byte characters is measured in characters, not bytes
        var wide = new string('\u00e9', Limits.Current.LineLength - 1) + "\n";
        TextCorpus.Open(Write("wide.txt", Encoding.UTF8.GetBytes(wide)), null).Success.ShouldBeTrue();
    }

    [Fact]
    public void Coding_a_stream_gives_the_same_events_whatever_the_thread_count()
    {
        // more sentences than one batch, so the batches and their order matter
        var article = File.ReadAllLines(Path.Combine(TestPaths.Shared, "seed", "south-caucasus-article.txt"));
        var text = string.Join("\n", Enumerable.Range(0, (EventCoding.BatchSize / article.Length) + 2).SelectMany(_ => article));
        var path = Write("long.txt", Encoding.UTF8.GetBytes(text));
        var coder = BuiltInEvents.LoadCoder(TestPaths.InRepo("data", "events"), [], [], [], BuiltInEvents.ReadingOptions).Value.Coder;
        var corpus = TextCorpus.Open(path, new DateOnly(2025, 7, 15)).Value;
        string Run(int threads) => string.Join("\n", EventCoding.Stream(coder, corpus.Sentences(), CameoScale.None, threads)
            .SelectMany((r, i) => r.Events.Select(e => $"{i} {e.Sentence} {e.Source} {e.Target} {e.Code}")));
        var one = Run(1);
        corpus.Sentences().Count().ShouldBeGreaterThan(EventCoding.BatchSize);
        one.ShouldNotBeEmpty();
        Run(2).ShouldBe(one);
        Run(0).ShouldBe(one);
    }
}
