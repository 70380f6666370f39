using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Statecraft.Cli.Infrastructure;
using Statecraft.Io;
using Statecraft.Io.Elicitation;
using Statecraft.Io.Scenarios;

namespace Statecraft.Cli.Commands;

/// <summary><c>statecraft elicit template SCENARIO ISSUE</c>: the blank sheet an expert fills for one issue, as CSV on standard output.</summary>
internal sealed class ElicitTemplateCommand(IAnsiConsole console) : Command<ElicitTemplateCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SCENARIO>")]
        [Description("Scenario YAML file, e.g. scenarios/south-caucasus.yaml")]
        public string Scenario { get; init; } = "";

        [CommandArgument(1, "<ISSUE>")]
        [Description("The issue the sheet asks about, e.g. armenia-government")]
        public string Issue { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var sheet = ScenarioLoader.LoadFile(settings.Scenario).Then(l => SheetFile.Template(l.Scenario, settings.Issue));
        if (!sheet.Success) return Output.ReportProblems(console, sheet.Problems);
        Output.WriteRaw(console, sheet.Value);
        return ExitCodes.Ok;
    }
}

/// <summary>
/// <c>statecraft elicit merge SCENARIO SHEET...</c>: folds filled sheets into the scenario, one
/// judgement source per expert, and writes the merged scenario to standard output or <c>--out</c>.
/// </summary>
internal sealed class ElicitMergeCommand(IAnsiConsole console) : Command<ElicitMergeCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SCENARIO>")]
        [Description("Scenario YAML file the sheets were made from")]
        public string Scenario { get; init; } = "";

        [CommandArgument(1, "<SHEETS>")]
        [Description("Filled sheets (CSV), one expert and one issue each")]
        public string[] Sheets { get; init; } = [];

        [CommandOption("--out <FILE>")]
        [Description("Write the merged scenario here instead of standard output")]
        public string? Out { get; init; }

        [CommandOption("--overwrite")]
        [Description("Allow --out to be the input scenario itself (otherwise refused, so the input is never replaced by accident)")]
        public bool Overwrite { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Out is not null && !settings.Overwrite && SameFile(settings.Out, settings.Scenario))
            return Output.ReportError(console, $"--out {settings.Out} is the input scenario: write the merged scenario elsewhere, or pass --overwrite to replace it");

        var text = InputFile.ReadText(settings.Scenario);
        var loaded = text.Then(t => ScenarioLoader.Load(t, settings.Scenario));
        var sheets = settings.Sheets.Select(SheetFile.Read).ToArray();
        var problems = loaded.Problems.Concat(sheets.SelectMany(s => s.Problems)).ToArray();
        if (problems.Length > 0) return Output.ReportProblems(console, problems);

        var merged = ScenarioMerge.Merge(text.Value, settings.Scenario, loaded.Value.Scenario, sheets.Select(s => s.Value).ToArray());
        if (!merged.Success) return Output.ReportProblems(console, merged.Problems);

        if (settings.Out is null)
        {
            Output.WriteRaw(console, merged.Value);
            return ExitCodes.Ok;
        }

        try
        {
            File.WriteAllText(settings.Out, merged.Value);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Output.ReportError(console, $"--out {settings.Out}: cannot write it: {e.Message}", ExitCodes.Failure);
        }

        var experts = sheets.Select(s => s.Value.SourceId).Distinct().ToArray();
        console.MarkupLineInterpolated($"Merged {sheets.Length} sheet(s) from {experts.Length} expert(s) ({string.Join(", ", experts)}) into {settings.Out}.");
        return ExitCodes.Ok;
    }

    private static bool SameFile(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
