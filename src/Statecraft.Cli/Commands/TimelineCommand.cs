using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Statecraft.Cli.Infrastructure;
using Statecraft.Core.Domain;
using Statecraft.Core.Events;
using Statecraft.Io.Events;

namespace Statecraft.Cli.Commands;

/// <summary><c>statecraft timeline FILE...</c>: monthly dyadic series (counts, Goldstein sums, quad classes)
/// and a timeline per dyad, each event linked to its sentence.</summary>
internal sealed class TimelineCommand(IAnsiConsole console) : Command<TimelineCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("Event CSV from 'ingest --csv', or any input 'ingest' reads (texts are coded first)")]
        public string[] Files { get; init; } = [];

        [CommandOption("--source <CODE>")]
        [Description("Only this source country code (e.g. RUS)")]
        public string? Source { get; init; }

        [CommandOption("--target <CODE>")]
        [Description("Only this target country code (e.g. AZE)")]
        public string? Target { get; init; }

        [CommandOption("--date <DATE>")]
        [Description("Date of plain-text documents (YYYY-MM-DD)")]
        public string? Date { get; init; }

        [CommandOption("--json")]
        [Description("Write the timelines as JSON")]
        public bool Json { get; init; }
    }

    internal sealed record TimelineOutput(IReadOnlyList<DyadTimeline> Dyads);

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var date = OptionValues.Date(settings.Date, "--date", problems);

        if (settings.Files.Length == 0) problems.Add(new Problem("", "FILE", "no input file"));
        if (problems.Count > 0) return Output.ReportProblems(console, problems);

        // Event CSVs are read as they are; any other input is coded with the built-in dictionaries.
        var events = TimelineTrends.Load(settings.Files, date);
        if (!events.Success) return Output.ReportProblems(console, events.Problems);

        var dyads = Timelines.ByDyad(events.Value, settings.Source, settings.Target);
        if (settings.Json)
        {
            Output.WriteJson(console, new TimelineOutput(dyads));
            return ExitCodes.Ok;
        }

        foreach (var dyad in dyads)
        {
            console.MarkupLine($"[bold]{Markup.Escape(dyad.Source)} -> {Markup.Escape(dyad.Target)}[/] ({dyad.Events.Count} events)");
            var table = new Table().AddColumns("month", "events", "goldstein", "verbal coop", "material coop", "verbal conflict", "material conflict");
            foreach (var m in dyad.Months)
                table.AddRow(m.Month, m.Events.ToString(CultureInfo.InvariantCulture), m.Goldstein.ToString("0.0", CultureInfo.InvariantCulture),
                    m.VerbalCooperation.ToString(CultureInfo.InvariantCulture), m.MaterialCooperation.ToString(CultureInfo.InvariantCulture),
                    m.VerbalConflict.ToString(CultureInfo.InvariantCulture), m.MaterialConflict.ToString(CultureInfo.InvariantCulture));
            if (dyad.Months.Count > 0) console.Write(table);
            foreach (var e in dyad.Events)
                console.MarkupLine($"  {e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated"}  {Markup.Escape(e.Code)}  {Markup.Escape(e.Doc)}:{e.Sentence}  \"{Markup.Escape(e.Span)}\"");
        }

        if (dyads.Count == 0) console.MarkupLine("No events.");
        return ExitCodes.Ok;
    }
}
