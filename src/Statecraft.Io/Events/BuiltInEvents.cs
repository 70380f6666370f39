using System.Globalization;
using Statecraft.Core.Domain;
using Statecraft.Core.Events;

namespace Statecraft.Io.Events;

/// <summary>
/// The dictionaries Statecraft ships in <c>data/events</c>: PETRARCH2's CAMEO verbs and the Phoenix
/// actors and agents (MIT, unchanged copies of the public files), the South Caucasus actors and extra
/// verb patterns, and CAMEO Goldstein scores.
/// </summary>
public static class BuiltInEvents
{
    public const string Verbs = "CAMEO.2.0.txt";
    public const string ExtraVerbs = "caucasus.verbs";
    public const string Agents = "Phoenix.agents.txt";
    public const string Actors = "caucasus.actors";
    public const string Goldstein = "cameo-goldstein.tsv";

    /// <summary>The Phoenix actor dictionaries, read after the case's own actors (whose aliases win a tie).</summary>
    public static readonly string[] PhoenixActors = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"];

    /// <summary>The options for reading analysis and news: recommendations ("should", "must"),
    /// hypotheticals and negated verbs are not events; commas end clauses; a verb needs its source
    /// before it.</summary>
    public static readonly CoderOptions ReadingOptions = new() { SkipRecommendations = true, NoActorPrior = true, CommaClauses = true, StatementsSubordinate = true, Intentions = true };

    /// <summary><c>data/events</c>: from STATECRAFT_DATA, else the first <c>data/events</c> above the
    /// program or the working directory.</summary>
    public static string? FindDataDirectory() => DataDirectory.Find("events", Actors);

    /// <summary>The files a coder reads: the built-in ones of each kind unless files of that kind are given.</summary>
    public static IReadOnlyList<(DictionaryKind Kind, string Path)> Files(string? dataDir, IReadOnlyList<string> actors,
        IReadOnlyList<string> agents, IReadOnlyList<string> verbs)
    {
        string Data(string name) => Path.Combine(dataDir ?? "", name);
        var files = new List<(DictionaryKind, string)>();
        files.AddRange((verbs.Count > 0 ? verbs : [Data(Verbs), Data(ExtraVerbs)]).Select(v => (DictionaryKind.Verbs, v)));
        files.AddRange((actors.Count > 0 ? actors : [Data(Actors), .. PhoenixActors.Select(Data)]).Select(a => (DictionaryKind.Actors, a)));
        files.AddRange((agents.Count > 0 ? agents : [Data(Agents)]).Select(a => (DictionaryKind.Agents, a)));
        return files;
    }

    /// <summary>Builds a coder from the built-in dictionaries, or the files given for a kind instead.
    /// Malformed entries are skipped and reported per file; <paramref name="strict"/> refuses them.</summary>
    public static ParseResult<LoadedCoder> LoadCoder(string? dataDir, IReadOnlyList<string> actors, IReadOnlyList<string> agents,
        IReadOnlyList<string> verbs, CoderOptions options, bool strict = false)
    {
        if ((actors.Count == 0 || agents.Count == 0 || verbs.Count == 0) && dataDir is null)
            return ParseResult<LoadedCoder>.ForProblem(new Problem("", "data", "built-in dictionaries not found (data/events); set STATECRAFT_DATA or pass --actors, --agents and --verbs"));
        return DictionaryReader.Build(Files(dataDir, actors, agents, verbs), options, strict);
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
