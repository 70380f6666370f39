namespace Statecraft.Core.Ensemble;

/// <summary>
/// One member's record on the calibration data: its weight in the ensemble, its errors, and its
/// residuals (outcome − forecast, on a 0-100 scale, sorted) from which the predictive distribution
/// draws the member's own out-of-sample error.
/// </summary>
public sealed record MemberCalibration(string Model, double Weight, double MeanAbsoluteError, double RootMeanSquaredError, IReadOnlyList<double> Residuals);

/// <summary>Where calibration weights came from: the data set, its SHA-256, and the command that regenerates them.</summary>
public sealed record CalibrationProvenance(string Data, string DataSha256, string Command);

/// <summary>
/// The ensemble's weights: one <see cref="MemberCalibration"/> per member of
/// <see cref="EnsembleMembers"/>, in that order, fitted on <see cref="Issues"/> calibration cases.
/// </summary>
public sealed record EnsembleWeights(IReadOnlyList<MemberCalibration> Members, int Issues, string Method, CalibrationProvenance Provenance)
{
    /// <summary>How the weights are made, stated once for the JSON file and the documentation.</summary>
    public const string InverseMseMethod =
        "inverse mean squared error (Bates and Granger 1969): w_m = (1/MSE_m) / sum_k (1/MSE_k) over the cases every member forecasts";

    /// <summary>The members' names in order must be <see cref="EnsembleMembers.Names"/>.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Members.Count != EnsembleMembers.Count || !Members.Select(m => m.Model).SequenceEqual(EnsembleMembers.Names))
            problems.Add($"expected the members {string.Join(", ", EnsembleMembers.Names)} in that order, found {string.Join(", ", Members.Select(m => m.Model))}");
        foreach (var m in Members)
        {
            if (!(double.IsFinite(m.Weight) && m.Weight >= 0)) problems.Add($"{m.Model}: expected a weight >= 0, found {m.Weight}");
            if (m.Residuals.Count == 0) problems.Add($"{m.Model}: expected at least one residual");
            if (m.Residuals.Any(r => !double.IsFinite(r) || Math.Abs(r) > 100)) problems.Add($"{m.Model}: expected residuals within [-100, 100]");
        }

        var total = Members.Sum(m => m.Weight);
        if (problems.Count == 0 && Math.Abs(total - 1) > 1e-9) problems.Add($"expected weights summing to 1, found {total}");
        return problems;
    }
}
