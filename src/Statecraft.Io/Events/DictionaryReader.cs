using System.Text;
using Statecraft.Core.Domain;
using Statecraft.Core.Events;

namespace Statecraft.Io.Events;

/// <summary>
/// Reads event-coding dictionaries unchanged from their public files: TABARI actors, agents and verbs
/// (with synonym sets, irregular forms, nouns and adjectives, date-restricted codes) and PETRARCH2's
/// verb dictionary (<c>CAMEO.2.0.txt</c>, verb groups) and Phoenix actor/agent files (TABARI layout).
/// Every malformed line is reported with file and line; the rest of the file still loads.
/// </summary>
public static class DictionaryReader
{
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

    /// <summary>Adds a TABARI/Phoenix actors file (nouns and adjectives sections included).</summary>
    public static IReadOnlyList<Problem> LoadActors(EventDictionary dict, string path)
    {
        var read = ReadLines(path);
        if (!read.Success) return read.Problems;
        var problems = new List<Problem>();
        var lines = read.Value;
        string? section = null;
        List<(string Phrase, int Line)> group = [];
        List<DatedCode> groupCodes = [];
        var groupLine = 0;

        void Flush()
        {
            if (group.Count == 0) return;
            if (groupCodes.Count == 0 && !problems.Any(p => p.Location?.Line == groupLine))
                problems.Add(new Problem(group[0].Phrase, "code", "no [code] for this actor or its synonyms", new SourceLocation(path, groupLine)));
            else if (groupCodes.Count > 0)
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
                // a date-restriction line belonging to the group above
                if (group.Count == 0)
                {
                    problems.Add(new Problem("", "code", "code line without an actor above it", new SourceLocation(path, lineNo)));
                    continue;
                }

                var codes = ParseActorCodes(trimmed, path, lineNo, problems);
                groupCodes.AddRange(codes);
                continue;
            }

            if (trimmed.StartsWith('+'))
            {
                if (group.Count == 0)
                {
                    problems.Add(new Problem(trimmed, "synonym", "synonym (+) without an actor above it", new SourceLocation(path, lineNo)));
                    continue;
                }

                var (synonym, synCodes) = SplitPhraseAndCodes(trimmed[1..], path, lineNo, problems);
                if (synonym.Length > 0) group.Add((synonym, lineNo));
                groupCodes.AddRange(synCodes);
                continue;
            }

            Flush();
            var (phrase, actorCodes) = SplitPhraseAndCodes(trimmed, path, lineNo, problems);
            if (phrase.Length == 0)
            {
                problems.Add(new Problem("", "phrase", "missing phrase before [code]", new SourceLocation(path, lineNo)));
                continue;
            }

            group.Add((phrase, lineNo));
            groupLine = lineNo;
            groupCodes.AddRange(actorCodes);
        }

        Flush();
        return problems;
    }

    private static (string Phrase, List<DatedCode> Codes) SplitPhraseAndCodes(string text, string path, int line, List<Problem> problems)
    {
        var bracket = text.IndexOf('[');
        var phrase = (bracket < 0 ? text : text[..bracket]).Trim().ToUpperInvariant();
        if (bracket < 0)
        {
            if (text.Contains(']')) problems.Add(new Problem(phrase, "code", "']' without '['", new SourceLocation(path, line)));
            return (phrase, []);
        }

        return (phrase, ParseActorCodes(text[bracket..], path, line, problems));
    }

    /// <summary>Parses <c>[CODE]</c>, <c>[CODE &lt;YYMMDD]</c>, <c>[CODE &gt;YYMMDD]</c>, <c>[CODE YYMMDD-YYMMDD]</c> blocks.</summary>
    private static List<DatedCode> ParseActorCodes(string text, string path, int line, List<Problem> problems)
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
                problems.Add(new Problem("", "code", "missing ']' after '['", new SourceLocation(path, line, open + 1)));
                break;
            }

            var inner = text[(open + 1)..close].Trim();
            i = close + 1;
            if (inner.Length == 0)
            {
                problems.Add(new Problem("", "code", "empty [] code", new SourceLocation(path, line, open + 1)));
                continue;
            }

            var code = ParseDated(inner, out var error);
            if (code is null) problems.Add(new Problem("", "code", error!, new SourceLocation(path, line, open + 1)));
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
        if (code.Length > 0 && code.All(char.IsDigit) && rest.Length == 0 && code.Length == 6)
        {
            error = "date restriction without a code";
            return null;
        }

        if (code.Replace(" ", "", StringComparison.Ordinal).Length == 0 || (code.Length > 0 && char.IsDigit(code[0]) && code.Contains('-')))
        {
            error = "date restriction without a code";
            return null;
        }

        if (code.StartsWith("---", StringComparison.Ordinal) || code.StartsWith("###", StringComparison.Ordinal))
            code = code[..3];
        if (rest.Length == 0) return new DatedCode(code);
        int from = 0, to = 0;
        bool ok;
        if (rest[0] == '<') ok = TryDate(rest[1..], out to);
        else if (rest[0] == '>') ok = TryDate(rest[1..], out from);
        else
        {
            var dash = rest.IndexOf('-');
            ok = dash > 0 && TryDate(rest[..dash], out from) && TryDate(rest[(dash + 1)..], out to);
        }

        if (!ok)
        {
            error = $"unreadable date restriction '{rest}' (expected <YYMMDD, >YYMMDD or YYMMDD-YYMMDD)";
            return null;
        }

        return new DatedCode(code, from, to);
    }

    /// <summary>YYMMDD (00-30 = 2000s) or YYYYMMDD to yyyymmdd.</summary>
    public static bool TryDate(string s, out int date)
    {
        date = 0;
        // ASCII digits only: other scripts' digits (Arabic-Indic) are refused, not misread.
        if (!s.All(char.IsAsciiDigit) || (s.Length != 6 && s.Length != 8)) return false;
        int y, m, d;
        if (s.Length == 6)
        {
            y = int.Parse(s[..2]);
            y += y <= 30 ? 2000 : 1900;
            m = int.Parse(s[2..4]);
            d = int.Parse(s[4..6]);
        }
        else
        {
            y = int.Parse(s[..4]);
            m = int.Parse(s[4..6]);
            d = int.Parse(s[6..8]);
        }

        // A real calendar day: 20250231 and year 0 are refused, not moved to the nearest valid day.
        if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = (y * 10000) + (m * 100) + d;
        return true;
    }

    /// <summary>Adds a PETRARCH discards file: sentences naming one of these phrases are discarded
    /// (a leading '+' marks story-level discards in PETRARCH; here every discard is per sentence).</summary>
    public static IReadOnlyList<Problem> LoadDiscards(EventDictionary dict, string path)
    {
        var read = DictionaryReader.ReadLines(path);
        if (!read.Success) return read.Problems;
        foreach (var raw in read.Value)
        {
            if (IsCommentLine(raw)) continue;
            var phrase = StripComment(raw, '#', ';').Trim().TrimStart('+').Trim().ToUpperInvariant().Replace(' ', '_');
            if (phrase.Length == 0) continue;
            dict.Actors.Add(new ActorEntry(phrase, PhraseSyntax.Words(phrase + "_"), [new DatedCode(SpecialCodes.Discard)]));
        }

        return [];
    }

    // ---------------- agents ----------------

    /// <summary>Adds a TABARI/Phoenix agents file; <c>!NAME! = A, B</c> substitutions are expanded.</summary>
    public static IReadOnlyList<Problem> LoadAgents(EventDictionary dict, string path)
    {
        var read = ReadLines(path);
        if (!read.Success) return read.Problems;
        var problems = new List<Problem>();
        var macros = new Dictionary<string, string[]>(StringComparer.Ordinal);
        List<string> group = [];
        string? groupCode = null;

        var budget = Limits.Current.MacroExpansions;
        var lineNo = 0;

        void Flush()
        {
            if (groupCode is not null)
                foreach (var p in group)
                {
                    if (budget < 0) break;
                    var expansions = ExpandMacros(p, macros, ref budget);
                    if (expansions is null)
                    {
                        problems.Add(Limits.Current.Exceeded("macro-expansions", Limits.Current.MacroExpansions + 1, p, "macro", new SourceLocation(path, lineNo))
                            with
                        { Message = $"its macros expand (or refer to themselves) beyond the limit of {Limits.Current.MacroExpansions:N0} phrases; raise it with {Limits.Variable}=macro-expansions=N if genuine" });
                        budget = -1;
                        break;
                    }

                    foreach (var expanded in expansions)
                        dict.Agents.Add(new AgentEntry(expanded, PhraseSyntax.Words(expanded), groupCode));
                }

            group = [];
            groupCode = null;
        }

        var lines = read.Value;
        for (var n = 0; n < lines.Length; n++)
        {
            var raw = lines[n];
            lineNo = n + 1;
            if (IsCommentLine(raw)) continue;
            var trimmed = StripComment(raw, ';', '#').Trim();
            if (trimmed.Length == 0) continue;
            if (trimmed.StartsWith("~FINISH", StringComparison.Ordinal) || trimmed.StartsWith("~~", StringComparison.Ordinal)) break;
            if (trimmed.StartsWith('<')) continue;
            if (trimmed.StartsWith('!') && trimmed.Contains('='))
            {
                var eq = trimmed.IndexOf('=');
                macros[trimmed[..eq].Trim()] = [.. trimmed[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                continue;
            }

            var synonym = trimmed.StartsWith('+');
            var body = synonym ? trimmed[1..] : trimmed;
            var open = body.IndexOf('[');
            var close = body.IndexOf(']');
            if (open >= 0 && close < open)
            {
                problems.Add(new Problem(body, "code", "missing ']' after '['", new SourceLocation(path, lineNo)));
                continue;
            }

            var phrase = (open < 0 ? body : body[..open]).Trim().ToUpperInvariant();
            // PETRARCH: "POLICE {POLICEMEN} [~COP]" lists irregular plurals in braces
            var forms = new List<string>();
            var brace = phrase.IndexOf('{');
            if (brace >= 0)
            {
                var closeBrace = phrase.IndexOf('}', brace);
                forms.AddRange(phrase[(brace + 1)..(closeBrace < 0 ? phrase.Length : closeBrace)].Split(' ', StringSplitOptions.RemoveEmptyEntries));
                phrase = phrase[..brace].Trim();
            }

            if (!synonym) Flush();
            if (phrase.Length > 0) group.Add(phrase);
            group.AddRange(forms);
            if (open >= 0)
            {
                var code = body[(open + 1)..close].Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
                if (!code.Contains('~'))
                {
                    problems.Add(new Problem(phrase, "code", $"agent code '{code}' needs a ~ (e.g. [~GOV] or [NGO~])", new SourceLocation(path, lineNo, open + 1)));
                    group.Clear();
                    continue;
                }

                groupCode = code;
                if (!synonym) Flush();
            }
        }

        Flush();
        return problems;
    }

    /// <summary>
    /// Every phrase <paramref name="phrase"/>'s macros stand for, in order, taken from the file's
    /// <paramref name="budget"/>; null when they exceed it or nest deeper than the depth limit (a macro
    /// that refers to itself never ends).
    /// </summary>
    private static List<string>? ExpandMacros(string phrase, Dictionary<string, string[]> macros, ref int budget)
    {
        var done = new List<string>();
        var pending = new Stack<(string Phrase, int Depth)>();
        pending.Push((phrase, 0));
        while (pending.Count > 0)
        {
            var (p, depth) = pending.Pop();
            var a = p.IndexOf('!');
            var b = a < 0 ? -1 : p.IndexOf('!', a + 1);
            if (b < 0 || !macros.TryGetValue(p[a..(b + 1)], out var alts))
            {
                if (--budget < 0) return null;
                done.Add(a < 0 ? p : p.Replace("!", "", StringComparison.Ordinal));
                continue;
            }

            if (depth >= Limits.Current.Depth) return null;
            for (var i = alts.Length - 1; i >= 0; i--) pending.Push((p[..a] + alts[i] + p[(b + 1)..], depth + 1));
        }

        return done;
    }

    // ---------------- TABARI verbs ----------------

    /// <summary>Adds a TABARI verbs file: synonym sets, verb roots with forms and patterns.</summary>
    public static IReadOnlyList<Problem> LoadTabariVerbs(EventDictionary dict, string path)
    {
        var read = ReadLines(path);
        if (!read.Success) return read.Problems;
        var problems = new List<Problem>();
        string? section = null;
        string? synset = null;
        VerbEntry? verb = null;
        var lines = read.Value;
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
                    problems.Add(new Problem(trimmed, "synset", "expected &NAME or +member", new SourceLocation(path, lineNo)));
                }

                continue;
            }

            if (section is not null) continue; // <TIME> and others

            if (trimmed.StartsWith('{'))
            {
                if (verb is null)
                {
                    problems.Add(new Problem(trimmed, "forms", "verb forms before any verb", new SourceLocation(path, lineNo)));
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
                    problems.Add(new Problem(trimmed, "pattern", "pattern before any verb", new SourceLocation(path, lineNo)));
                    continue;
                }

                var (body, code, error) = SplitCode(trimmed[1..]);
                if (error is not null)
                {
                    problems.Add(new Problem(body, "pattern", error, new SourceLocation(path, lineNo)));
                    continue;
                }

                if (!body.Contains('*'))
                {
                    problems.Add(new Problem(body, "pattern", "missing verb marker '*'", new SourceLocation(path, lineNo)));
                    continue;
                }

                dict.AddPattern(verb, body.ToUpperInvariant(), code!);
                continue;
            }

            var (root, rootCode, rootError) = SplitCode(trimmed);
            if (rootError is not null || root.Length == 0)
            {
                problems.Add(new Problem(root, "verb", rootError ?? "missing verb before [code]", new SourceLocation(path, lineNo)));
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

        return problems;
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
    public static IReadOnlyList<Problem> LoadPetrarchVerbs(EventDictionary dict, string path)
    {
        var read = ReadLines(path);
        if (!read.Success) return read.Problems;
        var problems = new List<Problem>();
        string? synset = null;
        var group = new List<VerbEntry>();
        var groupCode = SpecialCodes.Null;
        var inGroupPatterns = false;
        var lines = read.Value;
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
                    problems.Add(new Problem(trimmed, "verb group", error, new SourceLocation(path, lineNo)));
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
                    problems.Add(new Problem(trimmed, "pattern", "pattern before any verb", new SourceLocation(path, lineNo)));
                    continue;
                }

                var (body, code, error) = SplitCode(trimmed[1..]);
                if (error is not null || !body.Contains('*'))
                {
                    problems.Add(new Problem(body, "pattern", error ?? "missing verb marker '*'", new SourceLocation(path, lineNo)));
                    continue;
                }

                var flat = Exactify(Flatten(body).ToUpperInvariant());
                foreach (var v in group) dict.AddPattern(v, flat, code!);
                continue;
            }

            synset = null;
            if (inGroupPatterns)
            {
                problems.Add(new Problem(trimmed, "verb", "verb after the group's patterns", new SourceLocation(path, lineNo)));
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
                    problems.Add(new Problem(head, "verb", err, new SourceLocation(path, lineNo)));
                    continue;
                }

                verbCode = c!;
            }

            if (head.Length == 0)
            {
                problems.Add(new Problem(trimmed, "verb", "missing verb", new SourceLocation(path, lineNo)));
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

        return problems;
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
}
