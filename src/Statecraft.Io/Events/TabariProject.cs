using System.Text.RegularExpressions;
using Statecraft.Core.Domain;
using Statecraft.Core.Events;

namespace Statecraft.Io.Events;

/// <summary>An event a TABARI validation record expects: <c>{ SRC / TGT / CODE }</c>.</summary>
public sealed record ExpectedEvent(string Source, string Target, string Code);

/// <summary>
/// One record of a TABARI text file: <c>YYMMDD ID</c>, then the text up to a blank line. In validation
/// files a <c>/* ... */</c> comment lists the expected events, or <c>{---}</c> none, <c>{###}</c> discard,
/// <c>{+++}</c> complex, <c>{ OPTION: ... }</c> an options change.
/// </summary>
public sealed record TabariRecord(string Id, int Date, string Text, int Line,
    IReadOnlyList<ExpectedEvent> Expected, bool ExpectDiscard, bool ExpectComplex, IReadOnlyList<string> Options)
{
    public bool IsOptionChange => Options.Count > 0;
}

/// <summary>A TABARI .project: which dictionaries, options and text file to use.</summary>
public sealed record TabariProject(string Path, IReadOnlyList<string> Actors, IReadOnlyList<string> Verbs,
    IReadOnlyList<string> Agents, string? Options, string? Text);

/// <summary>Reads TABARI .project, .options and record files.</summary>
public static partial class TabariFiles
{
    public static ParseResult<TabariProject> ReadProject(string path)
    {
        var read = DictionaryReader.ReadLines(path);
        if (!read.Success) return ParseResult<TabariProject>.ForProblems(read.Problems);
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        List<string> actors = [], verbs = [], agents = [];
        string? options = null, text = null;
        foreach (var line in read.Value)
        {
            var m = ProjectLine().Match(line);
            if (!m.Success) continue;
            var file = System.IO.Path.Combine(dir, m.Groups[2].Value.Trim());
            switch (m.Groups[1].Value.ToLowerInvariant())
            {
                case "actorsfile": actors.Add(file); break;
                case "verbsfile": verbs.Add(file); break;
                case "agentsfile": agents.Add(file); break;
                case "optionsfile": options = file; break;
                case "textfile": text = file; break;
            }
        }

        var problems = new List<Problem>();
        if (actors.Count == 0) problems.Add(new Problem("", "<actorsfile>", "the project names no actors file", new SourceLocation(path)));
        if (verbs.Count == 0) problems.Add(new Problem("", "<verbsfile>", "the project names no verbs file", new SourceLocation(path)));
        return problems.Count > 0
            ? ParseResult<TabariProject>.ForProblems(problems)
            : ParseResult<TabariProject>.ForValue(new TabariProject(path, actors, verbs, agents, options, text));
    }

    /// <summary>Loads the project's dictionaries and options into a ready coder; malformed dictionary
    /// entries are skipped and reported per file, or refused with <paramref name="strict"/>.</summary>
    public static ParseResult<LoadedCoder> LoadCoder(TabariProject project, bool strict = false)
    {
        var options = new CoderOptions { MinimumWords = 8 }; // TABARI's default
        if (project.Options is not null)
        {
            var read = DictionaryReader.ReadLines(project.Options);
            if (!read.Success) return ParseResult<LoadedCoder>.ForProblems(read.Problems);
            foreach (var line in read.Value)
            {
                if (line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith('#')) continue;
                options = ApplyOption(options, line);
            }
        }

        var files = project.Verbs.Select(v => (DictionaryKind.Verbs, v))
            .Concat(project.Actors.Select(a => (DictionaryKind.Actors, a)))
            .Concat(project.Agents.Select(a => (DictionaryKind.Agents, a)));
        return DictionaryReader.Build(files, options, strict);
    }

    /// <summary>Applies one .options command (the ones that change coding); others are ignored.</summary>
    public static CoderOptions ApplyOption(CoderOptions o, string line)
    {
        var t = Regex.Replace(line.Trim().ToUpperInvariant(), @"\s+", " ");
        if (t.StartsWith("SET: CODE BY SENTENCE", StringComparison.Ordinal)) return o with { CodeBy = CodeBy.Sentence };
        if (t.StartsWith("SET: CODE BY CLAUSE", StringComparison.Ordinal)) return o with { CodeBy = CodeBy.Clause };
        if (t.StartsWith("SET: CODE ALL", StringComparison.Ordinal)) return o with { CodeBy = CodeBy.All };
        if (t.StartsWith("SET: CONVERT AGENT", StringComparison.Ordinal)) return o with { ConvertAgents = t.Contains("TRUE", StringComparison.Ordinal) };
        if (t.StartsWith("SET: MINIMUM WORDS", StringComparison.Ordinal))
        {
            var n = Regex.Match(t, @"= ?([0-9]{1,9})");
            return n.Success ? o with { MinimumWords = int.Parse(n.Groups[1].Value) } : o;
        }

        if (t.StartsWith("FORWARD:", StringComparison.Ordinal)) return o with { Forward = !t.EndsWith(" OFF", StringComparison.Ordinal) };
        if (t.StartsWith("COMMA:", StringComparison.Ordinal))
        {
            if (t.Contains("OFF", StringComparison.Ordinal)) return o with { CommaOff = true };
            int Get(string key, int fallback)
            {
                var m = Regex.Match(t, @"(?<![A-Z])" + key + @" ?= ?([0-9]{1,9})");
                return m.Success ? int.Parse(m.Groups[1].Value) : fallback;
            }

            return o with
            {
                CommaOff = false,
                CommaMin = Get("MIN", o.CommaMin),
                CommaMax = Get("MAX", o.CommaMax),
                CommaEndMin = Get("EMIN", o.CommaEndMin),
                CommaEndMax = Get("EMAX", o.CommaEndMax),
                CommaBeginMin = Get("BMIN", o.CommaBeginMin),
                CommaBeginMax = Get("BMAX", o.CommaBeginMax),
            };
        }

        if (t.StartsWith("COMPLEX:", StringComparison.Ordinal))
        {
            var verbs = Regex.Match(t, @"VERBS ?\[([0-9]{1,9})\]");
            var conj = Regex.Match(t, @"CONJ ?\[([0-9]{1,9})\]");
            return o with
            {
                ComplexEnabled = true,
                ComplexVerbs = verbs.Success ? int.Parse(verbs.Groups[1].Value) : 0,
                ComplexConjunctions = conj.Success ? int.Parse(conj.Groups[1].Value) : 0,
                NoActorPrior = t.Contains("NOACTPRIOR", StringComparison.Ordinal),
            };
        }

        if (t.StartsWith("DEFAULT:", StringComparison.Ordinal))
        {
            if (t.Contains("OFF", StringComparison.Ordinal)) return o with { DefaultSource = null, DefaultTarget = null };
            var src = Regex.Match(t, @"SOURCE ?\[([^\]]*)\]( ?PRIOR)?");
            var tgt = Regex.Match(t, @"TARGET ?\[([^\]]*)\]( ?AFTER)?");
            return o with
            {
                DefaultSource = src.Success ? src.Groups[1].Value.Trim() : null,
                DefaultSourcePrior = src.Success && src.Groups[2].Success,
                DefaultTarget = tgt.Success ? tgt.Groups[1].Value.Trim() : null,
                DefaultTargetAfter = tgt.Success && tgt.Groups[2].Success,
            };
        }

        return o;
    }

    /// <summary>Reads records: a <c>YYMMDD ID</c> line, then text lines up to a blank line.</summary>
    public static ParseResult<IReadOnlyList<TabariRecord>> ReadRecords(string path)
    {
        var read = DictionaryReader.ReadLines(path);
        if (!read.Success) return ParseResult<IReadOnlyList<TabariRecord>>.ForProblems(read.Problems);
        var records = new List<TabariRecord>();
        var problems = new List<Problem>();
        var lines = read.Value;
        for (var n = 0; n < lines.Length; n++)
        {
            var m = RecordHeader().Match(lines[n]);
            if (!m.Success) continue;
            var headerLine = n + 1;
            if (!DictionaryReader.TryDate(m.Groups[1].Value, out var date))
                problems.Add(new Problem(m.Groups[2].Value, "date", $"'{m.Groups[1].Value}' is not a YYMMDD date", new SourceLocation(path, headerLine)));
            var body = new List<string>();
            n++;
            var inComment = false;
            while (n < lines.Length && (inComment || lines[n].Trim().Length > 0))
            {
                if (lines[n].Contains("/*", StringComparison.Ordinal)) inComment = true;
                if (lines[n].Contains("*/", StringComparison.Ordinal)) inComment = false;
                body.Add(lines[n].TrimEnd());
                n++;
            }

            var joined = string.Join(" ", body);
            var comment = "";
            var open = joined.IndexOf("/*", StringComparison.Ordinal);
            var text = joined;
            if (open >= 0)
            {
                var close = joined.IndexOf("*/", open, StringComparison.Ordinal);
                comment = close < 0 ? joined[open..] : joined[open..(close + 2)];
                text = joined[..open] + (close < 0 ? "" : joined[(close + 2)..]);
            }

            text = Regex.Replace(text.Replace("\\n", " ", StringComparison.Ordinal), @"\s+", " ").Trim();
            var expected = new List<ExpectedEvent>();
            bool discard = false, complex = false;
            var options = new List<string>();
            // an option left unclosed runs to the end of the comment
            var unclosed = UnclosedOption().Match(comment);
            if (unclosed.Success) options.Add(unclosed.Groups[1].Value.Trim());
            foreach (Match b in Braces().Matches(comment))
            {
                var inner = b.Groups[1].Value.Trim();
                var compact = inner.Replace(" ", "", StringComparison.Ordinal);
                if (inner.StartsWith("OPTION:", StringComparison.OrdinalIgnoreCase)) options.Add(inner[7..].Trim());
                else if (compact == "###") discard = true;
                else if (compact == "+++") complex = true;
                else if (compact is "---" or "") { }
                else
                {
                    var parts = inner.Split('/', StringSplitOptions.TrimEntries);
                    if (parts.Length == 3 && parts[2] != "000") expected.Add(new ExpectedEvent(parts[0], parts[1], parts[2]));
                }
            }

            records.Add(new TabariRecord(m.Groups[2].Value, date, text, headerLine, expected, discard, complex, options));
        }

        if (records.Count == 0 && problems.Count == 0)
            problems.Add(new Problem("", "record", "no records (expected a 'YYMMDD ID' line before each text)", new SourceLocation(path)));
        return problems.Count > 0
            ? ParseResult<IReadOnlyList<TabariRecord>>.ForProblems(problems)
            : ParseResult<IReadOnlyList<TabariRecord>>.ForValue(records);
    }

    [GeneratedRegex(@"^\s*<(\w+)>\s*(.+?)\s*$")]
    private static partial Regex ProjectLine();

    [GeneratedRegex(@"^(\d{6}|\d{8})\s+(\S+)\s*$")]
    private static partial Regex RecordHeader();

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Braces();

    [GeneratedRegex(@"\{\s*OPTION:([^{}]*?)\s*\*/\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex UnclosedOption();
}

/// <summary>How one validation record came out.</summary>
public sealed record ValidationOutcome(TabariRecord Record, bool Passed, IReadOnlyList<SentenceEvent> Found, SentenceCoding Coding);

/// <summary>Runs a TABARI validation file: option records change the options, the others are coded and
/// compared with their expected events (as multisets of source, target and code).</summary>
public static class TabariValidation
{
    public static IReadOnlyList<ValidationOutcome> Run(Coder coder, IReadOnlyList<TabariRecord> records)
    {
        var outcomes = new List<ValidationOutcome>();
        var current = coder;
        TabariRecord? last = null;
        foreach (var r in records)
        {
            if (r.IsOptionChange)
            {
                var o = current.Options;
                foreach (var line in r.Options) o = TabariFiles.ApplyOption(o, line);
                current = current.With(o);
                continue;
            }

            // FORWARD: records of one story (the id without its last "-" part) pass on their first actor
            IReadOnlyList<string>? previous = null;
            if (current.Options.Forward && last is not null && Story(last.Id) == Story(r.Id))
            {
                var actors = current.Actors(last.Text, last.Date);
                if (actors.Count > 0) previous = [Timelines.Country(actors[0].Code)];
            }

            var coding = current.Code(r.Text, r.Date, previous);
            outcomes.Add(new ValidationOutcome(r, Matches(r, coding), coding.Events, coding));
            last = r;
        }

        return outcomes;
    }

    private static string Story(string id) => id.Contains('-') ? id[..id.LastIndexOf('-')] : id;

    public static bool Matches(TabariRecord r, SentenceCoding coding)
    {
        if (r.ExpectDiscard) return coding.Discarded;
        if (r.ExpectComplex) return coding.Complex;
        if (coding.Discarded || coding.Complex) return false;
        var want = r.Expected.Select(e => (e.Source, e.Target, e.Code)).OrderBy(x => x).ToList();
        var got = coding.Events.Select(e => (e.Source, e.Target, e.Code)).OrderBy(x => x).ToList();
        return want.SequenceEqual(got);
    }
}
