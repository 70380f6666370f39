using System.Globalization;
using Statecraft.Core.Bargaining;
using Statecraft.Core.Domain;

namespace Statecraft.Cli.Commands;

/// <summary>The command-line names of the BDM options, and the BDM entry of `bargain --model`.</summary>
internal static class BdmOptionNames
{
    public static readonly IReadOnlyDictionary<string, ProbabilityVariant> Probability = new Dictionary<string, ProbabilityVariant>
    {
        ["text"] = ProbabilityVariant.Text,
        ["masad"] = ProbabilityVariant.Masad,
        ["scholz-code"] = ProbabilityVariant.ScholzCode,
    };

    public static readonly IReadOnlyDictionary<string, OfferChoice> OfferChoice = new Dictionary<string, OfferChoice>
    {
        ["least-movement"] = Core.Bargaining.OfferChoice.LeastMovement,
        ["confrontation-first"] = Core.Bargaining.OfferChoice.ConfrontationFirst,
        ["highest-eu"] = Core.Bargaining.OfferChoice.HighestEu,
    };

    public static readonly IReadOnlyDictionary<string, VoteDistance> VoteDistance = new Dictionary<string, VoteDistance>
    {
        ["linear"] = Core.Bargaining.VoteDistance.Linear,
        ["risk-weighted"] = Core.Bargaining.VoteDistance.RiskWeighted,
    };

    public static readonly IReadOnlyDictionary<string, BdmFaults> Faults = new Dictionary<string, BdmFaults>
    {
        ["capitulation-never-fires"] = BdmFaults.CapitulationNeverFires,
        ["compromise-by-weighted-position"] = BdmFaults.CompromiseByWeightedPosition,
        ["median-changes-meaning"] = BdmFaults.MedianChangesMeaning,
        ["status-quo-sign-flipped"] = BdmFaults.StatusQuoSignFlipped,
    };

    public static string NameOf<T>(IReadOnlyDictionary<string, T> names, T value) =>
        names.First(kv => EqualityComparer<T>.Default.Equals(kv.Value, value)).Key;

    public static string Kind(MoveKind kind) => kind.ToString().ToLowerInvariant();
}

internal sealed class BdmBargainModel : IBargainModel
{
    public string Name => "bdm";

    public string Description => "Bueno de Mesquita's expected-utility bargaining model";

    public ParseResult<BargainReport> Run(BargainSettings settings)
    {
        var problems = new List<Problem>();
        var options = BuildOptions(settings, problems);
        var read = BargainModels.ReadBdmTable(settings.File);
        if (!read.Success) problems.AddRange(read.Problems);
        if (problems.Count > 0) return ParseResult<BargainReport>.ForProblems(problems);

        var (table, input) = read.Value;
        var result = BdmModel.Run(table.Issue, options!);
        var issue = table.Issue;
        var rounds = result.Rounds.Select(r => BargainModels.Round(issue, r.Number, r.Positions, r.Median, r.Mean,
            r.Moves.Select(m => new BargainMove(m.Actor, BdmOptionNames.Kind(m.Kind), m.Toward, m.From, m.To)).ToArray())).ToArray();
        return ParseResult<BargainReport>.ForValue(new BargainReport(
            Name, Describe(settings.Preset ?? "text", options!), input, rounds,
            new BargainForecast(result.ForecastMedian, result.ForecastMean)));
    }

    private static Dictionary<string, object?> Describe(string preset, BdmOptions o) => new()
    {
        ["preset"] = preset,
        ["probability"] = BdmOptionNames.NameOf(BdmOptionNames.Probability, o.Probability),
        ["offer_choice"] = BdmOptionNames.NameOf(BdmOptionNames.OfferChoice, o.OfferChoice),
        ["vote_distance"] = BdmOptionNames.NameOf(BdmOptionNames.VoteDistance, o.VoteDistance),
        ["q"] = o.Q,
        ["t"] = o.T,
        ["rounds"] = o.Rounds,
        ["convergence"] = o.ConvergenceTolerance,
        ["faults"] = BdmOptionNames.Faults.Where(kv => o.Faults.HasFlag(kv.Value)).Select(kv => kv.Key).ToArray(),
    };

    /// <summary>The preset, overridden by every option given; unknown names become problems.</summary>
    internal static BdmOptions? BuildOptions(BargainSettings s, List<Problem> problems)
    {
        var before = problems.Count;
        var options = BdmOptions.Default;
        if (s.Preset is not null)
        {
            if (BdmOptions.Presets.TryGetValue(s.Preset, out var preset)) options = preset;
            else problems.Add(Unknown("--preset", s.Preset, BdmOptions.Presets.Keys));
        }

        if (s.Probability is not null)
        {
            if (BdmOptionNames.Probability.TryGetValue(s.Probability, out var v)) options = options with { Probability = v };
            else problems.Add(Unknown("--probability", s.Probability, BdmOptionNames.Probability.Keys));
        }

        if (s.OfferChoice is not null)
        {
            if (BdmOptionNames.OfferChoice.TryGetValue(s.OfferChoice, out var v)) options = options with { OfferChoice = v };
            else problems.Add(Unknown("--offer-choice", s.OfferChoice, BdmOptionNames.OfferChoice.Keys));
        }

        if (s.VoteDistance is not null)
        {
            if (BdmOptionNames.VoteDistance.TryGetValue(s.VoteDistance, out var v)) options = options with { VoteDistance = v };
            else problems.Add(Unknown("--vote-distance", s.VoteDistance, BdmOptionNames.VoteDistance.Keys));
        }

        foreach (var fault in s.Faults)
        {
            if (BdmOptionNames.Faults.TryGetValue(fault, out var v)) options = options with { Faults = options.Faults | v };
            else problems.Add(Unknown("--fault", fault, BdmOptionNames.Faults.Keys));
        }

        if (s.Convergence is not null)
        {
            if (s.Convergence == "none") options = options with { ConvergenceTolerance = null };
            else if (double.TryParse(s.Convergence, NumberStyles.Float, CultureInfo.InvariantCulture, out var tol))
                options = options with { ConvergenceTolerance = tol };
            else problems.Add(new Problem("options", "--convergence", $"expected a number >= 0 or 'none', found '{s.Convergence}'"));
        }

        if (s.Q is { } q) options = options with { Q = q };
        if (s.T is { } t) options = options with { T = t };
        if (s.Rounds is { } rounds) options = options with { Rounds = rounds };
        problems.AddRange(options.Validate().Select(p => p with { Field = p.Field switch { "q" => "--status-quo", "t" => "--better", var f => "--" + f } }));
        return problems.Count > before ? null : options;
    }

    private static Problem Unknown(string option, string value, IEnumerable<string> known) =>
        new("options", option, $"expected one of {string.Join(", ", known)}, found '{value}'");
}
