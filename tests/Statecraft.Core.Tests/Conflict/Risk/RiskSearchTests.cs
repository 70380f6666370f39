using Statecraft.Core.Conflict;
using Statecraft.Core.Conflict.Risk;
using Xunit.Abstractions;

namespace Statecraft.Core.Tests.Conflict.Risk;

public sealed class RiskSearchTests(ITestOutputHelper output)
{
    private static readonly RiskOptions Exact = new(exhaustiveMaxTies: RiskOptions.MaxExhaustiveTies);

    [Theory]
    [InlineData(SimilarityMeasure.TauB)]
    [InlineData(SimilarityMeasure.S)]
    [InlineData(SimilarityMeasure.WeightedS)]
    public void Local_search_reaches_the_exhaustive_optimum_on_small_regions(SimilarityMeasure measure)
    {
        // 30 seeded random years of 4-8 states (up to 7 ties to choose, 16,384 portfolios), with and
        // without distance discount, some with regions: the search (forced, default budget) against
        // enumeration of every portfolio. bench/ (risk-quality) runs thousands more, up to 9 ties.
        int problems = 0, exact = 0;
        for (ulong seed = 0; seed < 30; seed++)
        {
            var n = 4 + (int)(seed % 5);
            var year = RiskYears.Random(500 + seed, n, measure, regional: seed % 3 == 0, discount: seed % 2 == 0);
            var enumerated = RiskSearch.Run(year, Exact);
            var searched = RiskSearch.Run(year, new RiskOptions(seed: seed, exhaustiveMaxTies: 0));
            for (var i = 0; i < n; i++)
            {
                if (enumerated[i].Region.Count == 0) continue;
                enumerated[i].Method.ShouldBe(RiskSearchMethod.Exhaustive);
                searched[i].Method.ShouldBe(RiskSearchMethod.LocalSearch);
                var tolerance = 1e-9 * Math.Max(1, Math.Abs(enumerated[i].SecurityMax));
                problems += 2;
                if (Math.Abs(searched[i].SecurityMin - enumerated[i].SecurityMin) <= tolerance) exact++;
                if (Math.Abs(searched[i].SecurityMax - enumerated[i].SecurityMax) <= tolerance) exact++;
            }
        }

        output.WriteLine($"{measure}: the search found {exact} of {problems} exhaustive extremes");
        exact.ShouldBe(problems);
    }

    [Fact]
    public void Exhaustive_extremes_are_the_extremes_over_every_portfolio_evaluated_independently()
    {
        foreach (var measure in new[] { SimilarityMeasure.TauB, SimilarityMeasure.S, SimilarityMeasure.WeightedS })
        {
            var year = RiskYears.Random(31, 4, measure);
            var results = RiskSearch.Run(year, Exact);
            for (var state = 0; state < year.Count; state++)
            {
                var region = results[state].Region;
                var values = new List<double>();
                for (var code = 0; code < 1 << (2 * region.Count); code++)
                {
                    var portfolio = Enumerable.Range(0, region.Count).Select(m => (TieKind)((code >> (2 * m) & 3) + 1)).ToArray();
                    values.Add(RiskYears.Security(year, state, region, portfolio));
                }

                results[state].SecurityMin.ShouldBe(values.Min(), 1e-12);
                results[state].SecurityMax.ShouldBe(values.Max(), 1e-12);
                results[state].Evaluations.ShouldBe(values.Count);
            }
        }
    }

    [Theory]
    [InlineData(SimilarityMeasure.TauB, true)]
    [InlineData(SimilarityMeasure.S, false)]
    [InlineData(SimilarityMeasure.WeightedS, true)]
    public void Reported_security_is_that_of_the_reported_portfolios_and_R_lies_between_the_extremes(SimilarityMeasure measure, bool regional)
    {
        var year = RiskYears.Random(8, 24, measure, regional);
        var results = RiskSearch.Run(year, new RiskOptions());
        for (var state = 0; state < year.Count; state++)
        {
            var result = results[state];
            result.State.ShouldBe(year.States[state]);
            var scale = 1e-12 * Math.Max(1, Math.Abs(result.SecurityMax));
            result.Security.ShouldBe(RiskYears.Security(year, state, result.Region, RiskYears.Actual(year, state, result.Region)), scale);
            result.SecurityMin.ShouldBe(RiskYears.Security(year, state, result.Region, result.MostSecure), scale);
            result.SecurityMax.ShouldBe(RiskYears.Security(year, state, result.Region, result.LeastSecure), scale);
            result.SecurityMin.ShouldBeLessThanOrEqualTo(result.Security);
            result.Security.ShouldBeLessThanOrEqualTo(result.SecurityMax);
            result.R.ShouldBe(WarTrapModel.RiskR(result.Security, result.SecurityMax, result.SecurityMin), 1e-12);
            result.RiskExponent.ShouldBe(WarTrapModel.RiskExponent(result.R));
            result.RiskExponent.ShouldBeInRange(0.5, 2);
        }
    }

    [Fact]
    public void R_and_r_reach_their_bounds_when_the_actual_portfolio_is_an_extreme()
    {
        var year = RiskYears.Random(12, 6, SimilarityMeasure.TauB, discount: false);
        var first = RiskSearch.Run(year, Exact)[0];

        // Give state 0 its least secure portfolio, then its most secure one, as actual ties.
        var least = RiskSearch.Run(WithTies(year, 0, first.Region, first.LeastSecure), Exact)[0];
        least.R.ShouldBe(1);
        least.RiskExponent.ShouldBe(0.5, 1e-15);
        least.Security.ShouldBe(least.SecurityMax);
        var most = RiskSearch.Run(WithTies(year, 0, first.Region, first.MostSecure), Exact)[0];
        most.R.ShouldBe(-1);
        most.RiskExponent.ShouldBe(2, 1e-15);
        most.SecurityMax.ShouldBeGreaterThan(most.SecurityMin);
    }

    [Fact]
    public void No_choice_or_no_stake_gives_R_zero_and_r_one()
    {
        // A state alone in its region has nothing to choose.
        string[] ids = ["A", "B", "C"];
        var region = new bool[9];
        region[1 * 3 + 2] = region[2 * 3 + 1] = true;
        var ties = Enumerable.Repeat(TieKind.None, 9).ToArray();
        var year = RiskYear.Create(ids, [0.1, 0.2, 0.3], RiskYears.Undiscounted([0.1, 0.2, 0.3]), ties, region, SimilarityMeasure.TauB).Value;
        var alone = RiskSearch.Run(year, new RiskOptions())[0];
        alone.Method.ShouldBe(RiskSearchMethod.NoChoice);
        alone.Region.ShouldBeEmpty();
        (alone.Security, alone.R, alone.RiskExponent).ShouldBe((0.0, 0.0, 1.0));

        // With no capability anywhere every P is one half (as EUGene), every EU is 0: no NaN, R = 0.
        var powerless = RiskYear.Create(ids, [0, 0, 0], new double[9], ties, Enumerable.Repeat(true, 9).ToArray(), SimilarityMeasure.TauB).Value;
        foreach (var result in RiskSearch.Run(powerless, new RiskOptions()))
        {
            (result.Security, result.SecurityMin, result.SecurityMax, result.R, result.RiskExponent).ShouldBe((0.0, 0.0, 0.0, 0.0, 1.0));
        }
    }

    [Fact]
    public void Results_are_identical_whatever_the_thread_count()
    {
        var year = RiskYears.Random(44, 24, SimilarityMeasure.TauB, regional: true);
        var options = new RiskOptions(seed: 9, restarts: 6); // restarts beyond four draw random portfolios
        var one = RiskSearch.Run(year, options);
        foreach (var threads in new[] { 2, 4 })
        {
            var many = RiskSearch.Run(year, new RiskOptions(seed: 9, restarts: 6, threads: threads));
            for (var i = 0; i < year.Count; i++)
            {
                many[i].ShouldBe(one[i] with { Region = many[i].Region, MostSecure = many[i].MostSecure, LeastSecure = many[i].LeastSecure });
                many[i].Region.ShouldBe(one[i].Region);
                many[i].MostSecure.ShouldBe(one[i].MostSecure);
                many[i].LeastSecure.ShouldBe(one[i].LeastSecure);
            }
        }

        one.ShouldContain(r => r.Method == RiskSearchMethod.LocalSearch);
    }

    [Fact]
    public void Bad_inputs_are_refused_with_every_problem_named()
    {
        string[] ids = ["A", "B"];
        var ties = new[] { TieKind.Defence, TieKind.Entente, TieKind.Neutrality, TieKind.Defence };
        var region = new bool[4];
        var result = RiskYear.Create(ids, [double.NaN, 0.1], [0.1, 0.1, 0.1], ties, region, SimilarityMeasure.TauB);
        result.Success.ShouldBeFalse();
        result.Problems.ShouldContain(p => p.Subject == "A" && p.Field == "capability" && p.Message.Contains("NaN"));
        result.Problems.ShouldContain(p => p.Field == "capability_at" && p.Message == "expected 4 values (2×2, row-major), found 3");

        var asymmetric = RiskYear.Create(ids, [0.1, 0.2], [0.1, 0.1, 0.2, 0.2], ties, region, SimilarityMeasure.TauB);
        asymmetric.Problems.Single().ShouldBe(new Statecraft.Core.Domain.Problem("A-B", "tie", "expected a symmetric tie matrix, found Entente one way and Neutrality the other"));

        var others = RiskYear.WithDistances(["A", "A", "C"], [0.1, -1, 0.2], [0, 1, double.PositiveInfinity, 1, 0, 5, double.PositiveInfinity, 5, 0], 500,
            [TieKind.Defence, (TieKind)7, TieKind.None, (TieKind)7, TieKind.Defence, TieKind.None, TieKind.None, TieKind.None, TieKind.Defence], new bool[8], SimilarityMeasure.S);
        others.Problems.Select(p => p.Field).ShouldBe(["id", "capability"], ignoreOrder: true);
        var lengths = RiskYear.WithDistances(["A", "B", "C"], [0.1, 0.1, 0.2], [0, 1, double.PositiveInfinity, 1, 0, 5, double.PositiveInfinity, 5, 0], 500,
            [TieKind.Defence, (TieKind)7, TieKind.None, (TieKind)7, TieKind.Defence, TieKind.None, TieKind.None, TieKind.None, TieKind.Defence], new bool[8], SimilarityMeasure.S);
        lengths.Problems.Select(p => (p.Subject, p.Field)).ShouldBe([("A-C", "miles"), ("C-A", "miles"), ("year", "region")], ignoreOrder: true);
        var kinds = RiskYear.Create(["A", "B"], [0.1, 0.1], new double[4], [TieKind.Defence, (TieKind)7, (TieKind)7, TieKind.Defence], new bool[3], SimilarityMeasure.S);
        kinds.Problems.Single().Field.ShouldBe("region");

        Should.Throw<ArgumentOutOfRangeException>(() => new RiskOptions(restarts: -1));
        Should.Throw<ArgumentOutOfRangeException>(() => new RiskOptions(exhaustiveMaxTies: 11));
        Should.Throw<ArgumentOutOfRangeException>(() => new RiskOptions(threads: 0));
    }

    private static RiskYear WithTies(RiskYear year, int state, IReadOnlyList<int> region, IReadOnlyList<TieKind> portfolio)
    {
        var n = year.Count;
        var ties = year.Ties.ToArray();
        for (var m = 0; m < region.Count; m++) ties[state * n + region[m]] = ties[region[m] * n + state] = portfolio[m];
        return RiskYear.Create(year.States, year.Capability, year.CapabilityAt, ties, year.Region, year.Measure).Value;
    }
}
