namespace Statecraft.Core.Events;

/// <summary>
/// One word of a dictionary phrase. A stem matches any token it begins; an exact word (written with a
/// trailing underscore) matches the token itself or, as the last word of a phrase, its regular endings.
/// <see cref="Adjacent"/> means the word must directly follow the previous element.
/// </summary>
public sealed record PhraseWord(string Text, bool Exact, bool Adjacent, bool NoEndings = false);

/// <summary>What a pattern element stands for.</summary>
public enum ElementKind
{
    Word,
    Verb,
    Source,
    Target,
    Compound,
    Skip,
}

/// <summary>One element of a verb pattern; <see cref="Adjacent"/> ties it to the element before.</summary>
public sealed record PatternElement(ElementKind Kind, PhraseWord? Word, bool Adjacent);

/// <summary>Regular endings TABARI recognises on the last word of a phrase, even when it is exact.</summary>
public static class Endings
{
    public static readonly string[] Noun = ["S", "'S", "ES", "'"];
    public static readonly string[] Verb = ["S", "ED", "ES", "EN", "ING", "D"];

    /// <summary>PEOPLE'S and PEOPLES are one word: the public dictionaries write both (Phoenix has
    /// <c>DEMOCRATIC_PEOPLES_REPUBLIC_OF_KOREA</c> beside <c>PEOPLE'S_REPUBLIC_OF_CHINA</c>), news either.</summary>
    public static bool SamePossessive(string token, string word) =>
        token.Length == word.Length + 1 ? IsPossessiveOf(token, word)
        : word.Length == token.Length + 1 && IsPossessiveOf(word, token);

    private static bool IsPossessiveOf(string withApostrophe, string plain) =>
        withApostrophe.EndsWith("'S", StringComparison.Ordinal) && plain.EndsWith('S')
        && withApostrophe.AsSpan(0, withApostrophe.Length - 2).SequenceEqual(plain.AsSpan(0, plain.Length - 1));

    /// <summary>Whether <paramref name="token"/> is <paramref name="word"/> under the phrase rules.</summary>
    public static bool Matches(PhraseWord word, string token, bool last, string[] endings)
    {
        if (!word.Exact) return token.StartsWith(word.Text, StringComparison.Ordinal);
        if (token == word.Text || SamePossessive(token, word.Text)) return true;
        if (!last || word.NoEndings || token.Length <= word.Text.Length) return false;
        if (token.StartsWith(word.Text, StringComparison.Ordinal))
        {
            var tail = token.AsSpan(word.Text.Length);
            foreach (var e in endings)
                if (tail.SequenceEqual(e)) return true;
            // doubled final consonant: STOP -> STOPPED, PLAN -> PLANNING
            if (tail.Length > 1 && tail[0] == word.Text[^1])
                foreach (var e in endings)
                    if (tail[1..].SequenceEqual(e) && e is "ED" or "ING") return true;
            return false;
        }

        // final E dropped before ING / ED: ARRIVE -> ARRIVING; final Y -> IES / IED
        if (word.Text.Length > 2 && endings == Verb)
        {
            var baseText = word.Text.AsSpan(0, word.Text.Length - 1);
            if (!token.AsSpan().StartsWith(baseText)) return false;
            var tail = token.AsSpan(baseText.Length);
            if (word.Text[^1] == 'E') return tail.SequenceEqual("ING");
            if (word.Text[^1] == 'Y') return tail.SequenceEqual("IES") || tail.SequenceEqual("IED");
        }
        else if (word.Text.Length > 2 && word.Text[^1] == 'Y')
        {
            return token.Length == word.Text.Length + 2
                && token.AsSpan().StartsWith(word.Text.AsSpan(0, word.Text.Length - 1))
                && token.EndsWith("IES", StringComparison.Ordinal);
        }

        return false;
    }
}

/// <summary>
/// Turns TABARI phrase text into words and pattern elements. Underscores join words that must be
/// consecutive and make the word before them exact; a tilde joins without making it exact; hyphens in
/// dictionaries stand for underscores (TABARI turns hyphens in text into blanks).
/// </summary>
public static class PhraseSyntax
{
    /// <summary>Splits phrase text into elements; returns null when a piece is not a legal element.</summary>
    public static List<PatternElement> Elements(string text)
    {
        var elements = new List<PatternElement>();
        var s = text.Replace('-', '_').Trim();
        var i = 0;
        var adjacentNext = false;
        while (i < s.Length)
        {
            if (s[i] is ' ' or '\t')
            {
                i++;
                continue;
            }

            var start = i;
            while (i < s.Length && s[i] is not (' ' or '\t' or '_' or '~')) i++;
            var piece = s[start..i];
            var exact = false;
            var joins = false;
            if (i < s.Length && s[i] is '_' or '~')
            {
                exact = s[i] == '_';
                // "X_Y" joins and makes X exact; "X_ Y" only makes X exact; "X~ Y" joins, X stays a stem
                var tilde = false;
                while (i < s.Length && s[i] is '_' or '~') tilde |= s[i++] == '~';
                joins = tilde || (i < s.Length && s[i] is not (' ' or '\t'));
            }

            if (piece.Length > 0)
            {
                var kind = piece switch
                {
                    "*" => ElementKind.Verb,
                    "$" => ElementKind.Source,
                    "+" => ElementKind.Target,
                    "%" => ElementKind.Compound,
                    "^" => ElementKind.Skip,
                    _ => ElementKind.Word,
                };
                var noEndings = kind == ElementKind.Word && piece.EndsWith('=');
                var word = kind == ElementKind.Word
                    ? new PhraseWord(noEndings ? piece[..^1] : piece, exact || noEndings, adjacentNext, noEndings)
                    : null;
                elements.Add(new PatternElement(kind, word, adjacentNext));
            }

            adjacentNext = joins;
        }

        return elements;
    }

    /// <summary>The words of an actor, agent, noun or verb-root phrase.</summary>
    public static PhraseWord[] Words(string text) =>
        [.. Elements(text).Where(e => e.Kind == ElementKind.Word).Select(e => e.Word!)];

    /// <summary>Counts letters and digits, TABARI's length of a pattern (tokens and blanks excluded).</summary>
    public static int Length(string text)
    {
        var n = 0;
        foreach (var c in text)
            if (char.IsLetterOrDigit(c)) n++;
        return n;
    }

    /// <summary>
    /// Expands <c>{ a | b }</c> alternatives and <c>&amp;SYNSET</c> references into plain phrases.
    /// Connectors around a set carry over to each alternative.
    /// </summary>
    public static List<string> Expand(string text, IReadOnlyDictionary<string, List<string>> synsets, int depth = 0)
    {
        if (depth > 8) return [text];
        var open = text.IndexOf('{');
        if (open >= 0)
        {
            var close = FindClose(text, open);
            if (close > open)
            {
                var inner = text[(open + 1)..close];
                var results = new List<string>();
                foreach (var alt in SplitTop(inner))
                {
                    var joined = Join(text[..open], alt.Trim(), text[(close + 1)..]);
                    results.AddRange(Expand(joined, synsets, depth + 1));
                }

                return results;
            }
        }

        var amp = text.IndexOf('&');
        if (amp >= 0)
        {
            var end = amp + 1;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_')) end++;
            // the longest declared synset name that the text starts with (names may end in "_")
            for (var k = end; k > amp + 1; k--)
            {
                var name = text[amp..k];
                if (synsets.TryGetValue(name, out var members) || (k == end && synsets.TryGetValue(name + "_", out members)))
                {
                    var results = new List<string>();
                    foreach (var member in members)
                        results.AddRange(Expand(Join(text[..amp], member, text[k..]), synsets, depth + 1));
                    return results;
                }
            }
        }

        return [text];
    }

    private static string Join(string before, string middle, string after)
    {
        var s = before + middle + after;
        while (s.Contains("__", StringComparison.Ordinal)) s = s.Replace("__", "_", StringComparison.Ordinal);
        return s;
    }

    private static int FindClose(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '{') depth++;
            else if (text[i] == '}' && --depth == 0) return i;
        }

        return -1;
    }

    private static IEnumerable<string> SplitTop(string inner)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '{') depth++;
            else if (inner[i] == '}') depth--;
            else if (inner[i] == '|' && depth == 0)
            {
                yield return inner[start..i];
                start = i + 1;
            }
        }

        yield return inner[start..];
    }
}
