using Statecraft.Core.Forecasting;

namespace Statecraft.Core.Tests.Forecasting;

public sealed class CalibrationTests
{
    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.0999999, 0)]
    [InlineData(0.1, 1)] // an inner edge opens its bin
    [InlineData(0.3, 3)] // 0.3 * 10 is 2.9999999999999996 in floating point; still bin 3
    [InlineData(0.7, 7)]
    [InlineData(0.95, 9)]
    [InlineData(1.0, 9)] // the last bin is closed
    public void Bins_at_their_edges(double p, int bin) => Calibration.BinOf(p, 10).ShouldBe(bin);

    [Fact]
    public void Every_edge_of_ten_twenty_and_three_bins_opens_its_own_bin()
    {
        foreach (var bins in new[] { 3, 10, 20 })
            for (var b = 1; b < bins; b++)
                Calibration.BinOf((double)b / bins, bins).ShouldBe(b, $"edge {b}/{bins}");
    }

    [Fact]
    public void Table_counts_means_and_frequencies_and_leaves_out_empty_bins()
    {
        double[] p = [0.05, 0.15, 0.1, 0.12, 0.9, 1.0];
        bool[] o = [false, false, true, false, true, true];
        var table = Calibration.Table(p, o);
        table.Count.ShouldBe(3);
        table[0].ShouldBe(new CalibrationBin(0.0, 0.1, 1, 0.05, 0.0));
        table[1].Low.ShouldBe(0.1);
        table[1].Count.ShouldBe(3);
        table[1].MeanProbability.ShouldBe((0.15 + 0.1 + 0.12) / 3, 1e-15);
        table[1].Frequency.ShouldBe(1.0 / 3, 1e-15);
        table[2].ShouldBe(new CalibrationBin(0.9, 1.0, 2, 0.95, 1.0));
    }

    [Fact]
    public void Table_refuses_mismatched_lengths_and_no_bins()
    {
        Should.Throw<ArgumentException>(() => Calibration.Table([0.5], []));
        Should.Throw<ArgumentOutOfRangeException>(() => Calibration.Table([0.5], [true], 0));
        Calibration.Table([], []).ShouldBeEmpty();
    }

    [Fact]
    public void Quantile_bins_hold_equal_counts_in_order_of_p()
    {
        // Given out of order; sorted: 0.01 0.01 | 0.02 0.03 | 0.04 0.05 | 0.06 0.07.
        double[] p = [0.07, 0.01, 0.03, 0.05, 0.01, 0.02, 0.04, 0.06];
        bool[] o = [true, false, true, false, false, false, false, true];
        var table = Calibration.ByQuantile(p, o, 4);
        table.Select(b => (b.Low, b.High, b.Count)).ShouldBe([(0.01, 0.01, 2), (0.02, 0.03, 2), (0.04, 0.05, 2), (0.06, 0.07, 2)]);
        table.Select(b => b.MeanProbability).ShouldBe([0.01, 0.025, 0.045, 0.065], tolerance: 1e-15);
        table.Select(b => b.Frequency).ShouldBe([0, 0.5, 0, 1]);
    }

    [Fact]
    public void Quantile_bins_keep_equal_probabilities_together()
    {
        var table = Calibration.ByQuantile([0.1, 0.1, 0.1, 0.2], [true, false, false, true], 2);
        table.Select(b => (b.Low, b.High, b.Count)).ShouldBe([(0.1, 0.1, 3), (0.2, 0.2, 1)]);
        table[0].Frequency.ShouldBe(1.0 / 3, 1e-15);
        Calibration.ByQuantile([0.3, 0.3], [true, true], 5).ShouldHaveSingleItem().Count.ShouldBe(2);
    }
}
