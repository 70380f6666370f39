using Statecraft.Core.Random;

namespace Statecraft.Core.Conflict.Risk;

/// <summary>How a state's most and least secure portfolios were found.</summary>
public enum RiskSearchMethod
{
    /// <summary>The region holds no other state: there is no tie to choose, R = 0.</summary>
    NoChoice,

    /// <summary>Every one of the 4^K portfolios was evaluated: the extremes are exact.</summary>
    Exhaustive,

    /// <summary>Steepest ascent and descent over single-tie changes from the actual portfolio and seeded random restarts.</summary>
    LocalSearch,
}

/// <summary>
/// Options of the search. <see cref="Restarts"/>: climbs per direction besides the one from the actual
/// portfolio (the first four start from the uniform portfolios, all defence to all none; more start
/// from seeded random ones); <see cref="Patience"/>: tabu steps without a new best before a climb
/// stops (0: plain steepest ascent); <see cref="ExhaustiveMaxTies"/>: a state with at most this many
/// ties to choose (4^K portfolios) is enumerated exactly (at most 10); <see cref="Threads"/>: states
/// searched in parallel (results do not depend on it).
/// </summary>
public sealed record RiskOptions
{
    public const int MaxExhaustiveTies = 10;

    public RiskOptions(ulong seed = 1, int restarts = 4, int patience = 4, int exhaustiveMaxTies = 6, int threads = 1)
    {
        if (restarts < 0) throw new ArgumentOutOfRangeException(nameof(restarts), restarts, "expected 0 or more restarts");
        if (patience < 0) throw new ArgumentOutOfRangeException(nameof(patience), patience, "expected 0 or more steps");
        if (exhaustiveMaxTies is < 0 or > MaxExhaustiveTies)
            throw new ArgumentOutOfRangeException(nameof(exhaustiveMaxTies), exhaustiveMaxTies, $"expected 0 to {MaxExhaustiveTies}");
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "expected 1 or more threads");
        Seed = seed;
        Restarts = restarts;
        Patience = patience;
        ExhaustiveMaxTies = exhaustiveMaxTies;
        Threads = threads;
    }

    public ulong Seed { get; }

    public int Restarts { get; }

    public int Patience { get; }

    public int ExhaustiveMaxTies { get; }

    public int Threads { get; }
}

/// <summary>
/// One state's risk attitude. Security is S_i = Σ_j EU_j(i) over the other members of its region, the
/// War Trap expected utility each would have in attacking it (larger: more exposed); Min and Max are
/// the most and least secure portfolios found; R = (2 S − S_max − S_min)/(S_max − S_min) in [−1, 1]
/// (0 when S_max = S_min) and r = (1 − R/3)/(1 + R/3) in [0.5, 2]. <see cref="Region"/> lists the other
/// members (indices into the year's states) and the two portfolios give the state's tie with each.
/// </summary>
public sealed record RiskResult(
    string State,
    double Security,
    double SecurityMin,
    double SecurityMax,
    double R,
    double RiskExponent,
    RiskSearchMethod Method,
    long Evaluations,
    IReadOnlyList<int> Region,
    IReadOnlyList<TieKind> MostSecure,
    IReadOnlyList<TieKind> LeastSecure);

/// <summary>
/// EUGene's risk attitudes (Bueno de Mesquita 1985, as Bennett and Stam compute them) for every state
/// of a year: its security under its actual alliance portfolio against the most and least secure
/// portfolios it could have chosen within its region. Instead of EUGene's genetic algorithm, each
/// state's problem is set up once (<see cref="SecurityProblem"/>) and then searched with incremental
/// updates: exhaustively when the region is small, otherwise by steepest ascent and descent from the
/// actual portfolio and from seeded random ones. Pure; the same inputs and seed give the same results
/// whatever <see cref="RiskOptions.Threads"/> is.
/// </summary>
public static class RiskSearch
{
    public static IReadOnlyList<RiskResult> Run(RiskYear year, RiskOptions options)
    {
        var results = new RiskResult[year.Count];
        if (options.Threads == 1)
        {
            var problem = new SecurityProblem();
            for (var i = 0; i < year.Count; i++) results[i] = Solve(year, i, options, problem);
        }
        else
        {
            Parallel.For(0, year.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Threads }, () => new SecurityProblem(),
                (i, _, problem) =>
                {
                    results[i] = Solve(year, i, options, problem);
                    return problem;
                },
                _ => { });
        }

        return results;
    }

    private static RiskResult Solve(RiskYear year, int state, RiskOptions options, SecurityProblem problem)
    {
        problem.Load(year, state);
        var k = problem.K;
        var actual = new int[k + 1];
        for (var m = 1; m <= k; m++) actual[m] = problem.Actual(m);
        var security = problem.Evaluate(actual);
        var region = new int[k];
        for (var m = 1; m <= k; m++) region[m - 1] = problem.Member(m);

        double min = security, max = security;
        int[] minAt = actual, maxAt = actual;
        long evaluations = 1;
        RiskSearchMethod method;
        if (k == 0)
        {
            method = RiskSearchMethod.NoChoice;
        }
        else if (k <= options.ExhaustiveMaxTies)
        {
            method = RiskSearchMethod.Exhaustive;
            (min, minAt, max, maxAt, evaluations) = problem.Exhaustive();
        }
        else
        {
            method = RiskSearchMethod.LocalSearch;
            var random = Xoshiro256StarStar.ForStream(options.Seed, (ulong)state);
            var start = new int[k + 1];
            foreach (var maximize in (ReadOnlySpan<bool>)[true, false])
            {
                for (var restart = 0; restart <= options.Restarts; restart++)
                {
                    // The actual portfolio, then the four uniform ones (all defence ... all none), then random.
                    for (var m = 1; m <= k; m++)
                        start[m] = restart == 0 ? actual[m] : restart <= 4 ? restart - 1 : (int)(random.NextUInt64() >> 62);
                    var (value, portfolio, count) = problem.Climb(start, maximize, options.Patience);
                    evaluations += count;
                    if (maximize && value > max)
                    {
                        (max, maxAt) = (value, portfolio);
                    }
                    else if (!maximize && value < min)
                    {
                        (min, minAt) = (value, portfolio);
                    }
                }
            }
        }

        // The actual portfolio is a candidate, so min ≤ S ≤ max; a span within rounding counts as none.
        var span = max - min;
        var r = span <= 1e-12 * Math.Max(1, Math.Max(Math.Abs(max), Math.Abs(min)))
            ? 0
            : Math.Clamp(WarTrapModel.RiskR(security, max, min), -1, 1);
        return new RiskResult(year.States[state], security, min, max, r, WarTrapModel.RiskExponent(r), method, evaluations,
            region, Kinds(minAt, k), Kinds(maxAt, k));
    }

    private static TieKind[] Kinds(int[] portfolio, int k)
    {
        var kinds = new TieKind[k];
        for (var m = 1; m <= k; m++) kinds[m - 1] = (TieKind)(portfolio[m] + 1);
        return kinds;
    }
}
