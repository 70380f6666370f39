using Statecraft.Core.Domain;

namespace Statecraft.Core.Ensemble;

/// <summary>
/// The accuracy-weighted ensemble of <see cref="EnsembleMembers"/>: its point forecast (the weighted
/// average of the members that ran) and its predictive distribution (<see cref="PredictiveDistribution"/>).
/// </summary>
public static class EnsembleModel
{
    /// <summary>
    /// The predictive distribution of one issue at fixed inputs (no input uncertainty), e.g. a DEU
    /// issue: the members' forecasts pooled with their out-of-sample errors.
    /// </summary>
    public static PredictiveDistribution Predict(Issue issue, EnsembleWeights weights)
    {
        var forecasts = new double[EnsembleMembers.Count];
        EnsembleMembers.Forecast(issue, forecasts);
        return Predictive(forecasts, 1, weights, issue.Scale);
    }

    /// <summary>
    /// The predictive distribution from the members' forecasts in <paramref name="draws"/> Monte Carlo
    /// draws: <paramref name="forecasts"/>[k * members + m] is member m's forecast in draw k (NaN: it
    /// did not run). Each draw carries mass 1/N, shared among the members that ran by their weights.
    /// </summary>
    public static PredictiveDistribution Predictive(ReadOnlySpan<double> forecasts, int draws, EnsembleWeights weights, IssueScale scale)
    {
        var n = EnsembleMembers.Count;
        if (draws < 1 || forecasts.Length != draws * n)
            throw new ArgumentException($"expected {n} forecasts per draw for {draws} draw(s), found {forecasts.Length}", nameof(forecasts));
        var w = new double[n];
        for (var m = 0; m < n; m++) w[m] = weights.Members[m].Weight;

        var counts = new int[n];
        for (var k = 0; k < draws; k++)
            for (var m = 0; m < n; m++)
                if (w[m] > 0 && double.IsFinite(forecasts[k * n + m])) counts[m]++;
        var pairs = new (double Location, double Mass)[n][];
        for (var m = 0; m < n; m++) pairs[m] = new (double, double)[counts[m]];
        Array.Clear(counts);
        for (var k = 0; k < draws; k++)
        {
            double available = 0;
            for (var m = 0; m < n; m++)
                if (w[m] > 0 && double.IsFinite(forecasts[k * n + m])) available += w[m];
            if (!(available > 0)) throw new ArgumentException($"draw {k}: no member with weight gave a forecast", nameof(forecasts));
            for (var m = 0; m < n; m++)
            {
                var f = forecasts[k * n + m];
                if (w[m] > 0 && double.IsFinite(f)) pairs[m][counts[m]++] = (f, w[m] / available / draws);
            }
        }

        var locations = new double[n][];
        var cumulative = new double[n][];
        var kernel = new double[n][];
        var span = scale.Max - scale.Min;
        for (var m = 0; m < n; m++)
        {
            // Sorted by location, ties in draw order, so the sums run in the same order every time.
            var p = pairs[m];
            var order = new int[p.Length];
            for (var i = 0; i < order.Length; i++) order[i] = i;
            Array.Sort(order, (a, b) => p[a].Location != p[b].Location ? p[a].Location.CompareTo(p[b].Location) : a.CompareTo(b));
            locations[m] = new double[p.Length];
            cumulative[m] = new double[p.Length];
            double sum = 0;
            for (var i = 0; i < order.Length; i++)
            {
                locations[m][i] = p[order[i]].Location;
                sum += p[order[i]].Mass;
                cumulative[m][i] = sum;
            }

            // The scale's orientation is a convention and every member is mirror-symmetric, so an
            // error of +e is as likely as −e: the residuals are symmetrised, then rescaled from 0-100.
            var residuals = weights.Members[m].Residuals;
            var k2 = new double[2 * residuals.Count];
            for (var i = 0; i < residuals.Count; i++)
            {
                k2[2 * i] = residuals[i] * span / 100;
                k2[2 * i + 1] = -residuals[i] * span / 100;
            }

            Array.Sort(k2);
            kernel[m] = k2;
        }

        return new PredictiveDistribution(scale, locations, cumulative, kernel, draws);
    }

    /// <summary>The ensemble's point forecast: the weighted average of the members that ran (NaN when none did).</summary>
    public static double PointForecast(ReadOnlySpan<double> memberForecasts, EnsembleWeights weights)
    {
        double top = 0, bottom = 0;
        for (var m = 0; m < memberForecasts.Length; m++)
        {
            var f = memberForecasts[m];
            var w = weights.Members[m].Weight;
            if (!double.IsFinite(f) || !(w > 0)) continue;
            top += w * f;
            bottom += w;
        }

        return bottom > 0 ? top / bottom : double.NaN;
    }
}
