using System.Globalization;
using System.Text;

namespace Statecraft.Core.Events;

/// <summary>A word of a sentence: upper-cased text and where it sits in the original sentence.</summary>
public sealed record Token(string Text, int Start, int End, bool Capitalized);

/// <summary>
/// TABARI's input filtering: upper case without diacritics, sentence-final periods dropped (periods in
/// abbreviations kept), hyphens, '?' and '!' as blanks, commas in numbers removed, semicolons as commas,
/// commas stand alone, quotes and comments (<c>/* ... */</c>) ignored.
/// </summary>
public static class Tokenizer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        var n = text.Length;
        while (i < n)
        {
            var c = text[i];
            if (c == '/' && i + 1 < n && text[i + 1] == '*')
            {
                var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? n : close + 2;
                continue;
            }

            if (c is ',' or ';')
            {
                tokens.Add(new Token(",", i, i + 1, false));
                i++;
                continue;
            }

            if (IsBreak(c))
            {
                i++;
                continue;
            }

            var start = i;
            var sb = new StringBuilder();
            while (i < n)
            {
                c = text[i];
                if (c == ',' && i > start && char.IsDigit(text[i - 1]) && i + 3 < n + 0 && i + 1 < n && char.IsDigit(text[i + 1]))
                {
                    i++; // 1,500 -> 1500
                    continue;
                }

                if (c is ',' or ';' || IsBreak(c)) break;
                if (c == '/' && i + 1 < n && text[i + 1] == '*') break;
                AppendUpper(sb, c);
                i++;
            }

            var end = i;
            // a period ends the sentence unless the word is an abbreviation such as U.N. or U.S.
            while (sb.Length > 0 && sb[^1] == '.')
            {
                var inner = sb.ToString(0, sb.Length - 1);
                var prev = end - 2 >= start ? text[end - 2] : ' ';
                if (inner.Contains('.') && !char.IsLower(prev)) break;
                if (inner.Length == 1 && char.IsUpper(prev)) break; // initials: "J."
                sb.Length--;
                end--;
            }

            while (sb.Length > 0 && sb[^1] is '\'' or ':') { sb.Length--; end--; }
            while (sb.Length > 0 && sb[0] is '\'' or ':') { sb.Remove(0, 1); start++; }
            if (sb.Length == 0) continue;
            tokens.Add(new Token(sb.ToString(), start, end, char.IsUpper(text[start])));
        }

        return tokens;
    }

    /// <summary>True when the text has no lower-case letters (old wire reports): capitals mean nothing.</summary>
    public static bool IsAllCaps(string text)
    {
        foreach (var c in text)
            if (char.IsLower(c)) return false;
        return true;
    }

    private static bool IsBreak(char c) =>
        char.IsWhiteSpace(c) || c is '-' or '_' or '?' or '!' or '"' or '(' or ')' or '[' or ']' or '\u201C' or '\u201D'
            or '\u2013' or '\u2014' or '`';

    private static void AppendUpper(StringBuilder sb, char c)
    {
        if (c is '\u2019' or '\u2018') { sb.Append('\''); return; }
        if (c < 128) { sb.Append(char.ToUpperInvariant(c)); return; }
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        foreach (var d in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
                sb.Append(char.ToUpperInvariant(d));
    }
}
