using System.ComponentModel;
using System.Text.Json.Serialization;
using Spectre.Console;
using Spectre.Console.Cli;
using Statecraft.Cli.Infrastructure;
using Statecraft.Core.Conflict;
using Statecraft.Core.Domain;
using Statecraft.Core.Uncertainty;
using Statecraft.Io.Region;

namespace Statecraft.Cli.Commands;

internal sealed class WarTrapSettings : MonteCarloSettings
{
    [CommandArgument(0, "<region>")]
    [Description("Region file (YAML): states, capabilities, distances, ties or similarity values; see docs/models/wartrap.md")]
    public string Region { get; init; } = "";

    [CommandOption("--attacker <STATE>")]
    [Description("The state considering an attack (with --target). Without both, prints EU for every directed dyad.")]
    public string? Attacker { get; init; }

    [CommandOption("--target <STATE>")]
    [Description("The state attacked")]
    public string? Target { get; init; }

    [CommandOption("--no-discount")]
    [Description("Do not discount capabilities by distance (the default when the region gives distances is to discount)")]
    public bool NoDiscount { get; init; }

    [CommandOption("--measure <MEASURE>")]
    [Description("Alliance-portfolio similarity when the region gives ties: tau_b (default), s, weighted_s")]
    public string? Measure { get; init; }




    [CommandOption("--json")]
    [Description("Machine-readable JSON output")]
    public bool Json { get; init; }
}

internal sealed record ThirdPartyJson(
    string State,
    [property: JsonPropertyName("p_ik")] double PIk,
    [property: JsonPropertyName("p_jk")] double PJk,
    double Term);

internal sealed record WarTrapJson(
    string Attacker,
    string Target,
    double P,
    double Bilateral,
    IReadOnlyList<ThirdPartyJson> ThirdParties,
    double Eu,
    double Multilateral,
    bool Discount,
    string Similarity,
    int? Samples = null,
    ulong? Seed = null,
    double[]? Interval = null,
    double? PPositive = null,
    double? Median = null,
    double? Mean = null,
    IReadOnlyList<TornadoJson>? Sensitivity = null,
    IReadOnlyList<FlipPointJson>? FlipPoints = null);

internal sealed record WarTrapMatrixJson(IReadOnlyList<string> States, double[][] Eu, bool Discount, string Similarity, IReadOnlyList<WarTrapRisk> Risk);

/// <summary><c>statecraft wartrap</c>: War Trap expected utility of attacking, with Monte Carlo on request.</summary>
internal sealed class WarTrapCommand(IAnsiConsole console) : Command<WarTrapSettings>
{
    public override int Execute(CommandContext context, WarTrapSettings settings, CancellationToken cancellationToken)
    {
        var usage = new List<Problem>(settings.MonteCarloProblems());
        if ((settings.Attacker is null) != (settings.Target is null)) usage.Add(new Problem("", "", "give both --attacker and --target, or neither for every dyad"));
        if (settings.Samples is not null && settings.Attacker is null && settings.Target is null)
            usage.Add(new Problem("", "--samples", "needs --attacker and --target: Monte Carlo runs on one dyad"));
        var measure = SimilarityMeasure.TauB;
        if (settings.Measure is not null && !SimilarityMeasures.TryParse(settings.Measure, out measure))
            usage.Add(new Problem("", "--measure", $"expected tau_b, s or weighted_s, found '{settings.Measure}'"));
        if (usage.Count > 0) return Output.ReportProblems(console, usage);

        var loaded = RegionFile.Load(settings.Region);
        if (!loaded.Success) return Output.ReportProblems(console, loaded.Problems);
        var region = loaded.Value;
        var options = region.Options with
        {
            DistanceDiscount = region.Options.DistanceDiscount && !settings.NoDiscount,
            Measure = settings.Measure is null ? region.Options.Measure : measure,
        };
        var similarity = region.WarTrap.SimilarityGivenDirectly ? "given" : SimilarityMeasures.Name(options.Measure);
        var baseline = region.WarTrap.Model(new ScenarioDraw(region.WarTrap.Inputs, region.WarTrap.Inputs.Medians()), options);

        if (settings.Attacker is null) return Matrix(region, baseline, options, similarity, settings);

        var problems = new List<Problem>();
        var i = baseline.IndexOf(settings.Attacker);
        var j = baseline.IndexOf(settings.Target!);
        var states = string.Join(", ", baseline.States);
        if (i < 0) problems.Add(new Problem("", "--attacker", $"unknown state '{settings.Attacker}'; states are: {states}"));
        if (j < 0) problems.Add(new Problem("", "--target", $"unknown state '{settings.Target}'; states are: {states}"));
        if (i >= 0 && i == j) problems.Add(new Problem("", "--target", "expected a state other than the attacker"));
        if (problems.Count == 0 && options.DistanceDiscount)
        {
            foreach (var (a, b) in baseline.MissingDistances(i, j))
                problems.Add(new Problem($"{a}-{b}", "distances", "missing: the dyad needs this distance to discount capabilities (or use --no-discount)",
                    new SourceLocation(region.Path)));
        }

        if (problems.Count > 0) return Output.ReportProblems(console, problems);

        var dyad = baseline.Dyad(i, j);
        UncertaintyReport? report = null;
        if (settings.MonteCarlo is { } mcOptions)
        {
            var model = region.WarTrap.ExpectedUtility(settings.Attacker, settings.Target!, options);
            report = UncertaintyOutput.Analyze(console, settings.Json, region.WarTrap.Inputs, model, Verdict.GreaterThan(0), mcOptions);
        }

        var mc = report?.MonteCarlo;
        var json = new WarTrapJson(
            dyad.Attacker, dyad.Target, dyad.P, dyad.Bilateral,
            dyad.ThirdParties.Select(t => new ThirdPartyJson(t.State, t.PIk, t.PJk, t.Term)).ToArray(),
            dyad.ExpectedUtility, dyad.Multilateral, options.DistanceDiscount, similarity,
            mc?.Samples, mc?.Seed, mc is null ? null : [mc.Lower, mc.Upper], mc?.ProbabilityVerdictHolds, mc?.Median, mc?.Mean,
            report is null ? null : UncertaintyOutput.Tornado(report),
            report is null ? null : UncertaintyOutput.FlipPoints(report));
        if (settings.Json)
        {
            Output.WriteJson(console, json);
        }
        else
        {
            Render(region, dyad, options, similarity);
            if (report is not null) UncertaintyOutput.Render(console, report, "EU", "");
        }

        return RunsRecording.Record(console, "wartrap", settings, Output.ToJson(json));
    }

    private void Render(WarTrapRegion region, WarTrapDyad dyad, WarTrapOptions options, string similarity)
    {
        var n = UncertaintyOutput.N;
        console.MarkupLineInterpolated($"[bold]War Trap[/]: {dyad.Attacker} attacks {dyad.Target} in {region.Name}");
        console.MarkupLineInterpolated(
            $"{(options.DistanceDiscount ? $"capabilities discounted by distance ({options.MilesPerDay} miles/day)" : "no distance discount")}; similarity: {similarity}");
        console.MarkupLineInterpolated($"P({dyad.Attacker} prevails alone) = {n(dyad.P, "0.0000")}   bilateral EU = {n(dyad.Bilateral, "0.0000")}");
        var table = new Table();
        table.AddColumns("third party", "P_ik", "P_jk", "term");
        foreach (var t in dyad.ThirdParties.OrderByDescending(t => Math.Abs(t.Term)))
            table.AddRow(t.State.EscapeMarkup(), n(t.PIk, "0.0000"), n(t.PJk, "0.0000"), n(t.Term, "+0.0000;-0.0000;0"));
        if (dyad.ThirdParties.Count > 0) console.Write(table);
        var eu = dyad.ExpectedUtility;
        console.MarkupLineInterpolated(
            $"EU_{dyad.Attacker}({dyad.Target}) = [bold]{n(eu, "0.0000")}[/] (bilateral {n(dyad.Bilateral, "0.0000")} + third parties {n(dyad.Multilateral, "0.0000")}): {(eu > 0 ? "attacking would pay (EU > 0)" : "attacking would not pay (EU <= 0)")}");
    }

    private int Matrix(WarTrapRegion region, WarTrapModel model, WarTrapOptions options, string similarity, WarTrapSettings settings)
    {
        if (options.DistanceDiscount)
        {
            var missing = Enumerable.Range(0, model.States.Count).SelectMany(i => Enumerable.Range(0, model.States.Count)
                .Where(j => j != i).SelectMany(j => model.MissingDistances(i, j))).Distinct().ToArray();
            if (missing.Length > 0)
                return Output.ReportProblems(console, missing.Select(p => new Problem($"{p.A}-{p.B}", "distances",
                    "missing: every dyad needs this distance to discount capabilities (or use --no-discount)", new SourceLocation(region.Path))));
        }

        var eu = model.AllDyads();
        var n = model.States.Count;
        var rows = Enumerable.Range(0, n).Select(i => eu.AsSpan(i * n, n).ToArray()).ToArray();
        var json = new WarTrapMatrixJson(model.States, rows, options.DistanceDiscount, similarity, model.Risk());
        if (settings.Json)
        {
            Output.WriteJson(console, json);
            return RunsRecording.Record(console, "wartrap", settings, Output.ToJson(json));
        }

        var table = new Table().Title($"War Trap EU_row(column) in {region.Name.EscapeMarkup()}");
        table.AddColumn("attacker \\ target");
        foreach (var s in model.States) table.AddColumn(s.EscapeMarkup());
        for (var i = 0; i < n; i++)
            table.AddRow([model.States[i].EscapeMarkup(), .. rows[i].Select((v, j) => i == j ? "" : UncertaintyOutput.N(v, "+0.000;-0.000;0"))]);
        console.Write(table);
        return RunsRecording.Record(console, "wartrap", settings, Output.ToJson(json));
    }
}
