namespace Statecraft.Core.Events;

/// <summary>When the coder stops looking for events (TABARI's <c>SET: CODE BY ...</c>).</summary>
public enum CodeBy
{
    Clause,
    Sentence,
    All,
}

/// <summary>
/// Coding options, the subset of TABARI's .options that changes which events are found.
/// Defaults are TABARI's defaults; <see cref="SkipRecommendations"/> is ours.
/// </summary>
public sealed record CoderOptions
{
    public CodeBy CodeBy { get; init; } = CodeBy.Clause;

    /// <summary>Comma-delimited clauses of MIN &lt; words &lt;= MAX are dropped (B: first, E: last).</summary>
    public bool CommaOff { get; init; }
    public int CommaMin { get; init; } = 2;
    public int CommaMax { get; init; } = 10;
    public int CommaEndMin { get; init; } = 2;
    public int CommaEndMax { get; init; } = 10;
    public int CommaBeginMin { get; init; } = 128;
    public int CommaBeginMax { get; init; }

    /// <summary>COMPLEX: sentences with more verbs / conjunctions than these, or with no actor before
    /// the first verb, are set aside as complex instead of coded. 0 = no limit.</summary>
    public bool ComplexEnabled { get; init; }
    public int ComplexVerbs { get; init; }
    public int ComplexConjunctions { get; init; }
    public bool NoActorPrior { get; init; }

    /// <summary>Agents found without an actor become actors with the agent code (e.g. <c>~REB</c>).</summary>
    public bool ConvertAgents { get; init; }

    /// <summary>Sentences with fewer words are not coded (TABARI's SET: MINIMUM WORDS; TABARI's default
    /// is 8, ours 0).</summary>
    public int MinimumWords { get; init; }

    /// <summary>TABARI's FORWARD: a pronoun with no actor before it in its record refers to the first
    /// actor named in the previous record of the same story.</summary>
    public bool Forward { get; init; }

    public string? DefaultSource { get; init; }
    public bool DefaultSourcePrior { get; init; }
    public string? DefaultTarget { get; init; }
    public bool DefaultTargetAfter { get; init; }

    /// <summary>Verbs governed by "should", "must", "ought to" (recommendations), "would", "could", "might"
    /// (hypotheticals) or "not", "never" state what did not happen and are not coded. Off for TABARI
    /// validation (whose dictionaries code these through patterns), on for reading analysis.</summary>
    public bool SkipRecommendations { get; init; }

    /// <summary>Commas end clauses (instead of TABARI's dropping of short comma-delimited asides), and
    /// the source is the actor nearest before the verb. Suits the long sentences of analysis.</summary>
    public bool CommaClauses { get; init; }

    /// <summary>A plain statement (CAMEO 010, "said") is subordinate: dropped when the sentence gives any other
    /// event, as CAMEO codes 010 only when nothing more specific is said ("X said Y attacked Z" is Y's attack).</summary>
    public bool StatementsSubordinate { get; init; }

    /// <summary>An intended action ("will visit", "agreed to send", "is ready to attack", "said they would
    /// meet") is coded as CAMEO's intent or threat for that action (036, 033, 138 ...), not as done.</summary>
    public bool Intentions { get; init; }
}
