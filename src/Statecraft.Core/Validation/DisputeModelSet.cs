using Statecraft.Core.DyadYears;

namespace Statecraft.Core.Validation;

/// <summary>How often the outcome happened among comparable dyad-years (same contiguity class, same major-power pairing).</summary>
public sealed record BaseRate(string Group, long Rows, long Events)
{
    public double Rate => Rows == 0 ? 0 : (double)Events / Rows;

    /// <summary>The group a dyad-year belongs to, e.g. "land neighbours, major power against minor power".</summary>
    public static string GroupOf(int contiguity, bool major1, bool major2)
    {
        var where = contiguity == 1 ? "land neighbours" : contiguity >= 2 ? "across water" : "not contiguous";
        var who = (major1, major2) switch
        {
            (true, true) => "major power against major power",
            (true, false) => "major power against minor power",
            (false, true) => "minor power against major power",
            _ => "minor power against minor power",
        };
        return $"{where}, {who}";
    }
}

/// <summary>
/// The dispute models fitted on every year of the sample, shipped with the product (data/models) so a
/// scenario can be answered without the history files: the standard model, one model with War Trap EU
/// per specification, the models the validation leaves open (<c>standard</c> or a specification's
/// name; their spread is the answer's structural uncertainty), the specification War Trap's EU is
/// reported under (<see cref="EuSpec"/>, the best-scoring one), base rates by group, and how they were made.
/// </summary>
public sealed record DisputeModelSet(
    string Outcome,
    YearSpan Years,
    string Alliances,
    IReadOnlyList<string> Data,
    string Command,
    int Rows,
    int Events,
    LogisticModel Standard,
    IReadOnlyDictionary<string, LogisticModel> WithEu,
    IReadOnlyList<string> OpenModels,
    string EuSpec,
    IReadOnlyList<BaseRate> BaseRates)
{
    public const string OutcomeText =
        "state 1 initiates a COW militarized interstate dispute against state 2 within the year and uses force itself (its hostility level 4 or 5)";

    /// <summary>Fits every model on the sample's rows in <paramref name="years"/>.</summary>
    public static DisputeModelSet Fit(DisputeSample sample, YearSpan years, string alliances, IReadOnlyList<string> data, string command,
        IReadOnlyList<string> openModels, ConflictSpec euSpec)
    {
        var rows = sample.Rows(years);
        var standard = ConflictValidation.FitOn(sample, null, DisputeCovariates.Standard, years);
        var withEu = sample.Specs.OrderBy(s => s.Measure).ThenBy(s => s.ThirdParties)
            .ToDictionary(s => s.Name, s => ConflictValidation.FitOn(sample, s, DisputeCovariates.WithEu, years));
        var rates = rows.GroupBy(i => BaseRate.GroupOf(sample.Covariates[i].Contiguity, sample.Covariates[i].Major1, sample.Covariates[i].Major2))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new BaseRate(g.Key, g.LongCount(), g.LongCount(i => sample.Outcome[i])))
            .ToArray();
        return new DisputeModelSet(OutcomeText, years, alliances, data, command, rows.Length, rows.Count(i => sample.Outcome[i]),
            standard, withEu, openModels, euSpec.Name, rates);
    }

    /// <summary>An open model by name: the standard one, or the one with EU under that specification.</summary>
    public LogisticModel Model(string name) => name == ConflictValidation.Standard ? Standard : WithEu[name];

    public BaseRate? BaseRateOf(int contiguity, bool major1, bool major2) =>
        BaseRates.FirstOrDefault(r => r.Group == BaseRate.GroupOf(contiguity, major1, major2));
}
