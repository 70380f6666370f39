using System.Globalization;
using System.Text;
using Statecraft.Core.Domain;
using Statecraft.Core.Events;

namespace Statecraft.Io.Events;

/// <summary>
/// Reads event-coding dictionaries unchanged from their public files: TABARI actors, agents and verbs
/// (with synonym sets, irregular forms, nouns and adjectives, date-restricted codes) and PETRARCH2's
/// verb dictionary (<c>CAMEO.2.0.txt</c>, verb groups) and Phoenix actor/agent files (TABARI layout).
/// An entry PETRARCH could not use is skipped, as PETRARCH skips it, and listed with file, line and
/// reason in the file's <see cref="DictionaryFileReport"/>; the rest of the file still loads.
/// Only an unreadable file (missing, empty, binary) fails.
/// </summary>
public static class DictionaryReader
{
    /// <summary>Reads the files in order into one coder. With <paramref name="strict"/>, any skipped
    /// entry is a problem and nothing is built (the behaviour before skipping existed).</summary>
    public static ParseResult<LoadedCoder> Build(IEnumerable<(DictionaryKind Kind, string Path)> files, CoderOptions options, bool strict)
    {
        var dict = new EventDictionary();
        var problems = new List<Problem>();
        var reports = new List<DictionaryFileReport>();
        foreach (var (kind, path) in files)
        {
            var read = Load(dict, kind, path);
            if (!read.Success) problems.AddRange(read.Problems);
            else
            {
                reports.Add(read.Value);
                if (strict) problems.AddRange(read.Value.Skipped);
            }
        }

        return problems.Count > 0
            ? ParseResult<LoadedCoder>.ForProblems(problems)
            : ParseResult<LoadedCoder>.ForValue(new LoadedCoder(new Coder(dict.Seal(), options), reports));
    }

    /// <summary>Adds one file of the given kind; verb files are read as PETRARCH2 (<c>--- NAME [code] ---</c>
    /// groups) or TABARI, told apart by their content.</summary>
    public static ParseResult<DictionaryFileReport> Load(EventDictionary dict, DictionaryKind kind, string path) => kind switch
    {
        DictionaryKind.Actors => LoadActors(dict, path),
        DictionaryKind.Agents => LoadAgents(dict, path),
        DictionaryKind.Discards => LoadDiscards(dict, path),
        _ => IsPetrarchVerbs(path) ? LoadPetrarchVerbs(dict, path) : LoadTabariVerbs(dict, path),
    };

    private static bool IsPetrarchVerbs(string path)
    {
        if (!File.Exists(path)) return false;
        foreach (var line in File.ReadLines(path).Take(5000))
            if (line.StartsWith("--- ", StringComparison.Ordinal) && line.TrimEnd().EndsWith("---", StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Reads a file as text, refusing binary content and invalid UTF-8 with a located problem.</summary>
    public static ParseResult<string[]> ReadLines(string path)
    {
        if (!File.Exists(path)) return ParseResult<string[]>.ForProblem(new Problem("", "", "file not found", new SourceLocation(path)));
        var read = InputFile.ReadBytes(path);
        if (!read.Success) return ParseResult<string[]>.ForProblems(read.Problems);
        var bytes = read.Value;
        if (bytes.Length == 0) return ParseResult<string[]>.ForProblem(new Problem("", "", "file is empty", new SourceLocation(path)));
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            // TABARI-era files are often Latin-1; accept them unless they contain control bytes
            if (bytes.Any(b => b < 9 || (b > 13 && b < 32)))
            {
                var line = 1 + bytes.Take(e.Index).Count(b => b == '\n');
                return ParseResult<string[]>.ForProblem(new Problem("", "encoding", "not UTF-8 or Latin-1 text", new SourceLocation(path, line)));
            }

            text = Encoding.Latin1.GetString(bytes);
        }

        if (text.Contains('\0'))
        {
            var line = 1 + text[..text.IndexOf('\0')].Count(c => c == '\n');
            return ParseResult<string[]>.ForProblem(new Problem("", "encoding", "binary content (NUL byte); expected text", new SourceLocation(path, line)));
        }

        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (InputFile.CheckLines(text, path) is { Success: false } tooLong) return ParseResult<string[]>.ForProblems(tooLong.Problems);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        if (lines.All(string.IsNullOrWhiteSpace))
            return ParseResult<string[]>.ForProblem(new Problem("", "", "file has no content", new SourceLocation(path)));
        return ParseResult<string[]>.ForValue(lines);
    }

    // ---------------- actors ----------------

    /// <summary>Adds a TABARI/Phoenix actors file (nouns and adjectives sections included). An entry
    /// PETRARCH could not use (a code with an unreadable date, a stray bracket, a phrase with no code)
    /// is skipped and listed in the report.</summary>
    public static ParseResult<DictionaryFileReport> LoadActors(EventDictionary dict, string path) =>
        ReadLines(path).Select(lines =>
        {
            var skipped = new Skips(path);
            ReadActors(dict, lines, skipped);
            return skipped.Report(lines);
        });

    private static void ReadActors(EventDictionary dict, string[] lines, Skips skipped)
    {
        string? section = null;
        List<(string Phrase, int Line)> group = [];
        List<DatedCode> groupCodes = [];
        var groupLine = 0;

        void Flush()
        {
            if (group.Count == 0) return;
            if (groupCodes.Count == 0)
            {
                var synonyms = group.Count - 1;
                skipped.Add(groupLine, group[0].Phrase, "code",
                    "no usable [code] for this actor" + (synonyms > 0 ? $" or its {synonyms} synonym(s)" : "") + "; skipped");
            }
            else
            {
                // restricted codes without a default fall back to the null code
                if (groupCodes.All(c => c.From != 0 || c.To != 0)) groupCodes.Add(new DatedCode(SpecialCodes.Null));
                foreach (var (phrase, _) in group)
                    dict.Actors.Add(new ActorEntry(phrase, PhraseSyntax.Words(phrase), [.. groupCodes]));
            }

            group = [];
            groupCodes = [];
        }

        for (var n = 0; n < lines.Length; n++)
        {
            var raw = lines[n];
            var lineNo = n + 1;
            var line = StripComment(raw, ';', '#');
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || IsCommentLine(raw)) continue;
            if (trimmed.StartsWith("~FINISH", StringComparison.Ordinal) || trimmed.StartsWith("~~", StringComparison.Ordinal)) break;
            if (trimmed.StartsWith('<'))
            {
                Flush();
                var tag = trimmed.Trim('<', '>', ' ').ToUpperInvariant();
                section = tag.StartsWith('/') ? null : tag;
                continue;
            }

            if (section is "NOUN" or "NOUNS" or "ADJECTIVE" or "ADJECTIVES" or "ADJ")
            {
                var words = PhraseSyntax.Words(trimmed.ToUpperInvariant());
                if (words.Length == 0) continue;
                (section.StartsWith("NOUN", StringComparison.Ordinal) ? dict.Nouns : dict.Adjectives).Add(words);
                continue;
            }

            if (section is not null) continue; // <ATTRIB>, <TIME> ... not used for coding

            if (char.IsWhiteSpace(raw[0]) && trimmed.StartsWith('['))
            {
                // a code line belonging to the group above
                if (group.Count == 0)
                {
                    skipped.Add(lineNo, "", "code", "code line without an actor above it; skipped");
                    continue;
                }

                groupCodes.AddRange(ParseActorCodes(trimmed, lineNo, skipped, Indent(raw)));
                continue;
            }

            if (trimmed.StartsWith('+'))
            {
                if (group.Count == 0)
                {
                    skipped.Add(lineNo, trimmed, "synonym", "synonym (+) without an actor above it; skipped");
                    continue;
                }

                var (synonym, synCodes) = SplitPhraseAndCodes(trimmed[1..], lineNo, skipped, Indent(raw) + 1);
                if (synonym is { Length: > 0 }) group.Add((synonym, lineNo));
                groupCodes.AddRange(synCodes);
                continue;
            }

            Flush();
            var (phrase, actorCodes) = SplitPhraseAndCodes(trimmed, lineNo, skipped, Indent(raw));
            if (phrase is null) continue;
            if (phrase.Length == 0)
            {
                skipped.Add(lineNo, "", "phrase", "missing phrase before [code]; skipped");
                continue;
            }

            group.Add((phrase, lineNo));
            groupLine = lineNo;
            groupCodes.AddRange(actorCodes);
        }

        Flush();
    }

    /// <summary>Splits <c>PHRASE [CODE]...</c>; the phrase is null when the line is unusable (a stray ']').</summary>
    private static (string? Phrase, List<DatedCode> Codes) SplitPhraseAndCodes(string text, int line, Skips skipped, int offset)
    {
        var bracket = text.IndexOf('[');
        var phrase = (bracket < 0 ? text : text[..bracket]).Trim().ToUpperInvariant();
        if (phrase.Contains(']'))
        {
            skipped.Add(line, phrase, "phrase", "']' without '[' in the phrase; skipped");
            return (null, []);
        }

        return bracket < 0 ? (phrase, []) : (phrase, ParseActorCodes(text[bracket..], line, skipped, offset + bracket));
    }

    /// <summary>Parses <c>[CODE]</c>, <c>[CODE &lt;DATE]</c>, <c>[CODE &gt;DATE]</c>, <c>[CODE DATE]</c>
    /// (from that date, as PETRARCH reads it) and <c>[CODE DATE-DATE]</c> blocks; an unreadable block
    /// is skipped and reported, the others on the line still count.</summary>
    private static List<DatedCode> ParseActorCodes(string text, int line, Skips skipped, int offset)
    {
        var codes = new List<DatedCode>();
        var i = 0;
        while (true)
        {
            var open = text.IndexOf('[', i);
            if (open < 0) break;
            var close = text.IndexOf(']', open);
            if (close < 0)
            {
                skipped.Add(line, "", "code", "missing ']' after '['; this code is skipped", offset + open + 1);
                break;
            }

            var inner = text[(open + 1)..close].Trim();
            i = close + 1;
            if (inner.Length == 0)
            {
                skipped.Add(line, "", "code", "empty [] code; skipped", offset + open + 1);
                continue;
            }

            var code = ParseDated(inner, out var error);
            if (code is null) skipped.Add(line, "", "code", error! + "; this code is skipped", offset + open + 1);
            else codes.Add(code);
        }

        return codes;
    }

    private static DatedCode? ParseDated(string inner, out string? error)
    {
        error = null;
        var compact = inner.Replace(" ", "", StringComparison.Ordinal);
        if (SpecialCodes.IsNull(compact) || SpecialCodes.IsDiscard(compact) || SpecialCodes.IsComplex(compact))
            return new DatedCode(compact);
        // split code from date restriction
        var k = 0;
        while (k < inner.Length && !char.IsWhiteSpace(inner[k]) && inner[k] is not ('<' or '>')) k++;
        var code = inner[..k].Trim().ToUpperInvariant();
        var rest = inner[k..].Replace(" ", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal);
        if (code.Length == 0 || char.IsDigit(code[0]))
        {
            error = $"date restriction '{inner}' without a code";
            return null;
        }

        if (code.StartsWith("---", StringComparison.Ordinal) || code.StartsWith("###", StringComparison.Ordinal))
            code = code[..3];
        if (rest.Length == 0) return new DatedCode(code);
        int from = 0, to = 0;
        string? bad;
        if (rest[0] == '<')
        {
            // before D: through the day before
            bad = DateError(rest[1..], out to);
            if (bad is null && to <= 10101) bad = "no day comes before it";
            if (bad is null)
            {
                var day = new DateOnly(to / 10000, to / 100 % 100, to % 100).AddDays(-1);
                to = (day.Year * 10000) + (day.Month * 100) + day.Day;
            }
        }
        else if (rest[0] == '>') bad = DateError(rest[1..], out from);
        else if (rest.IndexOf('-') is var dash and > 0)
        {
            bad = DateError(rest[..dash], out from) ?? DateError(rest[(dash + 1)..], out to);
        }
        else bad = DateError(rest, out from); // a bare date: from that day on

        if (bad is not null)
        {
            error = $"unreadable date restriction '{rest}': {bad} (expected <DATE, >DATE, DATE or DATE-DATE, each YYMMDD or YYYYMMDD)";
            return null;
        }

        return new DatedCode(code, from, to);
    }

    /// <summary>Why <paramref name="s"/> is not a YYMMDD or YYYYMMDD date, or null when it is one.</summary>
    private static string? DateError(string s, out int date)
    {
        if (TryDate(s, out date)) return null;
        if (s.Length == 0) return "missing date";
        if (!s.All(char.IsDigit)) return $"'{s}' is not a number";
        if (s.Length is not (6 or 8)) return $"'{s}' has {s.Length} digits";
        return $"'{s}' is not a calendar date";
    }

    /// <summary>YYMMDD (00-30 = 2000s, as TABARI and PETRARCH read it) or YYYYMMDD to yyyymmdd; the day
    /// must exist in its month.</summary>
    public static bool TryDate(string s, out int date)
    {
        date = 0;
        if (!s.All(char.IsAsciiDigit) || (s.Length != 6 && s.Length != 8)) return false;
        int y, m, d;
        if (s.Length == 6)
        {
            y = int.Parse(s[..2], CultureInfo.InvariantCulture);
            y += y <= 30 ? 2000 : 1900;
            m = int.Parse(s[2..4], CultureInfo.InvariantCulture);
            d = int.Parse(s[4..6], CultureInfo.InvariantCulture);
        }
        else
        {
            y = int.Parse(s[..4], CultureInfo.InvariantCulture);
            m = int.Parse(s[4..6], CultureInfo.InvariantCulture);
            d = int.Parse(s[6..8], CultureInfo.InvariantCulture);
        }

        if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = (y * 10000) + (m * 100) + d;
        return true;
    }

    /// <summary>Adds a PETRARCH discards file: sentences naming one of these phrases are discarded
    /// (a leading '+' marks story-level discards in PETRARCH; here every discard is per sentence).</summary>
    public static ParseResult<DictionaryFileReport> LoadDiscards(EventDictionary dict, string path) =>
        ReadLines(path).Select(lines =>
        {
            foreach (var raw in lines)
            {
                if (IsCommentLine(raw)) continue;
                var phrase = StripComment(raw, '#', ';').Trim().TrimStart('+').Trim().ToUpperInvariant().Replace(' ', '_');
                if (phrase.Length == 0) continue;
                dict.Actors.Add(new ActorEntry(phrase, PhraseSyntax.Words(phrase + "_"), [new DatedCode(SpecialCodes.Discard)]));
            }

            return new Skips(path).Report(lines);
        });

    // ---------------- agents ----------------

    /// <summary>Adds a TABARI/Phoenix agents file. <c>!NAME! = A, B</c> defines a macro; a phrase naming
    /// it stands for one phrase per alternative. Substituted text is not scanned again; a macro naming a
    /// macro (itself: it would never end) refuses the file, and so does an entry whose phrases would pass
    /// the limit <c>macro-expansions</c> (<see cref="Limits"/>), counted before it is expanded (twelve
    /// macros of ten alternatives would be 10^12 phrases). Entries PETRARCH could not use (no code, a code
    /// without '~', an undefined macro, a bracket left open) are skipped and reported.</summary>
    public static ParseResult<DictionaryFileReport> LoadAgents(EventDictionary dict, string path) =>
        ReadLines(path).Select(lines =>
        {
            var skipped = new Skips(path);
            ReadAgents(dict, lines, skipped);
            return skipped.Report(lines);
        }).Then(report => report.Refused.Count > 0 ? ParseResult<DictionaryFileReport>.ForProblems(report.Refused) : ParseResult<DictionaryFileReport>.ForValue(report));

    private static void ReadAgents(EventDictionary dict, string[] lines, Skips skipped)
    {
        var macros = new Dictionary<string, string[]>(StringComparer.Ordinal);
        List<(string Phrase, int Line)> group = [];
        string? groupCode = null;
        var expansions = 0L;

        void Flush()
        {
            if (groupCode is not null)
            {
                foreach (var (phrase, line) in group)
                {
                    var expanded = ExpandMacros(phrase, macros, Limits.Current.MacroExpansions - expansions, out var error);
                    expansions += expanded.Count;
                    if (error is not null && error.StartsWith(OverLimit, StringComparison.Ordinal)) skipped.Refuse(line, phrase, "macro", error);
                    else if (error is not null) skipped.Add(line, phrase, "macro", error);
                    else
                        foreach (var e in expanded) dict.Agents.Add(new AgentEntry(e, PhraseSyntax.Words(e), groupCode));
                }
            }
            else if (group.Count > 0)
            {
                skipped.Add(group[0].Line, group[0].Phrase, "code", "no [code] for this agent; skipped");
            }

            group = [];
            groupCode = null;
        }

        for (var n = 0; n < lines.Length; n++)
        {
            var raw = lines[n];
            var lineNo = n + 1;
            if (IsCommentLine(raw)) continue;
            var trimmed = StripComment(raw, ';', '#').Trim();
            if (trimmed.Length == 0) continue;
            if (trimmed.StartsWith("~FINISH", StringComparison.Ordinal) || trimmed.StartsWith("~~", StringComparison.Ordinal)) break;
            if (trimmed.StartsWith('<')) continue;
            if (trimmed.StartsWith('!') && trimmed.Contains('='))
            {
                DefineMacro(trimmed, lineNo, macros, skipped);
                continue;
            }

            var synonym = trimmed.StartsWith('+');
            var body = synonym ? trimmed[1..] : trimmed;
            if (!synonym) Flush();
            var open = body.IndexOf('[');
            var close = body.IndexOf(']');
            if (open >= 0 && close < open)
            {
                skipped.Add(lineNo, body, "code", "missing ']' after '['; skipped");
                continue;
            }

            var phrase = (open < 0 ? body : body[..open]).Trim().ToUpperInvariant();
            // PETRARCH: "POLICE {POLICEMEN} [~COP]" lists irregular plurals in braces ("{}": none)
            var forms = new List<string>();
            var brace = phrase.IndexOf('{');
            if (brace >= 0)
            {
                var closeBrace = phrase.IndexOf('}', brace);
                if (closeBrace < 0)
                {
                    skipped.Add(lineNo, phrase, "plural", "missing '}' after '{'; skipped");
                    continue;
                }

                forms.AddRange(phrase[(brace + 1)..closeBrace].Split(' ', StringSplitOptions.RemoveEmptyEntries));
                phrase = phrase[..brace].Trim();
            }

            if (open >= 0)
            {
                var code = body[(open + 1)..close].Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
                if (!code.Contains('~'))
                {
                    skipped.Add(lineNo, phrase, "code", $"agent code '{code}' needs a ~ (e.g. [~GOV] or [NGO~]); skipped", Indent(raw) + (synonym ? 1 : 0) + open + 1);
                    group.Clear();
                    continue;
                }

                if (phrase.Length > 0) group.Add((phrase, lineNo));
                group.AddRange(forms.Select(f => (f, lineNo)));
                groupCode = code;
                Flush();
                continue;
            }

            if (phrase.Length > 0) group.Add((phrase, lineNo));
            group.AddRange(forms.Select(f => (f, lineNo)));
        }

        Flush();
    }

    private static void DefineMacro(string line, int lineNo, Dictionary<string, string[]> macros, Skips skipped)
    {
        var eq = line.IndexOf('=');
        var name = line[..eq].Trim();
        if (name.Length < 3 || !name.EndsWith('!') || name[1..^1].Contains('!'))
        {
            skipped.Add(lineNo, name, "macro", "expected !NAME! = A, B, ...; skipped");
            return;
        }

        var alternatives = new List<string>();
        foreach (var alt in line[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // substitutions are not expanded again: an alternative naming a macro would be read literally
            if (alt.Contains('!')) skipped.Refuse(lineNo, name, "macro", $"alternative '{alt}' names a macro; macros do not nest (one naming itself would never end)");
            else alternatives.Add(alt.ToUpperInvariant());
        }

        macros[name] = [.. alternatives];
    }

    /// <summary>Every phrase <paramref name="phrase"/> stands for, substituting each <c>!NAME!</c> once with
    /// each alternative; an error instead when a macro is undefined or the phrases would be too many.</summary>
    private static List<string> ExpandMacros(string phrase, Dictionary<string, string[]> macros, long budget, out string? error)
    {
        error = null;
        var pieces = new List<string[]>();
        var count = 1L;
        var i = 0;
        while (i < phrase.Length)
        {
            var a = phrase.IndexOf('!', i);
            var b = a < 0 ? -1 : phrase.IndexOf('!', a + 1);
            if (a < 0 || b < 0)
            {
                pieces.Add([phrase[i..].Replace("!", "", StringComparison.Ordinal)]);
                break;
            }

            pieces.Add([phrase[i..a]]);
            var name = phrase[a..(b + 1)];
            if (!macros.TryGetValue(name, out var alternatives))
            {
                error = $"macro {name} is not defined above this line; skipped";
                return [];
            }

            count *= Math.Max(1, alternatives.Length);
            if (count > budget)
            {
                // counted before anything is expanded; the product cannot overflow past the budget
                error = OverLimit
                    + Limits.Current.Exceeded("macro-expansions", Limits.Current.MacroExpansions - budget + count, "", "").Message;
                return [];
            }

            pieces.Add(alternatives);
            i = b + 1;
        }

        var results = new List<string> { "" };
        foreach (var piece in pieces)
            results = [.. results.SelectMany(r => piece.Select(p => r + p))];
        return results;
    }

    // ---------------- TABARI verbs ----------------

    /// <summary>Adds a TABARI verbs file: synonym sets, verb roots with forms and patterns.</summary>
    public static ParseResult<DictionaryFileReport> LoadTabariVerbs(EventDictionary dict, string path) =>
        ReadLines(path).Select(lines =>
        {
            var skipped = new Skips(path);
            ReadTabariVerbs(dict, lines, skipped);
            return skipped.Report(lines);
        });

    private static void ReadTabariVerbs(EventDictionary dict, string[] lines, Skips skipped)
    {
        string? section = null;
        string? synset = null;
        VerbEntry? verb = null;
        for (var n = 0; n < lines.Length; n++)
        {
            var raw = lines[n];
            var lineNo = n + 1;
            if (IsCommentLine(raw)) continue;
            var trimmed = StripComment(raw, ';', '#').Trim();
            if (trimmed.Length == 0) continue;
            if (trimmed.StartsWith("~FINISH", StringComparison.Ordinal) || trimmed.StartsWith("~~", StringComparison.Ordinal)) break;
            if (trimmed.StartsWith('<'))
            {
                var tag = trimmed.Trim('<', '>', ' ').ToUpperInvariant();
                section = tag.StartsWith('/') ? null : tag;
                continue;
            }

            if (section is "SYNSETS" or "SYNSET")
            {
                if (trimmed.StartsWith('&'))
                {
                    synset = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0].ToUpperInvariant();
                    dict.Synsets[synset] = [];
                }
                else if (trimmed.StartsWith('+') && synset is not null)
                {
                    dict.Synsets[synset].AddRange(PhraseSyntax.Expand(trimmed[1..].Trim().ToUpperInvariant(), dict.Synsets));
                }
                else
                {
                    skipped.Add(lineNo, trimmed, "synset", "expected &NAME or +member; skipped");
                }

                continue;
            }

            if (section is not null) continue; // <TIME> and others

            if (trimmed.StartsWith('{'))
            {
                if (verb is null)
                {
                    skipped.Add(lineNo, trimmed, "forms", "verb forms before any verb; skipped");
                    continue;
                }

                foreach (var form in trimmed.Trim('{', '}', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    AddForm(verb, form.ToUpperInvariant());
                continue;
            }

            if (trimmed.StartsWith('-'))
            {
                if (verb is null)
                {
                    skipped.Add(lineNo, trimmed, "pattern", "pattern before any verb; skipped");
                    continue;
                }

                var (body, code, error) = SplitCode(trimmed[1..]);
                if (error is not null)
                {
                    skipped.Add(lineNo, body, "pattern", error + "; skipped");
                    continue;
                }

                if (!body.Contains('*'))
                {
                    skipped.Add(lineNo, body, "pattern", "missing verb marker '*'; skipped");
                    continue;
                }

                dict.AddPattern(verb, body.ToUpperInvariant(), code!);
                continue;
            }

            var (root, rootCode, rootError) = SplitCode(trimmed);
            if (rootError is not null || root.Length == 0)
            {
                skipped.Add(lineNo, root, "verb", (rootError ?? "missing verb before [code]") + "; skipped");
                verb = null;
                continue;
            }

            // a root already known (from an earlier file) gains this file's forms and patterns
            var key = root.ToUpperInvariant().TrimEnd('_', '=');
            verb = dict.Verbs.FirstOrDefault(v => v.Root.TrimEnd('_', '=') == key);
            if (verb is null)
            {
                verb = new VerbEntry(root.ToUpperInvariant(), rootCode!);
                AddForm(verb, verb.Root);
                dict.Verbs.Add(verb);
            }
            else if (!SpecialCodes.IsNull(rootCode!))
            {
                // a later file refines an earlier one: its own code for the root wins
                verb.Code = rootCode!;
            }
        }

    }

    private static void AddForm(VerbEntry verb, string form)
    {
        var words = PhraseSyntax.Words(form);
        if (words.Length > 0) verb.Forms.Add(words);
    }

    /// <summary>Splits <c>phrase [code]</c>; the code is required.</summary>
    private static (string Body, string? Code, string? Error) SplitCode(string text)
    {
        var open = text.LastIndexOf('[');
        if (open < 0) return (text.Trim(), null, "missing [code]");
        var close = text.IndexOf(']', open);
        if (close < 0) return (text[..open].Trim(), null, "missing ']' after '['");
        var code = text[(open + 1)..close].Trim();
        if (code.Length == 0) return (text[..open].Trim(), null, "empty [] code");
        return (text[..open].Trim(), code.ToUpperInvariant(), null);
    }

    // ---------------- PETRARCH2 verbs ----------------

    /// <summary>
    /// Adds PETRARCH2's verb dictionary (<c>CAMEO.2.0.txt</c>): synonym sets, then verb groups
    /// (<c>--- NAME [code] ---</c>) whose verbs share the group's patterns. Noun-phrase braces and
    /// prepositional-phrase parentheses become plain sparse words, as a sparse parser reads them.
    /// </summary>
    public static ParseResult<DictionaryFileReport> LoadPetrarchVerbs(EventDictionary dict, string path) =>
        ReadLines(path).Select(lines =>
        {
            var skipped = new Skips(path);
            ReadPetrarchVerbs(dict, lines, skipped);
            return skipped.Report(lines);
        });

    private static void ReadPetrarchVerbs(EventDictionary dict, string[] lines, Skips skipped)
    {
        string? synset = null;
        var group = new List<VerbEntry>();
        var groupCode = SpecialCodes.Null;
        var inGroupPatterns = false;
        for (var n = 0; n < lines.Length; n++)
        {
            var raw = lines[n];
            var lineNo = n + 1;
            var trimmed = StripComment(raw, '#').Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith("<!--", StringComparison.Ordinal)) continue;
            if (trimmed.StartsWith("~FINISH", StringComparison.Ordinal)) break;
            // "~ a (a b ATTACK) SAY = a b 015": PETRARCH2 transformations work on parse trees; a sparse
            // parser has no use for them
            if (trimmed.StartsWith('~')) continue;
            if (trimmed.StartsWith('&'))
            {
                synset = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0].ToUpperInvariant();
                dict.Synsets[synset] = [];
                continue;
            }

            if (trimmed.StartsWith('+') && synset is not null)
            {
                dict.Synsets[synset].AddRange(PhraseSyntax.Expand(Flatten(trimmed[1..]).ToUpperInvariant(), dict.Synsets).Select(Exactify));
                continue;
            }

            if (trimmed.StartsWith("---", StringComparison.Ordinal))
            {
                synset = null;
                var (_, code, error) = SplitCode(trimmed.Trim('-', ' '));
                if (error is not null)
                {
                    skipped.Add(lineNo, trimmed, "verb group", error + "; skipped");
                    code = SpecialCodes.Null;
                }

                group = [];
                groupCode = code!;
                inGroupPatterns = false;
                continue;
            }

            if (trimmed.StartsWith('-'))
            {
                synset = null;
                inGroupPatterns = true;
                if (group.Count == 0)
                {
                    skipped.Add(lineNo, trimmed, "pattern", "pattern before any verb; skipped");
                    continue;
                }

                var (body, code, error) = SplitCode(trimmed[1..]);
                if (error is not null || !body.Contains('*'))
                {
                    skipped.Add(lineNo, body, "pattern", error ?? "missing verb marker '*'; skipped");
                    continue;
                }

                var flat = Exactify(Flatten(body).ToUpperInvariant());
                dict.AddPattern(group, flat, code!);
                continue;
            }

            synset = null;
            if (inGroupPatterns)
            {
                skipped.Add(lineNo, trimmed, "verb", "verb after the group's patterns; skipped");
                continue;
            }

            // VERB {FORMS} [code]
            var formsOpen = trimmed.IndexOf('{');
            var codeOpen = trimmed.IndexOf('[');
            var head = trimmed[..(formsOpen >= 0 ? formsOpen : codeOpen >= 0 ? codeOpen : trimmed.Length)].Trim().ToUpperInvariant();
            var verbCode = groupCode;
            if (codeOpen >= 0)
            {
                var (_, c, err) = SplitCode(trimmed);
                if (err is not null)
                {
                    skipped.Add(lineNo, head, "verb", err + "; skipped");
                    continue;
                }

                verbCode = c!;
            }

            if (head.Length == 0)
            {
                skipped.Add(lineNo, trimmed, "verb", "missing verb; skipped");
                continue;
            }

            var verb = new VerbEntry(head, verbCode);
            AddForm(verb, Exactify(head));
            if (formsOpen >= 0)
            {
                var formsClose = trimmed.IndexOf('}', formsOpen);
                var forms = trimmed[(formsOpen + 1)..(formsClose < 0 ? trimmed.Length : formsClose)];
                foreach (var f in forms.Split(' ', StringSplitOptions.RemoveEmptyEntries)) AddForm(verb, Exactify(f.ToUpperInvariant()));
            }

            group.Add(verb);
            dict.Verbs.Add(verb);
        }

    }

    /// <summary>Braces and parentheses become blanks; Treebank's split contractions ("DID N'T") are
    /// joined again, as they appear in raw text.</summary>
    private static string Flatten(string pattern) =>
        pattern.Replace("{", " ", StringComparison.Ordinal).Replace("}", " ", StringComparison.Ordinal)
            .Replace("(", " ", StringComparison.Ordinal).Replace(")", " ", StringComparison.Ordinal)
            .Replace(" N'T", "N'T", StringComparison.OrdinalIgnoreCase);

    /// <summary>PETRARCH words match whole words (with regular endings): mark each as exact.</summary>
    private static string Exactify(string phrase)
    {
        var sb = new StringBuilder();
        var parts = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var p in parts)
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(p);
            if (p.Length > 0 && char.IsLetterOrDigit(p[^1]) && !p.StartsWith('&')) sb.Append('_');
        }

        return sb.ToString();
    }

    // ---------------- helpers ----------------

    /// <summary>How many characters of blank space begin the line (for columns in the trimmed text).</summary>
    private static int Indent(string raw) => raw.Length - raw.TrimStart().Length;

    private static bool IsCommentLine(string raw)
    {
        var t = raw.TrimStart();
        return t.StartsWith('#') || t.StartsWith("//", StringComparison.Ordinal) || t.StartsWith("<!", StringComparison.Ordinal)
            || (t.StartsWith('/') && !t.StartsWith("/*", StringComparison.Ordinal));
    }

    /// <summary>Cuts a trailing comment (';' or a '#' after a blank) outside [code] brackets.</summary>
    private static string StripComment(string line, params char[] markers)
    {
        var depth = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '[') depth++;
            else if (c == ']') depth = Math.Max(0, depth - 1);
            else if (depth == 0 && Array.IndexOf(markers, c) >= 0 && (c != '#' || i == 0 || char.IsWhiteSpace(line[i - 1])))
                return line[..i];
        }

        return line;
    }

    /// <summary>Collects the entries a file skips, each with its line and reason.</summary>
    private const string OverLimit = "its macros stand for more phrases than are left under the limit: ";

    private sealed class Skips(string path)
    {
        private readonly List<Problem> _list = [];
        private readonly List<Problem> _refused = [];

        public void Add(int line, string subject, string field, string message, int column = 0) =>
            _list.Add(new Problem(subject, field, message, new SourceLocation(path, line, column)));

        /// <summary>Not a sloppy entry to skip but hostile input (a macro bomb, a macro naming itself): the file
        /// is refused, whatever --strict says.</summary>
        public void Refuse(int line, string subject, string field, string message) =>
            _refused.Add(new Problem(subject, field, message, new SourceLocation(path, line)));

        public DictionaryFileReport Report(string[] lines) =>
            new(path, lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length, _list) { Refused = _refused };
    }
}

/// <summary>The kinds of dictionary file a coder reads.</summary>
public enum DictionaryKind
{
    Actors,
    Agents,
    Verbs,
    Discards,
}

/// <summary>What reading one dictionary file gave: its line count and every entry skipped, each with file,
/// line and reason.</summary>
public sealed record DictionaryFileReport(string Path, int Lines, IReadOnlyList<Problem> Skipped)
{
    /// <summary>Entries that refuse the whole file (hostile macros), not counted as skipped.</summary>
    internal IReadOnlyList<Problem> Refused { get; init; } = [];

    /// <summary>"Phoenix.Countries.actors.txt: 54,233 lines, 12 entries skipped; see --dictionary-report".</summary>
    public string Summary() =>
        string.Create(CultureInfo.InvariantCulture, $"{System.IO.Path.GetFileName(Path)}: {Lines:N0} lines, ")
        + (Skipped.Count == 0 ? "nothing skipped"
            : string.Create(CultureInfo.InvariantCulture, $"{Skipped.Count:N0} {(Skipped.Count == 1 ? "entry" : "entries")} skipped; see --dictionary-report"));
}

/// <summary>A coder built from dictionary files, with what reading each file skipped.</summary>
public sealed record LoadedCoder(Coder Coder, IReadOnlyList<DictionaryFileReport> Files);
