using Statecraft.Core.Ensemble;
using static Statecraft.Core.Scenarios.Analysis.QuestionEngine;

namespace Statecraft.Core.Scenarios.Analysis;

/// <summary>
/// One claim, one test: each claim a question cites gets its own verdict from its own test.
/// <list type="bullet">
/// <item><c>expect</c>: the share of the answer's distribution that meets it (the predictive
/// distribution for a bargaining question, the Monte Carlo draws otherwise); agrees from one half.</item>
/// <item><c>compare</c>: the answer under a policy against the answer without it, on the paired
/// draws the policy comparison uses (<see cref="PackageComparison.Samples"/>);
/// agrees when it moves the expected way by a material amount (see
/// <see cref="PackageComparison.Threshold"/>). On a policy comparison the named question's outcome
/// under the package, after the responder's best response when there is one.</item>
/// <item><c>not_tested</c>: the reason the model cannot test the claim.</item>
/// </list>
/// </summary>
internal static class ClaimVerdicts
{
    public static IReadOnlyList<ClaimVerdict> Judge(Scenario s, Answer answer, IReadOnlyList<PackageOutcome> packages, AnalysisRuns runs)
    {
        var q = answer.Question;
        var verdicts = new List<ClaimVerdict>();
        foreach (var t in q.Tests)
        {
            if (t.NotTested is { } why)
                verdicts.Add(new ClaimVerdict(t.Claim, t.Proposition, ClaimOutcome.NotTested, why, null));
            else if (!answer.Available)
                verdicts.Add(new ClaimVerdict(t.Claim, t.Proposition, ClaimOutcome.NotTested, "the question's model is not available in this build", null));
            else if (t.Expect is { } e)
                verdicts.Add(Expectation(s, q, answer, t, e, runs));
            else if (t.Compare is { } c)
                verdicts.Add(q.Model == QuestionModel.PolicyComparison ? Package(s, t, c, packages) : Comparison(s, q, t, c, runs));
        }

        return verdicts;
    }

    /// <summary>The share of the predictive distribution that meets an expectation.</summary>
    public static double Share(PredictiveDistribution p, Expectation expect)
    {
        var upper = expect.Below is { } b ? p.Cdf(b) : 1;
        var lower = expect.Above is { } a ? p.Cdf(a) : 0;
        return Math.Max(0, upper - lower);
    }

    private static ClaimVerdict Expectation(Scenario s, Question q, Answer answer, ClaimTest t, Expectation e, AnalysisRuns runs)
    {
        if (q.Model == QuestionModel.PolicyComparison)
        {
            var met = e.IsMetBy(answer.Value);
            return new ClaimVerdict(t.Claim, t.Proposition, met ? ClaimOutcome.Agrees : ClaimOutcome.Disagrees,
                $"the answer is {Number(answer.Value)} ({answer.Unit}), {(met ? "" : "not ")}{e}", null);
        }

        var run = runs.Run(s, q, runs.Options.Samples);
        var share = run.Forecast is { } f ? Share(f.Predictive, e) : QuestionEngine.Share(run.Draws, e);
        var of = run.Forecast is null ? "of the draws" : "of the predictive distribution";
        return new ClaimVerdict(t.Claim, t.Proposition, share >= 0.5 ? ClaimOutcome.Agrees : ClaimOutcome.Disagrees,
            $"{Pct(share)} {of} {e} (answer {Number(answer.Value)})", share);
    }

    private static ClaimVerdict Comparison(Scenario s, Question q, ClaimTest t, ClaimComparison c, AnalysisRuns runs)
    {
        // A comparison of paired draws, like the packages', on the same number of them.
        var n = PackageComparison.Samples(runs.Options);
        var before = runs.Run(s, q, n);
        var after = runs.Run(s.Apply(s.Policy(c.Assume)), q, n);
        var change = after.Value - before.Value;
        var higher = c.Expect == ClaimDirection.Higher;
        var paired = 0;
        for (var k = 0; k < before.Draws.Count; k++)
            if (higher ? after.Draws[k] > before.Draws[k] : after.Draws[k] < before.Draws[k]) paired++;
        var share = (double)paired / before.Draws.Count;
        var material = Math.Abs(change) >= PackageComparison.Threshold(s, q, before);
        var agrees = material && (higher ? change > 0 : change < 0);
        var way = higher ? "higher" : "lower";
        var reason = $"under {c.Assume} the answer moves from {Number(before.Value)} to {Number(after.Value)} ({Sign(change)}"
                     + (material ? "" : ", not material") + $"); {Pct(share)} of {n} paired draws move {way}";
        return new ClaimVerdict(t.Claim, t.Proposition, agrees ? ClaimOutcome.Agrees : ClaimOutcome.Disagrees, reason, share);
    }

    private static ClaimVerdict Package(Scenario s, ClaimTest t, ClaimComparison c, IReadOnlyList<PackageOutcome> packages)
    {
        var p = packages.FirstOrDefault(x => x.Policy == c.Assume);
        if (p is null)
            return new ClaimVerdict(t.Claim, t.Proposition, ClaimOutcome.NotTested, $"'{c.Assume}' is not a package of this comparison (it is a response)", null);
        var without = p.Outcomes.Single(o => o.Question == c.Question);
        var final = p.Final.Single(o => o.Question == c.Question);
        var higher = c.Expect == ClaimDirection.Higher;
        var agrees = final.Material && (higher ? final.Change > 0 : final.Change < 0);
        var reason = $"{c.Assume} moves {c.Question} {Sign(without.Change)}"
                     + (p.WithResponse is null ? "" : $", and {Sign(final.Change)} once the responder answers it ({p.Response}) against what it does anyway")
                     + (final.Material ? "" : ", not material") + $", against the scenario as given (expected {(higher ? "higher" : "lower")})";
        return new ClaimVerdict(t.Claim, t.Proposition, agrees ? ClaimOutcome.Agrees : ClaimOutcome.Disagrees, reason, null);
    }

    private static string Number(double x) => Math.Abs(x) >= 10 ? F0(x) : F2(x);

    private static string Sign(double x) => Math.Abs(x) >= 10 || x == 0 ? Signed(x) : x.ToString("+0.00;-0.00", System.Globalization.CultureInfo.InvariantCulture);
}
