using System.Globalization;
using Statecraft.Core.Domain;
using Statecraft.Core.Random;

namespace Statecraft.Core.Uncertainty;

/// <summary>A closed interval; either end may be infinite. Used to truncate a distribution.</summary>
public sealed record Bounds(double Min, double Max)
{
    public static readonly Bounds Unbounded = new(double.NegativeInfinity, double.PositiveInfinity);
    public static readonly Bounds NonNegative = new(0, double.PositiveInfinity);
    public static readonly Bounds UnitInterval = new(0, 1);

    public bool Contains(double x) => x >= Min && x <= Max;

    public override string ToString() => $"[{Format.Number(Min)}, {Format.Number(Max)}]";
}

/// <summary>
/// An uncertain number: an immutable parameter object that samples by inverse transform (one uniform
/// draw per sample, so a replication's stream fixes its scenario). Optionally truncated to
/// <see cref="Truncation"/>. Each kind validates its parameters in the constructor and offers a
/// static <c>Validate</c> (every problem, with the field name a file would use) and
/// <c>IsValidParameterSet</c>, in the manner of Math.NET Numerics.
/// </summary>
public abstract class Distribution
{
    private double _cdfAtMin;
    private double _cdfAtMax = 1;

    private protected Distribution(Bounds? truncation) => Truncation = truncation;

    /// <summary>Derived constructors call this last, once their parameters are set.</summary>
    private protected void Complete()
    {
        if (Truncation is null || IsPoint) return;
        _cdfAtMin = BaseCdf(Truncation.Min);
        _cdfAtMax = BaseCdf(Truncation.Max);
    }

    /// <summary>The kind as written in files: point, uniform, triangular, normal, beta.</summary>
    public abstract string Kind { get; }

    /// <summary>Bounds the distribution is truncated to (renormalised), or null.</summary>
    public Bounds? Truncation { get; }

    /// <summary>True when every draw gives the same number.</summary>
    public virtual bool IsPoint => false;

    /// <summary>The smallest and largest value a draw can take.</summary>
    public Bounds Support
    {
        get
        {
            var (lo, hi) = BaseSupport;
            if (Truncation is null) return new Bounds(lo, hi);
            return new Bounds(Math.Max(lo, Truncation.Min), Math.Min(hi, Truncation.Max));
        }
    }

    /// <summary>The mean where a closed form exists (all untruncated kinds, truncated point, uniform and normal), else null.</summary>
    public abstract double? Mean { get; }

    public double Median => Quantile(0.5);

    public double Quantile(double p)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "expected a probability in [0, 1]");
        if (Truncation is null) return BaseQuantile(p);
        var x = BaseQuantile(_cdfAtMin + p * (_cdfAtMax - _cdfAtMin));
        var support = Support;
        return Math.Clamp(x, support.Min, support.Max);
    }

    public double Cdf(double x)
    {
        if (Truncation is null) return BaseCdf(x);
        if (x < Truncation.Min) return 0;
        if (x >= Truncation.Max) return 1;
        return (BaseCdf(x) - _cdfAtMin) / (_cdfAtMax - _cdfAtMin);
    }

    /// <summary>One draw, using exactly one uniform from <paramref name="random"/>.</summary>
    public double Sample(IRandomSource random)
    {
        // (k + 0.5) / 2^53 lies strictly inside (0, 1), so unbounded kinds never return an infinity.
        var u = ((random.NextUInt64() >> 11) + 0.5) * (1.0 / (1UL << 53));
        return Quantile(u);
    }

    public static Distribution Point(double value) => new PointDistribution(value);

    public static Distribution Uniform(double lo, double hi, Bounds? truncation = null) => new UniformDistribution(lo, hi, truncation);

    public static Distribution Triangular(double lo, double mode, double hi, Bounds? truncation = null) =>
        new TriangularDistribution(lo, mode, hi, truncation);

    public static Distribution Normal(double mean, double sd, Bounds? truncation = null) => new NormalDistribution(mean, sd, truncation);

    public static Distribution Beta(double alpha, double beta, double lo = 0, double hi = 1, Bounds? truncation = null) =>
        new BetaDistribution(alpha, beta, lo, hi, truncation);

    private protected abstract (double Min, double Max) BaseSupport { get; }

    private protected abstract double BaseCdf(double x);

    private protected abstract double BaseQuantile(double p);

    /// <summary>Problems with a truncation given the untruncated CDF (needs mass inside the bounds).</summary>
    private protected static void CheckTruncation(Bounds? truncation, Func<double, double>? cdf, List<Problem> problems)
    {
        if (truncation is null) return;
        if (double.IsNaN(truncation.Min)) problems.Add(new Problem("", "min", "expected a number"));
        if (double.IsNaN(truncation.Max)) problems.Add(new Problem("", "max", "expected a number"));
        if (truncation.Min > truncation.Max)
        {
            problems.Add(new Problem("", "min",
                $"expected min <= max, found min {Format.Number(truncation.Min)} > max {Format.Number(truncation.Max)}"));
            return;
        }

        if (cdf is not null && problems.Count == 0 && !(cdf(truncation.Max) - cdf(truncation.Min) > 0))
            problems.Add(new Problem("", "min",
                $"the bounds {truncation} leave no probability: they must overlap the distribution"));
    }

    private protected static void CheckFinite(double value, string field, List<Problem> problems)
    {
        if (!double.IsFinite(value)) problems.Add(new Problem("", field, $"expected a finite number, found {Format.Number(value)}"));
    }

    private protected static void Throw(IReadOnlyList<Problem> problems)
    {
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems));
    }

    private protected string TruncationText =>
        Truncation is null ? "" : $", min={Format.Number(Truncation.Min)}, max={Format.Number(Truncation.Max)}";
}

/// <summary>A known number: every draw returns <see cref="Value"/>.</summary>
public sealed class PointDistribution : Distribution
{
    public PointDistribution(double value, Bounds? truncation = null) : base(truncation)
    {
        Throw(Validate(value, truncation));
        Value = value;
    }

    public double Value { get; }

    public override string Kind => "point";

    public override bool IsPoint => true;

    public override double? Mean => Value;

    public static IReadOnlyList<Problem> Validate(double value, Bounds? truncation = null)
    {
        var problems = new List<Problem>();
        CheckFinite(value, "value", problems);
        CheckTruncation(truncation, null, problems);
        if (problems.Count == 0 && truncation is not null && !truncation.Contains(value))
            problems.Add(new Problem("", "value", $"expected a value within {truncation}, found {Format.Number(value)}"));
        return problems;
    }

    public static bool IsValidParameterSet(double value) => Validate(value).Count == 0;

    private protected override (double Min, double Max) BaseSupport => (Value, Value);

    private protected override double BaseCdf(double x) => x < Value ? 0 : 1;

    private protected override double BaseQuantile(double p) => Value;

    public override string ToString() => Format.Number(Value);
}

/// <summary>Uniform on [lo, hi].</summary>
public sealed class UniformDistribution : Distribution
{
    public UniformDistribution(double lo, double hi, Bounds? truncation = null) : base(truncation)
    {
        Throw(Validate(lo, hi, truncation));
        Lo = lo;
        Hi = hi;
        Complete();
    }

    public double Lo { get; }
    public double Hi { get; }

    public override string Kind => "uniform";

    public override double? Mean
    {
        get
        {
            var s = Support;
            return 0.5 * (s.Min + s.Max);
        }
    }

    public static IReadOnlyList<Problem> Validate(double lo, double hi, Bounds? truncation = null)
    {
        var problems = new List<Problem>();
        CheckFinite(lo, "lo", problems);
        CheckFinite(hi, "hi", problems);
        if (problems.Count == 0 && !(lo < hi))
            problems.Add(new Problem("", "lo", $"expected lo < hi, found lo {Format.Number(lo)} >= hi {Format.Number(hi)}"));
        if (problems.Count == 0) CheckTruncation(truncation, x => Cdf(lo, hi, x), problems);
        return problems;
    }

    public static bool IsValidParameterSet(double lo, double hi) => Validate(lo, hi).Count == 0;

    private static double Cdf(double lo, double hi, double x) => x <= lo ? 0 : x >= hi ? 1 : (x - lo) / (hi - lo);

    private protected override (double Min, double Max) BaseSupport => (Lo, Hi);

    private protected override double BaseCdf(double x) => Cdf(Lo, Hi, x);

    private protected override double BaseQuantile(double p) => p >= 1 ? Hi : Lo + p * (Hi - Lo);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"uniform(lo={Format.Number(Lo)}, hi={Format.Number(Hi)}{TruncationText})");
}

/// <summary>Triangular on [lo, hi] with its peak at mode.</summary>
public sealed class TriangularDistribution : Distribution
{
    public TriangularDistribution(double lo, double mode, double hi, Bounds? truncation = null) : base(truncation)
    {
        Throw(Validate(lo, mode, hi, truncation));
        Lo = lo;
        Mode = mode;
        Hi = hi;
        Complete();
    }

    public double Lo { get; }
    public double Mode { get; }
    public double Hi { get; }

    public override string Kind => "triangular";

    public override double? Mean => Truncation is null ? (Lo + Mode + Hi) / 3 : null;

    public static IReadOnlyList<Problem> Validate(double lo, double mode, double hi, Bounds? truncation = null)
    {
        var problems = new List<Problem>();
        CheckFinite(lo, "lo", problems);
        CheckFinite(mode, "mode", problems);
        CheckFinite(hi, "hi", problems);
        if (problems.Count > 0) return problems;
        if (!(lo < hi))
            problems.Add(new Problem("", "lo", $"expected lo < hi, found lo {Format.Number(lo)} >= hi {Format.Number(hi)}"));
        else if (!(mode >= lo && mode <= hi))
            problems.Add(new Problem("", "mode",
                $"expected lo <= mode <= hi, found mode {Format.Number(mode)} outside [{Format.Number(lo)}, {Format.Number(hi)}]"));
        if (problems.Count == 0) CheckTruncation(truncation, x => Cdf(lo, mode, hi, x), problems);
        return problems;
    }

    public static bool IsValidParameterSet(double lo, double mode, double hi) => Validate(lo, mode, hi).Count == 0;

    private static double Cdf(double lo, double mode, double hi, double x)
    {
        if (x <= lo) return 0;
        if (x >= hi) return 1;
        return x <= mode
            ? (x - lo) * (x - lo) / ((hi - lo) * (mode - lo))
            : 1 - (hi - x) * (hi - x) / ((hi - lo) * (hi - mode));
    }

    private protected override (double Min, double Max) BaseSupport => (Lo, Hi);

    private protected override double BaseCdf(double x) => Cdf(Lo, Mode, Hi, x);

    private protected override double BaseQuantile(double p)
    {
        var atMode = (Mode - Lo) / (Hi - Lo);
        return p <= atMode
            ? Lo + Math.Sqrt(p * (Hi - Lo) * (Mode - Lo))
            : Hi - Math.Sqrt((1 - p) * (Hi - Lo) * (Hi - Mode));
    }

    public override string ToString() =>
        $"triangular(lo={Format.Number(Lo)}, mode={Format.Number(Mode)}, hi={Format.Number(Hi)}{TruncationText})";
}

/// <summary>Normal with mean and standard deviation sd; usually truncated to the quantity's domain.</summary>
public sealed class NormalDistribution : Distribution
{
    public NormalDistribution(double mean, double sd, Bounds? truncation = null) : base(truncation)
    {
        Throw(Validate(mean, sd, truncation));
        Mu = mean;
        Sd = sd;
        Complete();
    }

    /// <summary>The untruncated mean parameter.</summary>
    public double Mu { get; }

    public double Sd { get; }

    public override string Kind => "normal";

    public override double? Mean
    {
        get
        {
            if (Truncation is null) return Mu;
            // Truncated normal: mu + sd (phi(a) - phi(b)) / (Phi(b) - Phi(a)).
            var a = (Truncation.Min - Mu) / Sd;
            var b = (Truncation.Max - Mu) / Sd;
            var pa = double.IsNegativeInfinity(a) ? 0 : SpecialFunctions.NormalPdf(a);
            var pb = double.IsPositiveInfinity(b) ? 0 : SpecialFunctions.NormalPdf(b);
            return Mu + Sd * (pa - pb) / (Cdf0(b) - Cdf0(a));
        }
    }

    public static IReadOnlyList<Problem> Validate(double mean, double sd, Bounds? truncation = null)
    {
        var problems = new List<Problem>();
        CheckFinite(mean, "mean", problems);
        CheckFinite(sd, "sd", problems);
        if (problems.Count == 0 && !(sd > 0))
            problems.Add(new Problem("", "sd", $"expected a standard deviation > 0, found {Format.Number(sd)}"));
        if (problems.Count == 0) CheckTruncation(truncation, x => Cdf0((x - mean) / sd), problems);
        return problems;
    }

    public static bool IsValidParameterSet(double mean, double sd) => Validate(mean, sd).Count == 0;

    private static double Cdf0(double z) =>
        double.IsNegativeInfinity(z) ? 0 : double.IsPositiveInfinity(z) ? 1 : SpecialFunctions.NormalCdf(z);

    private protected override (double Min, double Max) BaseSupport => (double.NegativeInfinity, double.PositiveInfinity);

    private protected override double BaseCdf(double x) => Cdf0((x - Mu) / Sd);

    private protected override double BaseQuantile(double p) => Mu + Sd * SpecialFunctions.NormalQuantile(p);

    public override string ToString() => $"normal(mean={Format.Number(Mu)}, sd={Format.Number(Sd)}{TruncationText})";
}

/// <summary>Beta(alpha, beta) stretched onto [lo, hi] (default [0, 1]).</summary>
public sealed class BetaDistribution : Distribution
{
    public BetaDistribution(double alpha, double beta, double lo = 0, double hi = 1, Bounds? truncation = null) : base(truncation)
    {
        Throw(Validate(alpha, beta, lo, hi, truncation));
        Alpha = alpha;
        BetaShape = beta;
        Lo = lo;
        Hi = hi;
        Complete();
    }

    public double Alpha { get; }

    /// <summary>The second shape parameter (beta).</summary>
    public double BetaShape { get; }

    public double Lo { get; }
    public double Hi { get; }

    public override string Kind => "beta";

    public override double? Mean => Truncation is null ? Lo + (Hi - Lo) * Alpha / (Alpha + BetaShape) : null;

    public static IReadOnlyList<Problem> Validate(double alpha, double beta, double lo = 0, double hi = 1, Bounds? truncation = null)
    {
        var problems = new List<Problem>();
        CheckFinite(alpha, "alpha", problems);
        CheckFinite(beta, "beta", problems);
        CheckFinite(lo, "lo", problems);
        CheckFinite(hi, "hi", problems);
        if (problems.Count > 0) return problems;
        if (!(alpha > 0)) problems.Add(new Problem("", "alpha", $"expected a shape > 0, found {Format.Number(alpha)}"));
        if (!(beta > 0)) problems.Add(new Problem("", "beta", $"expected a shape > 0, found {Format.Number(beta)}"));
        if (!(lo < hi)) problems.Add(new Problem("", "lo", $"expected lo < hi, found lo {Format.Number(lo)} >= hi {Format.Number(hi)}"));
        if (problems.Count == 0)
            CheckTruncation(truncation, x => SpecialFunctions.RegularizedBeta(alpha, beta, Math.Clamp((x - lo) / (hi - lo), 0, 1)), problems);
        return problems;
    }

    public static bool IsValidParameterSet(double alpha, double beta, double lo = 0, double hi = 1) =>
        Validate(alpha, beta, lo, hi).Count == 0;

    private protected override (double Min, double Max) BaseSupport => (Lo, Hi);

    private protected override double BaseCdf(double x) =>
        SpecialFunctions.RegularizedBeta(Alpha, BetaShape, Math.Clamp((x - Lo) / (Hi - Lo), 0, 1));

    private protected override double BaseQuantile(double p) =>
        Lo + (Hi - Lo) * SpecialFunctions.BetaQuantile(Alpha, BetaShape, p);

    public override string ToString() =>
        $"beta(alpha={Format.Number(Alpha)}, beta={Format.Number(BetaShape)}, lo={Format.Number(Lo)}, hi={Format.Number(Hi)}{TruncationText})";
}

/// <summary>Invariant, round-trip formatting of numbers in messages.</summary>
internal static class Format
{
    public static string Number(double x) =>
        double.IsPositiveInfinity(x) ? "∞" : double.IsNegativeInfinity(x) ? "-∞" : x.ToString("R", CultureInfo.InvariantCulture);
}
