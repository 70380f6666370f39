using Statecraft.Core.Domain;

namespace Statecraft.Core.Scenarios;

public enum ActorKind
{
    State,
    Bloc,

    /// <summary>A domestic faction acting in its own right (a government, an opposition).</summary>
    Faction,
}

/// <summary>
/// A state, bloc or domestic faction. <see cref="Country"/> names the state a faction belongs to.
/// Attributes are further sourced numbers (regime, UN ideal point, military personnel...).
/// </summary>
public sealed record ScenarioActor(
    string Id,
    string Name,
    ActorKind Kind,
    SourcedValue Capability,
    IReadOnlyDictionary<string, SourcedValue> Attributes,
    string? Country = null,
    string Description = "",
    SourceLocation? Where = null);

/// <summary>
/// One actor's stance on an issue: its position on the issue's scale, how much it cares, and
/// <see cref="Influence"/>, the weight it brings to bear on this issue (any non-negative number;
/// only ratios within the issue matter). Influence is specific to the issue and separate from
/// military capability: null only on an issue that declares <see cref="ScenarioIssue.InfluenceFromCapability"/>.
/// </summary>
public sealed record Stance(string ActorId, SourcedValue Position, SourcedValue Salience, SourceLocation? Where = null, SourcedValue? Influence = null);

/// <summary>
/// An issue of bargaining: a scale whose ends mean something, and the actors' stances.
/// <see cref="InfluenceFromCapability"/>: the issue is decided by military force, so a stance
/// without its own influence weighs by its actor's capability (CINC in the built-in scenario).
/// </summary>
public sealed record ScenarioIssue(
    string Id,
    string Title,
    IssueScale Scale,
    IReadOnlyList<Stance> Stances,
    SourceLocation? Where = null,
    bool InfluenceFromCapability = false)
{
    public Stance? StanceOf(string actorId) => Stances.FirstOrDefault(s => s.ActorId == actorId);

    /// <summary>The input path of a stance's weight on this issue: its own influence, or its actor's capability.</summary>
    public string InfluencePath(Stance stance) =>
        stance.Influence is null ? $"actor/{stance.ActorId}/capability" : $"issue/{Id}/{stance.ActorId}/influence";
}

public enum TieKind
{
    /// <summary>A defence pact or mutual-assistance pledge.</summary>
    Defence,

    /// <summary>A neutrality or non-aggression commitment.</summary>
    NonAggression,

    /// <summary>A consultation pact, strategic partnership or declared alliance without a defence clause.</summary>
    Entente,

    /// <summary>Open hostility or an unsettled conflict.</summary>
    Rivalry,

    /// <summary>A state backing a faction or a government (money, media, protection).</summary>
    Backing,

    /// <summary>Economic dependence of the first actor on the second.</summary>
    Dependence,

    /// <summary>The first actor keeps forces or monitors on the second's territory.</summary>
    Basing,
}

/// <summary>
/// A dated relation between two actors. Until = null means it still holds at the scenario date.
/// <see cref="Commitment"/> names a parameter (a share in [0, 1]) saying how fully From weighs in on
/// To's side when To is attacked: War Trap's third-party commitment.
/// </summary>
public sealed record Tie(
    TieKind Kind,
    string From,
    string To,
    DateOnly? Since,
    DateOnly? Until,
    SourceRef Source,
    string Note = "",
    string? Commitment = null,
    SourceLocation? Where = null)
{
    public bool HoldsOn(DateOnly date) => (Since is null || Since <= date) && (Until is null || Until >= date);

    public bool Links(string a, string b) => (From == a && To == b) || (From == b && To == a);
}

/// <summary>A named scenario-wide input with a unit (e.g. the share of Russian forces tied down in Ukraine).</summary>
public sealed record Parameter(string Id, string Text, string Unit, SourcedValue Value, SourceLocation? Where = null);

public enum LeverKind
{
    Attack,
    DeportMigrants,
    BanImports,
    CutTransit,
    BackFaction,
    SanctionOfficials,
}

/// <summary>An option an actor can take against a target, with the sourced inputs its model reads.</summary>
public sealed record Lever(
    string Id,
    LeverKind Kind,
    string Actor,
    string Target,
    string Text,
    IReadOnlyDictionary<string, SourcedValue> Inputs,
    SourceLocation? Where = null);

public enum ChangeOperation
{
    Set,
    Add,
    Scale,
}

/// <summary>
/// What a policy change touches. Exactly one of Issue (with Actor and Field position|salience|influence),
/// Actor (with Field capability or an attribute), Parameter, or Lever (with Field = an input).
/// </summary>
public sealed record ChangeTarget(string? Issue = null, string? Actor = null, string? Parameter = null, string? Lever = null, string? Field = null)
{
    public override string ToString() =>
        Issue is not null ? $"issue {Issue}, actor {Actor}, {Field}"
        : Parameter is not null ? $"parameter {Parameter}"
        : Lever is not null ? $"lever {Lever}, {Field}"
        : $"actor {Actor}, {Field}";
}

/// <summary>One documented delta: target, operation, amount (which may be a range), and why.</summary>
public sealed record Change(ChangeTarget Target, ChangeOperation Operation, Estimate Amount, SourceRef Source, SourceLocation? Where = null);

/// <summary>A named package of changes to the scenario (a Western option, a what-if).</summary>
/// <remarks>
/// A policy with <see cref="ResponseBy"/> is not a package but one of that actor's responses to
/// packages (a lever it can pull); <see cref="Cost"/> is what pulling it costs the actor, in the same
/// units as its objective (salience-weighted shares of the issue scales, see docs/policies.md).
/// </remarks>
public sealed record Policy(
    string Id,
    string Title,
    string Text,
    IReadOnlyList<string> Claims,
    IReadOnlyList<Change> Changes,
    IReadOnlyList<string> Includes,
    bool WhatIf = false,
    SourceLocation? Where = null,
    string? ResponseBy = null,
    SourcedValue? Cost = null)
{
    /// <summary>A package the policy comparison ranks: neither a what-if nor someone's response.</summary>
    public bool IsPackage => !WhatIf && ResponseBy is null;
}

public enum QuestionModel
{
    /// <summary>BDM with SMP and the weighted mean beside it, on one issue.</summary>
    Bargaining,

    /// <summary>War Trap expected utility of the challenger attacking the target, with third parties.</summary>
    WarTrap,

    /// <summary>Cost to sender and target of an economic lever, as a ratio.</summary>
    Coercion,

    /// <summary>Every policy package run through the other questions and ranked.</summary>
    PolicyComparison,
}

/// <summary>What the source article expects of the answer's value, so agreement is computed, not asserted.</summary>
public sealed record Expectation(double? Above = null, double? Below = null)
{
    public bool IsMetBy(double value) => (Above is null || value > Above) && (Below is null || value < Below);

    public override string ToString() =>
        Above is not null && Below is not null ? $"between {Above} and {Below}"
        : Above is not null ? $"above {Above}"
        : Below is not null ? $"below {Below}" : "anything";
}

/// <summary>Which way a comparison expects the answer to move.</summary>
public enum ClaimDirection
{
    Higher,
    Lower,
}

/// <summary>
/// A claim tested by comparison: the answer under the policy <see cref="Assume"/> against the answer
/// without it, expected <see cref="Expect"/>. On a policy comparison, <see cref="Question"/> names the
/// question whose answer the package should move (after the responder's best response, if any).
/// </summary>
public sealed record ClaimComparison(string Assume, ClaimDirection Expect, string? Question = null);

/// <summary>
/// One claim of the source as a question tests it: the proposition the model can check, stated in
/// words, and how: an <see cref="Expect"/>ation on the answer, a <see cref="Compare"/>son under a
/// policy, or <see cref="NotTested"/> with the reason the model cannot test it. Exactly one of the three.
/// </summary>
public sealed record ClaimTest(
    string Claim,
    string Proposition,
    Expectation? Expect = null,
    ClaimComparison? Compare = null,
    string? NotTested = null,
    SourceLocation? Where = null);

/// <summary>
/// A question the scenario answers. Bargaining questions name an issue; War Trap questions a
/// challenger and target (optionally under a what-if policy, and compared with and without a
/// backer whose commitment to the challenger is the parameter <see cref="BackerCommitment"/>);
/// coercion questions a lever, and in <see cref="Measure"/> which comparison the claim is about
/// (US$, or shares of GDP; the answer reports both). A policy comparison may name the <see cref="Sponsors"/> whose
/// stances say which way each outcome is a gain, and a <see cref="Responder"/> whose best response
/// meets each package. <see cref="ClaimTests"/> test each claim on its own; a question written
/// with bare claim ids tests them all by its own expectation (<see cref="Tests"/>).
/// </summary>
public sealed record Question(
    string Id,
    string Text,
    QuestionModel Model,
    IReadOnlyList<string> Claims,
    string SourceConclusion,
    Expectation Expect,
    string? Issue = null,
    string? Challenger = null,
    string? Target = null,
    string? Lever = null,
    string? Assume = null,
    string? Backer = null,
    string? BackerCommitment = null,
    SourceLocation? Where = null,
    Coercion.CoercionMeasure Measure = Coercion.CoercionMeasure.ShareOfGdp,
    IReadOnlyList<ClaimTest>? ClaimTests = null,
    string? Responder = null,
    IReadOnlyList<string>? Sponsors = null)
{
    /// <summary>Every claim with its test: the stated ones, else each claim by the question's own expectation.</summary>
    public IReadOnlyList<ClaimTest> Tests =>
        ClaimTests ?? Claims.Select(c => new ClaimTest(c, SourceConclusion, Expect, Where: Where)).ToArray();

    /// <summary>
    /// War Trap questions: the parameter holding the dyad's COW contiguity type (0-5), for the calibrated
    /// probability of a dispute; with <see cref="PeaceYears"/> (see docs/validation/conflict.md).
    /// </summary>
    public string? Contiguity { get; init; }

    /// <summary>War Trap questions: the parameter holding the years since the dyad's last militarized dispute.</summary>
    public string? PeaceYears { get; init; }
}
