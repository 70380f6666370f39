using System.Text;
using Statecraft.Core.Domain;
using Statecraft.Core.Events;

namespace Statecraft.Io.Events;

/// <summary>
/// A plain-text file read as a stream of sentences, for corpora of any size: the file is checked first in one
/// pass (readable, not empty, no NUL byte, UTF-8 or else Latin-1 without control bytes, every line within the
/// line-length limit), so bad input is refused before anything is coded; then its lines are split into
/// sentences as they are read, holding one line at a time. The document is the file; sentences are numbered
/// from 1 through it.
/// </summary>
public sealed class TextCorpus
{
    private readonly Encoding _encoding;

    private TextCorpus(string path, DateOnly? date, long bytes, Encoding encoding)
    {
        Path = path;
        Date = date;
        Bytes = bytes;
        _encoding = encoding;
    }

    public string Path { get; }
    public DateOnly? Date { get; }
    public long Bytes { get; }

    /// <summary>Checks the file in one streaming pass and opens it, or says what is wrong with file and line.</summary>
    public static ParseResult<TextCorpus> Open(string path, DateOnly? date)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            if (stream.Length == 0) return Fail("", "file is empty", path, 0);
            var decoder = new UTF8Encoding(false, true).GetDecoder();
            var buffer = new byte[1 << 16];
            var chars = new char[buffer.Length + 4];
            bool utf8 = true, control = false, content = false;
            var line = 1;
            long lineLength = 0, maxLength = Limits.Current.LineLength;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                for (var i = 0; i < read; i++)
                {
                    var b = buffer[i];
                    if (b == 0) return Fail("encoding", "binary content (NUL byte); expected text", path, line);
                    if (b == (byte)'\n')
                    {
                        line++;
                        lineLength = 0;
                        continue;
                    }

                    if (b < 9 || (b > 13 && b < 32)) control = true;
                    if (b > 32) content = true;
                    // count characters, not the continuation bytes of UTF-8
                    if ((b & 0xC0) != 0x80 && ++lineLength > maxLength)
                        return ParseResult<TextCorpus>.ForProblem(Limits.Current.Exceeded("line-length", lineLength, "", "line", new SourceLocation(path, line)));
                }

                if (utf8)
                {
                    try
                    {
                        decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
                    }
                    catch (DecoderFallbackException)
                    {
                        utf8 = false;
                    }
                }
            }

            if (!utf8 && control) return Fail("encoding", "not UTF-8 or Latin-1 text", path, 0);
            if (!content) return Fail("", "file has no content", path, 0);
            return ParseResult<TextCorpus>.ForValue(new TextCorpus(path, date, stream.Length, utf8 ? new UTF8Encoding(false) : Encoding.Latin1));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Fail("file", $"expected a readable file; cannot read it: {e.Message}", path, 0);
        }
    }

    private static ParseResult<TextCorpus> Fail(string field, string message, string path, int line) =>
        ParseResult<TextCorpus>.ForProblem(new Problem("", field, message, new SourceLocation(path, line)));

    /// <summary>The file's sentences in order, each with the one before it; <paramref name="progress"/> hears the
    /// bytes read so far.</summary>
    public IEnumerable<SentenceItem> Sentences(Action<long>? progress = null)
    {
        var doc = System.IO.Path.GetFileName(Path);
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var reader = new StreamReader(stream, _encoding, detectEncodingFromByteOrderMarks: true);
        var index = 0;
        string? previous = null;
        var lines = 0;
        while (reader.ReadLine() is { } line)
        {
            foreach (var sentence in SentenceSplitter.Split(line))
            {
                yield return new SentenceItem(doc, Date, index++, sentence, previous);
                previous = sentence;
            }

            if (progress is not null && ++lines % 1024 == 0) progress(stream.Position);
        }

        progress?.Invoke(stream.Length);
    }
}
