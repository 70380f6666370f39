using System.Globalization;
using Statecraft.Core.Domain;
using Statecraft.Core.Forecasting;
using Statecraft.Io.Events;

namespace Statecraft.Io.Forecasting;

/// <summary>
/// Reads a resolutions file: CSV with the header <c>question,outcome,date,source</c> and an optional
/// fifth column <c>reason</c> (a non-empty reason makes the line a correction). Every malformed line
/// is reported at once with file, line and field; a file with any problem yields nothing.
/// </summary>
public static class ResolutionsCsv
{
    public static readonly string[] Columns = ["question", "outcome", "date", "source"];

    public static ParseResult<IReadOnlyList<ResolutionRequest>> Read(string path) =>
        InputFile.ReadText(path).Then(t => Parse(t, path));

    /// <summary>Reads the file; see <see cref="ParseLines"/>.</summary>
    public static (IReadOnlyList<ResolutionRequest> Requests, IReadOnlyList<Problem> Problems) ReadLines(string path)
    {
        var text = InputFile.ReadText(path);
        return text.Success ? ParseLines(text.Value, path) : ([], text.Problems);
    }

    public static ParseResult<IReadOnlyList<ResolutionRequest>> Parse(string text, string file)
    {
        var (requests, problems) = ParseLines(text, file);
        return problems.Count > 0
            ? ParseResult<IReadOnlyList<ResolutionRequest>>.ForProblems(problems)
            : ParseResult<IReadOnlyList<ResolutionRequest>>.ForValue(requests);
    }

    /// <summary>
    /// The well-formed lines and the problems of the others, so that a caller can check the good
    /// lines against the ledger too and report every problem of the file at once.
    /// </summary>
    public static (IReadOnlyList<ResolutionRequest> Requests, IReadOnlyList<Problem> Problems) ParseLines(string text, string file)
    {
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Split('\n');
        var header = Fields(lines[0]);
        var withReason = header.SequenceEqual([.. Columns, "reason"]);
        if (!header.SequenceEqual(Columns) && !withReason)
            return ([], [new Problem("header", "", $"expected the header {string.Join(",", Columns)} (optionally ,reason), found '{lines[0]}'", new SourceLocation(file, 1))]);

        var problems = new List<Problem>();
        var requests = new List<ResolutionRequest>();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0) continue;
            var where = new SourceLocation(file, i + 1);
            void Add(string subject, string field, string message) => problems.Add(new Problem(subject, field, message, where));

            // Quotes come in pairs ("" inside a quoted field is one quote): an odd count leaves a field open.
            if (line.Count(c => c == '"') % 2 == 1)
            {
                Add("line", "", "malformed CSV: a quoted field is not closed (fields may not span lines)");
                continue;
            }

            var fields = Fields(line);
            if (fields.Length != header.Length && !(withReason && fields.Length == Columns.Length))
            {
                Add("line", "", $"expected {header.Length} fields ({string.Join(",", header)}), found {fields.Length}");
                continue;
            }

            var question = fields[0];
            var subject = question.Length > 0 ? question : "line";
            if (question.Length == 0) Add(subject, "question", "missing: expected a question id");
            if (fields[1].Length == 0) Add(subject, "outcome", "missing: expected yes, no, a number or a category");
            if (fields[3].Length == 0) Add(subject, "source", "missing: say what settled it");
            if (!DateOnly.TryParseExact(fields[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                Add(subject, "date", $"expected a date YYYY-MM-DD, found '{fields[2]}'");
            else if (question.Length > 0 && fields[1].Length > 0 && fields[3].Length > 0)
                requests.Add(new ResolutionRequest(question, fields[1], date, fields[3], fields.Length > 4 && fields[4].Length > 0 ? fields[4] : null, where));
        }

        if (problems.Count == 0 && requests.Count == 0)
            problems.Add(new Problem("file", "", "no resolutions: expected at least one line after the header", new SourceLocation(file, 1)));
        return (requests, problems);
    }

    private static string[] Fields(string line) => EventFiles.SplitCsv(line).Select(f => f.Trim()).ToArray();
}
