using BenchmarkDotNet.Attributes;
using Statecraft.Core.Conflict;
using Statecraft.Core.Random;
using Statecraft.Core.Uncertainty;

namespace Statecraft.Benchmarks;

/// <summary>
/// War Trap on a synthetic 40-state region (random capabilities, distances and alliance ties from a
/// fixed seed): EU for all 40 × 39 directed dyads with all 38 third parties each (59,280 third-party
/// terms per sweep), single-threaded and on all cores; and Monte Carlo over uncertain capabilities.
/// </summary>
[SimpleJob(warmupCount: 2, iterationCount: 5)]
[MemoryDiagnoser]
public class WarTrapBenchmarks
{
    public const int States = 40;
    public const int TermsPerSweep = States * (States - 1) * (States - 2);

    private WarTrapModel _model = null!;
    private UncertainWarTrap _uncertain = null!;
    private WarTrapOptions _options = null!;
    private ScenarioModel _countPositive = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Xoshiro256StarStar(2026);
        var ids = Enumerable.Range(0, States).Select(i => $"S{i:00}").ToArray();
        var capabilities = ids.Select(_ => 0.001 + 0.05 * random.NextDouble() * random.NextDouble()).ToArray();
        var distances = new List<UncertainStatePair>();
        var ties = new List<AllianceTie>();
        for (var a = 0; a < States; a++)
        {
            for (var b = a + 1; b < States; b++)
            {
                distances.Add(new UncertainStatePair(ids[a], ids[b], Distribution.Point(100 + 5000 * random.NextDouble())));
                var u = random.NextDouble();
                if (u < 0.25) ties.Add(new AllianceTie(ids[a], ids[b], u < 0.1 ? TieKind.Defence : u < 0.17 ? TieKind.Neutrality : TieKind.Entente));
            }
        }

        _options = new WarTrapOptions(DistanceDiscount: true, Measure: SimilarityMeasure.TauB);
        var states = ids.Select((id, i) => new UncertainWarTrapState(id,
            Distribution.Triangular(0.8 * capabilities[i], capabilities[i], 1.2 * capabilities[i]))).ToArray();
        _uncertain = UncertainWarTrap.Create(states, distances, ties, null, []).Value;
        _model = _uncertain.Model(new ScenarioDraw(_uncertain.Inputs, _uncertain.Inputs.Medians()), _options);
        _countPositive = draw =>
        {
            var eu = _uncertain.Model(draw, _options).AllDyads();
            var positive = 0;
            foreach (var v in eu) if (v > 0) positive++;
            return positive;
        };
    }

    /// <summary>Every directed dyad with every third party, one thread (59,280 terms).</summary>
    [Benchmark(OperationsPerInvoke = TermsPerSweep)]
    public double AllDyadsSingleThread()
    {
        double sum = 0;
        for (var i = 0; i < States; i++)
        {
            for (var j = 0; j < States; j++)
            {
                if (i != j) sum += _model.ExpectedUtility(i, j);
            }
        }

        return sum;
    }

    /// <summary>The same sweep, attackers spread over all cores.</summary>
    [Benchmark(OperationsPerInvoke = TermsPerSweep)]
    public double AllDyadsAllCores()
    {
        var rows = new double[States];
        Parallel.For(0, States, i =>
        {
            double sum = 0;
            for (var j = 0; j < States; j++)
            {
                if (i != j) sum += _model.ExpectedUtility(i, j);
            }

            rows[i] = sum;
        });
        return rows.Sum();
    }

    /// <summary>Building the model for one drawn scenario (τ_b for 780 pairs, 1,600 discounted capabilities).</summary>
    [Benchmark]
    public WarTrapModel BuildModel() => _uncertain.Model(new ScenarioDraw(_uncertain.Inputs, _uncertain.Inputs.Medians()), _options);

    /// <summary>Monte Carlo, 200 scenarios: draw 80 inputs, build, all 1,560 dyads; one thread.</summary>
    [Benchmark]
    public MonteCarloSummary MonteCarlo200SingleThread() =>
        MonteCarlo.Run(_uncertain.Inputs, _countPositive, Verdict.GreaterThan(780), new MonteCarloOptions(200, 1, MaxThreads: 1));

    /// <summary>The same Monte Carlo on all cores (identical result).</summary>
    [Benchmark]
    public MonteCarloSummary MonteCarlo200AllCores() =>
        MonteCarlo.Run(_uncertain.Inputs, _countPositive, Verdict.GreaterThan(780), new MonteCarloOptions(200, 1));
}
