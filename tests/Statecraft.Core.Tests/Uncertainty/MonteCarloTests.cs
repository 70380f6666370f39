using FsCheck.Xunit;
using Statecraft.Core.Uncertainty;

namespace Statecraft.Core.Tests.Uncertainty;

public sealed class MonteCarloTests
{
    private static InputSet Inputs(params UncertainInput[] inputs) => InputSet.Create(inputs).Value;

    [Fact]
    public void Same_seed_gives_the_same_bits_on_one_thread_and_on_all()
    {
        var inputs = Inputs(
            new UncertainInput("a", Distribution.Triangular(0, 1, 3)),
            new UncertainInput("b", Distribution.Beta(2, 5)),
            new UncertainInput("c", Distribution.Normal(1, 0.5)));
        ScenarioModel model = d => d["a"] * d["b"] - Math.Sin(d["c"]);
        var one = MonteCarlo.Run(inputs, model, Verdict.GreaterThan(0), new MonteCarloOptions(3001, 99, MaxThreads: 1));
        var all = MonteCarlo.Run(inputs, model, Verdict.GreaterThan(0), new MonteCarloOptions(3001, 99, MaxThreads: 8));
        all.Values.Select(BitConverter.DoubleToInt64Bits).ShouldBe(one.Values.Select(BitConverter.DoubleToInt64Bits));
        (all with { Values = [] }).ShouldBe(one with { Values = [] });
        var other = MonteCarlo.Run(inputs, model, Verdict.GreaterThan(0), new MonteCarloOptions(3001, 100));
        other.Mean.ShouldNotBe(one.Mean);
    }

    [Fact]
    public void Point_masses_reproduce_the_deterministic_answer_exactly()
    {
        var inputs = Inputs(new UncertainInput("x", Distribution.Point(0.3)), new UncertainInput("y", Distribution.Point(-1.7)));
        ScenarioModel model = d => d["x"] * d["x"] + d["y"];
        var deterministic = 0.3 * 0.3 + -1.7;
        var report = MonteCarlo.Analyze(inputs, model, Verdict.GreaterThan(0), new MonteCarloOptions(200, 1));
        report.Baseline.ShouldBe(deterministic);
        report.MonteCarlo!.Values.ShouldAllBe(v => v == deterministic);
        report.MonteCarlo.Lower.ShouldBe(deterministic);
        report.MonteCarlo.Upper.ShouldBe(deterministic);
        report.MonteCarlo.ProbabilityVerdictHolds.ShouldBe(0);
        report.Tornado.ShouldBeEmpty();
    }

    [Fact]
    public void Interval_covers_the_closed_form_quantiles_of_a_sum_of_uniforms()
    {
        // X + Y with X, Y ~ U(0, 1) is triangular on [0, 2]: q05 = sqrt(0.1), q95 = 2 - sqrt(0.1), P(sum > 1.5) = 1/8.
        var inputs = Inputs(new UncertainInput("x", Distribution.Uniform(0, 1)), new UncertainInput("y", Distribution.Uniform(0, 1)));
        var summary = MonteCarlo.Run(inputs, d => d[0] + d[1], Verdict.GreaterThan(1.5), new MonteCarloOptions(40000, 2024));
        // Standard error of these sample quantiles is about 0.0035; allow four of them.
        summary.Lower.ShouldBe(Math.Sqrt(0.1), 0.014);
        summary.Upper.ShouldBe(2 - Math.Sqrt(0.1), 0.014);
        summary.Mean.ShouldBe(1, 0.006);
        summary.ProbabilityVerdictHolds.ShouldBe(0.125, 0.007);
        var inside = summary.Values.Count(v => v >= Math.Sqrt(0.1) && v <= 2 - Math.Sqrt(0.1)) / (double)summary.Samples;
        inside.ShouldBe(0.9, 0.006);
    }

    [Fact]
    public void Progress_reaches_the_total()
    {
        var inputs = Inputs(new UncertainInput("x", Distribution.Uniform(0, 1)));
        var last = 0;
        var progress = new SynchronousProgress(p => InterlockedMax(ref last, p.Completed));
        MonteCarlo.Run(inputs, d => d[0], Verdict.GreaterThan(0.5), new MonteCarloOptions(1000, 1), progress);
        last.ShouldBe(1000);
    }

    [Fact]
    public void Tornado_ranks_inputs_by_swing()
    {
        var inputs = Inputs(
            new UncertainInput("small", Distribution.Uniform(0, 1)),
            new UncertainInput("fixed", Distribution.Point(4)),
            new UncertainInput("large", Distribution.Uniform(0, 1)));
        var bars = Sensitivity.Tornado(inputs, d => d["small"] + 3 * d["large"] + d["fixed"]);
        bars.Select(b => b.Input).ShouldBe(["large", "small"]);
        bars[0].LowValue.ShouldBe(0.05, 1e-15);
        bars[0].OutputAtHigh.ShouldBe(0.5 + 3 * 0.95 + 4, 1e-12);
        bars[0].Swing.ShouldBe(2.7, 1e-12);
    }

    [Fact]
    public void Flip_point_finds_the_threshold_crossing_of_each_input()
    {
        var inputs = Inputs(
            new UncertainInput("x", Distribution.Uniform(1, 4), Bounds.NonNegative),
            new UncertainInput("k", Distribution.Point(2)));
        var flips = Sensitivity.FlipPoints(inputs, d => d["x"] - d["k"], Verdict.GreaterThan(0));
        var x = flips[0];
        x.Baseline.ShouldBe(2.5);
        x.Below!.Value.ShouldBe(2, 1e-12);
        x.Above.ShouldBeNull();
        x.Change!.Value.ShouldBe(-0.5, 1e-12);
        flips[1].Above!.Value.ShouldBe(2.5, 1e-12);
        flips[1].Below.ShouldBeNull();
    }

    [Fact]
    public void Tornado_and_flip_points_are_the_same_on_one_thread_and_on_many()
    {
        // Ten inputs with interacting effects and several flips each: every bar and flip lands in its own slot.
        var inputs = InputSet.Create(Enumerable.Range(0, 10).Select(i => new UncertainInput($"x{i}", Distribution.Triangular(-1 - i, 0.3 * i, 2 + i)))).Value;
        ScenarioModel model = d =>
        {
            double sum = 0;
            for (var i = 0; i < 10; i++) sum += Math.Sin(d[i] * (i + 1)) * (1 + 0.1 * d[(i + 1) % 10]);
            return sum;
        };
        var verdict = Verdict.GreaterThan(0.2);
        var tornadoOne = Sensitivity.Tornado(inputs, model, maxThreads: 1);
        Sensitivity.Tornado(inputs, model, maxThreads: 4).ShouldBe(tornadoOne);
        tornadoOne.Select(b => b.Swing).ShouldBeInOrder(SortDirection.Descending);
        var flipsOne = Sensitivity.FlipPoints(inputs, model, verdict, maxThreads: 1);
        Sensitivity.FlipPoints(inputs, model, verdict, maxThreads: 4).ShouldBe(flipsOne);
        flipsOne.Count(f => f.Below is not null).ShouldBeGreaterThan(0);
        flipsOne.Count(f => f.Above is not null).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Inputs_outside_their_domain_are_rejected()
    {
        var result = InputSet.Create([new UncertainInput("share", Distribution.Normal(0.5, 0.2), Bounds.UnitInterval)]);
        result.Success.ShouldBeFalse();
        result.Problems.Single().Subject.ShouldBe("share");
    }

    [Property(MaxTest = 50)]
    public bool Monotone_model_flip_point_sits_on_the_threshold(FsCheck.NormalFloat threshold)
    {
        var t = Math.Clamp(threshold.Get, -5, 5);
        var inputs = Inputs(new UncertainInput("x", Distribution.Normal(0, 1)));
        var flip = Sensitivity.FlipPoints(inputs, d => 2 * d[0], Verdict.GreaterThan(2 * t))[0];
        return t == 0 || Math.Abs(flip.Nearest!.Value - t) < 1e-9;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }

    private sealed class SynchronousProgress(Action<MonteCarloProgress> report) : IProgress<MonteCarloProgress>
    {
        public void Report(MonteCarloProgress value) => report(value);
    }
}
