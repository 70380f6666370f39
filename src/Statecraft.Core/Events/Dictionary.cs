namespace Statecraft.Core.Events;

/// <summary>An actor code valid from <see cref="From"/> through <see cref="To"/> (both inclusive, yyyymmdd,
/// 0 = open). A range <c>A-B</c> includes both days (PETRARCH's unit tests code its last day), <c>&lt;D</c>
/// ends the day before D, <c>&gt;D</c> and a bare <c>D</c> start on D.</summary>
public sealed record DatedCode(string Code, int From = 0, int To = 0)
{
    public bool Covers(int date) => (From == 0 || date >= From) && (To == 0 || date <= To);
}

/// <summary>A named entity phrase with its codes: restricted codes first, the default (if any) last.</summary>
public sealed record ActorEntry(string Phrase, PhraseWord[] Words, IReadOnlyList<DatedCode> Codes)
{
    /// <summary>The code on <paramref name="date"/> (yyyymmdd): the first restriction met, else the
    /// default, else the null code. Undated text (<paramref name="date"/> 0) takes today's code: the
    /// default, else a restriction open at its end, else the first. A code may be compound
    /// (<c>GME/GMW</c>).</summary>
    public string CodeOn(int date)
    {
        if (date != 0)
            foreach (var c in Codes)
                if ((c.From != 0 || c.To != 0) && c.Covers(date)) return c.Code;
        foreach (var c in Codes)
            if (c.From == 0 && c.To == 0 && !(date == 0 && SpecialCodes.IsNull(c.Code) && Codes.Count > 1)) return c.Code;
        if (date == 0)
        {
            foreach (var c in Codes)
                if (c.To == 0 && c.From != 0) return c.Code;
            return Codes.Count > 0 ? Codes[0].Code : SpecialCodes.Null;
        }

        return SpecialCodes.Null;
    }
}

/// <summary>A common noun that qualifies an actor: <c>~GOV</c> appends, <c>NGO~</c> prefixes.</summary>
public sealed record AgentEntry(string Phrase, PhraseWord[] Words, string Code);

/// <summary>A verb pattern: its elements (with exactly one <see cref="ElementKind.Verb"/>), code and length.</summary>
public sealed record VerbPattern(string Text, IReadOnlyList<PatternElement> Elements, string Code, int Length)
{
    public bool DesignatesActors { get; } = Elements.Any(e => e.Kind is ElementKind.Source or ElementKind.Target or ElementKind.Compound);

    /// <summary>The literal words, longest first: a pattern cannot match a clause that lacks one of them
    /// (a cheap test that spares the full match for most of a common verb's hundreds of patterns).</summary>
    public PhraseWord[] Literals { get; } = [.. Elements.Where(e => e.Kind == ElementKind.Word).Select(e => e.Word!).OrderByDescending(w => w.Text.Length)];
}

/// <summary>A verb root with its forms (each a phrase), its own code and its patterns. The verbs of a
/// PETRARCH group share their pattern objects, and once sealed their sorted table.</summary>
public sealed class VerbEntry(string root, string code)
{
    public string Root { get; } = root;
    public string Code { get; set; } = code;
    public List<PhraseWord[]> Forms { get; } = [];

    /// <summary>The patterns as the dictionary lists them (<see cref="EventDictionary.Seal"/> sorts them
    /// into <see cref="Sorted"/>).</summary>
    public List<VerbPattern> Patterns { get; } = [];

    internal PatternTable Table { get; set; } = PatternTable.Empty;

    /// <summary>The patterns longest first, equally long ones in dictionary order.</summary>
    public IReadOnlyList<VerbPattern> Sorted => Table.Patterns;
}

/// <summary>A verb's patterns sorted longest first, with their indexes by the first three letters of
/// their longest literal word and the patterns without one: a clause's words find the few patterns
/// worth trying. Verbs with the same patterns share one table.</summary>
internal sealed class PatternTable
{
    public static readonly PatternTable Empty = new([]);

    public PatternTable(List<VerbPattern> patterns)
    {
        // a stable sort: equally long patterns keep the order the dictionary gives them
        Patterns = [.. patterns.OrderByDescending(p => p.Length)];
        for (var i = 0; i < Patterns.Length; i++)
        {
            var literals = Patterns[i].Literals;
            if (literals.Length == 0 || literals[0].Text.Length == 0)
            {
                WithoutProbe.Add(i);
                continue;
            }

            var probe = literals[0].Text;
            var key = probe.Length > 3 ? probe[..3] : probe;
            if (!ProbeIndex.TryGetValue(key, out var list)) ProbeIndex[key] = list = [];
            list.Add(i);
        }
    }

    public VerbPattern[] Patterns { get; }
    public Dictionary<string, List<int>> ProbeIndex { get; } = new(StringComparer.Ordinal);
    public List<int> WithoutProbe { get; } = [];
}

/// <summary>Pattern lists holding the same objects in the same order.</summary>
internal sealed class SamePatterns : IEqualityComparer<List<VerbPattern>>
{
    public static readonly SamePatterns Instance = new();

    public bool Equals(List<VerbPattern>? x, List<VerbPattern>? y)
    {
        if (x is null || y is null || x.Count != y.Count) return ReferenceEquals(x, y);
        for (var i = 0; i < x.Count; i++)
            if (!ReferenceEquals(x[i], y[i])) return false;
        return true;
    }

    public int GetHashCode(List<VerbPattern> list)
    {
        var hash = new HashCode();
        hash.Add(list.Count);
        foreach (var p in list) hash.Add(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(p));
        return hash.ToHashCode();
    }
}

/// <summary>Codes with special meaning in TABARI dictionaries.</summary>
public static class SpecialCodes
{
    public const string Null = "---";
    public const string Discard = "###";
    public const string Complex = "+++";

    public static bool IsNull(string code) => code.Replace(" ", "", StringComparison.Ordinal) == Null;

    public static bool IsDiscard(string code) => code.Replace(" ", "", StringComparison.Ordinal) == Discard;

    public static bool IsComplex(string code) => code.Replace(" ", "", StringComparison.Ordinal) == Complex;
}

/// <summary>
/// Everything the coder knows about words: actors, agents, verbs with patterns, synonym sets, nouns and
/// adjectives. Built by the readers in <c>Statecraft.Io</c>, then frozen by <see cref="Seal"/>.
/// </summary>
public sealed partial class EventDictionary
{
    private static readonly Dictionary<string, List<string>> NoSynsets = [];

    [System.Text.RegularExpressions.GeneratedRegex(@"&[A-Z0-9]+")]
    private static partial System.Text.RegularExpressions.Regex SynsetName();

    public List<ActorEntry> Actors { get; } = [];
    public List<AgentEntry> Agents { get; } = [];
    public List<VerbEntry> Verbs { get; } = [];
    public Dictionary<string, List<string>> Synsets { get; } = new(StringComparer.Ordinal);
    public List<PhraseWord[]> Nouns { get; } = [];
    public List<PhraseWord[]> Adjectives { get; } = [];

    /// <summary>Every phrase of every kind, indexed by first word, so a token is looked up once.</summary>
    internal PhraseIndex<DictionaryPhrase> Index { get; private set; } = new();

    public int PatternCount => Verbs.Sum(v => v.Patterns.Count);

    /// <summary>Adds a verb pattern, expanding alternatives and synonym sets.</summary>
    public void AddPattern(VerbEntry verb, string text, string code) => AddPattern([verb], text, code);

    /// <summary>Adds a pattern shared by several verbs (a PETRARCH verb group): expanded once, the same
    /// pattern objects in each verb's list.</summary>
    public void AddPattern(IReadOnlyList<VerbEntry> verbs, string text, string code)
    {
        // alternatives count with their own length; a synonym set counts for nothing, so that a
        // pattern naming a word outranks a synset containing it
        var patterns = new List<VerbPattern>();
        foreach (var alternative in PhraseSyntax.Expand(text, NoSynsets))
        {
            var length = PhraseSyntax.Length(SynsetName().Replace(alternative, ""));
            foreach (var expanded in PhraseSyntax.Expand(alternative, Synsets))
            {
                var elements = PhraseSyntax.Elements(expanded);
                if (elements.Count(e => e.Kind == ElementKind.Verb) != 1) continue;
                patterns.Add(new VerbPattern(expanded.Trim(), elements, code, length));
            }
        }

        foreach (var verb in verbs) verb.Patterns.AddRange(patterns);
    }

    /// <summary>Sorts patterns longest first and builds the lookup indexes. Call once after loading.</summary>
    public EventDictionary Seal()
    {
        // verbs of one group hold the same pattern objects: one table for all of them
        var tables = new Dictionary<List<VerbPattern>, PatternTable>(SamePatterns.Instance);
        foreach (var v in Verbs)
        {
            if (!tables.TryGetValue(v.Patterns, out var table)) tables[v.Patterns] = table = new PatternTable(v.Patterns);
            v.Table = table;
        }

        Index = new PhraseIndex<DictionaryPhrase>();
        foreach (var a in Actors) Index.Add(a.Words, new DictionaryPhrase(PhraseKind.Actor, a.Words, a, null, null));
        foreach (var a in Agents) Index.Add(a.Words, new DictionaryPhrase(PhraseKind.Agent, a.Words, null, a, null));
        foreach (var v in Verbs)
            foreach (var f in v.Forms) Index.Add(f, new DictionaryPhrase(PhraseKind.Verb, f, null, null, v));
        foreach (var n in Nouns) Index.Add(n, new DictionaryPhrase(PhraseKind.Noun, n, null, null, null));
        foreach (var n in Adjectives) Index.Add(n, new DictionaryPhrase(PhraseKind.Adjective, n, null, null, null));
        return this;
    }
}

internal enum PhraseKind
{
    Actor,
    Agent,
    Verb,
    Noun,
    Adjective,
}

/// <summary>A dictionary phrase of any kind with what it stands for.</summary>
internal sealed record DictionaryPhrase(PhraseKind Kind, PhraseWord[] Words, ActorEntry? Actor, AgentEntry? Agent, VerbEntry? Verb);

/// <summary>Phrases indexed by their first word so a token finds its candidates by a few lookups.</summary>
internal sealed class PhraseIndex<T>
{
    private readonly Dictionary<string, List<(PhraseWord[] Words, T Value, int Length)>> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(PhraseWord[] Words, T Value, int Length)>> _stems = new(StringComparer.Ordinal);
    private int _maxStem;

    public void Add(PhraseWord[] words, T value)
    {
        if (words.Length == 0 || words[0].Text.Length == 0) return;
        var first = words[0];
        var map = first.Exact ? _exact : _stems;
        var entry = (words, value, words.Sum(w => w.Text.Length));
        if (!map.TryGetValue(first.Text, out var list)) map[first.Text] = list = [];
        list.Add(entry);
        // PEOPLE'S finds PEOPLES_..., PEOPLES finds PEOPLE'S_... (Endings.SamePossessive)
        var other = !first.Exact ? null
            : first.Text.EndsWith("'S", StringComparison.Ordinal) ? first.Text[..^2] + "S"
            : first.Text.Length > 1 && first.Text[^1] == 'S' ? first.Text[..^1] + "'S"
            : null;
        if (other is not null)
        {
            if (!_exact.TryGetValue(other, out var alias)) _exact[other] = alias = [];
            alias.Add(entry);
        }
        if (!first.Exact) _maxStem = Math.Max(_maxStem, first.Text.Length);
    }

    /// <summary>Adds to <paramref name="into"/> the phrases whose first word could match <paramref name="token"/>.</summary>
    public void Collect(string token, List<(PhraseWord[] Words, T Value, int Length)> into)
    {
        var exactLookup = _exact.GetAlternateLookup<ReadOnlySpan<char>>();
        var stemLookup = _stems.GetAlternateLookup<ReadOnlySpan<char>>();
        if (exactLookup.TryGetValue(token.AsSpan(), out var exact)) into.AddRange(exact);
        // exact words with a regular ending: strip up to 4 characters
        for (var cut = 1; cut <= 4 && cut < token.Length; cut++)
            if (exactLookup.TryGetValue(token.AsSpan(0, token.Length - cut), out var more)) into.AddRange(more);
        // final E dropped or Y turned to I: ARRIV(E)ING, CARR(Y)IED
        if (token.Length > 4 && (token.EndsWith("ING", StringComparison.Ordinal) || token.EndsWith("IED", StringComparison.Ordinal) || token.EndsWith("IES", StringComparison.Ordinal)))
        {
            var b = token[..^3];
            if (_exact.TryGetValue(b + "E", out var e1)) into.AddRange(e1);
            if (_exact.TryGetValue(b + "Y", out var e2)) into.AddRange(e2);
        }

        var max = Math.Min(_maxStem, token.Length);
        for (var len = max; len >= 1; len--)
            if (stemLookup.TryGetValue(token.AsSpan(0, len), out var stems)) into.AddRange(stems);
    }
}
