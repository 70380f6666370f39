namespace Statecraft.Core.Events;

/// <summary>An actor code valid from <see cref="From"/> to <see cref="To"/> (inclusive, yyyymmdd; 0 = open).</summary>
public sealed record DatedCode(string Code, int From = 0, int To = 0)
{
    public bool Covers(int date) => (From == 0 || date >= From) && (To == 0 || date <= To);
}

/// <summary>A named entity phrase with its codes: restricted codes first, the default (if any) last.</summary>
public sealed record ActorEntry(string Phrase, PhraseWord[] Words, IReadOnlyList<DatedCode> Codes)
{
    /// <summary>The code on <paramref name="date"/> (yyyymmdd): the first restriction met, else the
    /// default, else the null code. A code may be compound (<c>GME/GMW</c>).</summary>
    public string CodeOn(int date)
    {
        foreach (var c in Codes)
            if ((c.From != 0 || c.To != 0) && (date == 0 || c.Covers(date))) return c.Code;
        foreach (var c in Codes)
            if (c.From == 0 && c.To == 0) return c.Code;
        return Codes.Count == 1 ? Codes[0].Code : SpecialCodes.Null;
    }
}

/// <summary>A common noun that qualifies an actor: <c>~GOV</c> appends, <c>NGO~</c> prefixes.</summary>
public sealed record AgentEntry(string Phrase, PhraseWord[] Words, string Code);

/// <summary>A verb pattern: its elements (with exactly one <see cref="ElementKind.Verb"/>), code and length.</summary>
public sealed record VerbPattern(string Text, IReadOnlyList<PatternElement> Elements, string Code, int Length, int Order)
{
    public bool DesignatesActors => Elements.Any(e => e.Kind is ElementKind.Source or ElementKind.Target or ElementKind.Compound);
}

/// <summary>A verb root with its forms (each a phrase), its own code and its patterns, longest first.</summary>
public sealed class VerbEntry(string root, string code)
{
    public string Root { get; } = root;
    public string Code { get; set; } = code;
    public List<PhraseWord[]> Forms { get; } = [];
    public List<VerbPattern> Patterns { get; } = [];
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

    internal PhraseIndex<ActorEntry> ActorIndex { get; private set; } = new();
    internal PhraseIndex<AgentEntry> AgentIndex { get; private set; } = new();
    internal PhraseIndex<(VerbEntry Verb, PhraseWord[] Form)> VerbIndex { get; private set; } = new();
    internal PhraseIndex<bool> NounIndex { get; private set; } = new();
    internal PhraseIndex<bool> AdjectiveIndex { get; private set; } = new();

    public int PatternCount => Verbs.Sum(v => v.Patterns.Count);

    /// <summary>Adds a verb pattern, expanding alternatives and synonym sets.</summary>
    public void AddPattern(VerbEntry verb, string text, string code)
    {
        // alternatives count with their own length; a synonym set counts for nothing, so that a
        // pattern naming a word outranks a synset containing it
        foreach (var alternative in PhraseSyntax.Expand(text, NoSynsets))
        {
            var length = PhraseSyntax.Length(SynsetName().Replace(alternative, ""));
            foreach (var expanded in PhraseSyntax.Expand(alternative, Synsets))
            {
                var elements = PhraseSyntax.Elements(expanded);
                if (elements.Count(e => e.Kind == ElementKind.Verb) != 1) continue;
                verb.Patterns.Add(new VerbPattern(expanded.Trim(), elements, code, length, verb.Patterns.Count));
            }
        }
    }

    /// <summary>Sorts patterns longest first and builds the lookup indexes. Call once after loading.</summary>
    public EventDictionary Seal()
    {
        foreach (var v in Verbs)
        {
            var sorted = v.Patterns.OrderByDescending(p => p.Length).ThenBy(p => p.Order).ToList();
            v.Patterns.Clear();
            v.Patterns.AddRange(sorted);
        }

        ActorIndex = new PhraseIndex<ActorEntry>();
        foreach (var a in Actors) ActorIndex.Add(a.Words, a);
        AgentIndex = new PhraseIndex<AgentEntry>();
        foreach (var a in Agents) AgentIndex.Add(a.Words, a);
        VerbIndex = new PhraseIndex<(VerbEntry, PhraseWord[])>();
        foreach (var v in Verbs)
            foreach (var f in v.Forms) VerbIndex.Add(f, (v, f));
        NounIndex = new PhraseIndex<bool>();
        foreach (var n in Nouns) NounIndex.Add(n, true);
        AdjectiveIndex = new PhraseIndex<bool>();
        foreach (var n in Adjectives) AdjectiveIndex.Add(n, true);
        return this;
    }
}

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
        if (!map.TryGetValue(first.Text, out var list)) map[first.Text] = list = [];
        list.Add((words, value, words.Sum(w => w.Text.Length)));
        if (!first.Exact) _maxStem = Math.Max(_maxStem, first.Text.Length);
    }

    /// <summary>Candidates whose first word could match <paramref name="token"/>.</summary>
    public IEnumerable<(PhraseWord[] Words, T Value, int Length)> Candidates(string token)
    {
        if (_exact.TryGetValue(token, out var exact))
            foreach (var c in exact) yield return c;
        // exact words with a regular ending: strip up to 4 characters
        for (var cut = 1; cut <= 4 && cut < token.Length; cut++)
            if (_exact.TryGetValue(token[..^cut], out var more))
                foreach (var c in more) yield return c;
        // final E dropped or Y turned to I: ARRIV(E)ING, CARR(Y)IED
        if (token.Length > 4 && (token.EndsWith("ING", StringComparison.Ordinal) || token.EndsWith("IED", StringComparison.Ordinal) || token.EndsWith("IES", StringComparison.Ordinal)))
        {
            var b = token[..^3];
            if (_exact.TryGetValue(b + "E", out var e1))
                foreach (var c in e1) yield return c;
            if (_exact.TryGetValue(b + "Y", out var e2))
                foreach (var c in e2) yield return c;
        }

        var max = Math.Min(_maxStem, token.Length);
        for (var len = max; len >= 1; len--)
            if (_stems.TryGetValue(token[..len], out var stems))
                foreach (var c in stems) yield return c;
    }
}
