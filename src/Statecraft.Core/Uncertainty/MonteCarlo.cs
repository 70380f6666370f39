using Statecraft.Core.Random;

namespace Statecraft.Core.Uncertainty;

/// <summary>How a Monte Carlo run is made. <see cref="MaxThreads"/> null uses every core; it never changes the result.</summary>
public sealed record MonteCarloOptions(int Samples, ulong Seed, int? MaxThreads = null, double LowerQuantile = 0.05, double UpperQuantile = 0.95)
{
    public const int DefaultSamples = 2000;
}

/// <summary>Progress of a long run: replications done out of the total.</summary>
public readonly record struct MonteCarloProgress(int Completed, int Total);

/// <summary>What a Monte Carlo run found about one model output.</summary>
public sealed record MonteCarloSummary(
    int Samples,
    ulong Seed,
    double Mean,
    double StdDev,
    double Lower,
    double Median,
    double Upper,
    double LowerQuantile,
    double UpperQuantile,
    double ProbabilityVerdictHolds,
    IReadOnlyList<double> Values);

/// <summary>One bar of a tornado chart: the output with one input at its low and high quantile, others at baseline.</summary>
public sealed record TornadoBar(string Input, double LowValue, double HighValue, double OutputAtLow, double OutputAtHigh)
{
    public double Swing => Math.Abs(OutputAtHigh - OutputAtLow);
}

/// <summary>
/// How far one input must move, alone from the baseline, before the verdict changes. <see cref="Below"/>
/// and <see cref="Above"/> are the nearest values (below/above the baseline) where it does; null when it
/// does not within the searched range.
/// </summary>
public sealed record FlipPoint(string Input, double Baseline, double? Below, double? Above, double SearchMin, double SearchMax)
{
    /// <summary>The nearer of the two flips, or null when neither exists.</summary>
    public double? Nearest =>
        Below is null ? Above : Above is null ? Below : Baseline - Below.Value <= Above.Value - Baseline ? Below : Above;

    /// <summary>Signed move from the baseline to <see cref="Nearest"/>.</summary>
    public double? Change => Nearest - Baseline;
}

/// <summary>Everything the uncertainty engine reports on one model output and verdict.</summary>
public sealed record UncertaintyReport(
    double Baseline,
    bool BaselineVerdictHolds,
    Verdict Verdict,
    MonteCarloSummary? MonteCarlo,
    IReadOnlyList<TornadoBar> Tornado,
    IReadOnlyList<FlipPoint> FlipPoints);

/// <summary>
/// Monte Carlo over whole scenarios. Replication k draws every input from
/// <c>Xoshiro256StarStar.ForStream(seed, k)</c>, results are stored by index and reduced in index
/// order, so the output is the same to the last bit whatever the number of threads.
/// </summary>
public static class MonteCarlo
{
    /// <summary>Baseline, Monte Carlo (when <paramref name="options"/> is given), tornado and flip points.</summary>
    public static UncertaintyReport Analyze(
        InputSet inputs,
        ScenarioModel model,
        Verdict verdict,
        MonteCarloOptions? options,
        IProgress<MonteCarloProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var baseline = Evaluate(inputs, model, inputs.Medians());
        var summary = options is null ? null : Run(inputs, model, verdict, options, progress, cancellationToken);
        var tornado = Sensitivity.Tornado(inputs, model, options?.LowerQuantile ?? 0.05, options?.UpperQuantile ?? 0.95);
        var flips = Sensitivity.FlipPoints(inputs, model, verdict);
        return new UncertaintyReport(baseline, verdict.Holds(baseline), verdict, summary, tornado, flips);
    }

    /// <summary>Evaluates the model once on the given values.</summary>
    public static double Evaluate(InputSet inputs, ScenarioModel model, double[] values) => model(new ScenarioDraw(inputs, values));

    public static MonteCarloSummary Run(
        InputSet inputs,
        ScenarioModel model,
        Verdict verdict,
        MonteCarloOptions options,
        IProgress<MonteCarloProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (options.Samples < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Samples, "expected at least one sample");
        if (!(options.LowerQuantile >= 0 && options.LowerQuantile < options.UpperQuantile && options.UpperQuantile <= 1))
            throw new ArgumentOutOfRangeException(nameof(options), "expected 0 <= lower quantile < upper quantile <= 1");

        var values = RunMany(inputs, 1, (draw, into) => into[0] = model(draw), options, progress, cancellationToken);
        return Summarize(values, verdict, options);
    }

    /// <summary>
    /// Runs a model with <paramref name="width"/> outputs in every draw (e.g. the members of an
    /// ensemble) and returns them draw-major: <c>result[k * width + j]</c> is output j of draw k. Draw k
    /// uses the same stream as <see cref="Run"/>, so the two see the same scenarios.
    /// </summary>
    public static double[] RunMany(
        InputSet inputs,
        int width,
        ScenarioOutputs model,
        MonteCarloOptions options,
        IProgress<MonteCarloProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (options.Samples < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Samples, "expected at least one sample");
        if (width < 1) throw new ArgumentOutOfRangeException(nameof(width), width, "expected at least one output");
        var n = options.Samples;
        var values = new double[n * width];
        var completed = 0;
        var step = Math.Max(1, n / 100);
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.MaxThreads ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };

        Parallel.For(
            0,
            n,
            parallel,
            () => new ScenarioDraw(inputs, new double[inputs.Count]),
            (k, _, draw) =>
            {
                var random = Xoshiro256StarStar.ForStream(options.Seed, (ulong)k);
                inputs.Draw(random, draw.Buffer);
                model(draw, values.AsSpan(k * width, width));
                var done = Interlocked.Increment(ref completed);
                if (progress is not null && (done % step == 0 || done == n)) progress.Report(new MonteCarloProgress(done, n));
                return draw;
            },
            _ => { });
        return values;
    }

    private static MonteCarloSummary Summarize(double[] values, Verdict verdict, MonteCarloOptions options)
    {
        // Reductions run in index order on one thread: the bits do not depend on scheduling.
        var n = values.Length;
        double sum = 0;
        var holds = 0;
        for (var i = 0; i < n; i++)
        {
            sum += values[i];
            if (verdict.Holds(values[i])) holds++;
        }

        var mean = sum / n;
        double squares = 0;
        for (var i = 0; i < n; i++) squares += (values[i] - mean) * (values[i] - mean);
        var sd = n > 1 ? Math.Sqrt(squares / (n - 1)) : 0;

        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        return new MonteCarloSummary(
            n,
            options.Seed,
            mean,
            sd,
            SampleQuantile(sorted, options.LowerQuantile),
            SampleQuantile(sorted, 0.5),
            SampleQuantile(sorted, options.UpperQuantile),
            options.LowerQuantile,
            options.UpperQuantile,
            (double)holds / n,
            values);
    }

    /// <summary>Quantile of sorted data by linear interpolation between order statistics (Hyndman-Fan type 7).</summary>
    public static double SampleQuantile(double[] sorted, double p)
    {
        if (sorted.Length == 0) throw new ArgumentException("no data", nameof(sorted));
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}

/// <summary>One-at-a-time sensitivity: tornado data and flip points, from the baseline scenario.</summary>
public static class Sensitivity
{
    private const int ScanSteps = 200;
    private const int BisectionSteps = 60;

    /// <summary>Each uncertain input at its low and high quantile, the others at their medians; widest swing first.</summary>
    public static IReadOnlyList<TornadoBar> Tornado(InputSet inputs, ScenarioModel model, double lowerQuantile = 0.05, double upperQuantile = 0.95)
    {
        var baseline = inputs.Medians();
        var bars = new List<TornadoBar>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var distribution = inputs.Inputs[i].Distribution;
            if (distribution.IsPoint) continue;
            var low = distribution.Quantile(lowerQuantile);
            var high = distribution.Quantile(upperQuantile);
            bars.Add(new TornadoBar(inputs.Inputs[i].Name, low, high,
                EvaluateWith(inputs, model, baseline, i, low), EvaluateWith(inputs, model, baseline, i, high)));
        }

        // Stable sort: equal swings keep input order.
        return bars.Select((bar, index) => (bar, index))
            .OrderByDescending(t => t.bar.Swing).ThenBy(t => t.index)
            .Select(t => t.bar).ToArray();
    }

    /// <summary>
    /// For every input (point values too), the nearest value below and above its baseline at which the
    /// verdict differs from the baseline verdict, others held at baseline. The search scans the input's
    /// domain within a window around the baseline (ten times the larger of |baseline| and the 5-95%
    /// width, at least 1), then bisects the first change to double precision.
    /// </summary>
    public static IReadOnlyList<FlipPoint> FlipPoints(InputSet inputs, ScenarioModel model, Verdict verdict)
    {
        var baseline = inputs.Medians();
        var baseHolds = verdict.Holds(MonteCarlo.Evaluate(inputs, model, (double[])baseline.Clone()));
        var flips = new FlipPoint[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs.Inputs[i];
            var b = baseline[i];
            var width = input.Distribution.Quantile(0.95) - input.Distribution.Quantile(0.05);
            var span = Math.Max(10 * Math.Max(Math.Abs(b), width), 1);
            var domain = input.EffectiveDomain;
            var searchMin = Math.Max(domain.Min, b - span);
            var searchMax = Math.Min(domain.Max, b + span);
            var below = Search(inputs, model, verdict, baseline, i, b, searchMin, baseHolds);
            var above = Search(inputs, model, verdict, baseline, i, b, searchMax, baseHolds);
            flips[i] = new FlipPoint(input.Name, b, below, above, searchMin, searchMax);
        }

        return flips;
    }

    private static double? Search(InputSet inputs, ScenarioModel model, Verdict verdict, double[] baseline, int index, double from, double to, bool baseHolds)
    {
        if (to == from) return null;
        var same = from;
        for (var s = 1; s <= ScanSteps; s++)
        {
            var x = s == ScanSteps ? to : from + (to - from) * s / ScanSteps;
            if (verdict.Holds(EvaluateWith(inputs, model, baseline, index, x)) == baseHolds)
            {
                same = x;
                continue;
            }

            // The verdict changes between `same` and `x`: bisect to the boundary, report the flipped side.
            var flipped = x;
            for (var k = 0; k < BisectionSteps; k++)
            {
                var mid = 0.5 * (same + flipped);
                if (mid == same || mid == flipped) break;
                if (verdict.Holds(EvaluateWith(inputs, model, baseline, index, mid)) == baseHolds) same = mid;
                else flipped = mid;
            }

            return flipped;
        }

        return null;
    }

    private static double EvaluateWith(InputSet inputs, ScenarioModel model, double[] baseline, int index, double value)
    {
        var values = (double[])baseline.Clone();
        values[index] = value;
        return MonteCarlo.Evaluate(inputs, model, values);
    }
}
