using Spectre.Console.Cli;

namespace Statecraft.Cli.Commands;

/// <summary>Every sub-command of <c>statecraft</c>, registered in one place.</summary>
internal static class CommandRegistry
{
    public static void Register(IConfigurator config)
    {
        // One block per area, separated by blank lines so that parallel work merges cleanly.

        // analyze (scenario, questions)

        // bargain, evaluate (BDM, SMP, baselines)
        config.AddCommand<BargainCommand>("bargain")
            .WithDescription("Round-by-round bargaining forecast for one issue (BDM expected utility, or a baseline)")
            .WithExample("bargain", "examples/eu-emissions.csv")
            .WithExample("bargain", "examples/eu-emissions.csv", "--preset", "scholz-code", "--json");
        config.AddCommand<EvaluateCommand>("evaluate")
            .WithDescription("Score every bargaining model (BDM variants, SMP, weighted mean and median) against real outcomes in a DEU-layout file")
            .WithExample("evaluate", "../shared/reference/deu/deu3_public.tsv", "--json");

        // wartrap, coercion
        config.AddCommand<WarTrapCommand>("wartrap")
            .WithDescription("War Trap expected utility of an attack (Bueno de Mesquita 1981), with Monte Carlo on request")
            .WithExample("wartrap", "examples/wartrap-toy.yaml", "--attacker", "A", "--target", "B", "--no-discount", "--json");

        // runs, serve

        // ingest, timeline
    }
}
