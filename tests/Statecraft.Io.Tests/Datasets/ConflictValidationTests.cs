using Statecraft.Core.DyadYears;
using Statecraft.Core.Forecasting;
using Statecraft.Core.Validation;

namespace Statecraft.Io.Tests.Datasets;

/// <summary>The validation on a short stretch of history (fit 1816-1889, test 1890-1913), so the suite stays quick.</summary>
public sealed class ConflictValidationTests(ShippedConflictData data) : IClassFixture<ShippedConflictData>
{
    private static readonly ConflictValidationOptions Short = new(new YearSpan(1816, 1889), new YearSpan(1890, 1913), FoldYears: 8);
    private static readonly ConflictSpec[] Specs = [ConflictSpec.Default, new(Core.Conflict.SimilarityMeasure.S, ThirdPartyRule.All)];

    [Fact]
    public void Models_are_scored_out_of_sample_with_the_shared_scores()
    {
        var result = ConflictValidation.Run(data.Builder, Short with { Threads = 2 }, Specs);
        result.Counts.Single().Years.ShouldBe(new YearSpan(1816, 1913));
        result.Models.Select(m => m.Name).ShouldBe([
            "standard", "standard rolling",
            "standard+eu tau_b/region", "standard+eu tau_b/region rolling",
            "standard+eu s/all", "standard+eu s/all rolling",
            "eu only tau_b/region", "eu only s/all"]);

        var standard = result.Models[0];
        standard.Train.ShouldBe(new YearSpan(1816, 1889));
        standard.Test.ShouldBe(new YearSpan(1890, 1913));
        standard.TestEvents.ShouldBeGreaterThan(20);
        standard.Auc!.Value.ShouldBeGreaterThan(0.7); // contiguity, distance and peace years carry real signal
        standard.Calibration.Sum(b => b.Count).ShouldBe(standard.TestRows);

        // The scores are those of the predictions Predictions() hands the forecasting backtests.
        var sample = DisputeSample.Build(data.Builder, Specs, new YearSpan(1816, 1913), threads: 2);
        var predictions = ConflictValidation.Predictions(sample, null, Short.Train, Short.Test);
        predictions.Count.ShouldBe(standard.TestRows);
        Scores.LogLoss(predictions.Select(p => p.Probability).ToArray(), predictions.Select(p => p.Outcome).ToArray()).ShouldBe(standard.LogLoss, 1e-12);
        predictions.ShouldAllBe(p => p.Year >= 1890 && p.Year <= 1913 && p.Probability > 0 && p.Probability < 1);

        // Rolling origin: three folds of eight years, each trained on everything before it.
        var rolling = result.Models[1];
        rolling.Folds.Select(f => (f.Train.Last, f.Test.First, f.Test.Last)).ShouldBe([(1889, 1890, 1897), (1897, 1898, 1905), (1905, 1906, 1913)]);
        rolling.Folds.Sum(f => f.Rows).ShouldBe(rolling.TestRows);
        rolling.TestRows.ShouldBe(standard.TestRows);

        // Every EU model is compared with the standard one on the same rows; the best model is open.
        result.Comparisons.Count(c => c.Reference == "standard").ShouldBeGreaterThanOrEqualTo(2);
        var best = result.Models.Where(m => m.Folds.Count == 0 && !m.Name.StartsWith("eu only", StringComparison.Ordinal)).MinBy(m => m.LogLoss)!;
        result.OpenModels.ShouldContain(best.Spec ?? "standard");
        result.Comparisons.ShouldAllBe(c => double.IsFinite(c.Difference) && c.StandardError > 0);
    }

    [Fact]
    public void The_necessary_condition_counts_war_and_MID_initiators()
    {
        var result = ConflictValidation.Run(data.Builder, Short, [ConflictSpec.Default]);
        var all = result.NecessaryConditions[0];
        all.Population.ShouldBe("all dyad-years");
        all.DyadYears.Count.ShouldBe(result.Counts.Single().All);
        // Directed dyad-years with a COW inter-state war begun 1816-1913 by state 1, counted from the raw
        // file (two pairs started two wars in one year: Prussia-Denmark 1864, Russia-China 1900).
        var initiators = File.ReadLines(Path.Combine(Statecraft.Tests.TestPaths.Shared, "data", "conflict", "cow_interstate_war_v4_dirdyad_peacesciencer.csv")).Skip(1)
            .Select(l => l.Split(',')).Where(f => int.Parse(f[3]) <= 1913 && f[5] == "1" && f[8] == "1").Select(f => (f[1], f[2], f[3])).Distinct().Count();
        initiators.ShouldBe(62);
        all.WarInitiators.Count.ShouldBe(initiators);
        all.WarInitiators.NonNegative.ShouldBeLessThanOrEqualTo(all.WarInitiators.Count);
        result.NecessaryConditions[1].MidInitiators.Count.ShouldBe(result.SampleEvents);
    }

    [Fact]
    public void Risk_adjusted_EU_is_scored_against_plain_EU_but_is_no_candidate_for_the_scenario()
    {
        ConflictSpec[] specs = [ConflictSpec.Default, ConflictSpec.RiskAdjusted];
        var result = ConflictValidation.Run(data.Builder, Short with { Threads = 2 }, specs);
        result.Models.Select(m => m.Name).ShouldContain("standard+eu tau_b/region+risk");
        foreach (var suffix in new[] { "", " rolling" })
        {
            var c = result.Comparisons.Single(x => x.Model == "standard+eu tau_b/region+risk" + suffix && x.Reference == "standard+eu tau_b/region" + suffix);
            double.IsFinite(c.Difference).ShouldBeTrue();
            c.StandardError.ShouldBeGreaterThan(0);
        }

        result.OpenModels.ShouldAllBe(m => !m.EndsWith("+risk", StringComparison.Ordinal));
        result.BestEuSpec.Risk.ShouldBeFalse();

        // The risk-adjusted EU is its own column: the same rows, other values (risk bends the bilateral term).
        var sample = DisputeSample.Build(data.Builder, specs, new YearSpan(1890, 1895), threads: 2);
        var plain = sample.Eu(ConflictSpec.Default);
        var risk = sample.Eu(ConflictSpec.RiskAdjusted);
        risk.Count.ShouldBe(plain.Count);
        risk.Zip(plain).Count(p => p.First != p.Second).ShouldBeGreaterThan(plain.Count / 2);
        risk.ShouldAllBe(x => double.IsFinite(x));
    }

    [Fact]
    public void Results_do_not_depend_on_the_thread_count()
    {
        var one = ConflictValidation.Run(data.Builder, Short with { Threads = 1 }, [ConflictSpec.Default]);
        var two = ConflictValidation.Run(data.Builder, Short with { Threads = 3 }, [ConflictSpec.Default]);
        two.Models.Select(m => (m.LogLoss, m.Brier, m.Auc)).ShouldBe(one.Models.Select(m => (m.LogLoss, m.Brier, m.Auc)));
        two.Models.SelectMany(m => m.Coefficients).ShouldBe(one.Models.SelectMany(m => m.Coefficients));
    }
}
