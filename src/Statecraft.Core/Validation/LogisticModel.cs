using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Statecraft.Core.Validation;

/// <summary>
/// A fitted logistic regression: P(y = 1 | x) = 1 / (1 + exp(−(b0 + Σ b_k x_k))). Coefficients are
/// the intercept then one per feature, in <see cref="Features"/> order.
/// </summary>
public sealed record LogisticModel(IReadOnlyList<string> Features, IReadOnlyList<double> Coefficients)
{
    /// <summary>The probability for one row of features (in <see cref="Features"/> order).</summary>
    public double Probability(ReadOnlySpan<double> x)
    {
        if (x.Length != Features.Count) throw new ArgumentException($"expected {Features.Count} features, found {x.Length}", nameof(x));
        var eta = Coefficients[0];
        for (var k = 0; k < x.Length; k++) eta += Coefficients[k + 1] * x[k];
        return Logistic(eta);
    }

    public static double Logistic(double eta) => eta >= 0 ? 1 / (1 + Math.Exp(-eta)) : Math.Exp(eta) / (1 + Math.Exp(eta));

    /// <summary>
    /// Maximum-likelihood fit with MathNet.Numerics' Newton minimizer (with line search) on the
    /// negative log-likelihood, its gradient and Hessian; <paramref name="x"/> is row-major, one row
    /// of <paramref name="features"/>.Count values per outcome. Deterministic: the sums run in row order.
    /// </summary>
    public static LogisticModel Fit(IReadOnlyList<string> features, ReadOnlySpan<double> x, ReadOnlySpan<bool> y)
    {
        var p = features.Count + 1;
        var n = y.Length;
        if (x.Length != n * features.Count) throw new ArgumentException($"expected {n}×{features.Count} features, found {x.Length}", nameof(x));
        if (n == 0) throw new ArgumentException("no rows to fit", nameof(y));
        var positives = 0;
        foreach (var v in y) if (v) positives++;
        if (positives == 0 || positives == n) throw new ArgumentException("the outcome never varies: a logistic model cannot be fitted", nameof(y));

        var rows = x.ToArray();
        var outcomes = y.ToArray();
        var k = features.Count;
        (double, Vector<double>, Matrix<double>) NegativeLogLikelihood(Vector<double> beta)
        {
            var b = beta.ToArray();
            double value = 0;
            var gradient = new double[p];
            var hessian = new double[p * p];
            var row = new double[p];
            row[0] = 1;
            for (var i = 0; i < n; i++)
            {
                Array.Copy(rows, i * k, row, 1, k);
                var eta = 0.0;
                for (var j = 0; j < p; j++) eta += b[j] * row[j];
                // log(1 + e^eta) without overflow.
                var softplus = eta > 0 ? eta + double.LogP1(Math.Exp(-eta)) : double.LogP1(Math.Exp(eta));
                value += softplus - (outcomes[i] ? eta : 0);
                var mu = Logistic(eta);
                var residual = mu - (outcomes[i] ? 1 : 0);
                var weight = mu * (1 - mu);
                for (var j = 0; j < p; j++)
                {
                    gradient[j] += residual * row[j];
                    var wj = weight * row[j];
                    for (var l = 0; l <= j; l++) hessian[j * p + l] += wj * row[l];
                }
            }

            for (var j = 0; j < p; j++)
                for (var l = 0; l < j; l++) hessian[l * p + j] = hessian[j * p + l];
            return (value, Vector<double>.Build.DenseOfArray(gradient), Matrix<double>.Build.DenseOfRowMajor(p, p, hessian));
        }

        var objective = ObjectiveFunction.GradientHessian(NegativeLogLikelihood);
        var start = new double[p];
        var rate = (double)positives / n;
        start[0] = Math.Log(rate / (1 - rate)); // the base rate: a start the line search never has to rescue
        var result = new NewtonMinimizer(1e-8, 100, useLineSearch: true).FindMinimum(objective, Vector<double>.Build.DenseOfArray(start));
        return new LogisticModel(features.ToArray(), result.MinimizingPoint.ToArray());
    }
}
