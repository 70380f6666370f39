using System.Globalization;
using Statecraft.Core.Domain;

namespace Statecraft.Core.Forecasting;

/// <summary>What a resolvable question asks for: whether an event happens, a number, or one of several categories.</summary>
public enum QuestionKind
{
    Binary,
    Numeric,
    Categorical,
}

/// <summary>A category of a categorical question and the probability given to it.</summary>
public sealed record CategoryProbability(string Category, double P);

/// <summary>
/// A forecast's probability statement, one shape per question kind: the probability of yes (binary);
/// the predictive distribution as <see cref="QuantileCount"/> quantiles at the levels (i + ½)/n,
/// ascending (numeric); a probability per category, summing to 1 (categorical). Built through the
/// factories, which check it, so a prediction in hand is always valid.
/// </summary>
public sealed record Prediction
{
    /// <summary>How many quantiles a numeric prediction keeps: enough for CRPS to within a fraction of a percent of the exact value.</summary>
    public const int QuantileCount = 200;

    private Prediction(QuestionKind kind, double? p, IReadOnlyList<double>? quantiles, IReadOnlyList<CategoryProbability>? categories)
    {
        Kind = kind;
        P = p;
        Quantiles = quantiles;
        Categories = categories;
    }

    public QuestionKind Kind { get; }

    /// <summary>The probability of yes (binary questions only).</summary>
    public double? P { get; }

    /// <summary>The predictive distribution's quantiles at the levels (i + ½)/n, ascending (numeric questions only).</summary>
    public IReadOnlyList<double>? Quantiles { get; }

    /// <summary>The probability of each category, in the question's order (categorical questions only).</summary>
    public IReadOnlyList<CategoryProbability>? Categories { get; }

    public static Prediction Binary(double p)
    {
        Scores.CheckProbability(p);
        return new Prediction(QuestionKind.Binary, p, null, null);
    }

    /// <summary>A numeric prediction from draws of the predictive distribution (Monte Carlo samples, at least one), kept as quantiles.</summary>
    public static Prediction FromSamples(IReadOnlyList<double> samples)
    {
        if (samples.Count == 0) throw new ArgumentException("a numeric prediction needs at least one sample", nameof(samples));
        var sorted = samples.ToArray();
        foreach (var x in sorted)
            if (!double.IsFinite(x)) throw new ArgumentOutOfRangeException(nameof(samples), x, "finite samples");
        Array.Sort(sorted);
        var quantiles = new double[QuantileCount];
        for (var i = 0; i < QuantileCount; i++) quantiles[i] = EmpiricalQuantile(sorted, (i + 0.5) / QuantileCount);
        return new Prediction(QuestionKind.Numeric, null, quantiles, null);
    }

    /// <summary>A numeric prediction from a quantile function (a stated distribution).</summary>
    public static Prediction FromQuantileFunction(Func<double, double> quantile)
    {
        var quantiles = new double[QuantileCount];
        for (var i = 0; i < QuantileCount; i++)
        {
            quantiles[i] = quantile((i + 0.5) / QuantileCount);
            if (!double.IsFinite(quantiles[i])) throw new ArgumentOutOfRangeException(nameof(quantile), quantiles[i], "finite quantiles");
        }

        return new Prediction(QuestionKind.Numeric, null, quantiles, null);
    }

    /// <summary>Numeric prediction from stored quantiles (the ledger): the count and order are checked.</summary>
    public static Prediction FromQuantiles(IReadOnlyList<double> quantiles)
    {
        if (quantiles.Count != QuantileCount) throw new ArgumentException($"expected {QuantileCount} quantiles, found {quantiles.Count}", nameof(quantiles));
        for (var i = 0; i < quantiles.Count; i++)
        {
            if (!double.IsFinite(quantiles[i])) throw new ArgumentOutOfRangeException(nameof(quantiles), quantiles[i], "finite quantiles");
            if (i > 0 && quantiles[i] < quantiles[i - 1]) throw new ArgumentException("quantiles must ascend", nameof(quantiles));
        }

        return new Prediction(QuestionKind.Numeric, null, quantiles.ToArray(), null);
    }

    /// <summary>A probability per category; they must be probabilities summing to 1 (within 1e-9), each category once.</summary>
    public static Prediction Categorical(IReadOnlyList<CategoryProbability> categories)
    {
        if (CategoricalProblem(categories) is { } problem) throw new ArgumentException(problem, nameof(categories));
        return new Prediction(QuestionKind.Categorical, null, null, categories.ToArray());
    }

    /// <summary>Why these category probabilities are not a distribution, or null if they are.</summary>
    public static string? CategoricalProblem(IReadOnlyList<CategoryProbability> categories)
    {
        if (categories.Count < 2) return "a categorical prediction needs at least two categories";
        if (categories.Select(c => c.Category).Distinct(StringComparer.Ordinal).Count() != categories.Count) return "each category once";
        foreach (var c in categories)
            if (!double.IsFinite(c.P) || c.P is < 0 or > 1) return $"'{c.Category}': expected a probability in [0, 1], found {Format(c.P)}";
        var sum = categories.Sum(c => c.P);
        return Math.Abs(sum - 1) > 1e-9 ? $"the probabilities must sum to 1, they sum to {Format(sum)}" : null;
    }

    /// <summary>The median of a numeric prediction.</summary>
    public double Median => Quantile(0.5);

    /// <summary>A quantile of a numeric prediction, interpolated between the kept quantiles.</summary>
    public double Quantile(double level)
    {
        if (Quantiles is not { } q) throw new InvalidOperationException("only numeric predictions have quantiles");
        var position = level * q.Count - 0.5;
        if (position <= 0) return q[0];
        if (position >= q.Count - 1) return q[^1];
        var i = (int)Math.Floor(position);
        return q[i] + (position - i) * (q[i + 1] - q[i]);
    }

    /// <summary>The probability this prediction gave to what happened (binary and categorical; null for numeric).</summary>
    public double? ProbabilityOf(Outcome outcome) => Kind switch
    {
        QuestionKind.Binary => outcome.Happened!.Value ? P!.Value : 1 - P!.Value,
        QuestionKind.Categorical => Categories!.First(c => c.Category == outcome.Category).P,
        _ => null,
    };

    /// <summary>The prediction in a few words: "p = 0.04", "median 12.5 (90%: 11.0 to 14.0)", "a 0.6, b 0.4".</summary>
    public override string ToString() => Kind switch
    {
        QuestionKind.Binary => $"p = {Format(P!.Value)}",
        QuestionKind.Numeric => $"median {Format(Median)} (90%: {Format(Quantile(0.05))} to {Format(Quantile(0.95))})",
        _ => string.Join(", ", Categories!.Select(c => $"{c.Category} {Format(c.P)}")),
    };

    public bool Equals(Prediction? other) =>
        other is not null && Kind == other.Kind && P == other.P
        && (Quantiles is null ? other.Quantiles is null : other.Quantiles is not null && Quantiles.SequenceEqual(other.Quantiles))
        && (Categories is null ? other.Categories is null : other.Categories is not null && Categories.SequenceEqual(other.Categories));

    public override int GetHashCode() => HashCode.Combine(Kind, P, Quantiles?.Count, Categories?.Count);

    private static string Format(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Linear interpolation between order statistics (type 7 of Hyndman and Fan, as R and NumPy default).</summary>
    private static double EmpiricalQuantile(double[] sorted, double level)
    {
        var h = (sorted.Length - 1) * level;
        var i = (int)Math.Floor(h);
        return i + 1 < sorted.Length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
    }
}

/// <summary>
/// What happened: yes or no (binary), the number (numeric) or the category (categorical). Parsed
/// from the words a user types (<c>yes</c>, <c>no</c>, <c>12.4</c>, a category name) by <see cref="Parse"/>.
/// </summary>
public sealed record Outcome(QuestionKind Kind, bool? Happened = null, double? Value = null, string? Category = null)
{
    public static ParseResult<Outcome> Parse(string text, QuestionKind kind, IReadOnlyList<string> categories, string subject, SourceLocation? where = null)
    {
        var t = text.Trim();
        Problem Bad(string expected) => new(subject, "outcome", $"expected {expected}, found '{t}'", where);
        switch (kind)
        {
            case QuestionKind.Binary:
                return t.ToLowerInvariant() switch
                {
                    "yes" => ParseResult<Outcome>.ForValue(new Outcome(kind, Happened: true)),
                    "no" => ParseResult<Outcome>.ForValue(new Outcome(kind, Happened: false)),
                    _ => ParseResult<Outcome>.ForProblem(Bad("yes or no (a binary question)")),
                };
            case QuestionKind.Numeric:
                return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x)
                    ? ParseResult<Outcome>.ForValue(new Outcome(kind, Value: x))
                    : ParseResult<Outcome>.ForProblem(Bad("a number (a numeric question)"));
            default:
                return categories.Contains(t, StringComparer.Ordinal)
                    ? ParseResult<Outcome>.ForValue(new Outcome(kind, Category: t))
                    : ParseResult<Outcome>.ForProblem(Bad($"one of the categories {string.Join(", ", categories)}"));
        }
    }

    /// <summary>The outcome as it is typed and stored: yes, no, a number in shortest round-trip form, or the category.</summary>
    public override string ToString() => Kind switch
    {
        QuestionKind.Binary => Happened!.Value ? "yes" : "no",
        QuestionKind.Numeric => Value!.Value.ToString("R", CultureInfo.InvariantCulture),
        _ => Category!,
    };
}
