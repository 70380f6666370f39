using Statecraft.Core.DyadYears;
using Statecraft.Core.Forecasting;

namespace Statecraft.Core.Validation;

/// <summary>Directed dyad-year counts over a period, under the politically-relevant definitions in use.</summary>
public sealed record DyadCounts(YearSpan Years, long All, long Relevant, long LandOrMajor, long AnyContiguityOrMajor);

/// <summary>How many of a set of dyad-years had War Trap EU ≥ 0.</summary>
public sealed record EuShare(long Count, long NonNegative)
{
    public double Share => Count == 0 ? 0 : (double)NonNegative / Count;
}

/// <summary>
/// Bueno de Mesquita's necessary condition (EU_i(j) ≥ 0 for any initiator) on history: among war
/// initiators (COW inter-state wars), among initiators of MIDs with force, and among all dyad-years in
/// the same set, under one specification.
/// </summary>
public sealed record NecessaryCondition(string Spec, string Population, YearSpan Years, EuShare WarInitiators, EuShare MidInitiators, EuShare DyadYears);

/// <summary>A model's scores on one block of test years.</summary>
public sealed record FoldScore(YearSpan Train, YearSpan Test, int Rows, int Events, double? Auc, double Brier, double LogLoss);

/// <summary>
/// One model scored out of sample. <see cref="Test"/> spans the test years; for a rolling-origin model
/// the scores pool every fold's predictions and <see cref="Folds"/> has each fold.
/// </summary>
public sealed record ModelScore(
    string Name,
    string? Spec,
    IReadOnlyList<string> Features,
    YearSpan Train,
    YearSpan Test,
    int TrainRows,
    int TestRows,
    int TestEvents,
    double? Auc,
    double Brier,
    double LogLoss,
    IReadOnlyList<CalibrationBin> Calibration,
    IReadOnlyList<double> Coefficients,
    IReadOnlyList<FoldScore> Folds);

/// <summary>One out-of-sample prediction: a test dyad-year, the probability the model gave, and what happened.</summary>
public sealed record DisputePrediction(int Year, int Ccode1, int Ccode2, double Probability, bool Outcome);

/// <summary>
/// Two models' log loss on the same test rows: the mean difference (model minus reference; negative:
/// the model predicts better) and its standard error clustered by test year (rows of one year share
/// that year's shocks, so they are not independent draws).
/// </summary>
public sealed record LogLossComparison(string Model, string Reference, double Difference, double StandardError)
{
    /// <summary>Whether history tells the two apart: the difference exceeds two standard errors.</summary>
    public bool Distinguishable => Math.Abs(Difference) > 2 * StandardError;
}

/// <summary>
/// What <see cref="ConflictValidation.Run"/> found. <see cref="OpenModels"/>: the models
/// (<c>standard</c>, or a War Trap specification's name for the standard covariates plus its EU)
/// that the fixed split or the rolling origin cannot tell from its best model (log loss within two
/// clustered standard errors), best fixed-split log loss first; their spread is the structural
/// uncertainty of an answer built on them. <see cref="BestEuSpec"/>: the specification whose EU model
/// scores best on the fixed split, the one War Trap answers report EU under.
/// </summary>
public sealed record ConflictValidationResult(
    IReadOnlyList<DyadCounts> Counts,
    IReadOnlyList<NecessaryCondition> NecessaryConditions,
    IReadOnlyList<ModelScore> Models,
    IReadOnlyList<LogLossComparison> Comparisons,
    IReadOnlyList<string> OpenModels,
    ConflictSpec BestEuSpec,
    int SampleRows,
    int SampleEvents);

/// <summary>How the validation splits history.</summary>
public sealed record ConflictValidationOptions(
    YearSpan Train,
    YearSpan Test,
    int FoldYears = 10,
    int Threads = 1)
{
    /// <summary>Fit on 1816-1945, score on 1946-2014; rolling origin by decade over the same test years.</summary>
    public static readonly ConflictValidationOptions Default = new(new YearSpan(1816, 1945), new YearSpan(1946, 2014));

    /// <summary>The rolling-origin folds: each block of <see cref="FoldYears"/> test years, trained on every year before it.</summary>
    public IReadOnlyList<(YearSpan Train, YearSpan Test)> Folds()
    {
        var folds = new List<(YearSpan, YearSpan)>();
        for (var start = Test.First; start <= Test.Last; start += FoldYears)
            folds.Add((new YearSpan(Train.First, start - 1), new YearSpan(start, Math.Min(start + FoldYears - 1, Test.Last))));
        return folds;
    }
}

/// <summary>
/// The conflict model tried on two centuries of history, as Bennett and Stam (2000) tried War Trap
/// with EUGene: dyad-year counts, the necessary condition, and logistic models of MID initiation with
/// force within politically relevant dyads, fitted on the early years and scored on the later ones
/// (a fixed split and rolling origin), with and without War Trap EU under every specification.
/// Scores come from <see cref="Scores"/> and <see cref="Calibration"/>. Pure and deterministic.
/// </summary>
public static class ConflictValidation
{
    public const int CalibrationBins = 20;

    public static ConflictValidationResult Run(DyadYearBuilder builder, ConflictValidationOptions options, IReadOnlyList<ConflictSpec>? specs = null,
        IProgress<string>? progress = null)
    {
        specs ??= [.. ConflictSpec.All, ConflictSpec.RiskAdjusted];
        var (counts, allDyads) = CountAndNecessary(builder, new YearSpan(options.Train.First, options.Test.Last), options.Threads, progress);
        var sample = DisputeSample.Build(builder, specs, new YearSpan(options.Train.First, options.Test.Last), options.Threads, progress);
        var necessary = new List<NecessaryCondition> { allDyads };
        foreach (var spec in specs) necessary.Add(Necessary(builder, sample, spec));

        progress?.Report("fitting and scoring the models");
        // Standard covariates alone, then with EU under each specification (fixed split and rolling
        // origin), then EU alone (fixed split) to show how much it carries by itself.
        var plans = new List<(string Name, ConflictSpec? Spec, IReadOnlyList<string> Features, bool Rolling)>
        {
            (Standard, null, DisputeCovariates.Standard, false),
            (Standard + " rolling", null, DisputeCovariates.Standard, true),
        };
        foreach (var spec in specs)
        {
            plans.Add((WithEu(spec), spec, DisputeCovariates.WithEu, false));
            plans.Add((WithEu(spec) + " rolling", spec, DisputeCovariates.WithEu, true));
        }

        plans.AddRange(specs.Select(spec => ($"eu only {spec.Name}", (ConflictSpec?)spec, (IReadOnlyList<string>)["eu"], false)));
        var scored = new (ModelScore Score, double[] LogScores)[plans.Count];
        Parallel.For(0, plans.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Threads }, m =>
        {
            var (name, spec, features, rolling) = plans[m];
            scored[m] = Score(sample, name, spec, features, rolling ? options.Folds() : [(options.Train, options.Test)], rolling);
        });

        var logScores = plans.Select((p, m) => (p.Name, scored[m].LogScores)).ToDictionary(x => x.Name, x => x.LogScores);
        var testYears = sample.Rows(options.Test).Select(i => sample.Year[i]).ToArray();
        double LogLoss(string model) => scored[plans.FindIndex(p => p.Name == model)].Score.LogLoss;

        // Each EU model against the standard one, then every candidate against the best candidate, in
        // both evaluations. A candidate is open when either evaluation cannot tell it from its best.
        var comparisons = new List<LogLossComparison>();
        var candidates = new List<(string Open, string Model)> { (Standard, Standard) };
        // Risk-adjusted EU is scored and compared, but is no candidate for the scenario: a scenario has
        // no system-year to run the risk search over.
        var plain = specs.Where(spec => !spec.Risk).ToArray();
        candidates.AddRange(plain.Select(spec => (spec.Name, WithEu(spec))));
        var open = new HashSet<string>();
        foreach (var suffix in new[] { "", " rolling" })
        {
            foreach (var spec in specs) comparisons.Add(Compare(WithEu(spec) + suffix, Standard + suffix, logScores, testYears));
            foreach (var spec in specs.Where(x => x.Risk && specs.Contains(x with { Risk = false })))
                comparisons.Add(Compare(WithEu(spec) + suffix, WithEu(spec with { Risk = false }) + suffix, logScores, testYears));
            var best = candidates.MinBy(c => LogLoss(c.Model + suffix));
            open.Add(best.Open);
            foreach (var (name, model) in candidates)
            {
                if (model == best.Model) continue;
                var c = Compare(model + suffix, best.Model + suffix, logScores, testYears);
                if (best.Model != Standard) comparisons.Add(c);
                if (!c.Distinguishable) open.Add(name);
            }
        }

        var ordered = candidates.Where(c => open.Contains(c.Open)).OrderBy(c => LogLoss(c.Model)).Select(c => c.Open).ToArray();
        var events = sample.Outcome.Count(o => o);
        var bestEu = (plain.Length > 0 ? plain : specs).MinBy(spec => LogLoss(WithEu(spec)))!;
        return new ConflictValidationResult(counts, necessary, scored.Select(s => s.Score).ToArray(), comparisons, ordered, bestEu, sample.Count, events);
    }

    public const string Standard = "standard";

    public static string WithEu(ConflictSpec spec) => $"standard+eu {spec.Name}";

    // Mean paired difference of log loss and its standard error with rows clustered by year:
    // se² = Y/(Y − 1) · Σ_y (D_y − d̄ n_y)² / N², D_y the year's summed differences, n_y its rows.
    private static LogLossComparison Compare(string model, string reference, Dictionary<string, double[]> logScores, int[] years)
    {
        var a = logScores[model];
        var b = logScores[reference];
        var n = a.Length;
        var byYear = new SortedDictionary<int, (double Sum, int Rows)>();
        double total = 0;
        for (var i = 0; i < n; i++)
        {
            var d = b[i] - a[i]; // log loss is the negative log score
            total += d;
            byYear[years[i]] = byYear.TryGetValue(years[i], out var y) ? (y.Sum + d, y.Rows + 1) : (d, 1);
        }

        var mean = total / n;
        double ss = 0;
        foreach (var (sum, rows) in byYear.Values) ss += (sum - mean * rows) * (sum - mean * rows);
        var clusters = byYear.Count;
        var se = clusters > 1 ? Math.Sqrt(clusters / (clusters - 1.0) * ss) / n : 0;
        return new LogLossComparison(model, reference, mean, se);
    }

    /// <summary>
    /// Out-of-sample predictions for the test years: a model with the standard covariates (plus EU under
    /// <paramref name="spec"/> when given) fitted on <paramref name="train"/> and applied to <paramref name="test"/>.
    /// </summary>
    public static IReadOnlyList<DisputePrediction> Predictions(DisputeSample sample, ConflictSpec? spec, YearSpan train, YearSpan test)
    {
        var features = spec is null ? DisputeCovariates.Standard : DisputeCovariates.WithEu;
        var model = FitOn(sample, spec, features, train);
        var rows = sample.Rows(test);
        var x = sample.Matrix(rows, features, spec);
        return rows.Select((i, r) => new DisputePrediction(sample.Year[i], sample.Ccode1[i], sample.Ccode2[i],
            model.Probability(x.AsSpan(r * features.Count, features.Count)), sample.Outcome[i])).ToArray();
    }

    /// <summary>The model fitted on the sample's rows in <paramref name="years"/>.</summary>
    public static LogisticModel FitOn(DisputeSample sample, ConflictSpec? spec, IReadOnlyList<string> features, YearSpan years)
    {
        var rows = sample.Rows(years);
        return LogisticModel.Fit(features, sample.Matrix(rows, features, spec), sample.Outcomes(rows));
    }

    private static (ModelScore, double[]) Score(DisputeSample sample, string name, ConflictSpec? spec, IReadOnlyList<string> features,
        IReadOnlyList<(YearSpan Train, YearSpan Test)> folds, bool rolling)
    {
        var p = new List<double>();
        var outcomes = new List<bool>();
        var foldScores = new List<FoldScore>();
        LogisticModel? last = null;
        var trainRows = 0;
        foreach (var (train, test) in folds)
        {
            var model = FitOn(sample, spec, features, train);
            var rows = sample.Rows(test);
            var x = sample.Matrix(rows, features, spec);
            var foldP = rows.Select((_, r) => model.Probability(x.AsSpan(r * features.Count, features.Count))).ToArray();
            var foldY = sample.Outcomes(rows);
            p.AddRange(foldP);
            outcomes.AddRange(foldY);
            if (rolling) foldScores.Add(new FoldScore(train, test, rows.Length, foldY.Count(o => o), Scores.Auc(foldP, foldY), Scores.MeanBrier(foldP, foldY), Scores.LogLoss(foldP, foldY)));
            last = model;
            trainRows = sample.Rows(train).Length;
        }

        var span = new YearSpan(folds[0].Test.First, folds[^1].Test.Last);
        var score = new ModelScore(name, spec?.Name, features, folds[0].Train with { Last = folds[^1].Train.Last }, span, trainRows, p.Count, outcomes.Count(o => o),
            Scores.Auc(p, outcomes), Scores.MeanBrier(p, outcomes), Scores.LogLoss(p, outcomes), Calibration.Table(p, outcomes, CalibrationBins),
            last!.Coefficients, foldScores);
        return (score, p.Select((x, i) => Scores.LogScore(x, outcomes[i])).ToArray());
    }

    // Counts need every dyad-year, and so does the necessary condition among all of them: one pass under the default specification.
    private static (IReadOnlyList<DyadCounts>, NecessaryCondition) CountAndNecessary(DyadYearBuilder builder, YearSpan years, int threads, IProgress<string>? progress)
    {
        var cow = builder.Data.CowDisputeYears;
        var span = new YearSpan(Math.Max(years.First, Math.Max(builder.Years.First, cow.First)), Math.Min(years.Last, Math.Min(builder.Years.Last, cow.Last)));
        progress?.Report($"every dyad-year {span} with {ConflictSpec.Default.Name}");
        // Bennett and Stam's period (to 1984) beside the whole span.
        YearSpan[] periods = span.Last > 1984 && span.First <= 1984 ? [new YearSpan(span.First, 1984), span] : [span];
        var tallies = new long[periods.Length, 4];
        long wars = 0, warsOk = 0, mids = 0, midsOk = 0, all = 0, allOk = 0;
        var options = new DyadYearOptions(span.First, span.Last, false, ConflictSpec.Default.Measure, ConflictSpec.Default.ThirdParties, threads);
        foreach (var block in builder.Build(options))
        {
            foreach (var d in block.Rows)
            {
                for (var k = 0; k < periods.Length; k++)
                {
                    if (!periods[k].Contains(d.Year)) continue;
                    tallies[k, 0]++;
                    if (d.Relevant) tallies[k, 1]++;
                    if (d.Contiguity == 1 || d.Major1 || d.Major2) tallies[k, 2]++;
                    if (d.Contiguity >= 1 || d.Major1 || d.Major2) tallies[k, 3]++;
                }

                var ok = d.Eu.Total >= 0;
                all++;
                if (ok) allOk++;
                if (d.War is { Onset: true, Initiator: true })
                {
                    wars++;
                    if (ok) warsOk++;
                }

                if (d.CowMid is { InitiatedWithForce: true })
                {
                    mids++;
                    if (ok) midsOk++;
                }
            }
        }

        var counts = periods.Select((p, k) => new DyadCounts(p, tallies[k, 0], tallies[k, 1], tallies[k, 2], tallies[k, 3])).ToArray();
        return (counts, new NecessaryCondition(ConflictSpec.Default.Name, "all dyad-years", span, new EuShare(wars, warsOk), new EuShare(mids, midsOk), new EuShare(all, allOk)));
    }

    // Within the fitting sample (politically relevant, no continuing dispute): war initiation years are in it, being onsets.
    private static NecessaryCondition Necessary(DyadYearBuilder builder, DisputeSample sample, ConflictSpec spec)
    {
        var eu = sample.Eu(spec);
        long mids = 0, midsOk = 0, all = 0, allOk = 0;
        for (var i = 0; i < sample.Count; i++)
        {
            var ok = eu[i] >= 0;
            all++;
            if (ok) allOk++;
            if (!sample.Outcome[i]) continue;
            mids++;
            if (ok) midsOk++;
        }

        var warKeys = builder.Data.Wars.Where(w => w.Onset && w.Initiator1).Select(w => (w.Year, w.Ccode1, w.Ccode2)).ToHashSet();
        long wars = 0, warsOk = 0;
        for (var i = 0; i < sample.Count; i++)
        {
            if (!warKeys.Contains((sample.Year[i], sample.Ccode1[i], sample.Ccode2[i]))) continue;
            wars++;
            if (eu[i] >= 0) warsOk++;
        }

        var years = new YearSpan(sample.Year.Min(), sample.Year.Max());
        return new NecessaryCondition(spec.Name, "politically relevant dyad-years without a continuing dispute", years,
            new EuShare(wars, warsOk), new EuShare(mids, midsOk), new EuShare(all, allOk));
    }
}
