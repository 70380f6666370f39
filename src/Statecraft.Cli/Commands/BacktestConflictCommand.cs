using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Statecraft.Cli.Infrastructure;
using Statecraft.Core.Domain;
using Statecraft.Core.DyadYears;
using Statecraft.Core.Forecasting.Backtests;
using Statecraft.Core.Validation;
using Statecraft.Io.Datasets;
using Statecraft.Io.Models;

namespace Statecraft.Cli.Commands;

public sealed class BacktestConflictSettings : StoredRunSettings
{
    [CommandOption("--alliances <SOURCE>")]
    [Description("Alliance data: atop (default; covers 1816-2014) or cow (ends 2012)")]
    public string Alliances { get; init; } = "atop";

    [CommandOption("--data <DIR>")]
    [Description("The conflict datasets folder (default: data/conflict)")]
    public string? Data { get; init; }

    [CommandOption("--threads <T>")]
    [Description("Threads (default: all cores); the results do not depend on it")]
    public int? Threads { get; init; }

    [CommandOption("--json")]
    [Description("Write the scores and calibration tables as JSON.")]
    public bool Json { get; init; }
}

/// <summary>
/// <c>statecraft backtest conflict</c>: the War Trap dispute models fitted on 1816-1945 forecast every
/// politically relevant directed dyad-year of 1946-2014, scored like the ledger against each group's
/// base rate (docs/forecasting.md, "Backtests").
/// </summary>
public sealed class BacktestConflictCommand(IAnsiConsole console) : Command<BacktestConflictSettings>
{
    public override int Execute(CommandContext context, BacktestConflictSettings settings, CancellationToken cancellationToken)
    {
        var loaded = ConflictDataInput.Load(settings.Alliances, settings.Threads, settings.Data);
        if (!loaded.Success) return Output.ReportProblems(console, loaded.Problems);
        var builder = loaded.Value;

        var threads = settings.Threads ?? Environment.ProcessorCount;
        var last = Math.Min(builder.Years.Last, builder.Data.CowDisputeYears.Last);
        var train = ConflictValidationOptions.Default.Train;
        var test = ConflictValidationOptions.Default.Test with { Last = last };
        // The EU specification the shipped models report War Trap under (the best-scoring one).
        var spec = ConflictSpec.All.Single(x => x.Name == DisputeModelFile.BuiltIn().EuSpec);
        var sample = DisputeSample.Build(builder, [spec], new YearSpan(train.First, last), threads);
        var report = ConflictBacktest.Run(sample, train, test,
        [
            new ConflictModelPredictions(ConflictValidation.Standard, "logistic model, standard covariates (contiguity, distance, capabilities, major powers, alliance, peace years)",
                ConflictValidation.Predictions(sample, null, train, test)),
            new ConflictModelPredictions(ConflictValidation.WithEu(spec), $"the standard covariates plus War Trap's expected utility ({spec.Name})",
                ConflictValidation.Predictions(sample, spec, train, test)),
        ]);
        var json = Output.ToJson(report);
        if (settings.Json) Output.WriteJson(console, report);
        else
        {
            console.MarkupLineInterpolated($"[bold]Conflict backtest[/]: trained on {train.First}-{train.Last}, {report.Cases:N0} directed dyad-years of {test.First}-{test.Last} forecast, {report.Events:N0} with a dispute with force ({settings.Alliances} alliances)");
            console.MarkupLineInterpolated($"[grey]Base rate: {report.BaseRate}.[/]");
            BacktestTables.Write(console, report.Models);
        }

        return RunsRecording.Record(console, "backtest conflict", settings, json);
    }
}
