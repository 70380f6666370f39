using Statecraft.Core.Forecasting.Backtests;

namespace Statecraft.Core.Tests.Forecasting.Backtests;

public sealed class BinaryBacktestTests
{
    [Fact]
    public void Scores_by_hand()
    {
        BacktestCase[] cases = [new("a", 0.9, true, 0.5), new("b", 0.2, false, 0.5), new("c", 0.6, false, 0.5)];
        var s = BinaryBacktest.Score("m", "test", cases);
        s.Cases.ShouldBe(3);
        s.Events.ShouldBe(1);
        s.Brier.ShouldBe((0.01 + 0.04 + 0.36) / 3, 1e-12);
        s.BaseRateBrier.ShouldBe(0.25, 1e-12);
        s.SkillVsBaseRate!.Value.ShouldBe(1 - 0.41 / 3 / 0.25, 1e-12);
        s.LogScore.ShouldBe((Math.Log(0.9) + Math.Log(0.8) + Math.Log(0.4)) / 3, 1e-12);
        s.LogSkillVsBaseRate!.Value.ShouldBe(1 - s.LogScore / Math.Log(0.5), 1e-12);
        s.Auc!.Value.ShouldBe(1, 1e-12); // the one event got the highest probability
        s.Sharpness.ShouldBe((0.8 + 0.6 + 0.2) / 3, 1e-12);
        s.Calibration.Sum(b => b.Count).ShouldBe(3);
    }
}
