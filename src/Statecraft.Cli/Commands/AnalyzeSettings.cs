using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Statecraft.Core.Domain;
using Statecraft.Core.Scenarios.Analysis;

namespace Statecraft.Cli.Commands;

public sealed class AnalyzeSettings : StoredRunSettings
{
    [CommandArgument(0, "[SCENARIO]")]
    [Description("Scenario YAML file (docs/scenario-format.md). Default: the built-in South Caucasus scenario.")]
    public string? Scenario { get; init; }

    [CommandOption("--policy <NAME>")]
    [Description("Apply a policy package before answering (repeatable, applied in order), e.g. s21-back-pashinyan.")]
    public string[] Policies { get; init; } = [];

    [CommandOption("--samples <N>")]
    [Description("Monte Carlo draws per question and package.")]
    [DefaultValue(AnalysisOptions.DefaultSamples)]
    public int Samples { get; init; } = AnalysisOptions.DefaultSamples;

    [CommandOption("--seed <S>")]
    [Description("Master random seed; the same seed gives the same bytes.")]
    [DefaultValue(AnalysisOptions.DefaultSeed)]
    public ulong Seed { get; init; } = AnalysisOptions.DefaultSeed;

    [CommandOption("--expert-aggregation <METHOD>")]
    [Description("How numbers judged by several experts are pooled: linear-pool (a mixture the Monte Carlo samples) or median. Default: the scenario's expert_aggregation.")]
    public string? ExpertAggregation { get; init; }

    [CommandOption("--json")]
    [Description("Write the findings as JSON to standard output (the contract in docs/scenario-format.md).")]
    public bool Json { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("Write report.md, a self-contained report.html with charts, and analysis.json into DIR.")]
    public string? Out { get; init; }

    [CommandOption("--events <FILE>")]
    [Description("Coded events (ingest --csv) or texts to code; the report shows the events behind each tie (repeatable).")]
    public string[] Events { get; init; } = [];

    public override ValidationResult Validate() =>
        Samples < 1 || Samples > Limits.Current.Samples
            ? ValidationResult.Error($"--samples: expected a whole number from 1 to {Limits.Current.Samples} (the samples limit, raised with {Limits.Variable}=samples=N), found {Samples}")
            : ExpertAggregation is not null && !Core.Elicitation.ExpertPooling.Names.ContainsKey(ExpertAggregation)
                ? ValidationResult.Error($"--expert-aggregation: expected {string.Join(" or ", Core.Elicitation.ExpertPooling.Names.Keys)}, found '{ExpertAggregation}'")
                : ValidationResult.Success();
}
