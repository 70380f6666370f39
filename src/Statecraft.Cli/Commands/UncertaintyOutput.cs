using System.Globalization;
using System.Text.Json.Serialization;
using Spectre.Console;
using Statecraft.Core.Uncertainty;

namespace Statecraft.Cli.Commands;

/// <summary>JSON shape of a tornado bar.</summary>
internal sealed record TornadoJson(string Input, double Low, double High, double OutputAtLow, double OutputAtHigh, double Swing);

/// <summary>JSON shape of a flip point.</summary>
internal sealed record FlipPointJson(string Input, double Baseline, double? FlipBelow, double? FlipAbove, double? Change, double[] Searched);

/// <summary>Shared rendering of the uncertainty engine's results (wartrap, coercion).</summary>
internal static class UncertaintyOutput
{
    public static IReadOnlyList<TornadoJson> Tornado(UncertaintyReport report) =>
        report.Tornado.Select(b => new TornadoJson(b.Input, b.LowValue, b.HighValue, b.OutputAtLow, b.OutputAtHigh, b.Swing)).ToArray();

    public static IReadOnlyList<FlipPointJson> FlipPoints(UncertaintyReport report) =>
        report.FlipPoints.Select(f => new FlipPointJson(f.Input, f.Baseline, f.Below, f.Above, f.Change, [f.SearchMin, f.SearchMax])).ToArray();

    /// <summary>Runs the analysis with a progress bar on an interactive console, silently otherwise.</summary>
    public static UncertaintyReport Analyze(IAnsiConsole console, bool quiet, InputSet inputs, ScenarioModel model, Verdict verdict, MonteCarloOptions options)
    {
        if (quiet || !console.Profile.Capabilities.Interactive || options.Samples < 500)
            return MonteCarlo.Analyze(inputs, model, verdict, options);

        UncertaintyReport? report = null;
        console.Progress().AutoClear(true).Start(ctx =>
        {
            var task = ctx.AddTask("Monte Carlo", maxValue: options.Samples);
            report = MonteCarlo.Analyze(inputs, model, verdict, options, new TaskProgress(task));
            task.Value = options.Samples;
        });
        return report!;
    }

    public static void Render(IAnsiConsole console, UncertaintyReport report, string outputName, string unit, int maxRows = 8)
    {
        var mc = report.MonteCarlo!;
        console.MarkupLineInterpolated(
            $"Monte Carlo, {mc.Samples} scenarios, seed {mc.Seed}: {outputName} {N(mc.LowerQuantile * 100, "0")}-{N(mc.UpperQuantile * 100, "0")}% interval [[{N(mc.Lower)}, {N(mc.Upper)}]]{unit}, median {N(mc.Median)}, mean {N(mc.Mean)}");
        console.MarkupLineInterpolated($"P({outputName} {report.Verdict}) = {N(mc.ProbabilityVerdictHolds, "0.000")}");

        if (report.Tornado.Count > 0)
        {
            var table = new Table().Title("Sensitivity (one input at its 5th / 95th percentile, others at their medians)");
            table.AddColumns("input", "low", "high", $"{outputName} at low", $"{outputName} at high", "swing");
            foreach (var bar in report.Tornado.Where(b => b.Swing > 0).Take(maxRows))
                table.AddRow(bar.Input.EscapeMarkup(), N(bar.LowValue), N(bar.HighValue), N(bar.OutputAtLow), N(bar.OutputAtHigh), N(bar.Swing));
            console.Write(table);
        }

        var flips = report.FlipPoints.Where(f => f.Nearest is not null).OrderBy(f => Math.Abs(f.Change!.Value / (f.Baseline == 0 ? 1 : f.Baseline))).Take(maxRows).ToArray();
        if (flips.Length == 0)
        {
            console.MarkupLineInterpolated($"No single input, moved alone within its searched range, changes the verdict ({outputName} {report.Verdict}).");
            return;
        }

        var flipTable = new Table().Title($"Flip points (how far one input must move alone before {outputName} {report.Verdict} changes)");
        flipTable.AddColumns("input", "baseline", "flips at", "change");
        foreach (var f in flips) flipTable.AddRow(f.Input.EscapeMarkup(), N(f.Baseline), N(f.Nearest!.Value), Change(f));
        console.Write(flipTable);
    }

    private static string Change(FlipPoint f)
    {
        var change = f.Change!.Value;
        var text = (change >= 0 ? "+" : "") + N(change);
        return f.Baseline == 0 ? text : $"{text} ({(change >= 0 ? "+" : "")}{N(100 * change / Math.Abs(f.Baseline), "0")}%)";
    }

    /// <summary>Numbers for people: four decimals for small values, thousands separators for large ones.</summary>
    public static string N(double x, string format = "0.####") =>
        Math.Abs(x) >= 1e5 && format == "0.####" ? x.ToString("#,0", CultureInfo.InvariantCulture) : x.ToString(format, CultureInfo.InvariantCulture);

    private sealed class TaskProgress(ProgressTask task) : IProgress<MonteCarloProgress>
    {
        private readonly Lock _gate = new();

        public void Report(MonteCarloProgress value)
        {
            lock (_gate)
            {
                if (value.Completed > task.Value) task.Value = value.Completed;
            }
        }
    }
}
