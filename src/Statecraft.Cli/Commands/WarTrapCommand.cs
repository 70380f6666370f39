using System.ComponentModel;
using System.Text.Json.Serialization;
using Spectre.Console;
using Spectre.Console.Cli;
using Statecraft.Cli.Infrastructure;
using Statecraft.Core.Conflict;
using Statecraft.Core.Conflict.Risk;
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

    [CommandOption("--risk <METHOD>")]
    [Description("Risk attitudes R and r of every state: 'extremes' (its security against the most and least secure states of the region) or "
        + "'search' (EUGene: against the most and least secure alliance portfolios it could choose, found by search; needs ties). "
        + "With --attacker/--target, also the EU valued with the attacker's r (Bueno de Mesquita 1985)")]
    public string? Risk { get; init; }

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
    IReadOnlyList<FlipPointJson>? FlipPoints = null,
    string? RiskMethod = null,
    double? RiskExponent = null,
    double? EuRiskAdjusted = null);

/// <summary>One state's risk search: security sums, R, r, and the ties of its extreme portfolios with each other state.</summary>
internal sealed record RiskSearchJson(
    string State,
    double Security,
    double SecurityMin,
    double SecurityMax,
    double R,
    double RiskExponent,
    string Method,
    long Evaluations,
    IReadOnlyDictionary<string, string> MostSecure,
    IReadOnlyDictionary<string, string> LeastSecure);

internal sealed record WarTrapMatrixJson(
    IReadOnlyList<string> States,
    double[][] Eu,
    bool Discount,
    string Similarity,
    IReadOnlyList<WarTrapRisk> Risk,
    string RiskMethod,
    IReadOnlyList<RiskSearchJson>? RiskSearch = null);

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
        if (settings.Risk is not null and not ("extremes" or "search"))
            usage.Add(new Problem("", "--risk", $"expected extremes or search, found '{settings.Risk}'"));
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

        (IReadOnlyList<WarTrapRisk> Risk, IReadOnlyList<RiskResult>? Search)? risk = null;
        if (settings.Risk is not null)
        {
            var attitudes = RiskAttitudes(region, baseline, settings);
            if (!attitudes.Success) return Output.ReportProblems(console, attitudes.Problems);
            risk = attitudes.Value;
        }

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
        WarTrapDyad? adjusted = null;
        if (risk is { } attitudesOfAll)
        {
            var r = attitudesOfAll.Risk[i].RiskExponent;
            adjusted = baseline.Dyad(i, j, r);
            json = json with { RiskMethod = settings.Risk, RiskExponent = r, EuRiskAdjusted = adjusted.ExpectedUtility };
        }

        if (settings.Json)
        {
            Output.WriteJson(console, json);
        }
        else
        {
            Render(region, dyad, options, similarity);
            if (adjusted is not null && risk is { } shown)
            {
                var n = UncertaintyOutput.N;
                var attitude = shown.Risk[i];
                console.MarkupLineInterpolated(
                    $"Risk attitude of {dyad.Attacker} ({settings.Risk}): R = {n(attitude.R, "+0.000;-0.000;0")}, r = {n(attitude.RiskExponent, "0.000")}; EU valued with r (Bueno de Mesquita 1985) = [bold]{n(adjusted.ExpectedUtility, "0.0000")}[/] (bilateral {n(adjusted.Bilateral, "0.0000")} + third parties {n(adjusted.Multilateral, "0.0000")})");
            }

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
        var missing = MissingDistances(region, model, options);
        if (missing.Count > 0) return Output.ReportProblems(console, missing);

        var method = settings.Risk ?? "extremes";
        var attitudes = RiskAttitudes(region, model, settings);
        if (!attitudes.Success) return Output.ReportProblems(console, attitudes.Problems);
        var (risk, search) = attitudes.Value;
        var eu = model.AllDyads();
        var n = model.States.Count;
        var rows = Enumerable.Range(0, n).Select(i => eu.AsSpan(i * n, n).ToArray()).ToArray();
        var json = new WarTrapMatrixJson(model.States, rows, options.DistanceDiscount, similarity, risk, method, search?.Select(r => new RiskSearchJson(
            r.State, r.Security, r.SecurityMin, r.SecurityMax, r.R, r.RiskExponent, MethodName(r.Method), r.Evaluations,
            Portfolio(model, r.Region, r.MostSecure), Portfolio(model, r.Region, r.LeastSecure))).ToArray());
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
        if (settings.Risk is not null) RenderRisk(risk, search, method);
        return RunsRecording.Record(console, "wartrap", settings, Output.ToJson(json));
    }

    private void RenderRisk(IReadOnlyList<WarTrapRisk> risk, IReadOnlyList<RiskResult>? search, string method)
    {
        var n = UncertaintyOutput.N;
        var table = new Table().Title(method == "search"
            ? "Risk attitudes: security S = Σ others' EU against the state, against its most and least secure portfolios"
            : "Risk attitudes: security S = Σ others' EU against the state, against the most and least secure states");
        table.AddColumns("state", "S", "S min", "S max", "R", "r");
        if (search is not null) table.AddColumns("found by", "portfolios evaluated");
        var min = risk.Min(r => r.Security);
        var max = risk.Max(r => r.Security);
        for (var i = 0; i < risk.Count; i++)
        {
            var s = search?[i];
            string[] row = [risk[i].State.EscapeMarkup(), n(risk[i].Security, "+0.000;-0.000;0"), n(s?.SecurityMin ?? min, "+0.000;-0.000;0"),
                n(s?.SecurityMax ?? max, "+0.000;-0.000;0"), n(risk[i].R, "+0.000;-0.000;0"), n(risk[i].RiskExponent, "0.000")];
            table.AddRow(s is null ? row : [.. row, MethodName(s.Method).Replace('_', ' '), s.Evaluations.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)]);
        }

        console.Write(table);
    }

    // Every pair's distance, when capabilities are discounted: the matrix and the risk search need all dyads.
    private static List<Problem> MissingDistances(WarTrapRegion region, WarTrapModel model, WarTrapOptions options)
    {
        if (!options.DistanceDiscount) return [];
        return [.. Enumerable.Range(0, model.States.Count).SelectMany(i => Enumerable.Range(0, model.States.Count)
            .Where(j => j != i).SelectMany(j => model.MissingDistances(i, j))).Distinct().Select(p => new Problem($"{p.A}-{p.B}", "distances",
            "missing: every dyad needs this distance to discount capabilities (or use --no-discount)", new SourceLocation(region.Path)))];
    }

    // R and r of every state at the medians, by the chosen method (extremes when --risk is not given).
    private static ParseResult<(IReadOnlyList<WarTrapRisk> Risk, IReadOnlyList<RiskResult>? Search)> RiskAttitudes(
        WarTrapRegion region, WarTrapModel model, WarTrapSettings settings)
    {
        if (settings.Risk != "search") return ParseResult<(IReadOnlyList<WarTrapRisk>, IReadOnlyList<RiskResult>?)>.ForValue((model.Risk(), null));
        var missing = MissingDistances(region, model, model.Options);
        if (missing.Count > 0) return ParseResult<(IReadOnlyList<WarTrapRisk>, IReadOnlyList<RiskResult>?)>.ForProblems(missing);
        var spec = region.WarTrap.Realize(region.WarTrap.Inputs.Medians());
        return RiskYear.FromWarTrap(spec, model).Select(year =>
        {
            var results = RiskSearch.Run(year, new RiskOptions(seed: settings.Seed ?? 1, threads: settings.Threads ?? Environment.ProcessorCount));
            IReadOnlyList<WarTrapRisk> risk = [.. results.Select(r => new WarTrapRisk(r.State, r.Security, r.R, r.RiskExponent))];
            return (risk, (IReadOnlyList<RiskResult>?)results);
        });
    }

    private static Dictionary<string, string> Portfolio(WarTrapModel model, IReadOnlyList<int> region, IReadOnlyList<TieKind> ties) =>
        region.Select((m, k) => (model.States[m], ties[k].ToString().ToLowerInvariant())).ToDictionary(p => p.Item1, p => p.Item2);

    private static string MethodName(RiskSearchMethod method) => method switch
    {
        RiskSearchMethod.NoChoice => "no_choice",
        RiskSearchMethod.Exhaustive => "exhaustive",
        _ => "local_search",
    };
}
