namespace Statecraft.Core.Forecasting.Backtests;

/// <summary>One resolved case of a backtest: the probability a model gave, what happened, and the reference class's base rate.</summary>
public sealed record BacktestCase(string Id, double P, bool Happened, double BaseRate);

/// <summary>
/// One model's scores over a backtest's cases: the Brier and log scores, their references (the base
/// rate, always 50%), skill against both, the AUC, sharpness and the calibration table.
/// </summary>
public sealed record BacktestScore(
    string Model,
    string Description,
    int Cases,
    int Events,
    double Brier,
    double LogScore,
    double BaseRateBrier,
    double BaseRateLogScore,
    double? SkillVsBaseRate,
    double? SkillVsEven,
    double? LogSkillVsBaseRate,
    double? Auc,
    double Sharpness,
    IReadOnlyList<CalibrationBin> Calibration);

/// <summary>The same proper scores the ledger uses, over many resolved cases at once.</summary>
public static class BinaryBacktest
{
    /// <summary>Scores a model's cases (at least one).</summary>
    public static BacktestScore Score(string model, string description, IReadOnlyList<BacktestCase> cases, int bins = Calibration.DefaultBins)
    {
        var p = cases.Select(c => c.P).ToArray();
        var o = cases.Select(c => c.Happened).ToArray();
        var b = cases.Select(c => c.BaseRate).ToArray();
        var brier = Scores.MeanBrier(p, o);
        var baseBrier = Scores.MeanBrier(b, o);
        var logLoss = Scores.LogLoss(p, o);
        var baseLogLoss = Scores.LogLoss(b, o);
        return new BacktestScore(model, description, cases.Count, o.Count(x => x), brier, -logLoss, baseBrier, -baseLogLoss,
            Scores.Skill(brier, baseBrier), Scores.Skill(brier, 0.25), Scores.Skill(logLoss, baseLogLoss), Scores.Auc(p, o),
            Scores.Sharpness(p), Calibration.Table(p, o, bins));
    }
}
