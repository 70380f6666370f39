using System.Globalization;

namespace Statecraft.Core.Reporting;

/// <summary>
/// Numbers for people, the one place every table, report and page formats them: thousands grouped,
/// millions and billions as "m" and "bn" (US$ 2.36 bn, not 2359376546), small values with two
/// significant digits (0.0012, not 0.00), shares as percentages. Invariant culture, so the same run
/// gives the same bytes on every machine.
/// </summary>
public static class Numbers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A plain quantity: 2.36 bn, 3.43 m, 12,345, 69, 1, 0.48, 0.0012; below 0.0001, "≈ 0".</summary>
    public static string Value(double x)
    {
        if (double.IsNaN(x) || double.IsInfinity(x)) return "n/a";
        var a = Math.Abs(x);
        return a switch
        {
            >= 1e9 => Scaled(x / 1e9) + " bn",
            >= 1e6 => Scaled(x / 1e6) + " m",
            >= 1e3 => x.ToString("#,0", Invariant),
            >= 10 => x.ToString("0", Invariant),
            _ when x == Math.Round(x) => x.ToString("0", Invariant),
            >= 0.1 => x.ToString("0.00", Invariant),
            0 => "0",
            < 1e-4 => "≈ 0",
            _ => x.ToString("G2", Invariant),
        };
    }

    /// <summary>A quantity with its sign: +3.2, -0.48, 0.</summary>
    public static string Signed(double x) => Value(x) is var v && x > 0 && v != "≈ 0" ? "+" + v : v;

    /// <summary>An amount of money: US$ 2.36 bn, US$ 513 m, US$ 12,000.</summary>
    public static string Usd(double x) => "US$ " + Value(x);

    /// <summary>A share in [0, 1] as a percentage: 71%, 0.17% (two significant digits below 1%).</summary>
    public static string Percent(double share)
    {
        if (double.IsNaN(share) || double.IsInfinity(share)) return "n/a";
        var p = 100 * share;
        var a = Math.Abs(p);
        return (a >= 1 || a == 0 ? p.ToString("0", Invariant) : p.ToString("G2", Invariant)) + "%";
    }

    /// <summary>A probability for a judgement: whole percentages, never 0% or 100% ("&lt; 1%", "&gt; 99%"): a share of draws is no certainty.</summary>
    public static string Probability(double p) => p switch
    {
        < 0.01 => "< 1%",
        > 0.99 => "> 99%",
        _ => (100 * p).ToString("0", Invariant) + "%",
    };

    // Three significant digits for scaled amounts: 2.36 bn, 23.6 bn, 236 bn.
    private static string Scaled(double v) => Math.Abs(v) switch
    {
        >= 100 => v.ToString("#,0", Invariant),
        >= 10 => v.ToString("0.0", Invariant),
        _ => v.ToString("0.00", Invariant),
    };
}
