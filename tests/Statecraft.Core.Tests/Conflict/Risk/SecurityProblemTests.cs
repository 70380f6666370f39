using Statecraft.Core.Conflict;
using Statecraft.Core.Conflict.Risk;
using Statecraft.Core.Random;

namespace Statecraft.Core.Tests.Conflict.Risk;

public sealed class SecurityProblemTests
{
    public static TheoryData<SimilarityMeasure, bool, bool> Cases => new()
    {
        { SimilarityMeasure.TauB, true, false },
        { SimilarityMeasure.TauB, false, true },
        { SimilarityMeasure.S, true, true },
        { SimilarityMeasure.S, false, false },
        { SimilarityMeasure.WeightedS, true, false },
        { SimilarityMeasure.WeightedS, true, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Security_of_any_portfolio_equals_the_War_Trap_engine_on_the_region(SimilarityMeasure measure, bool discount, bool regional)
    {
        var random = new Xoshiro256StarStar(77);
        for (ulong seed = 0; seed < 6; seed++)
        {
            var year = RiskYears.Random(seed, 12, measure, regional, discount);
            var problem = new SecurityProblem();
            for (var state = 0; state < year.Count; state++)
            {
                problem.Load(year, state);
                var region = Enumerable.Range(1, problem.K).Select(problem.Member).ToArray();
                for (var draw = 0; draw < 5; draw++)
                {
                    var t = new int[problem.K + 1];
                    for (var m = 1; m <= problem.K; m++) t[m] = draw == 0 ? problem.Actual(m) : (int)(random.NextUInt64() >> 62);
                    var expected = RiskYears.Security(year, state, region, t.Skip(1).Select(c => (TieKind)(c + 1)).ToArray());
                    problem.Evaluate(t).ShouldBe(expected, 1e-12 * Math.Max(1, Math.Abs(expected)));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Climbing_never_worsens_and_ends_where_no_single_change_helps(SimilarityMeasure measure, bool discount, bool regional)
    {
        var year = RiskYears.Random(5, 14, measure, regional, discount);
        var problem = new SecurityProblem();
        for (var state = 0; state < year.Count; state++)
        {
            problem.Load(year, state);
            var k = problem.K;
            var actual = Enumerable.Range(0, k + 1).Select(m => m == 0 ? 0 : problem.Actual(m)).ToArray();
            var start = problem.Evaluate(actual);
            foreach (var maximize in new[] { true, false })
            {
                var (value, portfolio, _) = problem.Climb(actual, maximize);
                if (maximize) value.ShouldBeGreaterThanOrEqualTo(start);
                else value.ShouldBeLessThanOrEqualTo(start);
                problem.Evaluate(portfolio).ShouldBe(value);
                // A local optimum: no single tie change improves it (checked from scratch).
                for (var m = 1; m <= k; m++)
                {
                    for (var v = 0; v < 4; v++)
                    {
                        if (v == portfolio[m]) continue;
                        var neighbour = (int[])portfolio.Clone();
                        neighbour[m] = v;
                        var other = problem.Evaluate(neighbour);
                        var slack = 1e-9 * Math.Max(1, Math.Abs(value));
                        if (maximize) other.ShouldBeLessThanOrEqualTo(value + slack);
                        else other.ShouldBeGreaterThanOrEqualTo(value - slack);
                    }
                }
            }
        }
    }
}
