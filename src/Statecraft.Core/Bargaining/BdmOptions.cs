using Statecraft.Core.Domain;

namespace Statecraft.Core.Bargaining;

/// <summary>How the probability that i prevails over j is built from the actors' votes (DESIGN §3.1).</summary>
public enum ProbabilityVariant
{
    /// <summary>Published text: votes for i over j divided by all votes cast on the pair.</summary>
    Text,

    /// <summary>Masad's replication: the net vote for i, floored at zero, over all votes on the pair.</summary>
    Masad,

    /// <summary>Scholz's code: votes for i over j divided by the votes cast on every pair of actors.</summary>
    ScholzCode,
}

/// <summary>Which of the offers an actor received it accepts.</summary>
public enum OfferChoice
{
    /// <summary>Published text: the offer that asks the smallest move.</summary>
    LeastMovement,

    /// <summary>Scholz's code: any confrontation first, then compromises, then capitulations.</summary>
    ConfrontationFirst,

    /// <summary>
    /// Masad's replication: the challenge its proposer values most; each side judges with its own
    /// risk exponent instead of the receiver's view of both.
    /// </summary>
    HighestEu,
}

/// <summary>How a voter's distance to the two positions enters its vote.</summary>
public enum VoteDistance
{
    /// <summary>Plain distance (the text and Masad).</summary>
    Linear,

    /// <summary>Distance raised to the voter's current risk exponent (Scholz's code).</summary>
    RiskWeighted,
}

/// <summary>Known faults of the reference codes, reproduced only on request.</summary>
[Flags]
public enum BdmFaults
{
    None = 0,

    /// <summary>Scholz's code tests <c>b &lt; |b|</c> instead of <c>b &lt; |a|</c>: capitulation never happens.</summary>
    CapitulationNeverFires = 1,

    /// <summary>
    /// Scholz's code picks among compromises the one whose EU-weighted position of the two actors
    /// is lowest, not the one that moves the actor least.
    /// </summary>
    CompromiseByWeightedPosition = 2,

    /// <summary>
    /// Masad's replication uses as μ the position with the largest single pairwise vote margin in the
    /// risk-neutral pass and the weighted mean in the second pass.
    /// </summary>
    MedianChangesMeaning = 4,

    /// <summary>Masad's replication adds, instead of subtracting, the (1 − Q) term of the status quo.</summary>
    StatusQuoSignFlipped = 8,
}

/// <summary>Every choice of the BDM model; <see cref="Default"/> is the published text without faults.</summary>
public sealed record BdmOptions
{
    public ProbabilityVariant Probability { get; init; } = ProbabilityVariant.Text;
    public OfferChoice OfferChoice { get; init; } = OfferChoice.LeastMovement;
    public VoteDistance VoteDistance { get; init; } = VoteDistance.Linear;

    /// <summary>Probability that the status quo persists when nobody challenges (the codes use 1).</summary>
    public double Q { get; init; } = 1.0;

    /// <summary>Probability that an unchallenged change moves toward the actor (better, not worse).</summary>
    public double T { get; init; } = 1.0;

    /// <summary>Most rounds to run.</summary>
    public int Rounds { get; init; } = 10;

    /// <summary>
    /// Stop after a round in which no actor moved more than this fraction of the position range
    /// (0: stop once nobody moves, which changes nothing since later rounds would repeat);
    /// null: always run <see cref="Rounds"/> rounds.
    /// </summary>
    public double? ConvergenceTolerance { get; init; } = 0.0;

    public BdmFaults Faults { get; init; } = BdmFaults.None;

    /// <summary>The published text's model, without the faults of the reference codes.</summary>
    public static BdmOptions Default { get; } = new();

    /// <summary>Reproduces jmckib's port of Scholz et al.'s code, faults included.</summary>
    public static BdmOptions ScholzCode { get; } = new()
    {
        Probability = ProbabilityVariant.ScholzCode,
        OfferChoice = OfferChoice.ConfrontationFirst,
        VoteDistance = VoteDistance.RiskWeighted,
        ConvergenceTolerance = null,
        Faults = BdmFaults.CapitulationNeverFires | BdmFaults.CompromiseByWeightedPosition,
    };

    /// <summary>Reproduces Masad's replication, faults included.</summary>
    public static BdmOptions Masad { get; } = new()
    {
        Probability = ProbabilityVariant.Masad,
        OfferChoice = OfferChoice.HighestEu,
        ConvergenceTolerance = null,
        Faults = BdmFaults.MedianChangesMeaning | BdmFaults.StatusQuoSignFlipped,
    };

    /// <summary>Named presets, as the command line spells them.</summary>
    public static IReadOnlyDictionary<string, BdmOptions> Presets { get; } = new Dictionary<string, BdmOptions>
    {
        ["text"] = Default,
        ["scholz-code"] = ScholzCode,
        ["masad"] = Masad,
    };

    /// <summary>Every option out of its range, as problems naming the option.</summary>
    public IReadOnlyList<Problem> Validate()
    {
        var problems = new List<Problem>();
        if (!(Q is >= 0 and <= 1)) problems.Add(new Problem("options", "q", $"expected a number in [0, 1], found {Q}"));
        if (!(T is >= 0 and <= 1)) problems.Add(new Problem("options", "t", $"expected a number in [0, 1], found {T}"));
        if (Rounds < 0) problems.Add(new Problem("options", "rounds", $"expected a whole number >= 0, found {Rounds}"));
        if (ConvergenceTolerance is { } tol && !(tol >= 0 && double.IsFinite(tol)))
            problems.Add(new Problem("options", "convergence", $"expected a finite number >= 0, found {tol}"));
        if (!Enum.IsDefined(Probability)) problems.Add(new Problem("options", "probability", "unknown variant"));
        if (!Enum.IsDefined(OfferChoice)) problems.Add(new Problem("options", "offer-choice", "unknown rule"));
        if (!Enum.IsDefined(VoteDistance)) problems.Add(new Problem("options", "vote-distance", "unknown rule"));
        return problems;
    }
}
