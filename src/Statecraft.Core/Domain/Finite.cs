using System.Globalization;

namespace Statecraft.Core.Domain;

/// <summary>
/// The one check for numbers where they enter the models (read from a file or an option) and where
/// they leave (a result about to be printed or stored). A number that enters must be finite and of a
/// magnitude the models can add, multiply and divide without overflowing: |x| at most 1e18 and, unless
/// it is 0, at least 1e-18 (a GDP of 5e-324 would make every share of it infinite). A number that
/// leaves must be finite: NaN or Infinity in an answer is a problem, never printed as a result.
/// </summary>
public static class Finite
{
    /// <summary>The largest magnitude an input number may have (world GDP in US$ is about 1e14).</summary>
    public const double MaxMagnitude = 1e18;

    /// <summary>The smallest non-zero magnitude an input number may have.</summary>
    public const double MinMagnitude = 1e-18;

    /// <summary>What an input number must be, for messages.</summary>
    public const string Expected = "a finite number between -1e18 and 1e18 (0, or at least 1e-18 in magnitude)";

    /// <summary>True when <paramref name="value"/> may enter a model.</summary>
    public static bool IsUsable(double value) =>
        double.IsFinite(value) && Math.Abs(value) <= MaxMagnitude && (value == 0 || Math.Abs(value) >= MinMagnitude);

    /// <summary>The problem with an input number, or null when it may enter a model.</summary>
    public static Problem? Input(double value, string subject, string field, SourceLocation? at = null) =>
        IsUsable(value) ? null : new Problem(subject, field, $"expected {Expected}, found {Show(value)}", at);

    /// <summary>
    /// The problem with a result about to leave a model, or null when it is finite. The message says
    /// which inputs to look at, since a non-finite result always comes from extreme or degenerate input.
    /// </summary>
    public static Problem? Output(double value, string subject, string field) =>
        double.IsFinite(value) ? null : new Problem(subject, field,
            $"the model's result is {Show(value)}, not a number it can report; check the inputs for extreme magnitudes or values that are all zero");

    /// <summary>The problems of every non-finite result in <paramref name="values"/>.</summary>
    public static IReadOnlyList<Problem> Outputs(string subject, params (string Field, double Value)[] values) =>
        values.Select(v => Output(v.Value, subject, v.Field)).OfType<Problem>().ToArray();

    /// <summary>A number as a message shows it: shortest round-trip form, invariant culture.</summary>
    public static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
