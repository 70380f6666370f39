using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Statecraft.Cli.Infrastructure;
using Statecraft.Core.Domain;
using Statecraft.Core.Events;
using Statecraft.Io.Events;

namespace Statecraft.Cli.Commands;

/// <summary><c>statecraft ingest FILE...</c>: code political events (CAMEO, or PLOVER through the published
/// CAMEO-to-PLOVER table) and figures from text, or read events already coded (ICEWS, GDELT, POLECAT).</summary>
internal sealed class IngestCommand(IAnsiConsole console, Diagnostics diagnostics) : Command<IngestCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("Text, TABARI records, PETRARCH XML, ICEWS TSV, GDELT 1.0 CSV or POLECAT TSV files")]
        public string[] Files { get; init; } = [];

        [CommandOption("--format <FORMAT>")]
        [Description("text | tabari | petrarch | icews | gdelt | polecat (default: guessed from each file)")]
        public string? Format { get; init; }

        [CommandOption("--scheme <SCHEME>")]
        [Description("cameo (default) | plover: PLOVER event types, modes and contexts through the published CAMEO-to-PLOVER table")]
        public string? Scheme { get; init; }

        [CommandOption("--actors <FILE>")]
        [Description("Actors dictionary (TABARI/Phoenix format); repeatable; replaces the built-in actors")]
        public string[] Actors { get; init; } = [];

        [CommandOption("--agents <FILE>")]
        [Description("Agents dictionary; repeatable; replaces the built-in agents")]
        public string[] Agents { get; init; } = [];

        [CommandOption("--verbs <FILE>")]
        [Description("Verbs dictionary (TABARI or PETRARCH2 CAMEO.2.0 format); repeatable; replaces the built-in verbs")]
        public string[] Verbs { get; init; } = [];

        [CommandOption("--strict")]
        [Description("Refuse dictionaries with malformed entries (file, line, reason) instead of skipping them")]
        public bool Strict { get; init; }

        [CommandOption("--dictionary-report")]
        [Description("List every dictionary entry skipped, with file, line and reason (on standard error)")]
        public bool DictionaryReport { get; init; }

        [CommandOption("--date <DATE>")]
        [Description("Date of plain-text documents (YYYY-MM-DD), used to resolve \"on 9 May\"")]
        public string? Date { get; init; }

        [CommandOption("--json")]
        [Description("Write JSON (the default)")]
        public bool Json { get; init; }

        [CommandOption("--csv")]
        [Description("Write the events as CSV (columns in docs/events.md)")]
        public bool Csv { get; init; }
    }

    /// <summary>The JSON contract of <c>statecraft ingest</c>.</summary>
    internal sealed record IngestOutput(IReadOnlyList<EventJson> Events, IReadOnlyList<FigureJson> Figures, StatsJson Stats);

    internal sealed record EventJson(string Doc, int Sentence, string? Date, string Source, string Target, string Code,
        double? Goldstein, int QuadClass, string Text, string Span, string? Mode = null, string? Context = null, double? Intensity = null, string? Cameo = null)
    {
        /// <summary>A CAMEO event with its Goldstein score, a PLOVER one with its mode, context, PLOVER
        /// intensity and the CAMEO code it came from.</summary>
        public static EventJson Of(CodedEvent e) => new(e.Doc, e.Sentence, e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            e.Source, e.Target, e.Code, e.IsPlover ? null : e.Goldstein, e.QuadClass, e.Text, e.Span,
            e.Mode, e.Context, e.IsPlover ? e.Goldstein : null, e.Cameo);
    }

    internal sealed record FigureJson(string Doc, int Sentence, string? Actor, double Value, string Unit, string Qualifier, string Span, string Text);

    internal sealed record StatsJson(int Documents, int Sentences, int Events, int Figures, int Discarded, int Complex,
        IReadOnlyList<DictionaryJson>? Dictionaries = null, string Scheme = "cameo", int? NotInPlover = null);

    /// <summary>A dictionary file read: its lines and how many entries were skipped.</summary>
    internal sealed record DictionaryJson(string File, int Lines, int Skipped);

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        EventInputFormat? format = null;
        if (settings.Format is not null)
        {
            if (Enum.TryParse<EventInputFormat>(settings.Format, true, out var f)) format = f;
            else problems.Add(new Problem("", "--format", $"'{settings.Format}' is not one of text, tabari, petrarch, icews, gdelt, polecat"));
        }

        var plover = settings.Scheme?.ToLowerInvariant() switch
        {
            null or "cameo" => false,
            "plover" => true,
            _ => (bool?)null,
        };
        if (plover is null) problems.Add(new Problem("", "--scheme", $"'{settings.Scheme}' is not one of cameo, plover"));

        var date = OptionValues.Date(settings.Date, "--date", problems);

        if (settings.Json && settings.Csv) problems.Add(new Problem("", "--csv", "choose one of --json and --csv"));
        if (settings.Files.Length == 0) problems.Add(new Problem("", "FILE", "no input file"));
        if (problems.Count > 0) return Output.ReportProblems(console, problems);

        var documents = new List<Document>();
        var coded = new List<CodedEvent>();
        foreach (var file in settings.Files)
        {
            var input = EventFiles.Read(file, format, date);
            if (!input.Success) { problems.AddRange(input.Problems); continue; }
            documents.AddRange(input.Value.Documents);
            coded.AddRange(input.Value.Coded);
        }

        if (problems.Count > 0) return Output.ReportProblems(console, problems);

        var result = new CodingResult([], [], 0, 0, 0);
        IReadOnlyList<DictionaryFileReport> dictionaries = [];
        if (documents.Count > 0)
        {
            var dataDir = BuiltInEvents.FindDataDirectory();
            var coder = BuiltInEvents.LoadCoder(dataDir, settings.Actors, settings.Agents, settings.Verbs, BuiltInEvents.ReadingOptions, settings.Strict);
            if (!coder.Success) return Output.ReportProblems(console, coder.Problems);
            dictionaries = coder.Value.Files;
            ReportDictionaries(dictionaries, settings.DictionaryReport);
            var scale = CameoScale.None;
            if (dataDir is not null)
            {
                var loaded = BuiltInEvents.LoadScale(Path.Combine(dataDir, BuiltInEvents.Goldstein));
                if (!loaded.Success) return Output.ReportProblems(console, loaded.Problems);
                scale = loaded.Value;
            }

            result = EventCoding.Code(coder.Value.Coder, documents, scale);
        }

        var events = result.Events.Concat(coded).ToList();
        int? notInPlover = null;
        if (plover == true)
        {
            var scheme = PloverFiles.Load(BuiltInEvents.FindDataDirectory() ?? "");
            if (!scheme.Success) return Output.ReportProblems(console, scheme.Problems);
            var converted = events.Select(scheme.Value.Convert).ToList();
            notInPlover = converted.Count(e => e is null);
            events = [.. converted.OfType<CodedEvent>()];
            if (notInPlover > 0)
                diagnostics.WriteLine($"note: {notInPlover} CAMEO events are statements or appeals (01, 02), which PLOVER dropped; they are not in the output");
        }
        else if (events.FirstOrDefault(e => e.IsPlover) is { } ploverEvent)
        {
            return Output.ReportProblems(console, [new Problem(ploverEvent.Doc, "--scheme",
                $"the input holds PLOVER-coded events ({ploverEvent.Code}), which have no CAMEO code; add --scheme plover")]);
        }

        // On standard error, so the JSON or CSV on standard output stays what it says it is.
        var undated = events.Count(e => e.Date is null);
        if (undated > 0 && date is null && documents.Count > 0)
            diagnostics.WriteLine($"note: {undated} of {events.Count} events have no date: their sentences name none and no --date was given (--date YYYY-MM-DD dates plain-text documents)");
        if (settings.Csv)
        {
            var writer = console.Profile.Out.Writer;
            writer.Write(EventFiles.ToCsv(events, plover == true));
            writer.Flush();
            return ExitCodes.Ok;
        }

        Output.WriteJson(console, ToOutput(events, result, documents.Count + coded.Select(e => e.Doc).Distinct().Count(), dictionaries) is var output && plover == true
            ? output with { Stats = output.Stats with { Scheme = "plover", NotInPlover = notInPlover } }
            : output);
        return ExitCodes.Ok;
    }

    /// <summary>One summary line per dictionary file on standard error; with <paramref name="list"/>, every
    /// skipped entry as <c>file:line: subject: field: reason</c>.</summary>
    private void ReportDictionaries(IReadOnlyList<DictionaryFileReport> files, bool list)
    {
        foreach (var f in files)
        {
            diagnostics.WriteLine(f.Summary());
            if (list)
                foreach (var p in f.Skipped) diagnostics.WriteLine("  " + p);
        }
    }

    internal static IngestOutput ToOutput(IReadOnlyList<CodedEvent> events, CodingResult result, int documents, IReadOnlyList<DictionaryFileReport> dictionaries) => new(
        [.. events.Select(EventJson.Of)],
        [.. result.Figures.Select(f => new FigureJson(f.Doc, f.Sentence, f.Actor, f.Value, f.Unit, f.Qualifier, f.Span, f.Text))],
        new StatsJson(documents, result.Sentences, events.Count, result.Figures.Count, result.Discarded, result.Complex,
            dictionaries.Count == 0 ? null : [.. dictionaries.Select(d => new DictionaryJson(Path.GetFileName(d.Path), d.Lines, d.Skipped.Count))]));
}
