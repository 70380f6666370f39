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

        [CommandOption("--threads <T>")]
        [Description("Threads coding sentences (default: all cores); the output is the same bytes whatever the count")]
        public int? Threads { get; init; }

        [CommandOption("--json")]
        [Description("Write JSON (the default)")]
        public bool Json { get; init; }

        [CommandOption("--csv")]
        [Description("Write the events as CSV (columns in docs/events.md)")]
        public bool Csv { get; init; }
    }

    // The JSON contract of statecraft ingest: {"events": [EventJson], "figures": [FigureJson], "stats": StatsJson},
    // written as it goes by IngestWriter.

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
        if (settings.Threads is < 1) problems.Add(new Problem("", "--threads", $"expected a whole number >= 1, found {settings.Threads}"));
        if (settings.Json && settings.Csv) problems.Add(new Problem("", "--csv", "choose one of --json and --csv"));
        if (settings.Files.Length == 0) problems.Add(new Problem("", "FILE", "no input file"));
        if (problems.Count > 0) return Output.ReportProblems(console, problems);

        // Every input is read (or, for plain text, checked in one pass) before anything is written, so bad
        // input stops the command with nothing computed.
        var inputs = new List<(TextCorpus? Corpus, EventInput? Read)>();
        foreach (var file in settings.Files)
        {
            if ((format ?? EventFiles.Guess(file)) == EventInputFormat.Text)
            {
                var corpus = TextCorpus.Open(file, date);
                if (corpus.Success) inputs.Add((corpus.Value, null));
                else problems.AddRange(corpus.Problems);
                continue;
            }

            var input = EventFiles.Read(file, format, date);
            if (input.Success) inputs.Add((null, input.Value));
            else problems.AddRange(input.Problems);
        }

        if (problems.Count > 0) return Output.ReportProblems(console, problems);

        PloverScheme? scheme = null;
        if (plover == true)
        {
            var loaded = PloverFiles.Load(BuiltInEvents.FindDataDirectory() ?? "");
            if (!loaded.Success) return Output.ReportProblems(console, loaded.Problems);
            scheme = loaded.Value;
        }
        else if (inputs.SelectMany(i => i.Read?.Coded ?? []).FirstOrDefault(e => e.IsPlover) is { } ploverEvent)
        {
            return Output.ReportProblems(console, [new Problem(ploverEvent.Doc, "--scheme",
                $"the input holds PLOVER-coded events ({ploverEvent.Code}), which have no CAMEO code; add --scheme plover")]);
        }

        Coder? coder = null;
        var scale = CameoScale.None;
        IReadOnlyList<DictionaryFileReport> dictionaries = [];
        if (inputs.Any(i => i.Corpus is not null || i.Read!.Documents.Count > 0))
        {
            var dataDir = BuiltInEvents.FindDataDirectory();
            var loaded = BuiltInEvents.LoadCoder(dataDir, settings.Actors, settings.Agents, settings.Verbs, BuiltInEvents.ReadingOptions, settings.Strict);
            if (!loaded.Success) return Output.ReportProblems(console, loaded.Problems);
            coder = loaded.Value.Coder;
            dictionaries = loaded.Value.Files;
            ReportDictionaries(dictionaries, settings.DictionaryReport);
            if (dataDir is not null)
            {
                var goldstein = BuiltInEvents.LoadScale(Path.Combine(dataDir, BuiltInEvents.Goldstein));
                if (!goldstein.Success) return Output.ReportProblems(console, goldstein.Problems);
                scale = goldstein.Value;
            }
        }

        var progress = new Progress(diagnostics, inputs.Sum(i => i.Corpus?.Bytes ?? 0));
        int documents = 0, sentences = 0, events = 0, figures = 0, discarded = 0, complex = 0, undated = 0, notInPlover = 0;
        using (var writer = IngestWriter.For(console.Profile.Out.Writer, settings.Csv, plover == true))
        {
            void Write(CodedEvent e, bool coded)
            {
                var written = scheme is null ? e : scheme.Convert(e);
                if (written is null) { notInPlover++; return; }
                writer.Event(written);
                events++;
                if (coded && written.Date is null) undated++;
            }

            foreach (var (corpus, read) in inputs)
            {
                var items = corpus is not null ? corpus.Sentences(progress.Read) : EventCoding.Sentences(read!.Documents);
                documents += corpus is not null ? 1 : read!.Documents.Count + read.Coded.Select(e => e.Doc).Distinct().Count();
                if (coder is not null)
                {
                    foreach (var r in EventCoding.Stream(coder, items, scale, settings.Threads ?? 0))
                    {
                        sentences++;
                        if (r.Discarded) discarded++;
                        if (r.Complex) complex++;
                        foreach (var e in r.Events) Write(e, coded: true);
                        foreach (var f in r.Figures)
                        {
                            writer.Figure(f);
                            figures++;
                        }

                        progress.Sentence(sentences);
                    }
                }

                foreach (var e in read?.Coded ?? []) Write(e, coded: false);
                if (corpus is not null) progress.Done(corpus.Bytes);
            }

            writer.Finish(new StatsJson(documents, sentences, events, figures, discarded, complex,
                dictionaries.Count == 0 ? null : [.. dictionaries.Select(d => new DictionaryJson(Path.GetFileName(d.Path), d.Lines, d.Skipped.Count))],
                plover == true ? "plover" : "cameo", plover == true ? notInPlover : null));
        }

        // On standard error, so the JSON or CSV on standard output stays what it says it is.
        progress.Finish(sentences);
        if (notInPlover > 0)
            diagnostics.WriteLine($"note: {notInPlover} CAMEO events are statements or appeals (01, 02), which PLOVER dropped; they are not in the output");
        if (undated > 0 && date is null)
            diagnostics.WriteLine($"note: {undated} of {events} events have no date: their sentences name none and no --date was given (--date YYYY-MM-DD dates plain-text documents)");
        return ExitCodes.Ok;
    }

    /// <summary>Progress on standard error every two seconds while text is coded: bytes read, sentences coded,
    /// sentences per second.</summary>
    private sealed class Progress(Diagnostics diagnostics, long totalBytes)
    {
        private static readonly TimeSpan Every = TimeSpan.FromSeconds(2);
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
        private long _doneBytes;
        private long _bytes;
        private TimeSpan _last;

        public void Read(long bytes) => _bytes = bytes;

        public void Done(long fileBytes)
        {
            _doneBytes += fileBytes;
            _bytes = 0;
        }

        public void Sentence(int sentences)
        {
            if ((sentences & 1023) != 0 || _clock.Elapsed - _last < Every) return;
            _last = _clock.Elapsed;
            var read = _doneBytes + _bytes;
            var share = totalBytes > 0 ? $" ({100.0 * read / totalBytes:0}%)" : "";
            diagnostics.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ingest: {read / 1e6:N0} of {totalBytes / 1e6:N0} MB read{share}, {sentences:N0} sentences coded, {sentences / _clock.Elapsed.TotalSeconds:N0} sentences/s"));
        }

        public void Finish(int sentences)
        {
            if (_last > TimeSpan.Zero)
                diagnostics.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ingest: done, {sentences:N0} sentences in {_clock.Elapsed.TotalSeconds:N1} s, {sentences / _clock.Elapsed.TotalSeconds:N0} sentences/s"));
        }
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
}
