using Statecraft.Core.Validation;

namespace Statecraft.Core.Tests.Validation;

public sealed class LogisticModelTests
{
    private static double Logit(double p) => Math.Log(p / (1 - p));

    [Fact]
    public void One_binary_covariate_gives_the_closed_form_estimates()
    {
        // With one 0/1 covariate the MLE reproduces each group's rate exactly: intercept = logit(rate
        // when x = 0), slope = logit(rate when x = 1) - logit(rate when x = 0). Rates 3/40 and 12/30.
        var x = new List<double>();
        var y = new List<bool>();
        void Add(double value, int rows, int events)
        {
            for (var i = 0; i < rows; i++)
            {
                x.Add(value);
                y.Add(i < events);
            }
        }

        Add(0, 40, 3);
        Add(1, 30, 12);
        var model = LogisticModel.Fit(["x"], x.ToArray(), y.ToArray());
        model.Coefficients[0].ShouldBe(Logit(3.0 / 40), 1e-9);
        model.Coefficients[1].ShouldBe(Logit(12.0 / 30) - Logit(3.0 / 40), 1e-9);
        model.Probability([1.0]).ShouldBe(0.4, 1e-9);
    }

    [Fact]
    public void At_the_fit_the_score_equations_hold()
    {
        // A continuous and a binary covariate, outcomes from a fixed pattern: at the MLE the residuals
        // sum to zero and are orthogonal to each covariate.
        var n = 500;
        var x = new double[n * 2];
        var y = new bool[n];
        for (var i = 0; i < n; i++)
        {
            x[2 * i] = Math.Sin(i * 0.37) * 2;
            x[2 * i + 1] = i % 3 == 0 ? 1 : 0;
            y[i] = (i * 7919 % 11) < 3 + (x[2 * i] > 0.5 ? 3 : 0);
        }

        var model = LogisticModel.Fit(["a", "b"], x, y);
        double g0 = 0, g1 = 0, g2 = 0;
        for (var i = 0; i < n; i++)
        {
            var r = model.Probability(x.AsSpan(2 * i, 2)) - (y[i] ? 1 : 0);
            g0 += r;
            g1 += r * x[2 * i];
            g2 += r * x[2 * i + 1];
        }

        g0.ShouldBe(0, 1e-7);
        g1.ShouldBe(0, 1e-7);
        g2.ShouldBe(0, 1e-7);
        model.Coefficients[1].ShouldBeGreaterThan(0); // more events where a > 0.5
    }

    [Fact]
    public void An_outcome_that_never_varies_cannot_be_fitted()
    {
        Should.Throw<ArgumentException>(() => LogisticModel.Fit(["x"], [0.0, 1.0, 2.0], [false, false, false]));
    }

    [Fact]
    public void Probabilities_stay_finite_and_in_range_at_extreme_scores()
    {
        var model = new LogisticModel(["x"], [0, 1]);
        model.Probability([800.0]).ShouldBe(1);
        model.Probability([-800.0]).ShouldBe(0);
        model.Probability([0.0]).ShouldBe(0.5);
    }
}
