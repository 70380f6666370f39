using System.Globalization;
using System.Text;
using Statecraft.Cli.Infrastructure;
using Statecraft.Core.Events;
using Statecraft.Io.Events;

namespace Statecraft.Cli.Commands;

/// <summary>
/// Where <c>ingest</c> writes as it codes, one event at a time, so a corpus of any size goes through in
/// flat memory: CSV rows, or the JSON document <c>{"events": [...], "figures": [...], "stats": {...}}</c>
/// whose figures wait in a temporary file until the events are written.
/// </summary>
internal abstract class IngestWriter(TextWriter output) : IDisposable
{
    protected TextWriter Output { get; } = output;

    public static IngestWriter For(TextWriter output, bool csv, bool plover) => csv ? new CsvWriter(output, plover) : new JsonWriter(output);

    public abstract void Event(CodedEvent e);

    public abstract void Figure(Figure f);

    public abstract void Finish(IngestCommand.StatsJson stats);

    public virtual void Dispose() => Output.Flush();

    private sealed class CsvWriter : IngestWriter
    {
        private readonly bool _plover;

        public CsvWriter(TextWriter output, bool plover)
            : base(output)
        {
            _plover = plover;
            // the header, then each row as EventFiles writes it
            var header = EventFiles.ToCsv([], plover);
            Output.Write(header);
        }

        public override void Event(CodedEvent e)
        {
            var csv = EventFiles.ToCsv([e], _plover);
            Output.Write(csv.AsSpan(csv.IndexOf('\n') + 1));
        }

        public override void Figure(Figure f)
        {
            // figures are JSON only
        }

        public override void Finish(IngestCommand.StatsJson stats) => Output.Flush();
    }

    private sealed class JsonWriter : IngestWriter
    {
        private readonly string _figuresPath = Path.GetTempFileName();
        private readonly StreamWriter _figures;
        private int _events;
        private int _figureCount;

        public JsonWriter(TextWriter output)
            : base(output)
        {
            _figures = new StreamWriter(new FileStream(_figuresPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose), new UTF8Encoding(false));
            Output.Write("{\n  \"events\": [");
        }

        public override void Event(CodedEvent e) => Element(Output, IngestCommand.EventJson.Of(e), _events++);

        public override void Figure(Figure f) =>
            Element(_figures, new IngestCommand.FigureJson(f.Doc, f.Sentence, f.Actor, f.Value, f.Unit, f.Qualifier, f.Span, f.Text), _figureCount++);

        public override void Finish(IngestCommand.StatsJson stats)
        {
            Output.Write(_events == 0 ? "],\n  \"figures\": [" : "\n  ],\n  \"figures\": [");
            _figures.Flush();
            _figures.BaseStream.Position = 0;
            using (var reader = new StreamReader(_figures.BaseStream, new UTF8Encoding(false), false, 1 << 16, leaveOpen: true))
            {
                var buffer = new char[1 << 16];
                int n;
                while ((n = reader.Read(buffer, 0, buffer.Length)) > 0) Output.Write(buffer, 0, n);
            }

            Output.Write(_figureCount == 0 ? "],\n  \"stats\": " : "\n  ],\n  \"stats\": ");
            Output.Write(Indent(Statecraft.Cli.Infrastructure.Output.ToJson(stats), "  ", first: false));
            Output.Write("\n}\n");
            Output.Flush();
        }

        /// <summary>An array element at depth two: a comma after the one before, each line indented four spaces
        /// (JSON strings hold no raw line breaks, so lines are the serializer's own).</summary>
        private static void Element<T>(TextWriter to, T value, int index)
        {
            to.Write(index == 0 ? "\n" : ",\n");
            to.Write(Indent(Statecraft.Cli.Infrastructure.Output.ToJson(value), "    ", first: true));
        }

        private static string Indent(string json, string by, bool first) =>
            (first ? by : "") + json.Replace("\n", "\n" + by, StringComparison.Ordinal);

        public override void Dispose()
        {
            _figures.Dispose();
            base.Dispose();
        }
    }
}
