using System.Globalization;
using Statecraft.Core.Domain;
using Statecraft.Core.Spatial;

namespace Statecraft.Io.Ktab;

/// <summary>
/// Reads KTAB's scenario CSV: a line <c>name,description,nActors,nDims,</c>, a header
/// <c>Actor,Description,Power,Pstn1,Sal1,...</c>, then one row per actor. Positions and saliences are
/// on 0-100 in the file and [0, 1] in the scenario. Trailing commas and blank lines are allowed.
/// </summary>
public static class KtabCsvReader
{
    public static ParseResult<SpatialScenario> Read(string path) =>
        InputFile.ReadText(path).Then(t => Parse(t, path));

    public static ParseResult<SpatialScenario> Parse(string text, string file)
    {
        var problems = new List<Problem>();
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var rows = new List<(int Line, List<Field> Fields)>();
        for (var l = 0; l < lines.Length; l++)
        {
            var fields = Split(lines[l].TrimStart('\uFEFF'));
            if (fields.All(f => f.Text.Length == 0)) continue;
            while (fields.Count > 0 && fields[^1].Text.Length == 0) fields.RemoveAt(fields.Count - 1);
            rows.Add((l + 1, fields));
        }

        if (rows.Count == 0)
            return Fail(new Problem("scenario", "", "empty file: expected a line name,description,nActors,nDims", new SourceLocation(file)));

        var (line1, head) = rows[0];
        Problem At(int line, Field? f, string subject, string field, string message) =>
            new Problem(subject, field, message, new SourceLocation(file, line, f?.Column ?? 0));

        if (head.Count < 4)
            return Fail(At(line1, null, "scenario", "first line",
                $"expected name,description,nActors,nDims, found {head.Count} field(s)"));
        var name = head[0].Text;
        var description = head[1].Text;
        var declaredActors = ParseCount(head[2], "nActors", 2);
        var dims = ParseCount(head[3], "nDims", 1);
        if (dims is null) return Fail(problems.ToArray());
        // Checked before anything is sized by them: a 700-byte file may declare 20,000,000 dimensions.
        if (Limits.Current.Check("dimensions", dims.Value, "scenario", "nDims", new SourceLocation(file, line1, head[3].Column)) is { } tooMany)
            return Fail(tooMany);
        if (Limits.Current.Check("actors", rows.Count - 2, "scenario", "actors", new SourceLocation(file, rows[^1].Line)) is { } tooManyActors)
            return Fail(tooManyActors);

        if (rows.Count < 2)
            return Fail(At(line1, null, "scenario", "header", "expected a header line Actor,Description,Power,Pstn1,Sal1,..."));
        var (line2, header) = rows[1];
        var dimensionNames = new List<string>();
        if (header.Count < 3 + 2 * dims.Value)
            problems.Add(At(line2, null, "scenario", "header",
                $"expected {3 + 2 * dims.Value} columns (Actor, Description, Power and a position and salience per dimension), found {header.Count}"));
        for (var k = 0; k < dims.Value; k++)
            dimensionNames.Add(3 + 2 * k < header.Count ? header[3 + 2 * k].Text : $"Dimension {k + 1}");

        var actors = new List<SpatialActor>();
        foreach (var (line, f) in rows.Skip(2))
        {
            // A row short of more than one dimension is one problem, not one per missing cell.
            if (3 + (2 * dims.Value) - f.Count > 2)
            {
                problems.Add(At(line, null, f.Count > 0 ? f[0].Text : "actor", "row", $"expected {3 + 2 * dims.Value} fields as in the header, found {f.Count}"));
                continue;
            }

            var who = f.Count > 0 && f[0].Text.Length > 0 ? f[0].Text : $"actor {actors.Count + 1}";
            var before = problems.Count;
            if (f.Count > 0 && f[0].Text.Length == 0) problems.Add(At(line, f[0], who, "Actor", "expected a non-empty name"));
            var capability = Number(line, f, 2, who, "Power");
            if (capability is <= 0) problems.Add(At(line, f[2], who, "Power", $"expected a number > 0, found {f[2].Text}"));
            var position = new double[dims.Value];
            var salience = new double[dims.Value];
            var salSum = 0.0;
            for (var k = 0; k < dims.Value; k++)
            {
                var dim = dimensionNames[k];
                var p = Number(line, f, 3 + 2 * k, who, $"position on {dim}");
                var s = Number(line, f, 4 + 2 * k, who, $"salience on {dim}");
                if (p is < 0 or > 100) problems.Add(At(line, f[3 + 2 * k], who, $"position on {dim}", $"expected a value in [0, 100], found {f[3 + 2 * k].Text}"));
                if (s is < 0 or > 100) problems.Add(At(line, f[4 + 2 * k], who, $"salience on {dim}", $"expected a value in [0, 100], found {f[4 + 2 * k].Text}"));
                position[k] = (p ?? 0) / 100.0;
                salience[k] = (s ?? 0) / 100.0;
                salSum += s ?? 0;
            }

            if (salSum > 100)
                problems.Add(At(line, null, who, "salience", $"expected saliences summing to at most 100, found {salSum:0.###}"));
            else if (problems.Count == before && salSum <= 0)
                problems.Add(At(line, null, who, "salience", "expected a positive salience on at least one dimension"));
            if (problems.Count == before)
                actors.Add(new SpatialActor(who, f.Count > 1 ? f[1].Text : "", capability!.Value, position, salience));
            else actors.Add(new SpatialActor(who, "", 1, position, salience));
        }

        if (declaredActors is not null && declaredActors != rows.Count - 2)
            problems.Add(At(line1, head[2], name, "nActors", $"declares {declaredActors} actors, but the file has {rows.Count - 2} actor row(s)"));
        if (problems.Count > 0) return Fail(problems.ToArray());

        var scenario = SpatialScenario.Create(name, description, dimensionNames, actors);
        return scenario.Success ? scenario : Fail(scenario.Problems.Select(p => p.At(new SourceLocation(file))).ToArray());

        int? ParseCount(Field f, string field, int min)
        {
            if (int.TryParse(f.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min) return v;
            problems.Add(At(line1, f, "scenario", field, $"expected a whole number >= {min}, found '{f.Text}'"));
            return null;
        }

        double? Number(int line, List<Field> f, int index, string who, string field)
        {
            if (index >= f.Count || f[index].Text.Length == 0)
            {
                problems.Add(At(line, index < f.Count ? f[index] : null, who, field, "missing: expected a number"));
                return null;
            }

            if (double.TryParse(f[index].Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && Finite.IsUsable(v)) return v;
            problems.Add(At(line, f[index], who, field, $"expected a number, found '{f[index].Text}'"));
            return null;
        }
    }

    private static ParseResult<SpatialScenario> Fail(params Problem[] problems) => ParseResult<SpatialScenario>.ForProblems(problems);

    private sealed record Field(string Text, int Column);

    /// <summary>Splits one CSV line; double quotes group commas; fields are trimmed.</summary>
    private static List<Field> Split(string line)
    {
        var fields = new List<Field>();
        var i = 0;
        while (true)
        {
            var start = i;
            var sb = new System.Text.StringBuilder();
            var quoted = false;
            while (i < line.Length && (quoted || line[i] != ','))
            {
                if (line[i] == '"')
                {
                    if (quoted && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                    else quoted = !quoted;
                }
                else sb.Append(line[i]);
                i++;
            }

            var raw = sb.ToString();
            var lead = raw.Length - raw.TrimStart().Length;
            fields.Add(new Field(raw.Trim(), start + lead + 1));
            if (i >= line.Length) break;
            i++; // skip the comma
        }

        return fields;
    }
}
