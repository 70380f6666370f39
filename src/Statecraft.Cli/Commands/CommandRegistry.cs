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

        // wartrap, coercion

        // runs, serve

        // ingest, timeline
        config.AddBranch("ingest", ingest =>
        {
            ingest.SetDescription("Code political events (CAMEO) and figures from text; read ICEWS/GDELT events.");
            ingest.SetDefaultCommand<IngestCommand>();
            ingest.AddCommand<IngestValidateCommand>("validate")
                .WithDescription("Run a TABARI validation project and report each record as passed or failed.");
        });
        config.AddCommand<TimelineCommand>("timeline")
            .WithDescription("Monthly dyadic series and per-dyad timelines from an event file or texts.");
    }
}
