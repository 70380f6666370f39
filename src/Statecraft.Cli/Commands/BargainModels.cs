using System.Security.Cryptography;
using Statecraft.Core.Bargaining;
using Statecraft.Core.Domain;
using Statecraft.Io.Bdm;

namespace Statecraft.Cli.Commands;

/// <summary>
/// A model `statecraft bargain --model NAME` can run: it reads its own input format, checks its own
/// options and returns the common report, or every problem found. Adding a model (e.g. KTAB's SMP)
/// means one more entry in <see cref="BargainModels.All"/>.
/// </summary>
public interface IBargainModel
{
    string Name { get; }

    string Description { get; }

    ParseResult<BargainReport> Run(BargainSettings settings);
}

public static class BargainModels
{
    public static IReadOnlyList<IBargainModel> All { get; } =
    [
        new BdmBargainModel(),
        new SmpBargainModel(),
        new BaselineBargainModel("mean", "weighted mean of positions (capability × salience)"),
        new BaselineBargainModel("median", "weighted median of positions (capability × salience)"),
    ];

    public static IBargainModel? Find(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads a BDM actor table and describes it for the report.</summary>
    internal static ParseResult<(BdmActorTable Table, BargainInput Input)> ReadBdmTable(string path)
    {
        var table = BdmCsvReader.ReadFile(path);
        if (!table.Success) return ParseResult<(BdmActorTable, BargainInput)>.ForProblems(table.Problems);
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        var scale = table.Value.SalienceScale == SalienceScale.Percent ? "0-100" : "0-1";
        return ParseResult<(BdmActorTable, BargainInput)>.ForValue((table.Value, new BargainInput(path, sha, scale, table.Value.Notes)));
    }

    internal static BargainRound Round(Issue issue, int number, IReadOnlyList<double> positions, double median, double mean, IReadOnlyList<BargainMove> moves)
    {
        var named = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < issue.Actors.Count; i++) named[issue.Actors[i].Name] = positions[i];
        return new BargainRound(number, named, median, mean, moves);
    }
}

/// <summary>The weighted mean or median: one round (the input) and its statistic as the forecast.</summary>
internal sealed class BaselineBargainModel(string name, string description) : IBargainModel
{
    public string Name => name;

    public string Description => description;

    public ParseResult<BargainReport> Run(BargainSettings settings)
    {
        var read = BargainModels.ReadBdmTable(settings.File);
        if (!read.Success) return ParseResult<BargainReport>.ForProblems(read.Problems);
        var (table, input) = read.Value;
        var issue = table.Issue;
        var median = Baselines.WeightedMedian(issue);
        var mean = Baselines.WeightedMean(issue);
        var round = BargainModels.Round(issue, 0, issue.Actors.Select(a => a.Position.Value).ToArray(), median, mean, []);
        return ParseResult<BargainReport>.ForValue(new BargainReport(
            name, new Dictionary<string, object?>(), input, [round], new BargainForecast(median, mean)));
    }
}
