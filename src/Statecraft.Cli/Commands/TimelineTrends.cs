using System.Globalization;
using System.Text;
using Spectre.Console;
using Statecraft.Core.Domain;
using Statecraft.Core.Events;
using Statecraft.Core.Scenarios;
using Statecraft.Core.Watch;
using Statecraft.Io.Events;

namespace Statecraft.Cli.Commands;

/// <summary>
/// The recent trend behind each tie of a scenario, from coded events (<c>analyze --events FILE</c>):
/// for every tie, the events between its two actors in either direction, month by month, each linked
/// to its document and sentence.
/// </summary>
internal static class TimelineTrends
{
    internal sealed record TieTrend(string Kind, string From, string To, string? Since, IReadOnlyList<DyadMonth> Months, IReadOnlyList<CodedEvent> Events);

    /// <summary>Reads event CSVs (from <c>ingest --csv</c>) or codes any input <c>ingest</c> reads; plain
    /// texts are dated <paramref name="date"/> (the scenario's date).</summary>
    internal static ParseResult<IReadOnlyList<CodedEvent>> Load(IReadOnlyList<string> files, DateOnly? date)
    {
        var problems = new List<Problem>();
        var events = new List<CodedEvent>();
        var documents = new List<Document>();
        foreach (var file in files)
        {
            if (EventFiles.IsEventCsv(file))
            {
                var csv = EventFiles.ReadCsv(file);
                if (csv.Success) events.AddRange(csv.Value);
                else problems.AddRange(csv.Problems);
                continue;
            }

            var input = EventFiles.Read(file, null, date);
            if (!input.Success) { problems.AddRange(input.Problems); continue; }
            documents.AddRange(input.Value.Documents);
            events.AddRange(input.Value.Coded);
        }

        if (problems.Count == 0 && documents.Count > 0)
        {
            var dataDir = BuiltInEvents.FindDataDirectory();
            var coder = BuiltInEvents.LoadCoder(dataDir, [], [], [], BuiltInEvents.ReadingOptions);
            if (!coder.Success) return ParseResult<IReadOnlyList<CodedEvent>>.ForProblems(coder.Problems);
            var scale = BuiltInEvents.LoadScale(Path.Combine(dataDir!, BuiltInEvents.Goldstein));
            if (!scale.Success) return ParseResult<IReadOnlyList<CodedEvent>>.ForProblems(scale.Problems);
            events.AddRange(EventCoding.Code(coder.Value.Coder, documents, scale.Value).Events);
        }

        return problems.Count > 0
            ? ParseResult<IReadOnlyList<CodedEvent>>.ForProblems(problems)
            : ParseResult<IReadOnlyList<CodedEvent>>.ForValue(events);
    }

    internal static List<TieTrend> ForTies(Scenario scenario, IReadOnlyList<CodedEvent> events)
    {
        var mapped = events
            .Select(e => (Event: e, S: ScenarioActors.Of(scenario, e.Source), T: ScenarioActors.Of(scenario, e.Target)))
            .Where(x => x.S is not null && x.T is not null && x.S != x.T)
            .ToList();
        string Up(string id) => scenario.Actors.FirstOrDefault(a => a.Id == id)?.Country ?? id;
        var trends = new List<TieTrend>();
        foreach (var tie in scenario.Ties)
        {
            // a tie between states also collects the events of their factions
            var dyad = mapped.Where(x => tie.Links(x.S!, x.T!) || tie.Links(Up(x.S!), Up(x.T!)))
                .Select(x => x.Event with { Source = x.S!, Target = x.T! })
                .OrderBy(e => e.Date ?? DateOnly.MinValue).ThenBy(e => e.Doc, StringComparer.Ordinal).ThenBy(e => e.Sentence)
                .ToList();
            if (dyad.Count == 0) continue;
            trends.Add(new TieTrend(tie.Kind.ToString().ToLowerInvariant(), tie.From, tie.To,
                tie.Since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Timelines.Monthly(dyad, byCountry: false), dyad));
        }

        return trends;
    }

    internal static void Write(IAnsiConsole console, IReadOnlyList<TieTrend> trends)
    {
        console.MarkupLine("[bold]Event trends behind the ties[/]");
        if (trends.Count == 0) console.MarkupLine("[grey]No coded event links two actors of a tie.[/]");
        foreach (var t in trends)
        {
            var g = t.Events.Sum(e => e.Goldstein ?? 0);
            console.MarkupLine($"[bold]{Markup.Escape(t.Kind)} {Markup.Escape(t.From)} - {Markup.Escape(t.To)}[/]" +
                (t.Since is null ? "" : $" (since {t.Since})") + $": {t.Events.Count} events, Goldstein sum {g.ToString("0.0", CultureInfo.InvariantCulture)}");
            foreach (var m in t.Months)
                console.MarkupLine($"  {m.Month} {Markup.Escape(m.Source)} -> {Markup.Escape(m.Target)}: {m.Events} events, Goldstein {m.Goldstein.ToString("0.0", CultureInfo.InvariantCulture)}");
            foreach (var e in t.Events)
                console.MarkupLine($"    {e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated"} {Markup.Escape(e.Source)} -> {Markup.Escape(e.Target)} {Markup.Escape(e.Code)}  {Markup.Escape(e.Doc)}:{e.Sentence} \"{Markup.Escape(e.Span)}\"");
        }
    }

    internal static string Markdown(IReadOnlyList<TieTrend> trends)
    {
        var sb = new StringBuilder("\n## Event trends behind the ties\n\n");
        if (trends.Count == 0) sb.Append("No coded event links two actors of a tie.\n");
        foreach (var t in trends)
        {
            sb.Append(CultureInfo.InvariantCulture, $"### {t.Kind} {t.From} – {t.To}{(t.Since is null ? "" : $" (since {t.Since})")}\n\n");
            sb.Append("| month | from | to | events | Goldstein sum | verbal coop | material coop | verbal conflict | material conflict |\n|---|---|---|---|---|---|---|---|---|\n");
            foreach (var m in t.Months)
                sb.Append(CultureInfo.InvariantCulture, $"| {m.Month} | {m.Source} | {m.Target} | {m.Events} | {m.Goldstein:0.0} | {m.VerbalCooperation} | {m.MaterialCooperation} | {m.VerbalConflict} | {m.MaterialConflict} |\n");
            sb.Append('\n');
            foreach (var e in t.Events)
                sb.Append(CultureInfo.InvariantCulture, $"- {e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated"} {e.Source} → {e.Target} CAMEO {e.Code} — {e.Doc}, sentence {e.Sentence}: “{e.Text.Replace("|", "\\|", StringComparison.Ordinal)}”\n");
            sb.Append('\n');
        }

        return sb.ToString();
    }
}
