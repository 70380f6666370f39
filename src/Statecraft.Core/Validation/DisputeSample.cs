using Statecraft.Core.Conflict;
using Statecraft.Core.DyadYears;

namespace Statecraft.Core.Validation;

/// <summary>
/// One War Trap specification the validation compares: similarity measure, third-party rule, and
/// whether EU is risk-adjusted (state 1's bilateral utilities bent by its EUGene-style risk exponent).
/// </summary>
public sealed record ConflictSpec(SimilarityMeasure Measure, ThirdPartyRule ThirdParties, bool Risk = false)
{
    /// <summary>The specification EUGene's users get by default: τ_b, relevant region.</summary>
    public static readonly ConflictSpec Default = new(SimilarityMeasure.TauB, ThirdPartyRule.Region);

    /// <summary>Bennett and Stam's: EUGene's default with risk-adjusted EU.</summary>
    public static readonly ConflictSpec RiskAdjusted = new(SimilarityMeasure.TauB, ThirdPartyRule.Region, Risk: true);

    /// <summary>Every measure with every third-party rule (9).</summary>
    public static readonly IReadOnlyList<ConflictSpec> All =
        Enum.GetValues<SimilarityMeasure>().SelectMany(m => Enum.GetValues<ThirdPartyRule>().Select(r => new ConflictSpec(m, r))).ToArray();

    public string Name => $"{SimilarityMeasures.Name(Measure)}/{Regions.Name(ThirdParties)}" + (Risk ? "+risk" : "");

    public override string ToString() => Name;
}

/// <summary>
/// The rows the dispute models are fitted and scored on: politically relevant directed dyad-years in
/// the COW MID years, without the years a dispute between the two was already under way (a dispute
/// that continues is not a new decision to start one). Outcome: state 1 initiated a COW MID against
/// state 2 that year and used force itself (<see cref="DisputeFlags.InitiatedWithForce"/>). The
/// standard covariates are stored once; War Trap EU once per specification (same rows, same order).
/// </summary>
public sealed class DisputeSample
{
    private readonly Dictionary<ConflictSpec, double[]> _eu;

    private DisputeSample(int[] year, int[] ccode1, int[] ccode2, bool[] outcome, DisputeCovariates[] covariates, Dictionary<ConflictSpec, double[]> eu)
    {
        Year = year;
        Ccode1 = ccode1;
        Ccode2 = ccode2;
        Outcome = outcome;
        Covariates = covariates;
        _eu = eu;
    }

    public IReadOnlyList<int> Year { get; }

    public IReadOnlyList<int> Ccode1 { get; }

    public IReadOnlyList<int> Ccode2 { get; }

    public IReadOnlyList<bool> Outcome { get; }

    /// <summary>Covariates with the EU of <see cref="ConflictSpec.Default"/> when it was built, else of the first specification.</summary>
    public IReadOnlyList<DisputeCovariates> Covariates { get; }

    public int Count => Year.Count;

    public IReadOnlyCollection<ConflictSpec> Specs => _eu.Keys;

    /// <summary>Whether a dyad-year belongs in the sample.</summary>
    public static bool Eligible(DyadYear d) =>
        d.Relevant && d.CowMid is { } mid && !(mid.Ongoing && !mid.Onset) && d.PeaceYears is not null;

    /// <summary>Builds the sample for <paramref name="years"/> with EU under each of <paramref name="specs"/>.</summary>
    public static DisputeSample Build(DyadYearBuilder builder, IReadOnlyList<ConflictSpec> specs, YearSpan years, int threads, IProgress<string>? progress = null)
    {
        if (specs.Count == 0) throw new ArgumentException("at least one specification", nameof(specs));
        var cow = builder.Data.CowDisputeYears;
        var span = new YearSpan(Math.Max(years.First, Math.Max(builder.Years.First, cow.First)), Math.Min(years.Last, Math.Min(builder.Years.Last, cow.Last)));
        List<int> year = [], c1 = [], c2 = [];
        List<bool> outcome = [];
        List<DisputeCovariates> covariates = [];
        var eu = new Dictionary<ConflictSpec, double[]>();
        var ordered = specs.Contains(ConflictSpec.Default) ? [ConflictSpec.Default, .. specs.Where(s => s != ConflictSpec.Default)] : specs.ToArray();
        foreach (var spec in ordered)
        {
            progress?.Report($"dyad-years {span} with {spec.Name}");
            var options = new DyadYearOptions(span.First, span.Last, RelevantOnly: true, spec.Measure, spec.ThirdParties, threads, spec.Risk);
            var values = new List<double>(year.Count);
            var first = eu.Count == 0;
            foreach (var block in builder.Build(options))
            {
                foreach (var d in block.Rows)
                {
                    if (!Eligible(d)) continue;
                    values.Add(spec.Risk ? d.Risk!.Value.Eu : d.Eu.Total);
                    if (!first) continue;
                    year.Add(d.Year);
                    c1.Add(d.Ccode1);
                    c2.Add(d.Ccode2);
                    outcome.Add(d.CowMid!.Value.InitiatedWithForce);
                    covariates.Add(DisputeCovariates.From(d));
                }
            }

            eu[spec] = values.ToArray();
        }

        return new DisputeSample([.. year], [.. c1], [.. c2], [.. outcome], [.. covariates], eu);
    }

    /// <summary>War Trap EU under <paramref name="spec"/> for every row.</summary>
    public IReadOnlyList<double> Eu(ConflictSpec spec) =>
        _eu.TryGetValue(spec, out var values) ? values : throw new ArgumentException($"the sample has no EU for {spec.Name}", nameof(spec));

    /// <summary>Row indices whose year lies in <paramref name="years"/>.</summary>
    public int[] Rows(YearSpan years) => Enumerable.Range(0, Count).Where(i => years.Contains(Year[i])).ToArray();

    /// <summary>The feature matrix (row-major) of <paramref name="rows"/>, EU from <paramref name="spec"/> when the features ask for it.</summary>
    public double[] Matrix(IReadOnlyList<int> rows, IReadOnlyList<string> features, ConflictSpec? spec)
    {
        var eu = features.Contains("eu") ? Eu(spec ?? throw new ArgumentException("EU features need a specification", nameof(spec))) : null;
        var matrix = new double[rows.Count * features.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            var c = Covariates[rows[r]];
            if (eu is not null) c = c with { Eu = eu[rows[r]] };
            c.Write(features, matrix.AsSpan(r * features.Count, features.Count));
        }

        return matrix;
    }

    public bool[] Outcomes(IReadOnlyList<int> rows) => rows.Select(i => Outcome[i]).ToArray();
}
