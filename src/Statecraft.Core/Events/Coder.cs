namespace Statecraft.Core.Events;

/// <summary>An event found in one sentence: who did what to whom, and the words that said so.</summary>
public sealed record SentenceEvent(string Source, string Target, string Code, int SpanStart, int SpanEnd, string Span);

/// <summary>What the coder made of a sentence: its events, or why it set the sentence aside.</summary>
public sealed record SentenceCoding(IReadOnlyList<SentenceEvent> Events, bool Discarded, bool Complex, string? Reason = null)
{
    /// <summary>The actors the sentence names, in order, with their character spans (for its figures).</summary>
    public IReadOnlyList<(string Code, int Start, int End)> Actors { get; init; } = [];

    public static readonly SentenceCoding Empty = new([], false, false);
}

/// <summary>
/// TABARI-style sparse-parsing event coder: tags words from the dictionaries, builds compound actors,
/// resolves agents and pronouns, drops comma-delimited asides, splits clauses at conjunctions and matches
/// verb patterns (longest first) to assign source, target and CAMEO code. Thread-safe once built.
/// </summary>
public sealed class Coder(EventDictionary dictionary, CoderOptions? options = null)
{
    private static readonly HashSet<string> Determiners = ["THE", "A", "AN"];
    private static readonly HashSet<string> Conjunctions = ["AND", "BUT", "OR", "NOR"];
    private static readonly HashSet<string> Auxiliaries = ["WAS", "WERE", "BEEN"];
    private static readonly HashSet<string> Pronouns = ["HE", "SHE", "IT", "ITS", "HIS", "HER", "HIM", "THEY", "THEM", "THEIR"];
    private static readonly HashSet<string> Modals = ["SHOULD", "MUST", "OUGHT", "SHALL", "WOULD", "COULD", "MIGHT", "WOULDN'T", "COULDN'T", "SHOULDN'T"];
    private static readonly HashSet<string> ReportingVerbs = ["SAID", "SAYS", "SAY", "ANNOUNCED", "ANNOUNCES", "TOLD", "STATED", "DECLARED", "INDICATED"];
    private static readonly string[] IntendingVerbs = ["AGREE", "PROMIS", "PLEDG", "VOW", "PLAN", "INTEND", "DECID", "OFFER", "THREATEN"];
    private static readonly HashSet<string> IntendingAdjectives = ["READY", "WILLING", "PREPARED", "DETERMINED", "ABOUT"];
    private static readonly HashSet<string> Negations = ["NOT", "NEVER", "DIDN'T", "DOESN'T", "DON'T", "WON'T", "CAN'T", "CANNOT", "ISN'T", "WASN'T", "HASN'T", "HAVEN'T", "NO", "REFUSAL", "FAILURE"];

    public EventDictionary Dictionary { get; } = dictionary;
    public CoderOptions Options { get; } = options ?? new CoderOptions();

    public Coder With(CoderOptions options) => new(Dictionary, options);

    /// <summary>CAMEO's code for intending an action of <paramref name="code"/>'s family: cooperation
    /// (04-08) becomes the matching "express intent to" code (036, 032, 031, 033, 035), force and
    /// coercion (14-20) the matching threat (133, 138, 131, 137); statements, appeals and other verbal
    /// acts (01-03, 09-13) stay as they are.</summary>
    internal static string IntentCode(string code) => CameoScale.Family(code) switch
    {
        "04" => "036",
        "05" => "032",
        "06" => "031",
        "07" => "033",
        "08" => "035",
        "14" => "133",
        "15" or "18" or "19" or "20" => "138",
        "16" => "131",
        "17" => "137",
        _ => code,
    };

    /// <summary>Codes one sentence; <paramref name="date"/> (yyyymmdd, 0 = unknown) selects dated actor codes.</summary>
    public SentenceCoding Code(string sentence, int date = 0) => Code(sentence, date, (Func<IReadOnlyList<string>?>?)null);

    /// <summary>Codes a sentence of running text; a pronoun with no actor before it in the sentence refers
    /// to <paramref name="previousSubject"/> (the first actor of the sentence before), as TABARI's FORWARD.</summary>
    public SentenceCoding Code(string sentence, int date, IReadOnlyList<string>? previousSubject) =>
        Code(sentence, date, previousSubject is null ? null : () => previousSubject);

    /// <summary>As above, the previous subject found only if a pronoun needs it (it costs a second reading
    /// of the sentence before).</summary>
    public SentenceCoding Code(string sentence, int date, Func<IReadOnlyList<string>?>? previousSubject)
    {
        var tokens = Tokenizer.Tokenize(sentence);
        if (tokens.Count == 0) return SentenceCoding.Empty;
        if (Options.MinimumWords > 0 && tokens.Count(t => t.Text != ",") < Options.MinimumWords) return SentenceCoding.Empty;
        var s = new Sentence(this, sentence, tokens, date) { PreviousSubject = previousSubject };
        return s.Run();
    }

    /// <summary>How the coder read a sentence: each word group with its role and codes (for debugging
    /// dictionaries), then the coding.</summary>
    public string Explain(string sentence, int date = 0)
    {
        var tokens = Tokenizer.Tokenize(sentence);
        var s = new Sentence(this, sentence, tokens, date);
        var coding = s.Run();
        return s.Describe() + " => " + string.Join(" ", coding.Events.Select(e => $"{e.Source}/{e.Target}/{e.Code}"))
            + (coding.Discarded ? " discard" : "") + (coding.Complex ? " complex: " + coding.Reason : "");
    }

    /// <summary>The actors a sentence names, in order, with their character spans.</summary>
    public IReadOnlyList<(string Code, int Start, int End)> Actors(string sentence, int date = 0)
    {
        var tokens = Tokenizer.Tokenize(sentence);
        if (tokens.Count == 0) return [];
        return new Sentence(this, sentence, tokens, date).ActorSpans();
    }

    internal enum Tag
    {
        None,
        Actor,
        Agent,
        Verb,
        Noun,
        Adjective,
        Determiner,
        Conjunction,
        Pronoun,
        Auxiliary,
        By,
        Comma,
        Number,
    }

    /// <summary>A run of tokens with one role.</summary>
    internal sealed class Unit
    {
        public Tag Tag;
        public int Start;
        public int End; // exclusive token index
        public List<string> Codes = []; // actor codes (one per member of a compound)
        public bool Compound;
        public string? AgentCode;
        public VerbEntry? Verb;
        public bool Deleted;
        public bool Breaks = true; // conjunction that separates clauses
    }

    private sealed class Sentence(Coder coder, string text, List<Token> tokens, int date)
    {
        private readonly EventDictionary _dict = coder.Dictionary;
        private readonly CoderOptions _opt = coder.Options;
        private readonly List<Unit> _units = [];
        private readonly List<(PhraseWord[] Words, DictionaryPhrase Value, int Length)> _candidates = [];
        private bool _discard;
        private bool _complex;

        public Func<IReadOnlyList<string>?>? PreviousSubject { get; init; }

        public SentenceCoding Run()
        {
            var coding = Decide();
            return coding with { Actors = _spans };
        }

        private List<(string Code, int Start, int End)> _spans = [];

        private SentenceCoding Decide()
        {
            TagWords();
            AttachAgents();
            _spans = Spans();
            if (_discard) return new SentenceCoding([], true, false, "discard");
            BuildCompounds();
            ResolvePronouns();
            if (_complex && _opt.ComplexEnabled) return new SentenceCoding([], false, true, "complex code");
            if (!_opt.CommaOff && !_opt.CommaClauses) DropAsides();
            var live = _units.Where(u => !u.Deleted).ToList();
            if (_opt.ComplexEnabled)
            {
                var verbs = live.Count(u => u.Tag == Tag.Verb);
                var conj = live.Count(u => u.Tag == Tag.Conjunction && u.Breaks);
                if (_opt.ComplexVerbs > 0 && verbs > _opt.ComplexVerbs) return new SentenceCoding([], false, true, "too many verbs");
                if (_opt.ComplexConjunctions > 0 && conj > _opt.ComplexConjunctions) return new SentenceCoding([], false, true, "too many conjunctions");
                if (_opt.NoActorPrior && _opt.DefaultSource is null)
                {
                    var firstVerb = live.FindIndex(u => u.Tag == Tag.Verb);
                    if (firstVerb >= 0 && !live.Take(firstVerb).Any(u => u.Tag == Tag.Actor))
                        return new SentenceCoding([], false, true, "no actor before the verb");
                }
            }

            var events = CodeClauses(live);
            if (_discard) return new SentenceCoding([], true, false, "discard");
            if (_complex && _opt.ComplexEnabled) return new SentenceCoding([], false, true, "complex code");
            return new SentenceCoding(events, false, false);
        }

        public List<(string Code, int Start, int End)> ActorSpans()
        {
            TagWords();
            AttachAgents();
            return Spans();
        }

        private List<(string Code, int Start, int End)> Spans()
        {
            var list = new List<(string, int, int)>();
            foreach (var u in _units)
                if (u.Tag == Tag.Actor)
                    foreach (var c in u.Codes) list.Add((c, tokens[u.Start].Start, tokens[u.End - 1].End));
            return list;
        }

        public string Describe() => string.Join(" ", _units.Select(u =>
            (u.Deleted ? "~" : "") + string.Join("_", tokens.Skip(u.Start).Take(u.End - u.Start).Select(t => t.Text))
            + (u.Tag == Tag.None ? "" : "/" + u.Tag + (u.Codes.Count > 0 ? "[" + string.Join("/", u.Codes) + "]" : "")
            + (u.AgentCode is null ? "" : "[" + u.AgentCode + "]") + (u.Tag == Tag.Conjunction && !u.Breaks ? "(nb)" : ""))));

        // ---------- tagging ----------

        private void TagWords()
        {
            var allCaps = Tokenizer.IsAllCaps(text);
            var i = 0;
            while (i < tokens.Count)
            {
                var unit = Classify(i);
                // "according to X" attributes; it is not ACCORD, a verb of granting (060)
                if (unit.Tag == Tag.Verb && tokens[i].Text == "ACCORDING" && i + 1 < tokens.Count && tokens[i + 1].Text == "TO")
                    unit.Tag = Tag.Noun;
                if (unit.Tag == Tag.Verb && i > 0)
                {
                    var prev = _units.Count > 0 ? _units[^1] : null;
                    // "so-called" names, it does not call
                    var shifted = prev is { Tag: Tag.Determiner } || (!allCaps && tokens[i].Capitalized && !AfterQuote(i))
                        || (tokens[i].Text == "CALLED" && tokens[i - 1].Text == "SO");
                    if (shifted) unit.Tag = Tag.Noun;
                }

                if (unit.Tag == Tag.Verb)
                {
                    if (SpecialCodes.IsDiscard(unit.Verb!.Code)) _discard = true;
                    if (SpecialCodes.IsComplex(unit.Verb!.Code)) _complex = true;
                    if (SpecialCodes.IsNull(unit.Verb!.Code) && unit.Verb.Sorted.Count == 0) unit.Tag = Tag.Noun;
                }

                _units.Add(unit);
                i = unit.End;
            }
        }

        private bool AfterQuote(int i)
        {
            var between = text.AsSpan(tokens[i - 1].End, tokens[i].Start - tokens[i - 1].End);
            return between.IndexOfAny("\"\u201C:") >= 0;
        }

        private Unit Classify(int i)
        {
            var token = tokens[i].Text;
            // score every phrase that matches here; build a unit only for the best
            DictionaryPhrase? bestPhrase = null;
            var bestEnd = -1;
            var bestScore = (-1, 0, 0);
            _candidates.Clear();
            _dict.Index.Collect(token, _candidates);
            foreach (var (words, phrase, length) in _candidates)
            {
                var end = MatchPhrase(words, i, phrase.Kind == PhraseKind.Verb ? Endings.Verb : Endings.Noun);
                if (end < 0) continue;
                var priority = phrase.Kind switch
                {
                    PhraseKind.Actor => 5,
                    PhraseKind.Agent => 4,
                    PhraseKind.Noun => 3,
                    PhraseKind.Adjective => 2,
                    _ => 1,
                };
                var score = (length, i - end, priority);
                if (bestPhrase is null || score.CompareTo(bestScore) > 0)
                {
                    bestPhrase = phrase;
                    bestEnd = end;
                    bestScore = score;
                }
            }

            Unit? best = null;
            if (bestPhrase is not null)
            {
                best = new Unit { Start = i, End = bestEnd };
                switch (bestPhrase.Kind)
                {
                    case PhraseKind.Actor:
                        var code = bestPhrase.Actor!.CodeOn(date);
                        if (SpecialCodes.IsNull(code)) best.Tag = Tag.Noun;
                        else if (SpecialCodes.IsDiscard(code)) { best.Tag = Tag.Noun; best.Codes.Add(SpecialCodes.Discard); }
                        else if (SpecialCodes.IsComplex(code)) { best.Tag = Tag.Noun; best.Codes.Add(SpecialCodes.Complex); }
                        else
                        {
                            best.Tag = Tag.Actor;
                            best.Codes.AddRange(code.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                            best.Compound = best.Codes.Count > 1;
                        }

                        break;
                    case PhraseKind.Agent:
                        best.Tag = Tag.Agent;
                        best.AgentCode = bestPhrase.Agent!.Code;
                        break;
                    case PhraseKind.Verb:
                        best.Tag = Tag.Verb;
                        best.Verb = bestPhrase.Verb;
                        break;
                    case PhraseKind.Noun:
                        best.Tag = Tag.Noun;
                        break;
                    default:
                        best.Tag = Tag.Adjective;
                        break;
                }
            }

            var function = FunctionTag(token);
            if (function != Tag.None && (best is null || best.End - best.Start == 1))
                return new Unit { Tag = function, Start = i, End = i + 1 };
            if (best is not null)
            {
                if (best.Codes.Count == 1 && best.Tag == Tag.Noun)
                {
                    if (best.Codes[0] == SpecialCodes.Discard) _discard = true;
                    if (best.Codes[0] == SpecialCodes.Complex) _complex = true;
                    best.Codes.Clear();
                }

                return best;
            }

            return new Unit { Tag = char.IsDigit(token[0]) ? Tag.Number : Tag.None, Start = i, End = i + 1 };
        }

        private static Tag FunctionTag(string token) => token switch
        {
            "," => Tag.Comma,
            "BY" => Tag.By,
            _ when Determiners.Contains(token) => Tag.Determiner,
            _ when Conjunctions.Contains(token) => Tag.Conjunction,
            _ when Auxiliaries.Contains(token) => Tag.Auxiliary,
            _ when Pronouns.Contains(token) => Tag.Pronoun,
            _ => Tag.None,
        };

        /// <summary>Matches a dictionary phrase starting at token <paramref name="i"/>; returns the end or -1.
        /// Words not joined by an underscore may have up to three words between them.</summary>
        private int MatchPhrase(PhraseWord[] words, int i, string[] endings)
        {
            if (!Endings.Matches(words[0], tokens[i].Text, words.Length == 1, endings)) return -1;
            var pos = i + 1;
            for (var k = 1; k < words.Length; k++)
            {
                var last = k == words.Length - 1;
                if (words[k].Adjacent)
                {
                    if (pos >= tokens.Count || !Endings.Matches(words[k], tokens[pos].Text, last, endings)) return -1;
                    pos++;
                    continue;
                }

                var found = -1;
                for (var j = pos; j < tokens.Count && j <= pos + 3; j++)
                {
                    if (tokens[j].Text == ",") break;
                    if (Endings.Matches(words[k], tokens[j].Text, last, endings)) { found = j; break; }
                }

                if (found < 0) return -1;
                pos = found + 1;
            }

            return pos;
        }

        // ---------- agents, compounds, pronouns ----------

        private bool IsFormer(int k) => k >= 0 && k < _units.Count && _units[k].Tag == Tag.None && tokens[_units[k].Start].Text == "FORMER";

        private void AttachAgents()
        {
            for (var k = 0; k < _units.Count; k++)
            {
                var agent = _units[k];
                if (agent.Tag != Tag.Agent) continue;
                var former = IsFormer(k - 1);
                Unit? actor = null;
                var prev = IsFormer(k - 1) ? k - 2 : k - 1;
                if (prev >= 0 && _units[prev].Tag == Tag.Actor && k + 1 < _units.Count && _units[k + 1].Tag == Tag.Actor
                    && !_units[prev].Compound && !_units[k + 1].Compound)
                {
                    // "Bree Prime Minister Romendacil": one person, named twice
                    actor = _units[k + 1];
                    actor.Start = _units[prev].Start;
                    _units[prev].Tag = Tag.Noun;
                    _units[prev].Codes = [];
                    former |= IsFormer(prev - 1);
                }
                else if (k + 1 < _units.Count && _units[k + 1].Tag == Tag.Actor)
                {
                    actor = _units[k + 1];
                }
                else if (prev >= 0 && _units[prev].Tag == Tag.Actor && !_units[prev].Compound)
                {
                    actor = _units[prev];
                    former |= IsFormer(prev - 1);
                }
                else if (k + 2 < _units.Count && tokens[_units[k + 1].Start].Text is "OF" or "IN")
                {
                    var j = k + 2;
                    while (j < _units.Count && _units[j].Tag == Tag.Determiner) j++;
                    if (j < _units.Count && _units[j].Tag == Tag.Actor)
                    {
                        actor = _units[j];
                        former |= IsFormer(j - 1);
                    }
                }
                else if (k > 1 && _units[k - 1].Tag == Tag.Adjective && _units[k - 2].Tag == Tag.Actor)
                {
                    actor = _units[k - 2];
                }

                var code = former ? "~ELI" : agent.AgentCode!;
                if (actor is null)
                {
                    if (_opt.ConvertAgents)
                    {
                        agent.Tag = Tag.Actor;
                        agent.Codes = [code];
                    }
                    else
                    {
                        agent.Tag = Tag.Noun;
                    }

                    continue;
                }

                if (k + 1 < _units.Count && ReferenceEquals(actor, _units[k + 1])) former |= IsFormer(k - 1);
                actor.Codes = [.. actor.Codes.Select(c => Combine(c, code))];
                agent.Tag = Tag.Noun; // absorbed into the actor
                agent.AgentCode = null;
            }
        }

        /// <summary>Adds an agent code to an actor code unless it is already there on a 3-character boundary.</summary>
        internal static string Combine(string actor, string agent)
        {
            var suffix = agent.StartsWith('~');
            var part = agent.Trim('~', ' ');
            if (part.Length == 0) return actor;
            for (var p = 0; p + part.Length <= actor.Length; p += 3)
                if (string.CompareOrdinal(actor, p, part, 0, part.Length) == 0) return actor;
            if (actor.StartsWith('~')) return suffix ? actor + part : part + actor;
            return suffix ? actor + part : part + actor;
        }

        private void BuildCompounds()
        {
            for (var k = 0; k < _units.Count; k++)
            {
                if (_units[k].Tag != Tag.Actor) continue;
                var members = new List<int> { k };
                var separators = new List<int>();
                var j = k + 1;
                var closed = false;
                while (j < _units.Count)
                {
                    var sep = _units[j];
                    if (sep.Tag is not (Tag.Comma or Tag.Conjunction)) break;
                    if (sep.Tag == Tag.Conjunction && tokens[sep.Start].Text is not ("AND" or "OR" or "NOR")) break;
                    var m = j + 1;
                    // ", and" in lists
                    if (sep.Tag == Tag.Comma && m < _units.Count && _units[m].Tag == Tag.Conjunction && tokens[_units[m].Start].Text == "AND")
                    {
                        separators.Add(j);
                        j = m;
                        sep = _units[j];
                        m = j + 1;
                    }

                    while (m < _units.Count && _units[m].Tag is Tag.Determiner or Tag.Adjective) m++;
                    if (m >= _units.Count || _units[m].Tag != Tag.Actor) break;
                    separators.Add(j);
                    members.Add(m);
                    j = m + 1;
                    if (sep.Tag == Tag.Conjunction) { closed = true; break; }
                }

                if (!closed)
                {
                    // a list of actors separated only by commas is not a compound
                    continue;
                }

                var codes = new List<string>();
                foreach (var m in members)
                    foreach (var c in _units[m].Codes)
                        if (!codes.Contains(c)) codes.Add(c);
                var first = _units[k];
                var last = _units[members[^1]];
                var compound = new Unit { Tag = Tag.Actor, Start = first.Start, End = last.End, Codes = codes, Compound = codes.Count > 1 };
                _units.RemoveRange(k, members[^1] - k + 1);
                _units.Insert(k, compound);
            }

            // "bombs and rockets", "black and white": conjunctions inside noun phrases do not split clauses
            for (var k = 1; k + 1 < _units.Count; k++)
            {
                if (_units[k].Tag != Tag.Conjunction) continue;
                var before = _units[k - 1].Tag;
                var m = k + 1;
                if (before == Tag.Adjective && _units[m].Tag == Tag.Adjective) _units[k].Breaks = false;
                while (m < _units.Count && _units[m].Tag == Tag.Adjective) m++;
                if (before == Tag.Noun && m < _units.Count && _units[m].Tag == Tag.Noun) _units[k].Breaks = false;
            }
        }

        private void ResolvePronouns()
        {
            for (var k = 0; k < _units.Count; k++)
            {
                var u = _units[k];
                if (u.Tag != Tag.Pronoun) continue;
                Unit? referent = null;
                switch (tokens[u.Start].Text)
                {
                    case "HE" or "SHE" or "IT":
                        referent = _units.Take(k).FirstOrDefault(x => x.Tag == Tag.Actor);
                        break;
                    case "ITS" or "HIS" or "HER":
                        referent = _units.Take(k).FirstOrDefault(x => x.Tag == Tag.Actor);
                        break;
                    default:
                        referent = _units.Take(k).FirstOrDefault(x => x.Tag == Tag.Actor && x.Compound)
                            ?? _units.Take(k).FirstOrDefault(x => x.Tag == Tag.Actor);
                        break;
                }

                if (referent is null)
                {
                    var previous = PreviousSubject?.Invoke();
                    if (previous is null || previous.Count == 0) continue;
                    u.Tag = Tag.Actor;
                    u.Codes = [.. previous];
                    u.Compound = previous.Count > 1;
                    continue;
                }

                u.Tag = Tag.Actor;
                u.Codes = [.. referent.Codes];
                u.Compound = referent.Compound;
            }
        }

        /// <summary>Drops comma-delimited asides whose length is within the COMMA limits.</summary>
        private void DropAsides()
        {
            var commas = new List<int>();
            for (var k = 0; k < _units.Count; k++)
                if (_units[k].Tag == Tag.Comma) commas.Add(k);
            if (commas.Count == 0) return;
            int Words(int from, int to) => _units.Skip(from).Take(to - from).Sum(u => u.End - u.Start);

            // chained: a dropped clause uses up the comma that closed it
            var open = -1;
            var b = Words(0, commas[0]);
            if (b > _opt.CommaBeginMin && b <= _opt.CommaBeginMax)
                for (var k = 0; k <= commas[0]; k++) _units[k].Deleted = true;
            else open = commas[0];
            for (var c = 0; c + 1 < commas.Count; c++)
            {
                if (open != commas[c]) { open = commas[c + 1]; continue; }
                var n = Words(commas[c] + 1, commas[c + 1]);
                if (n > _opt.CommaMin && n <= _opt.CommaMax)
                {
                    for (var k = commas[c]; k <= commas[c + 1]; k++) _units[k].Deleted = true;
                    open = -1;
                }
                else
                {
                    open = commas[c + 1];
                }
            }

            var e = Words(commas[^1] + 1, _units.Count);
            if (open == commas[^1] && e > _opt.CommaEndMin && e <= _opt.CommaEndMax)
                for (var k = commas[^1]; k < _units.Count; k++) _units[k].Deleted = true;
        }

        // ---------- clauses and patterns ----------

        private sealed record Found(List<SentenceEvent> Events, bool Dominant, bool Subordinate);

        private List<SentenceEvent> CodeClauses(List<Unit> live)
        {
            var clauses = new List<List<Unit>>();
            var current = new List<Unit>();
            foreach (var u in live)
            {
                if ((u.Tag == Tag.Conjunction && u.Breaks) || (u.Tag == Tag.Comma && _opt.CommaClauses))
                {
                    clauses.Add(current);
                    current = [];
                    continue;
                }

                current.Add(u);
            }

            clauses.Add(current);

            var found = new List<Found>();
            Unit? carried = null;
            for (var c = 0; c < clauses.Count; c++)
            {
                var clause = clauses[c];
                // an actor right after the conjunction becomes the subject of the clause
                if (c > 0)
                {
                    var lead = clause.FirstOrDefault(u => u.Tag is not (Tag.Determiner or Tag.Adjective or Tag.Comma));
                    if (lead is { Tag: Tag.Actor }) carried = null;
                }

                var clauseEvents = 0;
                for (var v = 0; v < clause.Count; v++)
                {
                    if (clause[v].Tag != Tag.Verb) continue;
                    var result = CodeVerb(clause, v, carried, out var usedSource);
                    if (_opt.Intentions)
                    {
                        // "agreed to visit": the agreement is the intent to visit, when the second verb codes
                        Unit? intendedSource = null;
                        var intended = IntentVerb(clause, v) ? CodeVerb(clause, v + 2, carried, out intendedSource) : null;
                        if (intended is { Events.Count: > 0 })
                        {
                            result = intended;
                            usedSource = intendedSource;
                            v += 2;
                        }

                        if (result is not null && (intended is { Events.Count: > 0 } || IsIntended(clause[v])))
                            result = result with { Events = [.. result.Events.Select(e => e with { Code = IntentCode(e.Code) })] };
                    }

                    if (result is null) continue;
                    if (usedSource is not null) carried = usedSource;
                    if (result.Events.Count == 0) continue;
                    found.Add(result);
                    clauseEvents++;
                    if (_discard || _complex) return [];
                    if (_opt.CodeBy != CodeBy.All && !result.Subordinate) break;
                }

                if (clauseEvents == 0 && carried is null)
                    carried = clause.FirstOrDefault(u => u.Tag == Tag.Actor);
                if (_opt.CodeBy == CodeBy.Sentence && found.Any(f => !f.Subordinate)) break;
            }

            var chosen = found.Any(f => f.Dominant) ? found.Where(f => f.Dominant)
                : found.Any(f => !f.Subordinate) ? found.Where(f => !f.Subordinate)
                : found;
            return [.. chosen.SelectMany(f => f.Events)];
        }

        /// <summary>Tries the verb's patterns, longest first, then the verb's own code. Null when the verb
        /// yields nothing (null code or no pattern matched and no code).</summary>
        private Found? CodeVerb(List<Unit> clause, int v, Unit? carried, out Unit? usedSource)
        {
            usedSource = null;
            var verb = clause[v].Verb!;
            if (_opt.SkipRecommendations && IsRecommendation(clause[v])) return null;

            // the part of the clause a pattern may reach: not across commas
            var lo = v;
            while (lo > 0 && clause[lo - 1].Tag != Tag.Comma) lo--;
            var hi = v + 1;
            while (hi < clause.Count && clause[hi].Tag != Tag.Comma) hi++;

            // the words a pattern may use, sorted: a pattern is tried only if its longest literal word
            // shares its first letters with one of them and all its literal words are there
            var present = Words(clause, lo, hi, v);
            var last = -1;
            foreach (var index in Candidates(verb, present))
            {
                if (index == last) continue;
                last = index;
                var pattern = verb.Table.Patterns[index];
                if (pattern.Literals.Length > 0 && !AllPresent(pattern.Literals, present)) continue;
                var caps = new Captures();
                if (!MatchPattern(pattern, clause, v, lo, hi, ref caps)) continue;
                // a pattern reaching into a hypothetical ("meaning that X would lead to war") codes nothing
                if (_opt.SkipRecommendations && SpansModal(caps)) return null;
                if (SpecialCodes.IsNull(pattern.Code)) return null;
                if (SpecialCodes.IsDiscard(pattern.Code)) { _discard = true; return null; }
                if (SpecialCodes.IsComplex(pattern.Code)) { _complex = true; return null; }
                return MakeEvents(clause, v, pattern.Code, caps, carried, pattern.DesignatesActors, out usedSource);
            }

            if (SpecialCodes.IsNull(verb.Code) || verb.Code.Length == 0) return null;
            var own = new Captures();
            own.Note(clause[v]);
            return MakeEvents(clause, v, verb.Code, own, carried, false, out usedSource);
        }

        private string[] Words(List<Unit> clause, int lo, int hi, int v)
        {
            var words = new string[hi - lo - 1];
            var n = 0;
            for (var k = lo; k < hi; k++)
                if (k != v) words[n++] = tokens[clause[k].Start].Text;
            Array.Sort(words, StringComparer.Ordinal);
            return words;
        }

        private static List<int> Candidates(VerbEntry verb, string[] present)
        {
            var found = new List<int>(verb.Table.WithoutProbe);
            if (verb.Table.ProbeIndex.Count > 0)
            {
                var lookup = verb.Table.ProbeIndex.GetAlternateLookup<ReadOnlySpan<char>>();
                string? previous = null;
                foreach (var w in present)
                {
                    if (w == previous) continue;
                    previous = w;
                    for (var len = 1; len <= 3 && len <= w.Length; len++)
                        if (lookup.TryGetValue(w.AsSpan(0, len), out var list)) found.AddRange(list);
                }
            }

            found.Sort();
            return found;
        }

        private static bool AllPresent(PhraseWord[] literals, string[] sorted)
        {
            foreach (var w in literals)
            {
                var at = Array.BinarySearch(sorted, w.Text, StringComparer.Ordinal);
                if (at >= 0) continue;
                if (w.Exact) return false;
                // a stem: the first word at or after it must begin with it
                at = ~at;
                if (at >= sorted.Length || !sorted[at].StartsWith(w.Text, StringComparison.Ordinal)) return false;
            }

            return true;
        }

        private bool IsRecommendation(Unit verb)
        {
            // a modal anywhere before the verb in the sentence ("X should support Y, ensuring ... and
            // demanding ..." recommends all three); a negation just before it. With intentions on,
            // a reported "would" ("said they would meet") is an intent, not a hypothesis.
            var at = _units.IndexOf(verb);
            var seen = 0;
            for (var k = at - 1; k >= 0; k--)
            {
                var u = _units[k];
                if (u.Deleted) continue;
                var t = tokens[u.Start].Text;
                if (Modals.Contains(t) && !(_opt.Intentions && t == "WOULD" && Reported(k))) return true;
                if (seen++ < 3 && Negations.Contains(t)) return true;
            }

            return false;
        }

        /// <summary>Whether the actor is the subject of "must", "should" or "ought to": "... that China must drop".</summary>
        private bool FollowedByRecommendation(Unit actor)
        {
            var k = _units.IndexOf(actor) + 1;
            while (k < _units.Count && _units[k].Deleted) k++;
            return k < _units.Count && tokens[_units[k].Start].Text is "MUST" or "SHOULD" or "OUGHT";
        }

        /// <summary>Whether the words a pattern matched include a modal of recommendation or hypothesis.</summary>
        private bool SpansModal(Captures caps)
        {
            for (var t = Math.Max(0, caps.First); t < Math.Min(caps.Last, tokens.Count); t++)
                if (Modals.Contains(tokens[t].Text)) return true;
            return false;
        }

        /// <summary>Whether a reporting verb ("said", "announced") comes before unit <paramref name="k"/>.</summary>
        private bool Reported(int k)
        {
            for (var j = k - 1; j >= 0; j--)
                if (ReportingVerbs.Contains(tokens[_units[j].Start].Text)) return true;
            return false;
        }

        /// <summary>A verb of intending followed by "to" and another verb: "agreed to visit", "vowed to attack".</summary>
        private bool IntentVerb(List<Unit> clause, int v) =>
            v + 2 < clause.Count && StartsWithAny(tokens[clause[v].Start].Text, IntendingVerbs)
            && clause[v + 1].Tag == Tag.None && tokens[clause[v + 1].Start].Text == "TO" && clause[v + 2].Tag == Tag.Verb;

        /// <summary>Whether a verb states an intention: "will visit", "is ready to send", "agreed to visit",
        /// "said they would meet" (a modal "would" reported).</summary>
        private bool IsIntended(Unit verb)
        {
            var at = _units.IndexOf(verb);
            for (int k = at - 1, seen = 0; k >= 0 && seen < 3; k--)
            {
                var u = _units[k];
                if (u.Deleted) continue;
                seen++;
                var t = tokens[u.Start].Text;
                if (t is "WILL" || (t is "WOULD" && Reported(k))) return true;
                if (t is "TO" && k > 0)
                {
                    var before = tokens[_units[k - 1].Start].Text;
                    return IntendingAdjectives.Contains(before) || StartsWithAny(before, IntendingVerbs);
                }

                if (u.Tag is Tag.Verb or Tag.Actor or Tag.Comma) return false;
            }

            return false;
        }

        private static bool StartsWithAny(string word, string[] stems)
        {
            foreach (var stem in stems)
                if (word.StartsWith(stem, StringComparison.Ordinal)) return true;
            return false;
        }


        private struct Captures
        {
            public Unit? Source;
            public Unit? Target;
            public Unit? Compound;
            public int First;
            public int Last;

            public Captures()
            {
                First = int.MaxValue;
                Last = -1;
            }

            public void Note(Unit u)
            {
                First = Math.Min(First, u.Start);
                Last = Math.Max(Last, u.End);
            }
        }

        private bool MatchPattern(VerbPattern pattern, List<Unit> clause, int v, int lo, int hi, ref Captures caps)
        {
            var elements = pattern.Elements;
            var star = 0;
            while (elements[star].Kind != ElementKind.Verb) star++;
            var verbAdjacentBefore = elements[star].Adjacent;
            // before the verb: matched backwards from the verb, so designated actors take the nearest actor
            var trial = caps;
            trial.Note(clause[v]);
            if (!MatchBack(elements, star - 1, clause, v, lo, verbAdjacentBefore, ref trial)) return false;
            var after = trial;
            var firstAdjacent = star + 1 < elements.Count && elements[star + 1].Adjacent;
            if (!MatchRun(elements, star + 1, elements.Count, clause, v + 1, hi, firstAdjacent, -1, ref after)) return false;
            caps = after;
            return true;
        }

        /// <summary>Matches elements[e] down to elements[0] in units before <paramref name="pos"/> (not below
        /// <paramref name="lo"/>); a joined element must sit right before the one after it.</summary>
        private bool MatchBack(IReadOnlyList<PatternElement> elements, int e, List<Unit> clause, int pos, int lo, bool mustEndAtPos, ref Captures caps)
        {
            if (e < 0) return true;
            var el = elements[e];
            var lowest = mustEndAtPos ? pos - 1 : lo;
            for (var k = pos - 1; k >= lowest && k >= lo; k--)
            {
                var u = clause[k];
                var next = caps;
                if (el.Kind == ElementKind.Word)
                {
                    if (!Endings.Matches(el.Word!, tokens[u.Start].Text, false, WordEndings)) continue;
                }
                else
                {
                    if (u.Tag != Tag.Actor) continue;
                    if (el.Kind == ElementKind.Compound && !u.Compound) continue;
                    if (el.Kind == ElementKind.Source) next.Source = u;
                    else if (el.Kind == ElementKind.Target) next.Target = u;
                    else if (el.Kind == ElementKind.Compound) next.Compound = u;
                }

                next.Note(u);
                if (MatchBack(elements, e - 1, clause, k, lo, el.Adjacent, ref next))
                {
                    caps = next;
                    return true;
                }

                if (el.Kind != ElementKind.Word) return false;
            }

            return false;
        }

        /// <summary>Matches elements[e..stop) against units [pos, limit); sparse unless joined.</summary>
        private bool MatchRun(IReadOnlyList<PatternElement> elements, int e, int stop, List<Unit> clause, int pos, int limit,
            bool mustStartAtPos, int requiredEnd, ref Captures caps)
        {
            if (e == stop) return requiredEnd < 0 || pos == requiredEnd;
            var el = elements[e];
            var adjacent = mustStartAtPos;
            var lastStart = adjacent ? Math.Min(pos, limit - 1) : limit - 1;
            for (var k = pos; k <= lastStart; k++)
            {
                var u = clause[k];
                switch (el.Kind)
                {
                    case ElementKind.Word:
                        {
                            // a literal word matches a token anywhere inside a unit's span only at its start
                            if (!Endings.Matches(el.Word!, tokens[u.Start].Text, false, WordEndings)) break;
                            var next = caps;
                            next.Note(u);
                            if (MatchRun(elements, e + 1, stop, clause, k + 1, limit, e + 1 < stop && elements[e + 1].Adjacent, requiredEnd, ref next))
                            {
                                caps = next;
                                return true;
                            }

                            break;
                        }

                    default:
                        {
                            if (u.Tag != Tag.Actor) break;
                            if (el.Kind == ElementKind.Compound && !u.Compound) break;
                            var next = caps;
                            next.Note(u);
                            if (el.Kind == ElementKind.Source) next.Source = u;
                            else if (el.Kind == ElementKind.Target) next.Target = u;
                            else if (el.Kind == ElementKind.Compound) next.Compound = u;
                            if (MatchRun(elements, e + 1, stop, clause, k + 1, limit, e + 1 < stop && elements[e + 1].Adjacent, requiredEnd, ref next))
                            {
                                caps = next;
                                return true;
                            }

                            // designated actors take the first actor in their place
                            if (el.Kind != ElementKind.Word) return false;
                            break;
                        }
                }
            }

            return false;
        }

        private static readonly string[] WordEndings = ["S", "'S", "ES", "ED", "EN", "ING", "D"];

        private Found MakeEvents(List<Unit> clause, int v, string rawCode, Captures caps, Unit? carried, bool designated, out Unit? usedSource)
        {
            var code = rawCode.Trim();
            var dominant = code.EndsWith('!');
            // a plain statement (CAMEO 010) gives way to any other event of the sentence
            var subordinate = code.EndsWith('?') || (_opt.StatementsSubordinate && code.TrimEnd('!') == "010");
            code = code.TrimEnd('!', '?');

            Unit? source = caps.Source;
            Unit? target = caps.Target;
            if (caps.Compound is not null)
            {
                source = caps.Compound;
                target = caps.Compound;
            }
            else
            {
                var passive = !designated && IsPassive(clause, v);
                if (passive)
                {
                    // object-verb-subject: the subject follows BY
                    source = FirstActor(clause, v + 1, clause.Count, null);
                    target = FirstActor(clause, 0, v, source) ?? carried;
                }
                else
                {
                    source ??= (_opt.CommaClauses ? LastActor(clause, 0, v, target) : FirstActor(clause, 0, v, target))
                        ?? (target is null || carried is null || !SameCodes(carried, target) ? carried : null);
                    var greedySource = _opt.DefaultSource is null ? !_opt.NoActorPrior : !_opt.DefaultSourcePrior;
                    if (source is null && greedySource) source = FirstActor(clause, v + 1, clause.Count, target);
                    target ??= FirstActor(clause, v + 1, clause.Count, source);
                    if (target is null && !(_opt.DefaultTarget is not null && _opt.DefaultTargetAfter))
                    {
                        target = FirstActor(clause, 0, v, source, source);
                        // clauses cut at commas: the target may sit earlier in the sentence
                        if (target is null && _opt.CommaClauses)
                            target = FirstActor(_units.Where(u => !u.Deleted).ToList(), 0, int.MaxValue, source, source);
                        if (target is null && source is { Compound: true }) target = source;
                    }
                }
            }

            // "X said Y must Z": the recommendation is not coded, but saying it is X's demand on Y (CAMEO 100)
            if (_opt.SkipRecommendations && code == "010" && target is not null && FollowedByRecommendation(target))
            {
                code = "100";
                subordinate = false;
            }

            usedSource = source;
            var srcCodes = source?.Codes ?? (_opt.DefaultSource is null ? [] : [_opt.DefaultSource]);
            var tgtCodes = target?.Codes ?? (_opt.DefaultTarget is null ? [] : [_opt.DefaultTarget]);
            var events = new List<SentenceEvent>();
            var first = Math.Min(caps.First, tokens.Count - 1);
            var last = Math.Max(caps.Last, first + 1);
            var spanStart = tokens[first].Start;
            var spanEnd = tokens[last - 1].End;
            var span = text[spanStart..spanEnd];
            var parts = code.Split(':');
            var self = ReferenceEquals(source, target);
            foreach (var s in srcCodes)
                foreach (var t in tgtCodes)
                {
                    if (s == t) continue;
                    if (self)
                    {
                        // a compound acting on itself: a single code for each ordered pair; a paired
                        // code once per pair of members, the first code forwards and the second back
                        if (parts.Length == 1) events.Add(new SentenceEvent(s, t, parts[0], spanStart, spanEnd, span));
                        else if (srcCodes.IndexOf(s) < srcCodes.IndexOf(t))
                        {
                            if (parts[0].Length > 0) events.Add(new SentenceEvent(s, t, parts[0], spanStart, spanEnd, span));
                            if (parts[1].Length > 0) events.Add(new SentenceEvent(t, s, parts[1], spanStart, spanEnd, span));
                        }

                        continue;
                    }

                    if (parts[0].Length > 0) events.Add(new SentenceEvent(s, t, parts[0], spanStart, spanEnd, span));
                    if (parts.Length > 1 && parts[1].Length > 0) events.Add(new SentenceEvent(t, s, parts[1], spanStart, spanEnd, span));
                }

            return new Found(events, dominant, subordinate);
        }

        private static bool SameCodes(Unit a, Unit b) => a.Codes.SequenceEqual(b.Codes);

        private bool IsPassive(List<Unit> clause, int v)
        {
            var by = v + 1 < clause.Count && clause[v + 1].Tag == Tag.By
                || (v + 2 < clause.Count && clause[v + 2].Tag == Tag.By && clause[v + 1].Tag == Tag.None);
            if (!by) return false;
            for (var k = v - 1; k >= 0 && k >= v - 2; k--)
                if (clause[k].Tag == Tag.Auxiliary) return true;
            return false;
        }

        private static Unit? LastActor(List<Unit> clause, int from, int to, Unit? distinctFrom)
        {
            for (var k = Math.Min(to, clause.Count) - 1; k >= Math.Max(0, from); k--)
            {
                var u = clause[k];
                if (u.Tag != Tag.Actor) continue;
                if (distinctFrom is not null && SameCodes(u, distinctFrom)) continue;
                return u;
            }

            return null;
        }

        private static Unit? FirstActor(List<Unit> clause, int from, int to, Unit? distinctFrom, Unit? except = null)
        {
            for (var k = Math.Max(0, from); k < Math.Min(to, clause.Count); k++)
            {
                var u = clause[k];
                if (u.Tag != Tag.Actor || ReferenceEquals(u, except)) continue;
                if (distinctFrom is not null && SameCodes(u, distinctFrom)) continue;
                return u;
            }

            return null;
        }
    }
}
