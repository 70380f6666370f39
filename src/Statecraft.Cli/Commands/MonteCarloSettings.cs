using System.ComponentModel;
using Spectre.Console.Cli;
using Statecraft.Core.Domain;
using Statecraft.Core.Uncertainty;

namespace Statecraft.Cli.Commands;

/// <summary>The Monte Carlo options of the single-model commands (wartrap, coercion), checked one way.</summary>
public abstract class MonteCarloSettings : StoredRunSettings
{
    [CommandOption("--samples <N>")]
    [Description("Monte Carlo scenarios to draw (adds the interval, the probability that the verdict holds, sensitivity and flip points)")]
    public int? Samples { get; init; }

    [CommandOption("--seed <S>")]
    [Description("Master random seed (default 1); same seed, same output, whatever the thread count")]
    public ulong? Seed { get; init; }

    [CommandOption("--threads <T>")]
    [Description("Threads for Monte Carlo (default: all cores); does not change results")]
    public int? Threads { get; init; }

    public IEnumerable<Problem> MonteCarloProblems()
    {
        if (Samples is < 1) yield return new Problem("", "--samples", $"expected a whole number >= 1, found {Samples}");
        if (Samples is { } n && Limits.Current.Check("samples", n, "", "--samples") is { } over) yield return over;
        if (Threads is < 1) yield return new Problem("", "--threads", $"expected a whole number >= 1, found {Threads}");
    }

    /// <summary>The Monte Carlo to run, or null when no <c>--samples</c> was given.</summary>
    public MonteCarloOptions? MonteCarlo => Samples is { } samples ? new MonteCarloOptions(samples, Seed ?? 1, Threads) : null;
}
