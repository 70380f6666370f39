using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Statecraft.Cli.Infrastructure;
using Statecraft.Io.Events;

namespace Statecraft.Cli.Commands;

/// <summary><c>statecraft ingest validate PROJECTFILE</c>: codes a TABARI validation project's records and
/// compares each with the events its comment expects.</summary>
internal sealed class IngestValidateCommand(IAnsiConsole console) : Command<IngestValidateCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<PROJECTFILE>")]
        [Description("TABARI .project naming the actors, verbs, agents, options and text files")]
        public string Project { get; init; } = "";

        [CommandOption("--json")]
        [Description("Write {\"records\":N, \"passed\":M, \"failed\":[[...]]} as JSON")]
        public bool Json { get; init; }
    }

    internal sealed record RecordJson(string Id, int Line, bool Passed, IReadOnlyList<string> Expected, IReadOnlyList<string> Found, string Text);

    internal sealed record ValidateOutput(int Records, int Passed, double PassRate, IReadOnlyList<RecordJson> Failed);

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var project = TabariFiles.ReadProject(settings.Project);
        if (!project.Success) return Output.ReportProblems(console, project.Problems);
        var coder = TabariFiles.LoadCoder(project.Value);
        if (!coder.Success) return Output.ReportProblems(console, coder.Problems);
        if (project.Value.Text is null) return Output.ReportError(console, $"{settings.Project}: the project names no <textfile>");
        var records = TabariFiles.ReadRecords(project.Value.Text);
        if (!records.Success) return Output.ReportProblems(console, records.Problems);

        var outcomes = TabariValidation.Run(coder.Value.Coder, records.Value);
        var rows = outcomes.Select(o => new RecordJson(o.Record.Id, o.Record.Line, o.Passed,
            [.. o.Record.Expected.Select(e => $"{e.Source} {e.Target} {e.Code}"), .. o.Record.ExpectDiscard ? ["discard"] : Array.Empty<string>(), .. o.Record.ExpectComplex ? ["complex"] : Array.Empty<string>()],
            [.. o.Found.Select(e => $"{e.Source} {e.Target} {e.Code}"), .. o.Coding.Discarded ? ["discard"] : Array.Empty<string>(), .. o.Coding.Complex ? ["complex"] : Array.Empty<string>()],
            o.Record.Text)).ToList();
        var passed = rows.Count(r => r.Passed);
        var rate = rows.Count == 0 ? 0 : Math.Round((double)passed / rows.Count, 4);
        if (settings.Json)
        {
            Output.WriteJson(console, new ValidateOutput(rows.Count, passed, rate, [.. rows.Where(r => !r.Passed)]));
            return ExitCodes.Ok;
        }

        foreach (var r in rows)
        {
            var status = r.Passed ? "[green]passed[/]" : "[red]failed[/]";
            console.MarkupLine($"{status} {Markup.Escape(r.Id)}" + (r.Passed ? "" :
                $"  expected [[{Markup.Escape(string.Join("; ", r.Expected))}]] found [[{Markup.Escape(string.Join("; ", r.Found))}]]"));
        }

        console.MarkupLine($"{passed} of {rows.Count} records passed ({rate:P1}).");
        return ExitCodes.Ok;
    }
}
