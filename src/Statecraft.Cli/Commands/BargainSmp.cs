using System.Globalization;
using System.Security.Cryptography;
using Spectre.Console;
using Statecraft.Cli.Infrastructure;
using Statecraft.Core.Domain;
using Statecraft.Core.Spatial;
using Statecraft.Io.Ktab;

namespace Statecraft.Cli.Commands;

// `statecraft bargain FILE --model smp`: KTAB's Spatial Model of Politics on a KTAB CSV or XML
// scenario. Same contract as the other models (model, options, input, rounds, forecast), except that
// positions are arrays with one value per dimension on 0-100, and each round carries the probability
// that each actor's position wins.

public sealed record SmpBargainReport(
    string Model,
    IReadOnlyDictionary<string, object?> Options,
    SmpBargainInput Input,
    IReadOnlyList<SmpBargainRound> Rounds,
    SmpBargainForecast Forecast);

public sealed record SmpBargainInput(string Path, string Sha256, string Format, IReadOnlyList<string> Dimensions);

/// <summary>Round 0 is the input; challenges are those made from the round's positions.</summary>
public sealed record SmpBargainRound(
    int Round,
    IReadOnlyDictionary<string, double[]> Positions,
    IReadOnlyDictionary<string, double> WinProbabilities,
    IReadOnlyList<SmpBargainChallenge> Challenges);

public sealed record SmpBargainChallenge(string Actor, string Target, double Gain, double Probability);

/// <summary>The last round's positions, and per dimension their capability × salience weighted mean and median.</summary>
public sealed record SmpBargainForecast(string Stop, IReadOnlyDictionary<string, double[]> Positions, double[] Mean, double[] Median);

internal sealed class SmpBargainModel : IBargainModel
{
    public string Name => "smp";

    public string Description => "KTAB's Spatial Model of Politics (multi-dimensional; KTAB CSV or XML input)";

    /// <summary>The KTAB parameters settable with <c>--ktab NAME=VALUE</c>, by their KTAB XML names.</summary>
    public static readonly IReadOnlyList<string> ParameterNames =
        ["VictoryProbModel", "PCEModel", "StateTransitions", "VotingRule", "BigRAdjust", "BigRRange", "ThirdPartyCommit", "InterVecBrgn", "BargnModel"];

    /// <summary>A KTAB scenario (XML, or CSV with a position and salience per dimension) is SMP's input, not an actor table.</summary>
    public static bool IsKtabScenario(string path) => KtabScenarioReader.IsKtabFile(path);

    public static Problem UseSmp(BargainSettings settings) =>
        new(settings.File, "--model", $"a KTAB scenario, which --model {settings.Model} cannot read: run it with --model smp");

    public ParseResult<BargainReport> Run(BargainSettings settings) =>
        ParseResult<BargainReport>.ForProblem(new Problem("options", "--model",
            "smp reports positions per dimension; run it through `statecraft bargain FILE --model smp`"));

    public int Execute(IAnsiConsole console, BargainSettings settings)
    {
        var report = Report(settings);
        if (!report.Success) return Output.ReportProblems(console, report.Problems);
        var json = Output.ToJson(report.Value);
        if (settings.Json) Output.WriteJsonText(console, json);
        else WriteTables(console, report.Value);
        return RunsRecording.Record(console, "bargain", settings, json);
    }

    public ParseResult<SmpBargainReport> Report(BargainSettings settings)
    {
        var problems = new List<Problem>();
        var read = KtabScenarioReader.Read(settings.File);
        if (!read.Success) problems.AddRange(read.Problems);
        var options = BuildOptions(settings, read.Success ? read.Value.Options : null, problems);
        if (problems.Count > 0) return ParseResult<SmpBargainReport>.ForProblems(problems);

        var scenario = read.Value;
        var result = SmpModel.Run(scenario, options!);
        var names = scenario.Actors.Select(a => a.Name).ToArray();
        var nd = scenario.Dimensions.Count;
        var rounds = result.Turns.Select(t => new SmpBargainRound(
            t.Turn,
            Positions(names, t.Positions, nd),
            names.Select((n, i) => (n, t.WinProbabilities[i])).ToDictionary(x => x.n, x => x.Item2, StringComparer.Ordinal),
            t.Challenges.Select((c, i) => (c, i)).Where(x => x.c.Made)
                .Select(x => new SmpBargainChallenge(names[x.i], names[x.c.Target], x.c.Gain, x.c.Probability)).ToArray())).ToArray();

        var final = result.Final.Positions;
        var mean = new double[nd];
        var median = new double[nd];
        for (var k = 0; k < nd; k++)
        {
            var xs = Enumerable.Range(0, names.Length).Select(i => 100 * final[i * nd + k]).ToArray();
            var ws = scenario.Actors.Select(a => a.Capability * a.Salience[k]).ToArray();
            mean[k] = Tidy(Core.Bargaining.Baselines.WeightedMean(xs, ws));
            median[k] = Tidy(Core.Bargaining.Baselines.WeightedMedian(xs, ws));
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(settings.File)));
        var format = Path.GetExtension(settings.File).Equals(".xml", StringComparison.OrdinalIgnoreCase) ? "ktab-xml" : "ktab-csv";
        return ParseResult<SmpBargainReport>.ForValue(new SmpBargainReport(
            Name, Describe(options!), new SmpBargainInput(settings.File, sha, format, scenario.Dimensions), rounds,
            new SmpBargainForecast(result.Stop == SmpStop.Quiet ? "quiet" : "max-rounds", rounds[^1].Positions, mean, median)));
    }

    // Positions are rounded to 10 decimals on 0-100: KTAB's bargains carry 4 decimals on [0, 1], and
    // this keeps 100·x from printing binary noise such as 75.78999999999999.
    private static double Tidy(double x) => Math.Round(x, 10);

    private static Dictionary<string, double[]> Positions(string[] names, IReadOnlyList<double> x, int nd)
    {
        var d = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            var p = new double[nd];
            for (var k = 0; k < nd; k++) p[k] = Tidy(100 * x[i * nd + k]);
            d[names[i]] = p;
        }

        return d;
    }

    private static Dictionary<string, object?> Describe(SmpOptions o) => new()
    {
        ["VictoryProbModel"] = o.VictoryProbability.ToString(),
        ["PCEModel"] = o.Pce.ToString(),
        ["StateTransitions"] = o.Transition.ToString(),
        ["VotingRule"] = o.Voting.ToString(),
        ["BigRAdjust"] = o.RiskAdjustment == RiskAdjustment.None ? "No" : o.RiskAdjustment.ToString(),
        ["BigRRange"] = o.RiskRange.ToString(),
        ["ThirdPartyCommit"] = o.ThirdParty.ToString(),
        ["InterVecBrgn"] = o.Interpolation.ToString(),
        ["BargnModel"] = o.Bargains.ToString(),
        ["seed"] = o.Seed,
        ["rounds"] = o.MaxTurns,
    };

    /// <summary>The scenario's parameters (XML) or KTAB's defaults, overridden by --ktab, --seed and --rounds.</summary>
    private static SmpOptions? BuildOptions(BargainSettings s, SmpOptions? fromFile, List<Problem> problems)
    {
        var o = fromFile ?? SmpOptions.Default;
        var before = problems.Count;
        foreach (var setting in s.Ktab)
        {
            var eq = setting.IndexOf('=');
            var name = eq < 0 ? setting : setting[..eq];
            var value = eq < 0 ? "" : setting[(eq + 1)..];
            switch (name)
            {
                case "VictoryProbModel": o = o with { VictoryProbability = Parse(name, value, o.VictoryProbability) }; break;
                case "PCEModel": o = o with { Pce = Parse(name, value, o.Pce) }; break;
                case "StateTransitions": o = o with { Transition = Parse(name, value, o.Transition) }; break;
                case "VotingRule": o = o with { Voting = Parse(name, value, o.Voting) }; break;
                case "BigRAdjust": o = o with { RiskAdjustment = value == "No" ? RiskAdjustment.None : Parse(name, value, o.RiskAdjustment) }; break;
                case "BigRRange": o = o with { RiskRange = Parse(name, value, o.RiskRange) }; break;
                case "ThirdPartyCommit": o = o with { ThirdParty = Parse(name, value, o.ThirdParty) }; break;
                case "InterVecBrgn": o = o with { Interpolation = Parse(name, value, o.Interpolation) }; break;
                case "BargnModel": o = o with { Bargains = Parse(name, value, o.Bargains) }; break;
                default:
                    problems.Add(new Problem("options", "--ktab", $"expected NAME=VALUE with NAME one of {string.Join(", ", ParameterNames)}, found '{setting}'"));
                    break;
            }
        }

        if (s.Seed is not null)
        {
            if (ulong.TryParse(s.Seed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)) o = o with { Seed = seed };
            else problems.Add(new Problem("options", "--seed", $"expected a whole number in [0, 2^64), found '{s.Seed}'"));
        }

        if (s.Rounds is { } rounds)
        {
            if (rounds >= 1) o = o with { MaxTurns = rounds };
            else problems.Add(new Problem("options", "--rounds", $"expected a whole number >= 1, found {rounds}"));
        }

        return problems.Count > before ? null : o;

        T Parse<T>(string name, string value, T current) where T : struct, Enum
        {
            foreach (var v in Enum.GetValues<T>())
                if (string.Equals(v.ToString(), value, StringComparison.Ordinal)) return v;
            problems.Add(new Problem("options", "--ktab " + name,
                $"expected one of {string.Join(", ", Enum.GetNames<T>().Select(n => n == "None" ? "No" : n))}, found '{value}'"));
            return current;
        }
    }

    private static void WriteTables(IAnsiConsole console, SmpBargainReport r)
    {
        console.MarkupLineInterpolated($"[bold]KTAB's Spatial Model of Politics[/] on {r.Input.Path} ({r.Rounds[0].Positions.Count} actors, {r.Input.Dimensions.Count} dimension(s))");
        console.MarkupLineInterpolated($"[grey]options: {string.Join(", ", r.Options.Select(kv => $"{kv.Key} = {kv.Value}"))}[/]");
        var table = new Table { Title = new TableTitle("Positions (0-100) and probability that each actor's position wins") };
        table.AddColumn("Actor");
        foreach (var d in r.Input.Dimensions) table.AddColumn(new TableColumn(Markup.Escape(d) + " start").RightAligned());
        foreach (var d in r.Input.Dimensions) table.AddColumn(new TableColumn(Markup.Escape(d) + " end").RightAligned());
        table.AddColumn(new TableColumn("P(win) end").RightAligned());
        var first = r.Rounds[0];
        var last = r.Rounds[^1];
        foreach (var (actor, start) in first.Positions)
        {
            var cells = new List<string> { Markup.Escape(actor) };
            cells.AddRange(start.Select(F1));
            cells.AddRange(last.Positions[actor].Select(F1));
            cells.Add(last.WinProbabilities[actor].ToString("0.000", CultureInfo.InvariantCulture));
            table.AddRow(cells.ToArray());
        }

        console.Write(table);
        var stop = r.Forecast.Stop == "quiet" ? "positions settled" : "round limit reached";
        console.MarkupLineInterpolated(
            $"[bold]Forecast[/] after {last.Round} round(s) ({stop}): weighted mean [bold]{string.Join(", ", r.Forecast.Mean.Select(F1))}[/], weighted median [bold]{string.Join(", ", r.Forecast.Median.Select(F1))}[/]");
    }

    private static string F1(double x) => x.ToString("F1", CultureInfo.InvariantCulture);
}
