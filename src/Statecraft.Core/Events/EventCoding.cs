using System.Globalization;
using System.Text.RegularExpressions;

namespace Statecraft.Core.Events;

/// <summary>What coding a set of documents produced.</summary>
public sealed record CodingResult(IReadOnlyList<CodedEvent> Events, IReadOnlyList<Figure> Figures, int Sentences, int Discarded, int Complex);

/// <summary>One sentence to code: its document, the document's date, its 0-based place in the document,
/// its text, and the sentence before it in the same document (a pronoun opening it refers there).</summary>
public sealed record SentenceItem(string Doc, DateOnly? DocDate, int Index, string Text, string? Previous);

/// <summary>What one sentence gave.</summary>
public sealed record SentenceResult(IReadOnlyList<CodedEvent> Events, IReadOnlyList<Figure> Figures, bool Discarded, bool Complex);

/// <summary>Codes sentences: events with dates, Goldstein scores and quad classes, and the figures each
/// sentence gives. Sentences are independent, so batches are coded in parallel and handed back in input
/// order: the same result in the same order whatever the thread count, in memory bounded by the batch.</summary>
public static class EventCoding
{
    /// <summary>Sentences coded per parallel batch: enough to keep every core busy, few enough to keep
    /// memory flat on a corpus of any size.</summary>
    public const int BatchSize = 4096;

    /// <summary>The sentences of whole documents, each with the one before it.</summary>
    public static IEnumerable<SentenceItem> Sentences(IEnumerable<Document> documents)
    {
        foreach (var d in documents)
            for (var i = 0; i < d.Sentences.Count; i++)
                yield return new SentenceItem(d.Id, d.Date, i, d.Sentences[i], i > 0 ? d.Sentences[i - 1] : null);
    }

    public static CodingResult Code(Coder coder, IReadOnlyList<Document> documents, CameoScale scale, int maxThreads = 0)
    {
        var results = Stream(coder, Sentences(documents), scale, maxThreads).ToList();
        return new CodingResult(
            [.. results.SelectMany(r => r.Events)],
            [.. results.SelectMany(r => r.Figures)],
            results.Count,
            results.Count(r => r.Discarded),
            results.Count(r => r.Complex));
    }

    /// <summary>Codes a stream of sentences batch by batch on <paramref name="maxThreads"/> threads (0: every
    /// core), yielding each sentence's result in input order.</summary>
    public static IEnumerable<SentenceResult> Stream(Coder coder, IEnumerable<SentenceItem> sentences, CameoScale scale, int maxThreads = 0)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxThreads > 0 ? maxThreads : Environment.ProcessorCount };
        var batch = new List<SentenceItem>(BatchSize);
        foreach (var s in sentences)
        {
            batch.Add(s);
            if (batch.Count < BatchSize) continue;
            foreach (var r in CodeBatch(coder, batch, scale, options)) yield return r;
            batch.Clear();
        }

        foreach (var r in CodeBatch(coder, batch, scale, options)) yield return r;
    }

    private static SentenceResult[] CodeBatch(Coder coder, List<SentenceItem> batch, CameoScale scale, ParallelOptions options)
    {
        var results = new SentenceResult[batch.Count];
        Parallel.For(0, batch.Count, options, w => results[w] = CodeOne(coder, batch[w], scale));
        return results;
    }

    private static SentenceResult CodeOne(Coder coder, SentenceItem s, CameoScale scale)
    {
        var date = DateExpressions.Resolve(s.Text, s.DocDate);
        var dateInt = date is { } dd ? (dd.Year * 10000) + (dd.Month * 100) + dd.Day : 0;
        // a sentence opening with a pronoun continues the one before: "It arrested ..." (read only when needed)
        Func<IReadOnlyList<string>?>? previous = s.Previous is null ? null : () =>
            coder.Actors(s.Previous, dateInt) is { Count: > 0 } actors ? [actors[0].Code] : null;
        var coding = coder.Code(s.Text, dateInt, previous);
        var events = coding.Events.Select(e => new CodedEvent(s.Doc, s.Index + 1, date, e.Source, e.Target, e.Code,
            scale.Goldstein(e.Code), CameoScale.QuadClass(e.Code), s.Text, e.Span)).ToList();
        var figures = Figures.Extract(coding.Actors, s.Doc, s.Index + 1, s.Text);
        return new SentenceResult(events, figures, coding.Discarded, coding.Complex);
    }
}

/// <summary>Numbers with units that a sentence ties to an actor: "over 100,000 troops", "about 3
/// million ethnic Azeris", "50% of Armenia's air defenses". The actor is the one named in the unit
/// phrase, else the nearest one before the number, else the first in the sentence.</summary>
public static partial class Figures
{
    private static readonly HashSet<string> StopWords =
        ["of", "in", "on", "at", "to", "from", "with", "by", "for", "and", "or", "but", "that", "which", "who", "were", "was", "are", "is", "have", "has", "had", "live", "lived", "per", "a", "the"];

    /// <summary>The figures of a sentence, given the actors the coder found in it.</summary>
    public static List<Figure> Extract(IReadOnlyList<(string Code, int Start, int End)> actors, string doc, int sentence, string text)
    {
        var figures = new List<Figure>();
        foreach (Match m in Number().Matches(text))
        {
            var raw = m.Groups["num"].Value.Replace(",", "", StringComparison.Ordinal);
            if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) continue;
            var scale = m.Groups["scale"].Value.ToLowerInvariant();
            value *= scale switch { "thousand" => 1e3, "million" => 1e6, "billion" => 1e9, "trillion" => 1e12, _ => 1 };
            var percent = m.Groups["pct"].Success;
            // the unit: up to four words after the number, stopping at a function word or punctuation
            var rest = text[(m.Index + m.Length)..];
            var words = UnitWords().Match(rest);
            var unitWords = new List<string>();
            var unitEnd = m.Index + m.Length;
            if (words.Success)
            {
                var offset = m.Index + m.Length;
                foreach (Capture c in words.Groups["w"].Captures)
                {
                    var w = c.Value;
                    if (unitWords.Count > 0 && StopWords.Contains(w.ToLowerInvariant()) && !(percent && w == "of" && unitWords.Count == 0)) break;
                    if (unitWords.Count == 0 && StopWords.Contains(w.ToLowerInvariant()) && !(percent && w == "of")) break;
                    unitWords.Add(w);
                    unitEnd = offset + c.Index + c.Length;
                    if (unitWords.Count >= 4 || w.EndsWith("s", StringComparison.Ordinal) && !percent && unitWords.Count >= 1 && char.IsLower(w[0])) break;
                }
            }

            var unit = percent ? "%" + (unitWords.Count > 0 ? " " + string.Join(" ", unitWords) : "") : string.Join(" ", unitWords);
            if (unit.Length == 0) continue;
            // years and bare ordinals are not figures
            if (!percent && scale.Length == 0 && unitWords.Count > 0 && value is >= 1900 and <= 2100 && raw.Length == 4) continue;
            if (!percent && scale.Length == 0 && value < 2 && !m.Groups["qual"].Success) continue;
            var start = m.Index;
            string? actor = actors.FirstOrDefault(a => a.Start >= m.Index && a.End <= unitEnd + 12).Code
                ?? actors.LastOrDefault(a => a.End <= start).Code
                ?? actors.FirstOrDefault().Code;
            figures.Add(new Figure(doc, sentence, actor, value, unit, m.Groups["qual"].Value.Trim().ToLowerInvariant(),
                text[m.Index..unitEnd], text));
        }

        return figures;
    }

    [GeneratedRegex(@"(?<qual>\b(?:over|about|around|nearly|almost|roughly|some|more than|less than|at least|up to|approximately|fewer than)\s+)?(?<![\w.-])(?<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(?<pct>%|percent\b|per cent\b))?(?:\s+(?<scale>thousand|million|billion|trillion)\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex Number();

    [GeneratedRegex(@"^(?:(?:[\s\-]+|,\s+(?=[a-z]))(?<w>[A-Za-z][\w'’\-]*))+")]
    private static partial Regex UnitWords();
}

/// <summary>Monthly dyadic series: for each source, target and month, how many events, their Goldstein
/// sum and the count in each quad class.</summary>
public sealed record DyadMonth(string Source, string Target, string Month, int Events, double Goldstein, int VerbalCooperation, int MaterialCooperation, int VerbalConflict, int MaterialConflict);

/// <summary>Events of one dyad in date order, for a timeline.</summary>
public sealed record DyadTimeline(string Source, string Target, IReadOnlyList<CodedEvent> Events, IReadOnlyList<DyadMonth> Months);

public static class Timelines
{
    /// <summary>Country-level actor: the first three letters of a CAMEO actor code ("RUSGOV" -> "RUS").</summary>
    public static string Country(string code) => code.Length > 3 && !code.StartsWith('~') ? code[..3] : code;

    public static List<DyadMonth> Monthly(IEnumerable<CodedEvent> events, bool byCountry = true)
    {
        return [.. events
            .Where(e => e.Date is not null)
            .GroupBy(e => (S: byCountry ? Country(e.Source) : e.Source, T: byCountry ? Country(e.Target) : e.Target, M: e.Date!.Value.ToString("yyyy-MM", CultureInfo.InvariantCulture)))
            .OrderBy(g => g.Key.S, StringComparer.Ordinal).ThenBy(g => g.Key.T, StringComparer.Ordinal).ThenBy(g => g.Key.M, StringComparer.Ordinal)
            .Select(g => new DyadMonth(g.Key.S, g.Key.T, g.Key.M, g.Count(),
                Math.Round(g.Sum(e => e.Goldstein ?? 0), 6),
                g.Count(e => e.QuadClass == 1), g.Count(e => e.QuadClass == 2), g.Count(e => e.QuadClass == 3), g.Count(e => e.QuadClass == 4)))];
    }

    /// <summary>One timeline per dyad (country level), busiest dyads first; optionally only one dyad.</summary>
    public static List<DyadTimeline> ByDyad(IEnumerable<CodedEvent> events, string? source = null, string? target = null)
    {
        var list = events.ToList();
        var months = Monthly(list);
        return [.. list
            .GroupBy(e => (S: Country(e.Source), T: Country(e.Target)))
            .Where(g => (source is null || g.Key.S == source) && (target is null || g.Key.T == target))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.S, StringComparer.Ordinal).ThenBy(g => g.Key.T, StringComparer.Ordinal)
            .Select(g => new DyadTimeline(g.Key.S, g.Key.T,
                [.. g.OrderBy(e => e.Date ?? DateOnly.MinValue).ThenBy(e => e.Doc, StringComparer.Ordinal).ThenBy(e => e.Sentence)],
                [.. months.Where(m => m.Source == g.Key.S && m.Target == g.Key.T)]))];
    }
}
