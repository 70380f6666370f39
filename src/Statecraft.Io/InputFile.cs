using Statecraft.Core.Domain;

namespace Statecraft.Io;

/// <summary>Reading a user's input file, the one way every reader does it: a problem, never an exception.</summary>
public static class InputFile
{
    public static ParseResult<string> ReadText(string path)
    {
        try
        {
            return ParseResult<string>.ForValue(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return ParseResult<string>.ForProblem(
                new Problem("", "file", $"expected a readable file; cannot read it: {e.Message}", new SourceLocation(path)));
        }
    }
}
