using System.Globalization;
using Statecraft.Core.Domain;

namespace Statecraft.Io.Deu;

/// <summary>An actor's stance on one DEU issue: position and salience on 0-100.</summary>
public sealed record DeuStance(string Actor, double Position, double Salience);

/// <summary>
/// One legislative issue: the stances of the actors that took one, the reference point (status quo)
/// and the actual outcome (both 0-100, null when blank).
/// </summary>
public sealed record DeuIssue(string Id, string Proposal, int Line, IReadOnlyList<DeuStance> Stances, double? ReferencePoint, double? Outcome);

/// <summary>A DEU-layout file: actor capabilities (row 2) and the issues, plus notes on what was left out.</summary>
public sealed record DeuDataset(IReadOnlyDictionary<string, double> Capabilities, IReadOnlyList<DeuIssue> Issues, IReadOnlyList<string> Notes);

/// <summary>
/// Reads the DEU III layout (tab-separated): a header; row 2 with each actor's capability under its
/// <c>p&lt;actor&gt;</c> column; then one issue per row with positions <c>p&lt;actor&gt;</c>, saliences
/// <c>s&lt;actor&gt;</c>, the reference point <c>rp</c> and the outcome <c>out</c>. An actor is a code with
/// both a p- and an s-column. Blank cells mean "no stance".
/// </summary>
public static class DeuReader
{
    public static ParseResult<DeuDataset> Read(string path) =>
        InputFile.ReadText(path).Then(t => Parse(t, path));

    public static ParseResult<DeuDataset> Parse(string text, string file)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var problems = new List<Problem>();
        if (lines.Length < 2 || lines[0].Trim().Length == 0)
            return ParseResult<DeuDataset>.ForProblem(new Problem("file", "", "expected a header line and a capability line", new SourceLocation(file)));

        var header = lines[0].TrimStart('\uFEFF').Split('\t').Select(h => h.Trim()).ToArray();
        var column = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < header.Length; c++) column.TryAdd(header[c], c);
        var actors = header.Where(h => h.Length > 1 && h[0] == 'p' && column.ContainsKey("s" + h[1..])).Select(h => h[1..]).ToArray();
        if (actors.Length == 0) problems.Add(new Problem("header", "p<actor>/s<actor>", "expected position and salience columns such as pcom and scom", new SourceLocation(file, 1)));
        if (!column.ContainsKey("out")) problems.Add(new Problem("header", "out", "expected an outcome column 'out'", new SourceLocation(file, 1)));
        if (problems.Count > 0) return ParseResult<DeuDataset>.ForProblems(problems);

        var caps = new Dictionary<string, double>(StringComparer.Ordinal);
        var capRow = lines[1].Split('\t');
        foreach (var a in actors)
        {
            var v = Cell(capRow, column["p" + a], 2, "capabilities", "p" + a);
            if (v is null) problems.Add(new Problem("capabilities", "p" + a, "missing: expected the actor's capability in row 2", Where(2, capRow, column["p" + a])));
            else if (v < 0) problems.Add(new Problem("capabilities", "p" + a, $"expected a number >= 0, found {v}", Where(2, capRow, column["p" + a])));
            else caps[a] = v.Value;
        }

        var issues = new List<DeuIssue>();
        var noSalience = 0;
        for (var l = 2; l < lines.Length; l++)
        {
            if (lines[l].Trim().Length == 0) continue;
            var cells = lines[l].Split('\t');
            var line = l + 1;
            var id = column.TryGetValue("isnr", out var ic) && ic < cells.Length && cells[ic].Trim().Length > 0 ? cells[ic].Trim() : $"line {line}";
            var proposal = column.TryGetValue("prname", out var pc) && pc < cells.Length ? cells[pc].Trim() : "";
            var stances = new List<DeuStance>();
            foreach (var a in actors)
            {
                var p = Cell(cells, column["p" + a], line, id, "p" + a);
                var s = Cell(cells, column["s" + a], line, id, "s" + a);
                if (p is null) continue;
                if (p is < 0 or > 100) problems.Add(new Problem(id, "p" + a, $"expected a position in [0, 100], found {p}", Where(line, cells, column["p" + a])));
                if (s is < 0 or > 100) problems.Add(new Problem(id, "s" + a, $"expected a salience in [0, 100], found {s}", Where(line, cells, column["s" + a])));
                if (s is null) { noSalience++; continue; }
                stances.Add(new DeuStance(a, p.Value, s.Value));
            }

            var rp = column.TryGetValue("rp", out var rc) ? Cell(cells, rc, line, id, "rp") : null;
            var outcome = Cell(cells, column["out"], line, id, "out");
            if (outcome is < 0 or > 100) problems.Add(new Problem(id, "out", $"expected an outcome in [0, 100], found {outcome}", Where(line, cells, column["out"])));
            issues.Add(new DeuIssue(id, proposal, line, stances, rp, outcome));
        }

        if (problems.Count > 0) return ParseResult<DeuDataset>.ForProblems(problems);
        var notes = new List<string>();
        if (noSalience > 0) notes.Add($"{noSalience} position(s) without a salience were left out");
        return ParseResult<DeuDataset>.ForValue(new DeuDataset(caps, issues, notes));

        double? Cell(string[] cells, int c, int line, string subject, string field)
        {
            if (c >= cells.Length) return null;
            var t = cells[c].Trim();
            if (t.Length == 0) return null;
            if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && Finite.IsUsable(v)) return v;
            problems.Add(new Problem(subject, field, $"expected a number, found '{t}'", Where(line, cells, c)));
            return null;
        }

        SourceLocation Where(int line, string[] cells, int c)
        {
            var col = 1;
            for (var k = 0; k < c && k < cells.Length; k++) col += cells[k].Length + 1;
            return new SourceLocation(file, line, col);
        }
    }
}
