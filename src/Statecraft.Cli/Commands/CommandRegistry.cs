using Spectre.Console.Cli;

namespace Statecraft.Cli.Commands;

/// <summary>Every sub-command of <c>statecraft</c>, registered in one place.</summary>
internal static class CommandRegistry
{
    public static void Register(IConfigurator config)
    {
        // One block per area, separated by blank lines so that parallel work merges cleanly.

        // analyze (scenario, questions)
        config.AddCommand<AnalyzeCommand>("analyze")
            .WithDescription("Answer a scenario's questions (default: the built-in South Caucasus scenario) with numbers, intervals, drivers and verdicts")
            .WithExample("analyze")
            .WithExample("analyze", "--policy", "all-combined", "--out", "report")
            .WithExample("analyze", "scenarios/south-caucasus.yaml", "--samples", "500", "--seed", "7", "--json");

        // elicit (expert judgement sheets)
        config.AddBranch("elicit", elicit =>
        {
            elicit.SetDescription("Expert elicitation: write the sheet an expert fills for an issue, and fold filled sheets into a scenario.");
            elicit.AddCommand<ElicitTemplateCommand>("template")
                .WithDescription("Write the blank elicitation sheet (CSV) for one issue of a scenario to standard output")
                .WithExample("elicit", "template", "scenarios/south-caucasus.yaml", "armenia-government");
            elicit.AddCommand<ElicitMergeCommand>("merge")
                .WithDescription("Fold filled sheets into a scenario, one judgement source per expert; the merged scenario goes to standard output or --out")
                .WithExample("elicit", "merge", "scenarios/south-caucasus.yaml", "sheets/ana.csv", "sheets/ben.csv", "--out", "merged.yaml");
        });

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
        config.AddCommand<CoercionCommand>("coercion")
            .WithDescription("Economic coercion: what a lever costs sender and target as shares of GDP, and who pays more")
            .WithExample("coercion", "examples/coercion-deport-migrants.yaml", "--samples", "5000", "--seed", "1");

        // forecast, resolve, score (the forecast ledger)
        config.AddCommand<ForecastCommand>("forecast")
            .WithDescription("Probabilities of the scenario's dated, resolvable questions with ICD 203 terms, recorded in the forecast ledger")
            .WithExample("forecast")
            .WithExample("forecast", "scenarios/south-caucasus.yaml", "--json");
        config.AddCommand<ResolveCommand>("resolve")
            .WithDescription("Record what happened to a forecast question (or many, from CSV); corrections are new records with a reason")
            .WithExample("resolve", "pashinyan-in-office-2025", "yes", "--date", "2025-12-31", "--source", "https://www.gov.am/en/")
            .WithExample("resolve", "--file", "resolutions.csv");
        config.AddCommand<ScoreCommand>("score")
            .WithDescription("Score the ledger's forecasts against their resolutions: Brier, log score, CRPS, skill, calibration, sharpness")
            .WithExample("score", "--json");
        config.AddBranch("backtest", backtest =>
        {
            backtest.SetDescription("Score the probability machinery on resolved history: DEU III issues and the conflict-history test years as binary questions.");
            backtest.AddCommand<BacktestDeuCommand>("deu")
                .WithDescription("DEU III issues as binary questions (outcome on the Commission's side of the midpoint?), each model's probability scored")
                .WithExample("backtest", "deu", "../shared/reference/deu/deu3_public.tsv", "--json");
            backtest.AddCommand<BacktestConflictCommand>("conflict")
                .WithDescription("The War Trap dispute models fitted on 1816-1945 forecast every relevant directed dyad-year of 1946-2014, scored against group base rates")
                .WithExample("backtest", "conflict", "--json");
        });

        // dyads, validate (conflict history)
        config.AddCommand<DyadsCommand>("dyads")
            .WithDescription("Directed dyad-years 1816-2016 with capabilities, contiguity, alliances, War Trap EU, disputes and wars (docs/dyads.md)")
            .WithExample("dyads", "--from", "1990", "--to", "1992", "--relevant")
            .WithExample("dyads", "--alliances", "cow", "--measure", "s", "--out", "dyads.parquet");
        config.AddBranch("validate", validate =>
        {
            validate.SetDescription("Validate models on real outcomes.");
            validate.AddCommand<ValidateConflictCommand>("conflict")
                .WithDescription("War Trap on 1816-2014: dyad-year counts, the necessary condition, out-of-sample dispute models (docs/validation/conflict.md)")
                .WithExample("validate", "conflict", "--json");
        });

        // runs, serve
        config.AddBranch("runs", runs =>
        {
            runs.SetDescription("The run store: every recorded run, its manifest and its result.");
            runs.AddCommand<RunsListCommand>("list").WithDescription("List recorded runs, newest first.");
            runs.AddCommand<RunsShowCommand>("show").WithDescription("Show one run's manifest and JSON result.");
            runs.AddCommand<RunsDiffCommand>("diff").WithDescription("What changed between two runs: inputs, and how each answer moved.");
        });
        config.SetInterceptor(new RunsRecording.Clock());
        config.AddCommand<ServeCommand>("serve").WithDescription("Serve the dashboard in a browser (127.0.0.1:5080 by default).");

        // ingest, timeline
        config.AddBranch("ingest", ingest =>
        {
            ingest.SetDescription("Code political events (CAMEO or PLOVER) and figures from text; read ICEWS, GDELT and POLECAT events.");
            ingest.SetDefaultCommand<IngestCommand>();
            ingest.AddCommand<IngestValidateCommand>("validate")
                .WithDescription("Run a TABARI validation project and report each record as passed or failed.");
        });
        config.AddCommand<TimelineCommand>("timeline")
            .WithDescription("Monthly dyadic series and per-dyad timelines from an event file or texts.");
        config.AddCommand<WatchCommand>("watch")
            .WithDescription("For each question of a scenario, the coded events that bear on its flip points and drivers, and how far they push them.")
            .WithExample("watch", "built-in", "events.csv", "--since", "2025-07-06");
    }
}
