using Statecraft.Core.Domain;

namespace Statecraft.Core.Scenarios;

/// <summary>Where a number comes from. Every number in a scenario names one.</summary>
public enum SourceKind
{
    /// <summary>A published dataset: a reference to it must name the field and the year.</summary>
    Dataset,

    /// <summary>A claim of the source article, with its line numbers.</summary>
    Claim,

    /// <summary>A dated fact from a public news or official page.</summary>
    Fact,

    /// <summary>The modeller's stated judgement, with its reasoning.</summary>
    Judgement,
}

/// <summary>
/// A declared source. <see cref="Text"/> is the dataset's title, the claim's paraphrase, the fact's
/// paraphrase or the judgement's reasoning; <see cref="Reference"/> is a file, line span or URL.
/// </summary>
public sealed record Source(
    string Id,
    SourceKind Kind,
    string Text,
    string? Reference = null,
    int FirstLine = 0,
    int LastLine = 0,
    DateOnly? Date = null,
    SourceLocation? Where = null)
{
    public string Lines => FirstLine == LastLine ? $"{FirstLine}" : $"{FirstLine}-{LastLine}";
}

/// <summary>A number's citation: the source, and for datasets the field and year read.</summary>
public sealed record SourceRef(string SourceId, string? Field = null, int? Year = null)
{
    public override string ToString() =>
        Field is null ? SourceId : Year is null ? $"{SourceId}:{Field}" : $"{SourceId}:{Field}:{Year}";
}

/// <summary>
/// A number as the scenario states it: a central value, and for uncertain inputs a range
/// [Low, High] around it. The Monte Carlo reads a range as a triangular distribution with its mode
/// at the central value; a point has Low = Central = High.
/// </summary>
public sealed record Estimate(double Central, double Low, double High)
{
    public static Estimate Point(double value) => new(value, value, value);

    public bool IsPoint => Low == Central && Central == High;

    public bool IsValid => double.IsFinite(Central) && double.IsFinite(Low) && double.IsFinite(High)
                           && Low <= Central && Central <= High;

    public Estimate Map(Func<double, double> f)
    {
        double a = f(Low), c = f(Central), b = f(High);
        return new Estimate(c, Math.Min(a, Math.Min(b, c)), Math.Max(a, Math.Max(b, c)));
    }

    public override string ToString()
    {
        static string F(double x) => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        return IsPoint ? F(Central) : $"{F(Central)} [{F(Low)}, {F(High)}]";
    }
}

/// <summary>
/// A number with its source, and where it was written down. When the file gives a distribution
/// (<see cref="Distribution"/>: uniform, triangular, normal, beta, truncated or not), the estimate
/// is its median and support; otherwise the estimate is the whole statement. A number judged by
/// several experts keeps each expert's own judgement in <see cref="Experts"/>; it is then their
/// pool (<see cref="Elicitation.ExpertPooling.Aggregate"/>) and cites the first expert.
/// </summary>
public sealed record SourcedValue(
    Estimate Estimate,
    SourceRef Source,
    SourceLocation? Where = null,
    Uncertainty.Distribution? Distribution = null,
    IReadOnlyList<SourcedValue>? Experts = null)
{
    public double Central => Estimate.Central;

    /// <summary>True when the file gives this number (or one of its experts' judgements) as a distribution.</summary>
    public bool GivenAsDistribution => Experts is null ? Distribution is not null : Experts.Any(e => e.Distribution is not null);

    public static SourcedValue Point(double value, SourceRef source) => new(Estimate.Point(value), source);

    public static SourcedValue Of(Uncertainty.Distribution distribution, SourceRef source, SourceLocation? where = null)
    {
        var support = distribution.Support;
        return new SourcedValue(new Estimate(distribution.Median, support.Min, support.Max), source, where, distribution);
    }
}
