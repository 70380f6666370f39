namespace Statecraft.Core.Domain;

// Validated scalar quantities. Each constructor rejects what the domain forbids, so a model never
// sees a NaN capability or a salience of 3. `IsValid` and `Expected` let readers report a problem
// instead of catching an exception.

/// <summary>An actor's power to affect an outcome (any non-negative index: CINC, votes, GDP share).</summary>
public readonly record struct Capability
{
    public const string Expected = "a finite number >= 0";

    public Capability(double value)
    {
        if (!IsValid(value)) throw new ArgumentOutOfRangeException(nameof(value), value, Expected);
        Value = value;
    }

    public double Value { get; }

    public static bool IsValid(double value) => double.IsFinite(value) && value >= 0;

    public override string ToString() => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>How much an actor cares about an issue, on [0, 1].</summary>
public readonly record struct Salience
{
    public const string Expected = "a finite number in [0, 1]";

    public Salience(double value)
    {
        if (!IsValid(value)) throw new ArgumentOutOfRangeException(nameof(value), value, Expected);
        Value = value;
    }

    public double Value { get; }

    public static bool IsValid(double value) => double.IsFinite(value) && value is >= 0 and <= 1;

    public override string ToString() => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A point on an issue's scale. Whether it lies inside the scale is the issue's check.</summary>
public readonly record struct Position
{
    public const string Expected = "a finite number";

    public Position(double value)
    {
        if (!IsValid(value)) throw new ArgumentOutOfRangeException(nameof(value), value, Expected);
        Value = value;
    }

    public double Value { get; }

    public static bool IsValid(double value) => double.IsFinite(value);

    public override string ToString() => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Risk attitude as the exponent r of the expected-utility model: r &lt; 1 risk-acceptant,
/// r = 1 neutral, r &gt; 1 risk-averse. BDM's transform keeps it in [0.5, 2].
/// </summary>
public readonly record struct RiskExponent
{
    public const string Expected = "a finite number > 0";

    public static readonly RiskExponent Neutral = new(1.0);

    public RiskExponent(double value)
    {
        if (!IsValid(value)) throw new ArgumentOutOfRangeException(nameof(value), value, Expected);
        Value = value;
    }

    public double Value { get; }

    public static bool IsValid(double value) => double.IsFinite(value) && value > 0;

    public override string ToString() => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
