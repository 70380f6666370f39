using Statecraft.Core.Ensemble;

namespace Statecraft.Core.Tests.Ensemble;

/// <summary>Ensemble weights made by hand for tests.</summary>
internal static class TestWeights
{
    private static readonly CalibrationProvenance Provenance = new("test", "", "");

    /// <summary>Weights in member order with the same residuals for every member.</summary>
    public static EnsembleWeights Of(double[] weights, double[] residuals) => new(
        EnsembleMembers.Names.Select((n, m) => new MemberCalibration(n, weights[m], 0, 0, residuals)).ToArray(),
        residuals.Length, "by hand", Provenance);

    /// <summary>Equal weights, errors of 0 and ±10 points.</summary>
    public static EnsembleWeights Spread { get; } = Of([0.25, 0.25, 0.25, 0.25], [-10, 0, 10]);
}
