using System.Globalization;
using Statecraft.Core.Domain;
using Statecraft.Core.Events;

namespace Statecraft.Io.Events;

/// <summary>
/// The dictionaries Statecraft ships in <c>data/events</c>: PETRARCH2's CAMEO verbs and Phoenix agents
/// (MIT), the South Caucasus actors and extra verb patterns, and CAMEO Goldstein scores.
/// </summary>
public static class BuiltInEvents
{
    public const string Verbs = "CAMEO.2.0.verbs.txt";
    public const string ExtraVerbs = "caucasus.verbs";
    public const string Agents = "Phoenix.agents.txt";
    public const string Actors = "caucasus.actors";
    public const string Goldstein = "cameo-goldstein.tsv";

    /// <summary>The options for reading analysis and news: recommendations ("should", "must"),
    /// hypotheticals and negated verbs are not events; commas end clauses; a verb needs its source
    /// before it.</summary>
    public static readonly CoderOptions ReadingOptions = new() { SkipRecommendations = true, NoActorPrior = true, CommaClauses = true };

    /// <summary><c>data/events</c>: from STATECRAFT_DATA, else the first <c>data/events</c> above the
    /// program or the working directory.</summary>
    public static string? FindDataDirectory() => DataDirectory.Find("events", Actors);

    /// <summary>Builds a coder: the built-in dictionaries unless files are given for that kind, plus any
    /// extra files. Verb files are read as PETRARCH2 (<c>CAMEO.2.0</c> layout, "--- NAME [code] ---"
    /// groups) or TABARI, told apart by their content.</summary>
    public static ParseResult<Coder> LoadCoder(string? dataDir, IReadOnlyList<string> actors, IReadOnlyList<string> agents,
        IReadOnlyList<string> verbs, CoderOptions options)
    {
        var problems = new List<Problem>();
        var dict = new EventDictionary();
        string Data(string name) => Path.Combine(dataDir ?? "", name);
        if ((actors.Count == 0 || agents.Count == 0 || verbs.Count == 0) && dataDir is null)
            return ParseResult<Coder>.ForProblem(new Problem("", "data", "built-in dictionaries not found (data/events); set STATECRAFT_DATA or pass --actors, --agents and --verbs"));
        var verbFiles = verbs.Count > 0 ? verbs : [Data(Verbs), Data(ExtraVerbs)];
        foreach (var v in verbFiles)
            problems.AddRange(IsPetrarchVerbs(v) ? DictionaryReader.LoadPetrarchVerbs(dict, v) : DictionaryReader.LoadTabariVerbs(dict, v));
        foreach (var a in actors.Count > 0 ? actors : [Data(Actors)]) problems.AddRange(DictionaryReader.LoadActors(dict, a));
        foreach (var a in agents.Count > 0 ? agents : [Data(Agents)]) problems.AddRange(DictionaryReader.LoadAgents(dict, a));
        return problems.Count > 0 ? ParseResult<Coder>.ForProblems(problems) : ParseResult<Coder>.ForValue(new Coder(dict.Seal(), options));
    }

    private static bool IsPetrarchVerbs(string path)
    {
        if (!File.Exists(path)) return false;
        foreach (var line in File.ReadLines(path).Take(5000))
            if (line.StartsWith("--- ", StringComparison.Ordinal) && line.TrimEnd().EndsWith("---", StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Reads <c>code, name, goldstein</c> (tab-separated, with header).</summary>
    public static ParseResult<CameoScale> LoadScale(string path)
    {
        var read = DictionaryReader.ReadLines(path);
        if (!read.Success) return ParseResult<CameoScale>.ForProblems(read.Problems);
        var codes = new Dictionary<string, (string, double)>(StringComparer.Ordinal);
        var problems = new List<Problem>();
        var lines = read.Value;
        for (var n = 1; n < lines.Length; n++)
        {
            if (lines[n].Trim().Length == 0) continue;
            var f = lines[n].Split('\t');
            if (f.Length < 3 || !double.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var g))
            {
                problems.Add(new Problem("", "goldstein", "expected code<TAB>name<TAB>number", new SourceLocation(path, n + 1)));
                continue;
            }

            codes[f[0]] = (f[1], g);
        }

        return problems.Count > 0 ? ParseResult<CameoScale>.ForProblems(problems) : ParseResult<CameoScale>.ForValue(new CameoScale(codes));
    }
}
