using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Statecraft.Cli.Infrastructure;
using Statecraft.Core.Forecasting;
using Statecraft.Io.Scenarios;
using Statecraft.Store;

namespace Statecraft.Cli.Commands;

public sealed class ForecastSettings : StoredRunSettings
{
    [CommandArgument(0, "[SCENARIO]")]
    [Description("Scenario YAML file with a forecasts: section (docs/scenario-format.md). Default: the built-in South Caucasus scenario.")]
    public string? Scenario { get; init; }

    [CommandOption("--json")]
    [Description("Write the forecasts as JSON (the contract in docs/forecasting.md).")]
    public bool Json { get; init; }
}

/// <summary>
/// <c>statecraft forecast [SCENARIO]</c>: the probability (or predictive distribution) of every
/// resolvable question, with its ICD 203 term, base rate and drivers, recorded in the ledger.
/// </summary>
public sealed class ForecastCommand(IAnsiConsole console) : Command<ForecastSettings>
{
    public override int Execute(CommandContext context, ForecastSettings settings, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var loaded = settings.Scenario is null
            ? ScenarioLoader.Load(AnalyzeCommand.BuiltInText(), $"{AnalyzeCommand.BuiltInName} (built in)")
            : ScenarioLoader.LoadFile(settings.Scenario);
        if (!loaded.Success) return Output.ReportProblems(console, loaded.Problems);
        var scenario = loaded.Value.Scenario;
        if (scenario.Forecasts.Count == 0)
            return Output.ReportError(console, $"{loaded.Value.File}: the scenario has no forecasts: section, so there is nothing to forecast (docs/scenario-format.md, \"Forecasts\")");

        var forecasts = Forecaster.Forecast(scenario, ForecastEvidence.For(scenario, cancellationToken));
        var json = ForecastJson.From(scenario, loaded.Value.Sha256, forecasts);
        var text = Output.ToJson(json);
        if (settings.Json) Output.WriteJson(console, json);
        else Write(forecasts, json);

        var store = settings.OpenStore();
        var recordedAt = DateTimeOffset.UtcNow;
        var entries = ForecastJson.LedgerEntries(json, forecasts, RunsRecording.Version, recordedAt);
        try
        {
            var manifest = RunsRecording.Manifest("forecast", settings, startedAt, recordedAt, text);
            var (run, ids) = store.RecordForecasts(manifest, text, entries);
            if (!settings.Json)
                console.MarkupLineInterpolated($"[grey]{ids.Count} forecast(s) recorded in the ledger (run {run}) at {store.Path}; settle them with `statecraft resolve`, then `statecraft score`.[/]");
            return ExitCodes.Ok;
        }
        catch (RunStoreException e)
        {
            console.MarkupLineInterpolated($"[red]error:[/] the forecasts were not recorded: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private void Write(IReadOnlyList<QuestionForecast> forecasts, ForecastJson json)
    {
        console.MarkupLineInterpolated($"[bold]{json.Scenario.Title}[/] ({json.Scenario.Id}, dated {json.Scenario.Date}, sha256 {json.Scenario.Sha256[..12]})");
        // A model's probability stands beside the judgement and the base rate it would replace.
        var table = new Table().AddColumns("Question", "Forecast", "ICD 203 term", "By", "Judgement", "Base rate", "Deadline");
        for (var i = 0; i < json.Forecasts.Count; i++)
        {
            var f = json.Forecasts[i];
            var judgement = forecasts[i].Predictions[0].Prediction;
            table.AddRow(
                new Text(f.Id),
                new Text(f.P is { } p ? Percent(p) : f.Summary),
                new Text(f.Term ?? "—"),
                new Text(f.Forecaster),
                new Text(judgement.P is { } j ? Percent(j) : judgement.ToString()),
                new Text(f.BaseRate is double b ? Percent(b) : f.BaseRateSummary),
                new Text(f.Deadline));
        }

        console.Write(table);
        var pending = forecasts.Where(f => f.ModelNote is not null).ToList();
        if (pending.Count > 0)
            console.MarkupLineInterpolated($"[grey]{pending.Count} model-linked question(s) use their judgement: {pending[0].ModelNote}[/]");
        console.MarkupLine("[grey]Drivers, reasoning and sources of every number: --json, or docs/forecasting.md.[/]");
    }

    internal static string Percent(double p) =>
        (100 * p).ToString(p < 0.1 ? "0.#" : "0", CultureInfo.InvariantCulture) + "%";
}
