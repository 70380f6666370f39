using System.Text;
using Statecraft.Core.Domain;

namespace Statecraft.Io;

/// <summary>
/// Reading a user's input file, the one way every reader does it: a problem, never an exception.
/// Text must be UTF-8 (a Latin-1 or Windows-1252 file is refused at its first such byte, with how to
/// convert it, rather than read with replacement characters), within the input-bytes budget and the
/// line-length limit of <see cref="Limits"/>.
/// </summary>
public static class InputFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ParseResult<string> ReadText(string path) => ReadBytes(path).Then(bytes => Decode(bytes, path));

    /// <summary>The file's bytes, or a located problem when it cannot be read or is over the input-bytes budget.</summary>
    public static ParseResult<byte[]> ReadBytes(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var limits = Limits.Current;
            if (stream.CanSeek && limits.Check("input-bytes", stream.Length, "", "file", new SourceLocation(path)) is { } over)
                return ParseResult<byte[]>.ForProblem(over);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            return ParseResult<byte[]>.ForValue(memory.ToArray());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return ParseResult<byte[]>.ForProblem(
                new Problem("", "file", $"expected a readable file; cannot read it: {e.Message}", new SourceLocation(path)));
        }
    }

    /// <summary>
    /// Decodes UTF-8 text (a byte-order mark is dropped) and checks its lines against the line-length
    /// limit. Text that arrives without a file (an upload) goes through here too.
    /// </summary>
    public static ParseResult<string> Decode(byte[] bytes, string path)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var at = Math.Clamp(e.Index, 0, bytes.Length - 1);
            var line = 1 + bytes.AsSpan(0, at).Count((byte)'\n');
            var column = at - bytes.AsSpan(0, at).LastIndexOf((byte)'\n');
            return ParseResult<string>.ForProblem(new Problem("", "encoding",
                $"expected UTF-8 text; byte 0x{bytes[at]:X2} is not UTF-8 (the file looks like Latin-1 or Windows-1252: re-save it as UTF-8, e.g. iconv -f latin1 -t utf-8)",
                new SourceLocation(path, line, column)));
        }

        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        return CheckLines(text, path);
    }

    /// <summary>The text unchanged, or a problem at the first line longer than the line-length limit.</summary>
    public static ParseResult<string> CheckLines(string text, string path)
    {
        var limit = Limits.Current.LineLength;
        if (text.Length <= limit) return ParseResult<string>.ForValue(text);
        var line = 1;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            if (end - start > limit)
                return ParseResult<string>.ForProblem(Limits.Current.Exceeded("line-length", end - start, "", "line", new SourceLocation(path, line)));
            start = end + 1;
            line++;
        }

        return ParseResult<string>.ForValue(text);
    }
}
