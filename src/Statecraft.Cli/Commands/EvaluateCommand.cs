using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Statecraft.Cli.Infrastructure;
using Statecraft.Core.Domain;
using Statecraft.Core.Ensemble;
using Statecraft.Io;
using Statecraft.Io.Deu;
using Statecraft.Io.Models;
using Statecraft.Io.Scenarios;

namespace Statecraft.Cli.Commands;

public sealed class EvaluateSettings : StoredRunSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("DEU-layout file (tab-separated: p<actor>/s<actor> columns, capabilities in row 2, outcome 'out')")]
    public string File { get; init; } = "";

    [CommandOption("--json")]
    [Description("Write scores and per-issue forecasts as JSON")]
    public bool Json { get; init; }

    [CommandOption("--weights-out <PATH>")]
    [Description("Also write the ensemble's weights fitted on every issue (the file analyses ship: " + EnsembleWeightsFile.ShippedPath + ")")]
    public string? WeightsOut { get; init; }
}

/// <summary><c>statecraft evaluate FILE</c>: how close each bargaining model comes to real outcomes.</summary>
public sealed class EvaluateCommand(IAnsiConsole console) : Command<EvaluateSettings>
{
    public override int Execute(CommandContext context, EvaluateSettings settings, CancellationToken cancellationToken)
    {
        var text = InputFile.ReadText(settings.File);
        var data = text.Then(t => DeuReader.Parse(t, settings.File));
        if (!data.Success) return Output.ReportProblems(console, data.Problems);
        var provenance = new CalibrationProvenance(
            $"DEU III public subset (Arregui and Perarnaud 2021, doi:10.34810/data53): {Path.GetFileName(settings.File)}",
            ScenarioLoader.Sha256(text.Value),
            $"statecraft evaluate {settings.File} --weights-out {settings.WeightsOut ?? EnsembleWeightsFile.ShippedPath}");
        var (report, weights) = Evaluation.Run(data.Value, settings.File, provenance);
        // Nothing scorable is bad input, not a table of NaN: refuse it before anything is recorded.
        if (report.Issues.Count == 0 || weights is null)
            return Output.ReportProblems(console, [new Problem("", "out", $"nothing to score: no issue has an outcome and two actors with weight ({string.Join("; ", report.Notes)})", new SourceLocation(settings.File, 1))]);
        if (settings.WeightsOut is not null)
        {
            try
            {
                File.WriteAllText(settings.WeightsOut, EnsembleWeightsFile.ToJson(weights));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return Output.ReportError(console, $"--weights-out {settings.WeightsOut}: cannot write the weights: {e.Message}", ExitCodes.Failure);
            }
        }

        if (settings.Json)
        {
            Output.WriteJson(console, report);
            return RunsRecording.Record(console, "evaluate", settings, Output.ToJson(report));
        }

        console.MarkupLineInterpolated($"[bold]Forecast accuracy[/] on {settings.File}: {report.Issues.Count} issue(s) with an outcome (0-100 scale)");
        foreach (var note in report.Notes) console.MarkupLineInterpolated($"[grey]note: {note}[/]");
        var table = new Table();
        table.AddColumn("Model");
        table.AddColumn(new TableColumn("Mean abs. error").RightAligned());
        table.AddColumn(new TableColumn("Issues").RightAligned());
        table.AddColumn(new TableColumn("Beats weighted mean").RightAligned());
        foreach (var m in report.Models)
            table.AddRow(m.Model, m.Mae.ToString("0.00", CultureInfo.InvariantCulture), m.Issues.ToString(CultureInfo.InvariantCulture),
                m.BeatsMean.ToString("0%", CultureInfo.InvariantCulture));
        console.Write(table);
        foreach (var m in report.Models) console.MarkupLineInterpolated($"[grey]{m.Model}: {m.Description}[/]");
        var ens = report.Ensemble;
        console.MarkupLineInterpolated($"[grey]ensemble weights ({ens.Method}): {string.Join(", ", ens.Weights.Select(w => $"{w.Key} {w.Value:0.000}"))}; its 90% predictive intervals (leave-one-issue-out) covered {ens.Coverage90:0%} of {ens.Issues} outcomes, mean width {ens.MeanWidth90:0.0}[/]");
        if (settings.WeightsOut is not null) console.MarkupLineInterpolated($"Weights written to {settings.WeightsOut}");
        return RunsRecording.Record(console, "evaluate", settings, Output.ToJson(report));
    }
}
