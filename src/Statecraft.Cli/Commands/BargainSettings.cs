using System.ComponentModel;
using Spectre.Console.Cli;

namespace Statecraft.Cli.Commands;

/// <summary>Arguments of <c>statecraft bargain</c>. Values are checked by the chosen model, all problems at once.</summary>
public sealed class BargainSettings : StoredRunSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("Actor table (BDM CSV: Actor, Capability, Position, Salience), or a KTAB CSV/XML scenario for --model smp")]
    public string File { get; init; } = "";

    [CommandOption("--model <MODEL>")]
    [Description("bdm (expected-utility bargaining), smp (KTAB's spatial model), mean or median (capability × salience baselines)")]
    [DefaultValue("bdm")]
    public string Model { get; init; } = "bdm";

    [CommandOption("--preset <PRESET>")]
    [Description("text (default), scholz-code or masad: reproduce a reference run; other options override it")]
    public string? Preset { get; init; }

    [CommandOption("--probability <VARIANT>")]
    [Description("How P(i beats j) is built: text, masad or scholz-code")]
    public string? Probability { get; init; }

    [CommandOption("--offer-choice <RULE>")]
    [Description("Which offer an actor takes: least-movement, confrontation-first or highest-eu")]
    public string? OfferChoice { get; init; }

    [CommandOption("--vote-distance <RULE>")]
    [Description("linear, or risk-weighted (distances raised to the voter's risk exponent, Scholz's code)")]
    public string? VoteDistance { get; init; }

    [CommandOption("-q|--status-quo <Q>")]
    [Description("Probability that the status quo persists unchallenged, in [[0, 1]] (default 1)")]
    public double? Q { get; init; }

    [CommandOption("-t|--better <T>")]
    [Description("Probability that an unchallenged change goes the actor's way, in [[0, 1]] (default 1)")]
    public double? T { get; init; }

    [CommandOption("--rounds <N>")]
    [Description("Most rounds to run (default 10)")]
    public int? Rounds { get; init; }

    [CommandOption("--convergence <TOLERANCE>")]
    [Description("Stop when no actor moves more than this fraction of the range (default 0: once nobody moves); 'none' runs every round")]
    public string? Convergence { get; init; }

    [CommandOption("--fault <FAULT>")]
    [Description("Reproduce a reference code's fault (repeatable): capitulation-never-fires, compromise-by-weighted-position, median-changes-meaning, status-quo-sign-flipped")]
    public string[] Faults { get; init; } = [];

    [CommandOption("--ktab <NAME=VALUE>")]
    [Description("smp: a KTAB model parameter (repeatable), e.g. PCEModel=MarkovIncentive, StateTransitions=Stochastic")]
    public string[] Ktab { get; init; } = [];

    [CommandOption("--seed <SEED>")]
    [Description("smp: seed of the stochastic mode (default: the XML scenario's, else 0)")]
    public string? Seed { get; init; }

    [CommandOption("--json")]
    [Description("Write the result as JSON")]
    public bool Json { get; init; }
}
