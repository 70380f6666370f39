using System.Globalization;
using System.Text.RegularExpressions;

namespace Statecraft.Core.Events;

/// <summary>A text to code: its id (record id or file name), date if known, and its sentences.</summary>
public sealed record Document(string Id, DateOnly? Date, IReadOnlyList<string> Sentences);

/// <summary>
/// A coded event: who did what to whom and when, with the sentence it came from (as written) and the
/// words the pattern matched. <see cref="Sentence"/> is 1-based within the document. <see cref="Code"/>
/// is a CAMEO code (digits) or a PLOVER event type (letters: <c>ASSAULT</c>), with PLOVER's
/// <see cref="Mode"/> and <see cref="Context"/>, and the CAMEO code it came from in <see cref="Cameo"/>.
/// <see cref="Goldstein"/> is the conflict-cooperation score on -10..+10 of the event's scheme: the
/// Goldstein score for CAMEO, the PLOVER score for PLOVER.
/// </summary>
public sealed record CodedEvent(
    string Doc,
    int Sentence,
    DateOnly? Date,
    string Source,
    string Target,
    string Code,
    double? Goldstein,
    int QuadClass,
    string Text,
    string Span,
    string? Mode = null,
    string? Context = null,
    string? Cameo = null)
{
    /// <summary>Whether the event is in PLOVER (an event type in letters) rather than CAMEO (digits).</summary>
    public bool IsPlover => Code.Length > 0 && char.IsAsciiLetter(Code[0]);
}

/// <summary>A number with its unit that a sentence ties to an actor ("over 100,000 troops").</summary>
public sealed record Figure(string Doc, int Sentence, string? Actor, double Value, string Unit, string Qualifier, string Span, string Text);

/// <summary>CAMEO event codes with names and Goldstein scores; codes not listed fall back to their parent.</summary>
public sealed class CameoScale(IReadOnlyDictionary<string, (string Name, double Goldstein)> codes)
{
    public static readonly CameoScale None = new(new Dictionary<string, (string, double)>());

    public IReadOnlyDictionary<string, (string Name, double Goldstein)> Codes { get; } = codes;

    public double? Goldstein(string code)
    {
        for (var c = code; c.Length >= 2; c = c[..^1])
            if (Codes.TryGetValue(c, out var v)) return v.Goldstein;
        return null;
    }

    public string? Name(string code) => Codes.TryGetValue(code, out var v) ? v.Name : null;

    /// <summary>Quad class from the two-digit root: 1 verbal cooperation (01-05), 2 material cooperation
    /// (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20); 0 when the code is not CAMEO.</summary>
    public static int QuadClass(string code)
    {
        if (code.Length < 2 || !char.IsAsciiDigit(code[0]) || !char.IsAsciiDigit(code[1])) return 0;
        var root = int.Parse(code.AsSpan(0, 2), CultureInfo.InvariantCulture);
        return root switch
        {
            >= 1 and <= 5 => 1,
            >= 6 and <= 8 => 2,
            >= 9 and <= 13 => 3,
            >= 14 and <= 20 => 4,
            _ => 0,
        };
    }

    /// <summary>The two-digit CAMEO root ("19" for 190, 193, 1951).</summary>
    public static string Family(string code) => code.Length >= 2 ? code[..2] : code;
}

/// <summary>Splits running text into sentences: at line breaks and at sentence-final punctuation
/// followed by a capital, not after abbreviations such as "U.S." or "Mr.".</summary>
public static partial class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations =
        ["MR", "MRS", "MS", "DR", "ST", "GEN", "COL", "LT", "SEN", "REP", "GOV", "PRES", "GEN", "CAPT", "SGT", "JAN", "FEB", "AUG", "SEPT", "SEP", "OCT", "NOV", "DEC", "NO", "VS", "ETC", "INC", "CO", "CORP", "JR", "SR"];

    public static List<string> Split(string text)
    {
        var result = new List<string>();
        foreach (var rawLine in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0) continue;
            var start = 0;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (c is not ('.' or '?' or '!')) continue;
                var j = i + 1;
                while (j < line.Length && line[j] is '"' or '\'' or ')' or '\u201D' or '\u2019') j++;
                if (j >= line.Length || !char.IsWhiteSpace(line[j])) continue;
                var k = j;
                while (k < line.Length && char.IsWhiteSpace(line[k])) k++;
                if (k >= line.Length || !(char.IsUpper(line[k]) || line[k] is '"' or '\u201C')) continue;
                if (c == '.' && IsAbbreviation(line, i)) continue;
                result.Add(line[start..j].Trim());
                start = k;
                i = k - 1;
            }

            if (start < line.Length) result.Add(line[start..].Trim());
        }

        return result;
    }

    private static bool IsAbbreviation(string line, int period)
    {
        var s = period - 1;
        while (s >= 0 && (char.IsLetter(line[s]) || line[s] == '.')) s--;
        var word = line[(s + 1)..period];
        if (word.Contains('.')) return true; // U.S., U.N.
        if (word.Length == 1 && char.IsUpper(word[0])) return true; // initials
        return Abbreviations.Contains(word.ToUpperInvariant());
    }
}

/// <summary>Dates written in a sentence ("in December 2024", "on 9 May", "May 9th, 2025", "in 2020"),
/// resolved against the document date; the document date when the sentence names none.</summary>
public static partial class DateExpressions
{
    // [0-9], not \d: .NET's \d matches every script's digits, which int.Parse then refuses.
    private static readonly string[] Months =
        ["JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"];

    public static DateOnly? Resolve(string sentence, DateOnly? documentDate)
    {
        // day month [year]: "9 May", "9th of May 2025"
        var m = DayMonth().Match(sentence);
        if (m.Success && TryMonth(m.Groups["month"].Value, out var mo))
            return Build(m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : null, mo, int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture), documentDate);
        // month day [year]: "May 9th", "May 9, 2025"
        m = MonthDay().Match(sentence);
        if (m.Success && TryMonth(m.Groups["month"].Value, out mo))
            return Build(m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : null, mo, int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture), documentDate);
        // month year: "in December 2024"
        m = MonthYear().Match(sentence);
        if (m.Success && TryMonth(m.Groups["month"].Value, out mo))
            return new DateOnly(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), mo, 1);
        // "in 2020"
        m = InYear().Match(sentence);
        if (m.Success) return new DateOnly(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), 1, 1);
        return documentDate;
    }

    private static DateOnly? Build(int? year, int month, int day, DateOnly? documentDate)
    {
        var y = year ?? documentDate?.Year;
        if (y is null || day < 1 || day > DateTime.DaysInMonth(y.Value, month)) return documentDate;
        var date = new DateOnly(y.Value, month, day);
        // a day named without a year that would lie after the document is last year's
        if (year is null && documentDate is { } d && date > d) date = date.AddYears(-1);
        return date;
    }

    private static bool TryMonth(string name, out int month)
    {
        var upper = name.ToUpperInvariant();
        for (var i = 0; i < Months.Length; i++)
            if (Months[i] == upper || (upper.Length >= 3 && Months[i].StartsWith(upper.TrimEnd('.'), StringComparison.Ordinal) && upper.TrimEnd('.').Length >= 3))
            {
                month = i + 1;
                return true;
            }

        month = 0;
        return false;
    }

    private const string MonthNames = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?";

    [GeneratedRegex(@"\b(?<day>[0-3]?[0-9])(?:st|nd|rd|th)?(?: of)? (?<month>" + MonthNames + @")\b(?:,? (?<year>(?:19|20)[0-9][0-9])\b)?")]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"\b(?<month>" + MonthNames + @") (?<day>[0-3]?[0-9])(?:st|nd|rd|th)?\b(?:,? (?<year>(?:19|20)[0-9][0-9])\b)?")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"\b(?<month>" + MonthNames + @"),? (?<year>(?:19|20)[0-9][0-9])\b")]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"\b(?:[Ii]n|[Dd]uring|[Ss]ince) (?<year>(?:19|20)[0-9][0-9])\b")]
    private static partial Regex InYear();
}
