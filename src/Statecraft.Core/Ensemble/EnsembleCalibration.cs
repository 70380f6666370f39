using Statecraft.Core.Domain;

namespace Statecraft.Core.Ensemble;

/// <summary>One issue with a known outcome, and every member's forecast of it (NaN where a member cannot run).</summary>
public sealed record CalibrationCase(string Id, double Outcome, IReadOnlyList<double> Forecasts)
{
    public bool Complete
    {
        get
        {
            foreach (var f in Forecasts)
                if (!double.IsFinite(f)) return false;
            return true;
        }
    }
}

/// <summary>
/// A calibration case forecast out of sample: the ensemble's weights and residuals came from every
/// other case, never this one.
/// </summary>
public sealed record OutOfSampleForecast(string Id, double Outcome, double Median, double Lower, double Upper, IReadOnlyList<double> Weights);

/// <summary>
/// Fits the ensemble on issues with known outcomes (0-100 scale: DEU III) and scores it out of sample.
/// The members are not tuned to the data; only the weights and the residual distributions are learnt.
/// </summary>
public static class EnsembleCalibration
{
    /// <summary>Every member's forecast of every issue.</summary>
    public static IReadOnlyList<CalibrationCase> Cases(IEnumerable<(string Id, Issue Issue, double Outcome)> issues)
    {
        var cases = new List<CalibrationCase>();
        var forecasts = new double[EnsembleMembers.Count];
        foreach (var (id, issue, outcome) in issues)
        {
            EnsembleMembers.Forecast(issue, forecasts);
            cases.Add(new CalibrationCase(id, outcome, forecasts.ToArray()));
        }

        return cases;
    }

    /// <summary>
    /// Weights by inverse mean squared error over the cases every member forecasts, and each member's
    /// residuals there (outcome − forecast, sorted). Throws when no case is complete.
    /// </summary>
    public static EnsembleWeights Fit(IReadOnlyList<CalibrationCase> cases, CalibrationProvenance provenance)
    {
        var complete = cases.Where(c => c.Complete).ToArray();
        if (complete.Length == 0) throw new ArgumentException("expected at least one case that every member forecasts", nameof(cases));
        var members = new MemberCalibration[EnsembleMembers.Count];
        var inverse = new double[EnsembleMembers.Count];
        for (var m = 0; m < members.Length; m++)
        {
            var residuals = new double[complete.Length];
            double absolute = 0, squared = 0;
            for (var c = 0; c < complete.Length; c++)
            {
                var r = complete[c].Outcome - complete[c].Forecasts[m];
                residuals[c] = r;
                absolute += Math.Abs(r);
                squared += r * r;
            }

            Array.Sort(residuals);
            var mse = squared / complete.Length;
            // A member that never errs would take all the weight; a floor keeps the division finite.
            inverse[m] = 1 / Math.Max(mse, 1e-12);
            members[m] = new MemberCalibration(EnsembleMembers.Names[m], 0, absolute / complete.Length, Math.Sqrt(mse), residuals);
        }

        var total = inverse.Sum();
        for (var m = 0; m < members.Length; m++) members[m] = members[m] with { Weight = inverse[m] / total };
        return new EnsembleWeights(members, complete.Length, EnsembleWeights.InverseMseMethod, provenance);
    }

    /// <summary>
    /// Leave-one-issue-out: each complete case is forecast by the ensemble fitted on all the others
    /// (weights and residuals), with its 90% predictive interval.
    /// </summary>
    public static IReadOnlyList<OutOfSampleForecast> LeaveOneOut(IReadOnlyList<CalibrationCase> cases) =>
        LeaveOneOutDistributions(cases).Select(x => new OutOfSampleForecast(x.Case.Id, x.Case.Outcome, x.Predictive.Median,
            x.Predictive.Quantile(0.05), x.Predictive.Quantile(0.95), x.Weights.Members.Select(m => m.Weight).ToArray())).ToArray();

    /// <summary>
    /// Each complete case with the ensemble's predictive distribution fitted on all the others and
    /// those weights (what <see cref="LeaveOneOut"/> summarises; the forecast backtests read the
    /// whole distribution).
    /// </summary>
    public static IReadOnlyList<(CalibrationCase Case, PredictiveDistribution Predictive, EnsembleWeights Weights)> LeaveOneOutDistributions(IReadOnlyList<CalibrationCase> cases)
    {
        var complete = cases.Where(c => c.Complete).ToArray();
        var result = new List<(CalibrationCase, PredictiveDistribution, EnsembleWeights)>(complete.Length);
        var provenance = new CalibrationProvenance("leave-one-out fold", "", "");
        for (var i = 0; i < complete.Length; i++)
        {
            var others = new CalibrationCase[complete.Length - 1];
            for (int c = 0, k = 0; c < complete.Length; c++)
                if (c != i) others[k++] = complete[c];
            var weights = Fit(others, provenance);
            result.Add((complete[i], EnsembleModel.Predictive(complete[i].Forecasts.ToArray(), 1, weights, IssueScale.Percent), weights));
        }

        return result;
    }
}
