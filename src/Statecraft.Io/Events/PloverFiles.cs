using System.Globalization;
using System.Text.RegularExpressions;
using Statecraft.Core.Domain;
using Statecraft.Core.Events;

namespace Statecraft.Io.Events;

/// <summary>Reads the published CAMEO-to-PLOVER table (<c>CAMEO2PLOVER-2021.txt</c>, unchanged) and the
/// PLOVER scores (<c>plover-scores.tsv</c>) into a <see cref="PloverScheme"/>.</summary>
public static partial class PloverFiles
{
    public const string Table = "CAMEO2PLOVER-2021.txt";
    public const string ScoresFile = "plover-scores.tsv";

    /// <summary>The built-in scheme from <c>data/events</c>.</summary>
    public static ParseResult<PloverScheme> Load(string dataDir) =>
        ReadTable(Path.Combine(dataDir, Table)).Then(table =>
            ReadScores(Path.Combine(dataDir, ScoresFile)).Select(scores => new PloverScheme(table, scores)));

    /// <summary>Rows <c>CODE: TYPE, mode, context # comment</c> for three- and four-digit CAMEO codes; a
    /// two-digit heading maps its root code when it names one type (08 names two, CONCEDE and RETREAT, and
    /// maps nothing); the table ends at <c>~~</c>.</summary>
    public static ParseResult<IReadOnlyDictionary<string, PloverCode>> ReadTable(string path)
    {
        var read = DictionaryReader.ReadLines(path);
        if (!read.Success) return ParseResult<IReadOnlyDictionary<string, PloverCode>>.ForProblems(read.Problems);
        var codes = new Dictionary<string, PloverCode>(StringComparer.Ordinal);
        var headings = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var problems = new List<Problem>();
        var lines = read.Value;
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n];
            if (line.StartsWith("~~", StringComparison.Ordinal)) break;
            var hash = line.IndexOf('#');
            var body = (hash < 0 ? line : line[..hash]).Trim();
            if (body.Length == 0) continue;
            var m = Row().Match(body);
            if (!m.Success)
            {
                problems.Add(new Problem(body, "row", "expected CODE: TYPE, mode, context", new SourceLocation(path, n + 1)));
                continue;
            }

            var code = m.Groups["code"].Value;
            var parts = m.Groups["rest"].Value.Split(',').Select(p => p.Trim()).ToArray();
            if (code.Length == 2)
            {
                // a family heading ("08: CONCEDE", "08: RETREAT")
                if (!headings.TryGetValue(code, out var types)) headings[code] = types = [];
                types.Add(parts[0]);
                continue;
            }

            var type = parts[0];
            if (type.Length == 0 || !type.All(char.IsAsciiLetterUpper))
            {
                problems.Add(new Problem(code, "type", $"'{type}' is not a PLOVER event type", new SourceLocation(path, n + 1)));
                continue;
            }

            string? Part(int i) => parts.Length > i && parts[i].Length > 0 ? parts[i] : null;
            codes[code] = new PloverCode(type, Part(1), Part(2));
        }

        foreach (var (root, types) in headings)
            if (types.Count == 1 && types[0].Length > 0 && types[0].All(char.IsAsciiLetterUpper)) codes.TryAdd(root, new PloverCode(types[0], null, null));

        return problems.Count > 0
            ? ParseResult<IReadOnlyDictionary<string, PloverCode>>.ForProblems(problems)
            : ParseResult<IReadOnlyDictionary<string, PloverCode>>.ForValue(codes);
    }

    /// <summary><c>type, mode, score, quad_class</c> (tab-separated, with header); an empty mode is the type's own score.</summary>
    public static ParseResult<IReadOnlyDictionary<string, (double Score, int QuadClass)>> ReadScores(string path)
    {
        var read = DictionaryReader.ReadLines(path);
        if (!read.Success) return ParseResult<IReadOnlyDictionary<string, (double, int)>>.ForProblems(read.Problems);
        var scores = new Dictionary<string, (double, int)>(StringComparer.Ordinal);
        var problems = new List<Problem>();
        var lines = read.Value;
        for (var n = 1; n < lines.Length; n++)
        {
            if (lines[n].Trim().Length == 0) continue;
            var f = lines[n].Split('\t');
            if (f.Length != 4 || !double.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || !double.IsFinite(score)
                || !int.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out var quad) || quad is < 1 or > 4)
            {
                problems.Add(new Problem("", "row", "expected type<TAB>mode<TAB>score<TAB>quad class 1-4", new SourceLocation(path, n + 1)));
                continue;
            }

            scores[f[1].Length == 0 ? f[0] : $"{f[0]}:{f[1]}"] = (score, quad);
        }

        return problems.Count > 0
            ? ParseResult<IReadOnlyDictionary<string, (double, int)>>.ForProblems(problems)
            : ParseResult<IReadOnlyDictionary<string, (double, int)>>.ForValue(scores);
    }

    [GeneratedRegex(@"^(?<code>\d{2,4}):\s*(?<rest>.*)$")]
    private static partial Regex Row();
}
