using Statecraft.Core.DyadYears;

namespace Statecraft.Core.Validation;

/// <summary>
/// The covariates of a directed dyad-year the dispute models use, in the units the fitted
/// coefficients expect. The standard peace-science set (Bremer 1992; Beck, Katz and Tucker 1998 for
/// the peace-years cubic): contiguity, log distance, capability ratio, major powers, alliance,
/// peace years. The same record is filled from history (<see cref="From(DyadYear)"/>) and from a
/// scenario's sourced inputs, so a fitted model reads both alike.
/// </summary>
public sealed record DisputeCovariates(
    int Contiguity,
    double CapitalMiles,
    double Cinc1,
    double Cinc2,
    bool Major1,
    bool Major2,
    bool Allied,
    double PeaceYears,
    double Eu)
{
    /// <summary>The standard covariates, in coefficient order.</summary>
    public static readonly IReadOnlyList<string> Standard =
    [
        "land_contiguity",       // 1 when contiguous by land
        "water_contiguity",      // 1 when contiguous across at most 400 miles of water (types 2-5)
        "log_capital_miles",     // ln(1 + great-circle miles between capitals)
        "log_capability_ratio",  // ln(CINC_1 / CINC_2)
        "major1",
        "major2",
        "allied",                // any alliance tie (defence, neutrality, non-aggression, entente)
        "peace_years",           // peace years / 10, and its square and cube
        "peace_years_2",
        "peace_years_3",
    ];

    /// <summary>The standard covariates plus War Trap EU_i(j).</summary>
    public static readonly IReadOnlyList<string> WithEu = [.. Standard, "eu"];

    // CINC shares are never 0 in NMC v7, but a scenario may give 0: keep the log finite.
    private const double CincFloor = 1e-9;

    public static DisputeCovariates From(DyadYear d) => new(
        d.Contiguity, d.CapitalMiles, d.Cinc1, d.Cinc2, d.Major1, d.Major2, d.Alliance.Kind != Conflict.TieKind.None,
        d.PeaceYears ?? throw new ArgumentException($"{d.Year} {d.Ccode1}-{d.Ccode2}: no peace years outside the MID data", nameof(d)),
        d.Eu.Total);

    /// <summary>The values of <paramref name="features"/> (names from <see cref="WithEu"/>) for this dyad-year.</summary>
    public void Write(IReadOnlyList<string> features, Span<double> into)
    {
        var py = PeaceYears / 10.0;
        for (var k = 0; k < features.Count; k++)
        {
            into[k] = features[k] switch
            {
                "land_contiguity" => Contiguity == 1 ? 1 : 0,
                "water_contiguity" => Contiguity is >= 2 and <= 5 ? 1 : 0,
                "log_capital_miles" => Math.Log(1 + CapitalMiles),
                "log_capability_ratio" => Math.Log(Math.Max(Cinc1, CincFloor) / Math.Max(Cinc2, CincFloor)),
                "major1" => Major1 ? 1 : 0,
                "major2" => Major2 ? 1 : 0,
                "allied" => Allied ? 1 : 0,
                "peace_years" => py,
                "peace_years_2" => py * py,
                "peace_years_3" => py * py * py,
                "eu" => Eu,
                _ => throw new ArgumentException($"unknown feature '{features[k]}'", nameof(features)),
            };
        }
    }

    public double[] Values(IReadOnlyList<string> features)
    {
        var values = new double[features.Count];
        Write(features, values);
        return values;
    }
}
