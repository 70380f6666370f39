namespace Statecraft.Core.Forecasting;

/// <summary>The seven terms of likelihood of US Intelligence Community Directive 203 (2015), in order.</summary>
public enum EstimativeTerm
{
    AlmostNoChance,
    VeryUnlikely,
    Unlikely,
    RoughlyEvenChance,
    Likely,
    VeryLikely,
    AlmostCertain,
}

/// <summary>
/// ICD 203's expressions of likelihood: almost no chance 1-5%, very unlikely 5-20%, unlikely 20-45%,
/// roughly even chance 45-55%, likely 55-80%, very likely 80-95%, almost certain 95-99%. The
/// directive's ranges share their end points; here a shared end point belongs to the term nearer
/// the middle (5% is very unlikely, 95% very likely, 45% and 55% roughly even), so the scale is
/// symmetric: p and 1 − p get mirror-image terms. Below 1% and above 99% keep the outer terms.
/// </summary>
public static class EstimativeLanguage
{
    private static readonly (EstimativeTerm Term, double Low, double High, string Words)[] Scale =
    [
        (EstimativeTerm.AlmostNoChance, 0.01, 0.05, "almost no chance"),
        (EstimativeTerm.VeryUnlikely, 0.05, 0.20, "very unlikely"),
        (EstimativeTerm.Unlikely, 0.20, 0.45, "unlikely"),
        (EstimativeTerm.RoughlyEvenChance, 0.45, 0.55, "roughly even chance"),
        (EstimativeTerm.Likely, 0.55, 0.80, "likely"),
        (EstimativeTerm.VeryLikely, 0.80, 0.95, "very likely"),
        (EstimativeTerm.AlmostCertain, 0.95, 0.99, "almost certain"),
    ];

    /// <summary>The term for probability <paramref name="p"/> (finite, in [0, 1]).</summary>
    public static EstimativeTerm Term(double p)
    {
        Scores.CheckProbability(p);
        return p switch
        {
            < 0.05 => EstimativeTerm.AlmostNoChance,
            < 0.20 => EstimativeTerm.VeryUnlikely,
            < 0.45 => EstimativeTerm.Unlikely,
            <= 0.55 => EstimativeTerm.RoughlyEvenChance,
            <= 0.80 => EstimativeTerm.Likely,
            <= 0.95 => EstimativeTerm.VeryLikely,
            _ => EstimativeTerm.AlmostCertain,
        };
    }

    /// <summary>The directive's words for a term, e.g. "very unlikely".</summary>
    public static string Words(EstimativeTerm term) => Scale[(int)term].Words;

    /// <summary>The directive's words for probability <paramref name="p"/>.</summary>
    public static string Words(double p) => Words(Term(p));

    /// <summary>The directive's range for a term, e.g. (0.05, 0.20) for very unlikely.</summary>
    public static (double Low, double High) Range(EstimativeTerm term) => (Scale[(int)term].Low, Scale[(int)term].High);
}
