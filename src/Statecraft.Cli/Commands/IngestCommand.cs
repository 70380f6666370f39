using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Statecraft.Cli.Infrastructure;
using Statecraft.Core.Domain;
using Statecraft.Core.Events;
using Statecraft.Io.Events;

namespace Statecraft.Cli.Commands;

/// <summary><c>statecraft ingest FILE...</c>: code political events (CAMEO) and figures from text, or
/// read events already coded (ICEWS, GDELT).</summary>
internal sealed class IngestCommand(IAnsiConsole console) : Command<IngestCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("Text, TABARI records, PETRARCH XML, ICEWS TSV or GDELT 1.0 CSV files")]
        public string[] Files { get; init; } = [];

        [CommandOption("--format <FORMAT>")]
        [Description("text | tabari | petrarch | icews | gdelt (default: guessed from each file)")]
        public string? Format { get; init; }

        [CommandOption("--actors <FILE>")]
        [Description("Actors dictionary (TABARI/Phoenix format); repeatable; replaces the built-in actors")]
        public string[] Actors { get; init; } = [];

        [CommandOption("--agents <FILE>")]
        [Description("Agents dictionary; repeatable; replaces the built-in agents")]
        public string[] Agents { get; init; } = [];

        [CommandOption("--verbs <FILE>")]
        [Description("Verbs dictionary (TABARI or PETRARCH2 CAMEO.2.0 format); repeatable; replaces the built-in verbs")]
        public string[] Verbs { get; init; } = [];

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
        double? Goldstein, int QuadClass, string Text, string Span);

    internal sealed record FigureJson(string Doc, int Sentence, string? Actor, double Value, string Unit, string Qualifier, string Span, string Text);

    internal sealed record StatsJson(int Documents, int Sentences, int Events, int Figures, int Discarded, int Complex);

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        EventInputFormat? format = null;
        if (settings.Format is not null)
        {
            if (Enum.TryParse<EventInputFormat>(settings.Format, true, out var f)) format = f;
            else problems.Add(new Problem("", "--format", $"'{settings.Format}' is not one of text, tabari, petrarch, icews, gdelt"));
        }

        DateOnly? date = null;
        if (settings.Date is not null)
        {
            if (DateOnly.TryParseExact(settings.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) date = d;
            else problems.Add(new Problem("", "--date", $"'{settings.Date}' is not YYYY-MM-DD"));
        }

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
        if (documents.Count > 0)
        {
            var dataDir = BuiltInEvents.FindDataDirectory();
            var coder = BuiltInEvents.LoadCoder(dataDir, settings.Actors, settings.Agents, settings.Verbs, BuiltInEvents.ReadingOptions);
            if (!coder.Success) return Output.ReportProblems(console, coder.Problems);
            var scale = CameoScale.None;
            if (dataDir is not null)
            {
                var loaded = BuiltInEvents.LoadScale(Path.Combine(dataDir, BuiltInEvents.Goldstein));
                if (!loaded.Success) return Output.ReportProblems(console, loaded.Problems);
                scale = loaded.Value;
            }

            result = EventCoding.Code(coder.Value, documents, scale);
        }

        var events = result.Events.Concat(coded).ToList();

        // On standard error, so the JSON or CSV on standard output stays what it says it is.
        var undated = events.Count(e => e.Date is null);
        if (undated > 0 && date is null && documents.Count > 0)
            Console.Error.WriteLine($"note: {undated} of {events.Count} events have no date: their sentences name none and no --date was given (--date YYYY-MM-DD dates plain-text documents)");
        if (settings.Csv)
        {
            var writer = console.Profile.Out.Writer;
            writer.Write(EventFiles.ToCsv(events));
            writer.Flush();
            return ExitCodes.Ok;
        }

        Output.WriteJson(console, ToOutput(events, result, documents.Count + coded.Select(e => e.Doc).Distinct().Count()));
        return ExitCodes.Ok;
    }

    internal static IngestOutput ToOutput(IReadOnlyList<CodedEvent> events, CodingResult result, int documents) => new(
        [.. events.Select(e => new EventJson(e.Doc, e.Sentence, e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.Source, e.Target, e.Code, e.Goldstein, e.QuadClass, e.Text, e.Span))],
        [.. result.Figures.Select(f => new FigureJson(f.Doc, f.Sentence, f.Actor, f.Value, f.Unit, f.Qualifier, f.Span, f.Text))],
        new StatsJson(documents, result.Sentences, events.Count, result.Figures.Count, result.Discarded, result.Complex));
}
