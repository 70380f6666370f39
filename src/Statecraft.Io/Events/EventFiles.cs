using System.Globalization;
using System.Text;
using System.Xml;
using Statecraft.Core.Domain;
using Statecraft.Core.Events;

namespace Statecraft.Io.Events;

/// <summary>Input formats <c>statecraft ingest</c> reads.</summary>
public enum EventInputFormat
{
    Text,
    Tabari,
    Petrarch,
    Icews,
    Gdelt,
    Polecat,
}

/// <summary>What an input file gave: documents to code, or events already coded (ICEWS, GDELT, POLECAT).</summary>
public sealed record EventInput(IReadOnlyList<Document> Documents, IReadOnlyList<CodedEvent> Coded);

/// <summary>Readers for texts and coded-event files, and the CSV writer.</summary>
public static class EventFiles
{
    /// <summary>Guesses the format from the extension and first line when none is given.</summary>
    public static EventInputFormat Guess(string path, string[] lines)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext == ".xml") return EventInputFormat.Petrarch;
        var first = lines.FirstOrDefault(l => l.Trim().Length > 0) ?? "";
        if (first.StartsWith("Event ID\tEvent Date\tEvent Type\t", StringComparison.Ordinal)) return EventInputFormat.Polecat;
        if (first.StartsWith("Event ID\t", StringComparison.Ordinal)) return EventInputFormat.Icews;
        if (first.StartsWith("\"GLOBALEVENTID\"", StringComparison.Ordinal) || first.StartsWith("GLOBALEVENTID", StringComparison.Ordinal)) return EventInputFormat.Gdelt;
        if (lines.Any(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d{6}\s+\S+\s*$"))) return EventInputFormat.Tabari;
        return EventInputFormat.Text;
    }

    /// <summary>Guesses a file's format from its extension and first lines (read as a stream: the file may be
    /// a corpus of any size); text when it cannot be read (the text reader then says why).</summary>
    public static EventInputFormat Guess(string path)
    {
        try
        {
            return Guess(path, [.. File.ReadLines(path).Take(GuessLines)]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or System.Security.SecurityException)
        {
            return EventInputFormat.Text;
        }
    }

    /// <summary>How many leading lines the guess reads: a TABARI record header must come among them.</summary>
    public const int GuessLines = 1000;

    public static ParseResult<EventInput> Read(string path, EventInputFormat? format, DateOnly? date)
    {
        var read = DictionaryReader.ReadLines(path);
        if (!read.Success) return ParseResult<EventInput>.ForProblems(read.Problems);
        var lines = read.Value;
        var f = format ?? Guess(path, lines);
        return f switch
        {
            EventInputFormat.Text => ParseResult<EventInput>.ForValue(new EventInput([ReadText(path, lines, date)], [])),
            EventInputFormat.Tabari => ReadTabari(path),
            EventInputFormat.Petrarch => ReadPetrarch(path),
            EventInputFormat.Icews => ReadIcews(path, lines),
            EventInputFormat.Polecat => ReadPolecat(path, lines),
            _ => ReadGdelt(path, lines),
        };
    }

    /// <summary>Plain text: one sentence a line, or paragraphs split into sentences. Document id is the file name.</summary>
    public static Document ReadText(string path, string[] lines, DateOnly? date) =>
        new(Path.GetFileName(path), date, SentenceSplitter.Split(string.Join("\n", lines)));

    private static ParseResult<EventInput> ReadTabari(string path)
    {
        var records = TabariFiles.ReadRecords(path);
        if (!records.Success) return ParseResult<EventInput>.ForProblems(records.Problems);
        var docs = records.Value.Where(r => !r.IsOptionChange)
            .Select(r => new Document(r.Id, ToDate(r.Date), [r.Text])).ToList();
        return ParseResult<EventInput>.ForValue(new EventInput(docs, []));
    }

    /// <summary>PETRARCH XML: each <c>&lt;Sentence date= id=&gt;</c> gives its <c>&lt;Text&gt;</c>; parses are ignored.</summary>
    private static ParseResult<EventInput> ReadPetrarch(string path)
    {
        var docs = new List<Document>();
        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true });
            string? id = null;
            DateOnly? date = null;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (reader.Name == "Sentence")
                {
                    id = reader.GetAttribute("id");
                    var d = reader.GetAttribute("date");
                    date = d is not null && DictionaryReader.TryDate(d.Trim(), out var di) ? ToDate(di) : null;
                }
                else if (reader.Name == "Text")
                {
                    var text = System.Text.RegularExpressions.Regex.Replace(reader.ReadElementContentAsString(), @"\s+", " ").Trim();
                    docs.Add(new Document(id ?? $"{Path.GetFileName(path)}#{docs.Count + 1}", date, [text]));
                }
            }
        }
        catch (XmlException e)
        {
            return ParseResult<EventInput>.ForProblem(new Problem("", "xml", e.Message, new SourceLocation(path, e.LineNumber, e.LinePosition)));
        }

        if (docs.Count == 0)
            return ParseResult<EventInput>.ForProblem(new Problem("", "<Text>", "no <Sentence><Text> elements", new SourceLocation(path)));
        return ParseResult<EventInput>.ForValue(new EventInput(docs, []));
    }

    /// <summary>ICEWS TSV: source and target country names, CAMEO code, intensity (Goldstein), story id.</summary>
    private static ParseResult<EventInput> ReadIcews(string path, string[] lines)
    {
        var header = lines[0].Split('\t');
        int Col(string name) => Array.IndexOf(header, name);
        int date = Col("Event Date"), src = Col("Source Country"), srcName = Col("Source Name"), tgt = Col("Target Country"), tgtName = Col("Target Name"),
            code = Col("CAMEO Code"), intensity = Col("Intensity"), story = Col("Story ID"), sent = Col("Sentence Number"), text = Col("Event Text");
        var problems = new List<Problem>();
        if (new[] { date, src, tgt, code }.Any(c => c < 0))
            return ParseResult<EventInput>.ForProblem(new Problem("", "header", "expected ICEWS columns Event Date, Source Country, Target Country, CAMEO Code", new SourceLocation(path, 1)));
        var events = new List<CodedEvent>();
        for (var n = 1; n < lines.Length; n++)
        {
            if (lines[n].Trim().Length == 0) continue;
            var f = lines[n].Split('\t');
            if (f.Length < header.Length)
            {
                problems.Add(new Problem("", "row", $"{f.Length} fields, expected {header.Length}", new SourceLocation(path, n + 1)));
                continue;
            }

            if (!DateOnly.TryParseExact(f[date], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                problems.Add(new Problem("", "Event Date", $"'{f[date]}' is not yyyy-mm-dd", new SourceLocation(path, n + 1)));
                continue;
            }

            var c = f[code].Trim();
            double? g = null;
            if (intensity >= 0 && !TryGoldstein(f[intensity], out g))
            {
                problems.Add(new Problem("", "Intensity", $"{GoldsteinExpected}, found '{f[intensity]}'", new SourceLocation(path, n + 1)));
                continue;
            }

            // Optional columns may be absent from the header: a name is then the country alone.
            events.Add(new CodedEvent(story >= 0 ? f[story] : Path.GetFileName(path), sent >= 0 && int.TryParse(f[sent], NumberStyles.None, CultureInfo.InvariantCulture, out var sn) ? sn : 0, d,
                Blank(f[src]) ?? (srcName >= 0 ? f[srcName] : ""), Blank(f[tgt]) ?? (tgtName >= 0 ? f[tgtName] : ""), c, g, CameoScale.QuadClass(c), text >= 0 ? f[text] : "", ""));
        }

        return problems.Count > 0 ? ParseResult<EventInput>.ForProblems(problems) : ParseResult<EventInput>.ForValue(new EventInput([], events));
    }

    /// <summary>GDELT 1.0 CSV (with header): actor codes, event code, Goldstein, quad class, date, source URL.</summary>
    private static ParseResult<EventInput> ReadGdelt(string path, string[] lines)
    {
        var header = SplitCsv(lines[0]).ToArray();
        int Col(string name) => Array.IndexOf(header, name);
        int id = Col("GLOBALEVENTID"), date = Col("SQLDATE"), a1 = Col("Actor1Code"), a2 = Col("Actor2Code"), code = Col("EventCode"),
            g = Col("GoldsteinScale"), quad = Col("QuadClass"), url = Col("SOURCEURL");
        if (new[] { id, date, a1, a2, code }.Any(c => c < 0))
            return ParseResult<EventInput>.ForProblem(new Problem("", "header", "expected GDELT 1.0 columns GLOBALEVENTID, SQLDATE, Actor1Code, Actor2Code, EventCode", new SourceLocation(path, 1)));
        // A row may omit the last column (as GDELT's exports do), never one of the five it is read for.
        var least = Math.Max(header.Length - 1, new[] { id, date, a1, a2, code }.Max() + 1);
        var events = new List<CodedEvent>();
        var problems = new List<Problem>();
        for (var n = 1; n < lines.Length; n++)
        {
            if (lines[n].Trim().Length == 0) continue;
            var f = SplitCsv(lines[n]).ToArray();
            if (f.Length < least)
            {
                problems.Add(new Problem("", "row", $"{f.Length} fields, expected {header.Length}", new SourceLocation(path, n + 1)));
                continue;
            }

            if (!DictionaryReader.TryDate(f[date], out var di))
            {
                problems.Add(new Problem("", "SQLDATE", $"'{f[date]}' is not yyyymmdd", new SourceLocation(path, n + 1)));
                continue;
            }

            var c = f[code];
            double? gs = null;
            if (g >= 0 && g < f.Length && !TryGoldstein(f[g], out gs))
            {
                problems.Add(new Problem("", "GoldsteinScale", $"{GoldsteinExpected}, found '{f[g]}'", new SourceLocation(path, n + 1)));
                continue;
            }

            var q = CameoScale.QuadClass(c);
            if (quad >= 0 && quad < f.Length && f[quad].Trim().Length > 0 && !TryQuadClass(f[quad], out q))
            {
                problems.Add(new Problem("", "QuadClass", $"{QuadClassExpected}, found '{f[quad]}'", new SourceLocation(path, n + 1)));
                continue;
            }

            events.Add(new CodedEvent(f[id], 0, ToDate(di), Blank(f[a1]) ?? "---", Blank(f[a2]) ?? "---", c, gs, q, "",
                url >= 0 && url < f.Length ? f[url] : ""));
        }

        return problems.Count > 0 ? ParseResult<EventInput>.ForProblems(problems) : ParseResult<EventInput>.ForValue(new EventInput([], events));
    }

    /// <summary>
    /// POLECAT (PLOVER-coded events, Harvard Dataverse doi:10.7910/DVN/AJGVIT): tab-separated with a header
    /// naming its columns (<c>Event ID, Event Date, Event Type, Event Mode, Intensity, Quad Code, Contexts,
    /// Actor Name, Actor Country, ..., Recipient Name, Recipient Country, ...</c>). The actor is its country
    /// (ISO 3166 alpha-3 as CAMEO codes countries) or, without one, its name; the event keeps its PLOVER type,
    /// mode, contexts and intensity.
    /// </summary>
    private static ParseResult<EventInput> ReadPolecat(string path, string[] lines)
    {
        var header = lines[0].Split('\t');
        int Col(string name) => Array.IndexOf(header, name);
        int id = Col("Event ID"), date = Col("Event Date"), type = Col("Event Type"), mode = Col("Event Mode"), intensity = Col("Intensity"),
            quad = Col("Quad Code"), contexts = Col("Contexts"), actor = Col("Actor Name"), actorCountry = Col("Actor Country"),
            recipient = Col("Recipient Name"), recipientCountry = Col("Recipient Country");
        if (new[] { id, date, type, actor, recipient }.Any(c => c < 0))
            return ParseResult<EventInput>.ForProblem(new Problem("", "header", "expected POLECAT columns Event ID, Event Date, Event Type, Actor Name, Recipient Name", new SourceLocation(path, 1)));
        var events = new List<CodedEvent>();
        var problems = new List<Problem>();
        for (var n = 1; n < lines.Length; n++)
        {
            if (lines[n].Trim().Length == 0) continue;
            var f = lines[n].Split('\t');
            var at = new SourceLocation(path, n + 1);
            if (f.Length != header.Length)
            {
                problems.Add(new Problem("", "row", $"{f.Length} fields, expected {header.Length}", at));
                continue;
            }

            if (!DateOnly.TryParseExact(f[date], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                problems.Add(new Problem("", "Event Date", $"'{f[date]}' is not yyyy-mm-dd", at));
                continue;
            }

            var t = f[type].Trim().ToUpperInvariant();
            if (t.Length == 0 || !t.All(char.IsAsciiLetterUpper))
            {
                problems.Add(new Problem("", "Event Type", $"'{f[type]}' is not a PLOVER event type (AGREE ... ASSAULT)", at));
                continue;
            }

            double? score = null;
            if (intensity >= 0 && Blank(f[intensity]) is { } text)
            {
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                {
                    problems.Add(new Problem("", "Intensity", $"'{text}' is not a finite number", at));
                    continue;
                }

                score = v;
            }

            string Who(int country, int name) => (country >= 0 ? Blank(f[country].Trim()) : null) ?? Blank(f[name].Trim()) ?? SpecialCodes.Null;
            events.Add(new CodedEvent(f[id], 0, d, Who(actorCountry, actor), Who(recipientCountry, recipient), t, score,
                quad >= 0 ? PloverQuad(f[quad]) : 0, "", "",
                mode >= 0 ? Blank(f[mode].Trim().ToLowerInvariant()) : null, contexts >= 0 ? Blank(f[contexts].Trim()) : null));
        }

        return problems.Count > 0 ? ParseResult<EventInput>.ForProblems(problems) : ParseResult<EventInput>.ForValue(new EventInput([], events));
    }

    /// <summary>POLECAT's quad code as a number 1-4, or its name ("MATERIAL CONFLICT"); 0 when neither.</summary>
    private static int PloverQuad(string s) => s.Trim().ToUpperInvariant().Replace('_', ' ') switch
    {
        "1" or "VERBAL COOPERATION" => 1,
        "2" or "MATERIAL COOPERATION" => 2,
        "3" or "VERBAL CONFLICT" => 3,
        "4" or "MATERIAL CONFLICT" => 4,
        _ => 0,
    };

    private static string? Blank(string s) => s.Length == 0 || s is "NA" or "None" ? null : s;

    /// <summary>A yyyymmdd from <see cref="DictionaryReader.TryDate"/> (a real calendar day) as a date; 0 is none.</summary>
    internal static DateOnly? ToDate(int yyyymmdd) =>
        yyyymmdd == 0 ? null : new DateOnly(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);

    /// <summary>A Goldstein score from a file: blank is none; anything else must be a number in [-10, 10].</summary>
    private static bool TryGoldstein(string text, out double? value)
    {
        value = null;
        if (text.Trim().Length == 0) return true;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v is < -10 or > 10) return false;
        value = v;
        return true;
    }

    /// <summary>A CAMEO quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.</summary>
    private static bool TryQuadClass(string text, out int value) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value is >= 1 and <= 4;

    private const string QuadClassExpected = "expected a quad class 1 to 4";

    private const string GoldsteinExpected = "expected a Goldstein score, a number in [-10, 10], or nothing";

    /// <summary>Splits one CSV line (RFC 4180 quoting, no embedded newlines).</summary>
    public static IEnumerable<string> SplitCsv(string line)
    {
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { yield return sb.ToString(); sb.Clear(); }
            else sb.Append(c);
        }

        yield return sb.ToString();
    }

    /// <summary>The CSV columns of CAMEO events, in order; documented in docs/events.md.</summary>
    public static readonly string[] CsvColumns = ["doc", "sentence", "date", "source", "target", "code", "goldstein", "quad_class", "span", "text"];

    /// <summary>The CSV columns of PLOVER events (<c>ingest --scheme plover --csv</c>), in order.</summary>
    public static readonly string[] PloverCsvColumns = ["doc", "sentence", "date", "actor", "recipient", "event_type", "mode", "context", "intensity", "quad_class", "cameo", "span", "text"];

    /// <summary>One row per event; <paramref name="plover"/> writes the PLOVER columns.</summary>
    public static string ToCsv(IEnumerable<CodedEvent> events, bool plover = false)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(",", plover ? PloverCsvColumns : CsvColumns)).Append('\n');
        foreach (var e in events)
        {
            sb.Append(Quote(e.Doc)).Append(',')
                .Append(e.Sentence.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "").Append(',')
                .Append(Quote(e.Source)).Append(',').Append(Quote(e.Target)).Append(',').Append(Quote(e.Code)).Append(',');
            if (plover) sb.Append(Quote(e.Mode ?? "")).Append(',').Append(Quote(e.Context ?? "")).Append(',');
            sb.Append(e.Goldstein?.ToString("R", CultureInfo.InvariantCulture) ?? "").Append(',')
                .Append(e.QuadClass.ToString(CultureInfo.InvariantCulture)).Append(',');
            if (plover) sb.Append(Quote(e.Cameo ?? "")).Append(',');
            sb.Append(Quote(e.Span)).Append(',').Append(Quote(e.Text)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>True when <paramref name="path"/> is a readable event CSV (its first line is the CAMEO or PLOVER header).</summary>
    public static bool IsEventCsv(string path)
    {
        try
        {
            var first = File.Exists(path) ? File.ReadLines(path).FirstOrDefault()?.Trim() : null;
            return first == string.Join(",", CsvColumns) || first == string.Join(",", PloverCsvColumns);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // the reader that follows reports it, with the file name
        }
    }

    /// <summary>Reads an event CSV written by <see cref="ToCsv"/>, CAMEO or PLOVER (for <c>timeline</c>, <c>watch</c>).</summary>
    public static ParseResult<IReadOnlyList<CodedEvent>> ReadCsv(string path)
    {
        var read = DictionaryReader.ReadLines(path);
        if (!read.Success) return ParseResult<IReadOnlyList<CodedEvent>>.ForProblems(read.Problems);
        var lines = read.Value;
        var plover = lines[0].Trim() == string.Join(",", PloverCsvColumns);
        if (!plover && lines[0].Trim() != string.Join(",", CsvColumns))
            return ParseResult<IReadOnlyList<CodedEvent>>.ForProblem(new Problem("", "header",
                $"expected {string.Join(",", CsvColumns)} or {string.Join(",", PloverCsvColumns)}", new SourceLocation(path, 1)));
        var columns = plover ? PloverCsvColumns : CsvColumns;
        int Col(string name) => Array.IndexOf(columns, name);
        var events = new List<CodedEvent>();
        var problems = new List<Problem>();
        for (var n = 1; n < lines.Length; n++)
        {
            if (lines[n].Length == 0) continue;
            var f = SplitCsv(lines[n]).ToArray();
            var at = new SourceLocation(path, n + 1);
            if (f.Length != columns.Length)
            {
                problems.Add(new Problem("", "row", $"{f.Length} fields, expected {columns.Length}", at));
                continue;
            }

            var sentence = f[1];
            var dateText = f[2];
            var scoreText = f[Col(plover ? "intensity" : "goldstein")];
            var quadText = f[Col("quad_class")];
            DateOnly? d = null;
            if (dateText.Length > 0)
            {
                if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dv)) d = dv;
                else problems.Add(new Problem("", "date", $"'{dateText}' is not yyyy-mm-dd", at));
            }

            double? g = null;
            if (!plover)
            {
                if (!TryGoldstein(scoreText, out g)) problems.Add(new Problem("", "goldstein", $"{GoldsteinExpected}, found '{scoreText}'", at));
            }
            else if (scoreText.Length > 0)
            {
                if (double.TryParse(scoreText, NumberStyles.Float, CultureInfo.InvariantCulture, out var gv) && double.IsFinite(gv)) g = gv;
                else problems.Add(new Problem("", "intensity", $"'{scoreText}' is not a finite number", at));
            }

            if (!int.TryParse(sentence, NumberStyles.None, CultureInfo.InvariantCulture, out var sn))
                problems.Add(new Problem("", "sentence", $"expected a whole number >= 0, found '{sentence}'", at));
            // 0 is what ingest writes for an event without a CAMEO class (every PLOVER event).
            var q = 0;
            if (quadText != "0" && !TryQuadClass(quadText, out q)) problems.Add(new Problem("", "quad_class", $"{QuadClassExpected} (or 0 for none), found '{quadText}'", at));
            if (problems.Count > 0) continue;
            string? Opt(string name) => f[Col(name)].Length == 0 ? null : f[Col(name)];
            events.Add(new CodedEvent(f[0], sn, d, f[3], f[4], f[5], g, q, f[Col("text")], f[Col("span")],
                plover ? Opt("mode") : null, plover ? Opt("context") : null, plover ? Opt("cameo") : null));
        }

        return problems.Count > 0 ? ParseResult<IReadOnlyList<CodedEvent>>.ForProblems(problems) : ParseResult<IReadOnlyList<CodedEvent>>.ForValue(events);
    }
}
