using Statecraft.Core.Forecasting;
using Statecraft.Core.Uncertainty;

namespace Statecraft.Core.Tests.Forecasting;

public sealed class ScoresTests
{
    [Theory]
    [InlineData(0.7, true, 0.09)]
    [InlineData(0.7, false, 0.49)]
    [InlineData(0.0, false, 0.0)]
    [InlineData(1.0, false, 1.0)]
    [InlineData(0.5, true, 0.25)]
    public void Brier_is_the_squared_distance_to_the_outcome(double p, bool outcome, double expected) =>
        Scores.Brier(p, outcome).ShouldBe(expected, 1e-15);

    [Theory]
    [InlineData(0.7, true, -0.35667494393873245)] // ln 0.7
    [InlineData(0.7, false, -1.2039728043259361)] // ln 0.3
    [InlineData(1.0, true, -1e-15)] // clipped to 1 − 1e-15: ln of it is −1e-15 to first order
    [InlineData(0.0, true, -34.538776394910684)] // ln 1e-15: a confident miss is costly but finite
    public void Log_score_is_the_log_of_the_probability_given_to_what_happened(double p, bool outcome, double expected) =>
        Scores.LogScore(p, outcome).ShouldBe(expected, Math.Abs(expected) * 1e-12 + 1e-18);

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    public void A_value_that_is_not_a_probability_is_refused(double p)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Scores.Brier(p, true));
        Should.Throw<ArgumentOutOfRangeException>(() => Scores.LogScore(p, true));
        Should.Throw<ArgumentOutOfRangeException>(() => EstimativeLanguage.Term(p));
        Should.Throw<ArgumentOutOfRangeException>(() => Calibration.BinOf(p, 10));
    }

    [Fact]
    public void Means_average_over_cases_and_log_loss_is_the_negative_mean_log_score()
    {
        double[] p = [0.9, 0.2, 0.6];
        bool[] o = [true, false, false];
        Scores.MeanBrier(p, o).ShouldBe((0.01 + 0.04 + 0.36) / 3, 1e-15);
        Scores.LogLoss(p, o).ShouldBe(-(Math.Log(0.9) + Math.Log(0.8) + Math.Log(0.4)) / 3, 1e-15);
        Should.Throw<ArgumentException>(() => Scores.MeanBrier(p, [true]));
        Should.Throw<ArgumentException>(() => Scores.LogLoss([], []));
    }

    [Fact]
    public void Crps_of_two_samples_by_hand()
    {
        // E|X − 0.5| = 0.5; E|X − X'| = (0 + 1 + 1 + 0)/4 = 0.5; CRPS = 0.5 − 0.25.
        Scores.Crps([0.0, 1.0], 0.5).ShouldBe(0.25, 1e-15);
        // The samples' order does not matter.
        Scores.Crps([1.0, 0.0], 0.5).ShouldBe(0.25, 1e-15);
    }

    [Fact]
    public void Crps_of_a_point_forecast_is_the_absolute_error() =>
        Scores.Crps([2.0], 5.0).ShouldBe(3.0, 1e-15);

    [Theory]
    [InlineData(0.3)]
    [InlineData(-1.7)]
    [InlineData(2.5)]
    public void Crps_of_normal_quantile_samples_approaches_the_closed_form(double y)
    {
        // CRPS(N(0, 1), y) = y(2Φ(y) − 1) + 2φ(y) − 1/√π (Gneiting and Raftery 2007, eq. 5).
        const int n = 20_000;
        var samples = Enumerable.Range(0, n).Select(i => SpecialFunctions.NormalQuantile((i + 0.5) / n)).ToArray();
        var exact = y * (2 * SpecialFunctions.NormalCdf(y) - 1) + 2 * SpecialFunctions.NormalPdf(y) - 1 / Math.Sqrt(Math.PI);
        Scores.Crps(samples, y).ShouldBe(exact, exact * 1e-3);
    }

    [Fact]
    public void Crps_refuses_what_it_cannot_score()
    {
        Should.Throw<ArgumentException>(() => Scores.Crps([], 1));
        Should.Throw<ArgumentOutOfRangeException>(() => Scores.Crps([1.0], double.NaN));
        Should.Throw<ArgumentOutOfRangeException>(() => Scores.Crps([double.PositiveInfinity], 1));
    }

    [Fact]
    public void Skill_against_a_reference()
    {
        Scores.Skill(0.1, 0.25)!.Value.ShouldBe(0.6, 1e-15);
        Scores.Skill(0.25, 0.25)!.Value.ShouldBe(0.0);
        Scores.Skill(0.5, 0.25)!.Value.ShouldBe(-1.0, 1e-15);
        Scores.Skill(0.1, 0).ShouldBeNull();
    }

    [Fact]
    public void Categorical_brier_by_hand()
    {
        // (0.5 - 1)² + 0.3² + 0.2² = 0.25 + 0.09 + 0.04
        Scores.CategoricalBrier([0.5, 0.3, 0.2], 0).ShouldBe(0.38, 1e-15);
        // (0.5)² + (0.3 - 1)² + 0.2² = 0.25 + 0.49 + 0.04
        Scores.CategoricalBrier([0.5, 0.3, 0.2], 1).ShouldBe(0.78, 1e-15);
        Scores.CategoricalBrier([0, 1, 0], 0).ShouldBe(2, 1e-15);
        Should.Throw<ArgumentOutOfRangeException>(() => Scores.CategoricalBrier([0.5, 0.5], 2));
    }

    [Theory]
    [InlineData(0.3, true)]
    [InlineData(0.9, false)]
    public void Two_category_brier_is_twice_the_binary_brier(double p, bool happened) =>
        Scores.CategoricalBrier([p, 1 - p], happened ? 0 : 1).ShouldBe(2 * Scores.Brier(p, happened), 1e-15);

    [Fact]
    public void Sharpness_is_the_mean_distance_from_a_coin_flip()
    {
        Scores.Sharpness([0.5, 0.5]).ShouldBe(0);
        Scores.Sharpness([0, 1]).ShouldBe(1);
        // |2·0.9 − 1| = 0.8, |2·0.3 − 1| = 0.4, |2·0.5 − 1| = 0
        Scores.Sharpness([0.9, 0.3, 0.5]).ShouldBe(0.4, 1e-15);
        Should.Throw<ArgumentException>(() => Scores.Sharpness([]));
    }

    [Fact]
    public void Auc_by_hand()
    {
        // Positives 0.35 and 0.8, negatives 0.1 and 0.4: of the four pairs, three rank the positive higher.
        Scores.Auc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])!.Value.ShouldBe(0.75, 1e-15);
    }

    [Fact]
    public void Auc_counts_ties_as_one_half()
    {
        Scores.Auc([0.5, 0.5], [true, false])!.Value.ShouldBe(0.5, 1e-15);
        // Positive 0.5 ties one negative and beats the other: (0.5 + 1)/2.
        Scores.Auc([0.5, 0.5, 0.2], [true, false, false])!.Value.ShouldBe(0.75, 1e-15);
    }

    [Fact]
    public void Auc_is_undefined_when_every_outcome_is_alike()
    {
        Scores.Auc([0.1, 0.9], [true, true]).ShouldBeNull();
        Scores.Auc([0.1, 0.9], [false, false]).ShouldBeNull();
    }

    [Fact]
    public void Auc_of_a_perfect_and_a_reversed_ranking()
    {
        Scores.Auc([0.1, 0.2, 0.8, 0.9], [false, false, true, true])!.Value.ShouldBe(1.0);
        Scores.Auc([0.9, 0.8, 0.2, 0.1], [false, false, true, true])!.Value.ShouldBe(0.0);
    }
}
