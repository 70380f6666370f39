namespace Statecraft.Cli.Commands;

// What every bargaining model hands the command: the JSON contract of `statecraft bargain`
// (snake_case through Output.JsonOptions) and the source of the human tables.

public sealed record BargainReport(
    string Model,
    IReadOnlyDictionary<string, object?> Options,
    BargainInput Input,
    IReadOnlyList<BargainRound> Rounds,
    BargainForecast Forecast);

public sealed record BargainInput(string Path, string Sha256, string SalienceScale, IReadOnlyList<string> Notes);

/// <summary>Round 0 is the input; round k the positions after k rounds.</summary>
public sealed record BargainRound(
    int Round,
    IReadOnlyDictionary<string, double> Positions,
    double Median,
    double Mean,
    IReadOnlyList<BargainMove> Moves);

public sealed record BargainMove(string Actor, string Kind, string Toward, double From, double To);

public sealed record BargainForecast(double Median, double Mean);
