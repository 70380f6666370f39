using System.Globalization;
using System.IO.Compression;
using System.Text;
using Statecraft.Core.Domain;

namespace Statecraft.Io.Datasets;

/// <summary>
/// A comma-separated data file with a header row (optionally gzip-compressed: a name ending in
/// <c>.gz</c>), read row by row. Fields are read by column name; a field that does not parse is
/// recorded as a problem with file, line and column name, and reading goes on, so one pass reports
/// every bad row (up to <see cref="MaxProblems"/>). Double quotes may enclose a field; no embedded
/// newlines. Empty cells and <c>NA</c> are missing.
/// </summary>
internal sealed class CsvTable
{
    public const int MaxProblems = 20;

    private readonly Dictionary<string, int> _columns;
    private readonly List<Problem> _problems = [];
    private string[] _fields = [];
    private int _line;

    private CsvTable(string path, string[] header)
    {
        Path = path;
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++) _columns.TryAdd(header[i], i);
    }

    public string Path { get; }

    public IReadOnlyList<Problem> Problems => _problems;

    public bool Full => _problems.Count >= MaxProblems;

    /// <summary>
    /// Reads every row of <paramref name="path"/>, calling <paramref name="row"/> with the table
    /// positioned on it; checks that the header holds <paramref name="required"/> first.
    /// </summary>
    public static IReadOnlyList<Problem> Read(string path, IReadOnlyList<string> required, Action<CsvTable> row)
    {
        try
        {
            using var reader = Open(path);
            var headerLine = reader.ReadLine();
            if (headerLine is null) return [new Problem("", "header", "expected a header row; the file is empty", new SourceLocation(path, 1))];
            var table = new CsvTable(path, Split(headerLine));
            var missing = required.Where(c => !table._columns.ContainsKey(c)).ToArray();
            if (missing.Length > 0)
                return [new Problem("", "header", $"expected column(s) {string.Join(", ", missing)}; found {headerLine}", new SourceLocation(path, 1))];
            var lineNumber = 1;
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if (line.Length == 0) continue;
                table._line = lineNumber;
                table._fields = Split(line);
                if (table._fields.Length != table._columns.Count)
                {
                    table.Add("", $"expected {table._columns.Count} fields, found {table._fields.Length}");
                }
                else
                {
                    row(table);
                }

                if (table.Full) break;
            }

            return table._problems;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or NotSupportedException or ArgumentException)
        {
            return [Unreadable(path, e)];
        }
    }

    /// <summary>The column names of a data file's header row.</summary>
    public static ParseResult<string[]> Header(string path)
    {
        try
        {
            using var reader = Open(path);
            return reader.ReadLine() is { } line
                ? ParseResult<string[]>.ForValue(Split(line))
                : ParseResult<string[]>.ForProblem(new Problem("", "header", "expected a header row; the file is empty", new SourceLocation(path, 1)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or NotSupportedException or ArgumentException)
        {
            return ParseResult<string[]>.ForProblem(Unreadable(path, e));
        }
    }

    /// <summary>The raw text of a field on the current row.</summary>
    public string Text(string column) => _fields[_columns[column]];

    public bool IsMissing(string column) => Text(column) is "" or "NA";

    /// <summary>An integer field; 0 (and a problem) when it does not parse or is missing.</summary>
    public int Int(string column)
    {
        var text = Text(column);
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        Add(column, $"expected an integer, found '{text}'");
        return 0;
    }

    /// <summary>A 0/1 field.</summary>
    public bool Flag(string column)
    {
        var text = Text(column);
        if (text is "0" or "1") return text == "1";
        Add(column, $"expected 0 or 1, found '{text}'");
        return false;
    }

    /// <summary>A finite number; 0 (and a problem) when it does not parse or is missing.</summary>
    public double Number(string column)
    {
        var text = Text(column);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)) return value;
        Add(column, $"expected a number, found '{text}'");
        return 0;
    }

    /// <summary>A finite number, or null when the cell is missing.</summary>
    public double? OptionalNumber(string column) => IsMissing(column) ? null : Number(column);

    /// <summary>An ISO date (yyyy-MM-dd).</summary>
    public DateOnly Date(string column)
    {
        var text = Text(column);
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) return value;
        Add(column, $"expected a date yyyy-mm-dd, found '{text}'");
        return default;
    }

    /// <summary>A date from year, month and day columns (COW's layout).</summary>
    public DateOnly Date(string year, string month, string day)
    {
        int y = Int(year), m = Int(month), d = Int(day);
        if (y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)) return new DateOnly(y, m, d);
        Add(year, $"expected a valid date, found {y}-{m}-{d}");
        return default;
    }

    /// <summary>Records a problem with the current row.</summary>
    public void Add(string column, string message)
    {
        if (!Full) _problems.Add(new Problem("", column, message, new SourceLocation(Path, _line)));
    }

    private static Problem Unreadable(string path, Exception e) =>
        new("", "file", $"expected a readable data file; cannot read it: {e.Message}", new SourceLocation(path));

    public static TextReader Open(string path)
    {
        Stream stream = File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) stream = new GZipStream(stream, CompressionMode.Decompress);
        return new StreamReader(stream, Encoding.UTF8);
    }

    /// <summary>Splits one line: commas, with double quotes around a field and "" for a quote inside it.</summary>
    public static string[] Split(string line) => SplitWithColumns(line).Select(f => f.Text).ToArray();

    /// <summary>The fields of one line, each with the 1-based column where it starts (for located problems).</summary>
    public static (string Text, int Column)[] SplitWithColumns(string line)
    {
        var fields = new List<(string, int)>();
        var current = new StringBuilder();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (ch == '"') quoted = false;
                else current.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',')
            {
                fields.Add((current.ToString(), start + 1));
                current.Clear();
                start = i + 1;
            }
            else current.Append(ch);
        }

        fields.Add((current.ToString(), start + 1));
        return fields.ToArray();
    }
}

/// <summary>Every non-empty line of a small CSV file (gzip when named .gz) split into fields, header included, for callers that want the raw table.</summary>
internal static class Csv
{
    public static List<string[]> Read(string path)
    {
        using var reader = CsvTable.Open(path);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) rows.Add(CsvTable.Split(line));
        if (rows.Count == 0) throw new InvalidDataException($"{path}: empty file");
        return rows;
    }

    public static string[] Split(string line) => CsvTable.Split(line);

    public static (string Text, int Column)[] SplitWithColumns(string line) => CsvTable.SplitWithColumns(line);
}
