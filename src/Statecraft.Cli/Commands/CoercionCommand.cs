using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Statecraft.Cli.Infrastructure;
using Statecraft.Core.Coercion;
using Statecraft.Core.Domain;
using Statecraft.Core.Uncertainty;
using Statecraft.Io.Region;

namespace Statecraft.Cli.Commands;

internal sealed class CoercionSettings : MonteCarloSettings
{
    [CommandArgument(0, "<case>")]
    [Description("Coercion file (YAML): sender, target, lever, channels; see docs/models/coercion.md")]
    public string Case { get; init; } = "";




    [CommandOption("--json")]
    [Description("Machine-readable JSON output")]
    public bool Json { get; init; }
}

internal sealed record ChannelJson(string Channel, string Kind, string Bearer, double CostUsd, double ShareOfGdp);

internal sealed record CoercionJson(
    string Sender,
    string Target,
    string Lever,
    double SenderCost,
    double TargetCost,
    double Ratio,
    double SenderCostUsd,
    double TargetCostUsd,
    double RatioUsd,
    string? DominantChannel,
    IReadOnlyList<ChannelJson> Channels,
    Interdependence? Interdependence,
    int? Samples = null,
    ulong? Seed = null,
    double[]? Interval = null,
    double? PSenderPaysMore = null,
    double? Median = null,
    IReadOnlyList<TornadoJson>? Sensitivity = null,
    IReadOnlyList<FlipPointJson>? FlipPoints = null);

/// <summary><c>statecraft coercion</c>: who pays more for an economic lever, as shares of GDP and in US$.</summary>
internal sealed class CoercionCommand(IAnsiConsole console) : Command<CoercionSettings>
{
    public override int Execute(CommandContext context, CoercionSettings settings, CancellationToken cancellationToken)
    {
        var usage = settings.MonteCarloProblems().ToList();
        if (usage.Count > 0) return Output.ReportProblems(console, usage);

        var loaded = CoercionFile.Load(settings.Case);
        if (!loaded.Success) return Output.ReportProblems(console, loaded.Problems);
        var file = loaded.Value;
        var c = file.Case;
        var result = c.Evaluate(new ScenarioDraw(c.Inputs, c.Inputs.Medians()));

        UncertaintyReport? report = null;
        if (settings.MonteCarlo is { } options)
            report = UncertaintyOutput.Analyze(console, settings.Json, c.Inputs, c.Ratio(), Verdict.GreaterThan(1), options);

        var mc = report?.MonteCarlo;
        var json = new CoercionJson(
            result.Sender, result.Target, result.Lever, result.SenderCost, result.TargetCost, result.Ratio,
            result.SenderCostUsd, result.TargetCostUsd, result.RatioUsd, result.Dominant?.Channel,
            result.Channels.Select(ch => new ChannelJson(ch.Channel, Channels.FileName(ch.Kind), ch.Bearer == CoercionSide.Sender ? "sender" : "target", ch.CostUsd, ch.ShareOfGdp)).ToArray(),
            result.Interdependence,
            mc?.Samples, mc?.Seed, mc is null ? null : [mc.Lower, mc.Upper], mc?.ProbabilityVerdictHolds, mc?.Median,
            report is null ? null : UncertaintyOutput.Tornado(report),
            report is null ? null : UncertaintyOutput.FlipPoints(report));
        if (settings.Json)
        {
            Output.WriteJson(console, json);
        }
        else
        {
            Render(file, result);
            if (report is not null) UncertaintyOutput.Render(console, report, "ratio", "");
        }

        return RunsRecording.Record(console, "coercion", settings, Output.ToJson(json));
    }

    private void Render(CoercionCaseFile file, CoercionResult result)
    {
        string Pct(double share) => UncertaintyOutput.N(100 * share, "0.000") + "%";
        console.MarkupLineInterpolated($"[bold]Coercion[/]: {file.Name} ({result.Sender} -> {result.Target}, lever {result.Lever})");
        var table = new Table();
        table.AddColumns("channel", "kind", "borne by", "US$ m a year", "share of bearer's GDP");
        foreach (var ch in result.Channels)
        {
            table.AddRow(ch.Channel.EscapeMarkup(), Channels.FileName(ch.Kind), ch.Bearer == CoercionSide.Sender ? result.Sender : result.Target,
                UncertaintyOutput.N(ch.CostUsd / 1e6, "#,0.0"), Pct(ch.ShareOfGdp));
        }

        console.Write(table);
        console.MarkupLineInterpolated($"cost to {result.Sender} (sender): {Pct(result.SenderCost)} of GDP; cost to {result.Target} (target): {Pct(result.TargetCost)} of GDP");
        var who = result.Ratio > 1 ? $"{result.Sender} (the sender) pays more" : $"{result.Target} (the target) pays more";
        console.MarkupLineInterpolated($"ratio cost(sender)/cost(target) = [bold]{UncertaintyOutput.N(result.Ratio, "0.000")}[/]: {who}, relative to GDP");
        var whoUsd = result.RatioUsd > 1 ? $"{result.Sender} (the sender) loses more" : $"{result.Target} (the target) loses more";
        console.MarkupLineInterpolated(
            $"in US$ a year: {result.Sender} {UncertaintyOutput.N(result.SenderCostUsd / 1e6, "#,0.0")} m, {result.Target} {UncertaintyOutput.N(result.TargetCostUsd / 1e6, "#,0.0")} m; ratio [bold]{UncertaintyOutput.N(result.RatioUsd, "0.000")}[/]: {whoUsd} in dollars");
        if (result.Dominant is { } d) console.MarkupLineInterpolated($"dominant channel: {d.Channel} ({Pct(d.ShareOfGdp)} of the bearer's GDP)");
        if (result.Interdependence is { } i)
        {
            console.MarkupLineInterpolated(
                $"dependence (bilateral/total trade): {result.Sender} {Pct(i.SenderDependence)}, {result.Target} {Pct(i.TargetDependence)}; salience {UncertaintyOutput.N(i.Salience, "0.0000")}, symmetry {UncertaintyOutput.N(i.Symmetry, "0.0000")}");
        }
    }
}
