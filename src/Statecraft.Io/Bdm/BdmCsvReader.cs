using System.Globalization;
using Statecraft.Core.Domain;

namespace Statecraft.Io.Bdm;

/// <summary>The scale a file's saliences were written on.</summary>
public enum SalienceScale
{
    /// <summary>0 to 1, taken as is.</summary>
    Unit,

    /// <summary>0 to 100, divided by 100.</summary>
    Percent,
}

/// <summary>An actor table read from a BDM CSV file, with what the reader decided on the way.</summary>
public sealed record BdmActorTable(string Path, Issue Issue, SalienceScale SalienceScale, IReadOnlyList<string> Notes);

/// <summary>
/// Reads the BDM actor-table layout: a header naming Actor, Capability, Position and Salience
/// (also spelled Stakeholder/Name, Resources/Capabilities/Power), one actor a row. Saliences on
/// 0-1 or 0-100 are detected (any value above 1 means 0-100); other columns are ignored with a note;
/// lines starting with '#' are comments. Every problem is reported as <c>file:line: field: what was expected</c>.
/// </summary>
public static class BdmCsvReader
{
    private static readonly (string Field, string[] Names)[] Columns =
    [
        ("actor", ["actor", "stakeholder", "name"]),
        ("capability", ["capability", "capabilities", "resources", "power"]),
        ("position", ["position"]),
        ("salience", ["salience"]),
    ];

    public static ParseResult<BdmActorTable> ReadFile(string path) =>
        InputFile.ReadText(path).Then(t => Parse(t, path));

    public static ParseResult<BdmActorTable> Parse(string text, string path)
    {
        var problems = new List<Problem>();
        var notes = new List<string>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

        var headerLine = 0;
        string[]? header = null;
        var rows = new List<(int Line, string[] Fields)>();
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            if (header is null)
            {
                header = SplitCsv(line);
                headerLine = n + 1;
            }
            else
            {
                rows.Add((n + 1, SplitCsv(line)));
            }
        }

        Problem At(int line, string field, string message) => new("", field, message, new SourceLocation(path, line));
        if (Limits.Current.Check("actors", rows.Count, "", "actors", new SourceLocation(path, rows.Count > 0 ? rows[^1].Line : 1)) is { } tooMany)
            return ParseResult<BdmActorTable>.ForProblem(tooMany);

        if (header is null)
            return ParseResult<BdmActorTable>.ForProblem(At(1, "header", "expected a header line with Actor, Capability, Position, Salience; the file is empty"));

        var index = new int[Columns.Length];
        for (var c = 0; c < Columns.Length; c++)
        {
            index[c] = Array.FindIndex(header, h => Columns[c].Names.Contains(h.Trim().ToLowerInvariant()));
            if (index[c] < 0)
                problems.Add(At(headerLine, Columns[c].Field,
                    $"expected a column named {string.Join(" or ", Columns[c].Names.Select(Capitalise))}"));
        }

        if (problems.Count > 0) return ParseResult<BdmActorTable>.ForProblems(problems);

        var extra = header.Where((h, i) => !index.Contains(i) && h.Trim().Length > 0).Select(h => h.Trim()).ToArray();
        if (extra.Length > 0)
            notes.Add($"ignored column(s) {string.Join(", ", extra)}: the model uses only actor, capability, position and salience");

        var parsed = new List<(int Line, string Name, double Capability, double Position, double Salience)>();
        var needed = index.Max() + 1;
        foreach (var (line, fields) in rows)
        {
            if (fields.Length < needed)
            {
                problems.Add(At(line, "row", $"expected at least {needed} fields, found {fields.Length}"));
                continue;
            }

            // More fields than the header names would be read silently shifted ("1,000" as two numbers).
            if (fields.Length > header.Length)
            {
                problems.Add(At(line, "row", $"expected {header.Length} fields as in the header on line {headerLine}, found {fields.Length}; quote a field that holds a comma"));
                continue;
            }

            var name = fields[index[0]].Trim();
            if (name.Length == 0) problems.Add(At(line, "actor", "expected a non-empty actor name"));
            if (Limits.Current.Check("field-length", name.Length, "", "actor", new SourceLocation(path, line)) is { } tooLong)
            {
                problems.Add(tooLong);
                continue;
            }

            var capability = Number(line, "capability", fields[index[1]], Capability.IsValid, Capability.Expected);
            var position = Number(line, "position", fields[index[2]], Position.IsValid, Position.Expected);
            var salience = Number(line, "salience", fields[index[3]], v => double.IsFinite(v) && v is >= 0 and <= 100,
                "a finite number in [0, 1] or [0, 100]");
            if (capability is { } c && position is { } p && salience is { } s && name.Length > 0)
                parsed.Add((line, name, c, p, s));
        }

        double? Number(int line, string field, string raw, Func<double, bool> valid, string expected)
        {
            if (double.TryParse(raw.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && Finite.IsUsable(v) && valid(v)) return v;
            problems.Add(At(line, field, $"expected {expected}, found '{raw.Trim()}'"));
            return null;
        }

        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in parsed)
            if (!firstLine.TryAdd(row.Name, row.Line))
                problems.Add(At(row.Line, "actor", $"expected a unique actor name, '{row.Name}' is already on line {firstLine[row.Name]}"));

        if (problems.Count == 0 && parsed.Count < 2)
            problems.Add(At(rows.Count > 0 ? rows[^1].Line : headerLine, "actors", $"expected at least two actors, found {parsed.Count}"));
        if (problems.Count > 0) return ParseResult<BdmActorTable>.ForProblems(problems);

        var scale = parsed.Any(r => r.Salience > 1) ? SalienceScale.Percent : SalienceScale.Unit;
        notes.Insert(0, scale == SalienceScale.Percent
            ? "salience read on a 0-100 scale (values above 1 found) and divided by 100"
            : "salience read on a 0-1 scale");
        var divisor = scale == SalienceScale.Percent ? 100.0 : 1.0;
        var actors = parsed.Select(r => new Actor(r.Name, new Capability(r.Capability), new Position(r.Position),
            new Salience(r.Salience / divisor))).ToArray();

        var issue = Issue.Create(System.IO.Path.GetFileNameWithoutExtension(path), null, actors);
        if (!issue.Success)
            return ParseResult<BdmActorTable>.ForProblems(issue.Problems.Select(p => p.At(new SourceLocation(path, headerLine))).ToArray());
        return ParseResult<BdmActorTable>.ForValue(new BdmActorTable(path, issue.Value, scale, notes));
    }

    private static string Capitalise(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private static string[] SplitCsv(string line) => Datasets.CsvTable.Split(line);
}
