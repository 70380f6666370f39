using System.Globalization;
using Statecraft.Core.Bargaining;
using Statecraft.Core.Coercion;
using Statecraft.Core.Uncertainty;

namespace Statecraft.Core.Scenarios.Analysis;

/// <summary>
/// Answers a scenario's questions with the project's models: bargaining questions with BDM beside
/// the weighted mean, War Trap questions with and without a backer, and the policy comparison by
/// running every package through the other questions with paired Monte Carlo draws (the same seed
/// and input order give every package the same uniforms, so differences are not sampling noise).
/// </summary>
public static class QuestionEngine
{
    private const int DriversShown = 3;
    private const int FlipInputs = 2;

    /// <summary>
    /// Applies <paramref name="policies"/> in order, then answers every question.
    /// <paramref name="progress"/> reports Monte Carlo replications done out of the total.
    /// </summary>
    public static AnalysisResult Analyze(Scenario scenario, IReadOnlyList<string> policies, AnalysisOptions options,
        IProgress<MonteCarloProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var s = policies.Aggregate(scenario, (acc, p) => acc.Apply(scenario.Policy(p)));
        var counter = new Counter(TotalWork(s, options), progress);
        var answers = new List<Answer>();
        IReadOnlyList<PackageOutcome> packages = [];
        foreach (var q in s.Questions)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // A question may be asked of a what-if ("assume: POLICY"): the policy applies to it alone.
            var qs = q.Assume is null ? s : s.Apply(s.Policy(q.Assume));
            switch (q.Model)
            {
                case QuestionModel.Bargaining:
                    answers.Add(Bargaining(qs, q, options, counter, cancellationToken));
                    break;
                case QuestionModel.WarTrap:
                    answers.Add(WarTrap(qs, q, options, counter, cancellationToken));
                    break;
                case QuestionModel.Coercion:
                    answers.Add(Coercion(qs, q, options, counter, cancellationToken));
                    break;
                case QuestionModel.PolicyComparison:
                    packages = Packages(s, options, counter, cancellationToken);
                    answers.Add(PolicyComparison(s, q, packages));
                    break;
            }
        }

        return new AnalysisResult(scenario, options, policies, answers, packages);
    }

    private static int TotalWork(Scenario s, AnalysisOptions o)
    {
        var perRun = s.Questions.Count(q => q.Model is QuestionModel.Bargaining or QuestionModel.WarTrap or QuestionModel.Coercion)
                     + s.Questions.Count(q => q.Model == QuestionModel.WarTrap && q.Backer is not null);
        var packageRuns = s.Questions.Any(q => q.Model == QuestionModel.PolicyComparison)
            ? s.Policies.Count * s.Questions.Count(q => q.Model is QuestionModel.Bargaining or QuestionModel.WarTrap)
            : 0;
        return (perRun + packageRuns) * o.Samples;
    }

    // ---- Bargaining ----

    private static Answer Bargaining(Scenario s, Question q, AnalysisOptions o, Counter counter, CancellationToken ct)
    {
        var issue = s.Issue(q.Issue!);
        var inputs = ScenarioInputs.Create(s, QuestionModels.BargainingPaths(s, issue.Id));
        var model = QuestionModels.Bdm(s, issue.Id);
        var (baseline, mc, tornado, flips) = Uncertainty(inputs, model, q.Expect, o, counter, ct);
        var central = new ScenarioDraw(inputs, inputs.Medians());
        var centralIssue = QuestionModels.RealizeIssue(s, issue.Id, central);
        var run = BdmModel.Run(centralIssue, BdmOptions.Default);
        var mean = Baselines.WeightedMean(centralIssue);
        var smp = SpatialIssue.Forecast(centralIssue);
        var share = Share(mc.Values, q.Expect);
        var side = baseline <= (issue.Scale.Min + issue.Scale.Max) / 2 ? issue.Scale.MinMeaning : issue.Scale.MaxMeaning;
        var verdict = $"Settles at {F0(baseline)} of {F0(issue.Scale.Max)} (90%: {F0(mc.Lower)}-{F0(mc.Upper)}), towards \"{side}\"; "
                      + $"SMP {F0(smp)}, weighted mean {F0(mean)}.";
        var trajectory = new Trajectory(
            centralIssue.Actors.Select(a => a.Name).ToArray(),
            run.Rounds.Select(r => (IReadOnlyList<double>)r.Positions.ToArray()).ToArray(),
            run.Rounds.Select(r => r.Median).ToArray());
        var headline = $"BDM {F0(baseline)}, SMP {F0(smp)}, mean {F0(mean)}";
        return new Answer(q, true, baseline, $"position on 0-{F0(issue.Scale.Max)}", mc.Lower, mc.Upper, verdict, headline, share >= 0.5, share,
            Drivers(s, tornado), flips,
            [
                new ModelEstimate("bdm", baseline, "BDM (published text), weighted median after the last round"),
                new ModelEstimate("smp", smp, "KTAB spatial model (deterministic defaults), influence x salience weighted mean of its final positions, at the central scenario"),
                new ModelEstimate("weighted_mean", mean, "influence x salience weighted mean of the starting positions"),
                .. Elicitation.ExpertSpread.Estimates(s, inputs, model),
            ],
            trajectory);
    }

    // ---- War Trap ----

    private static Answer WarTrap(Scenario s, Question q, AnalysisOptions o, Counter counter, CancellationToken ct)
    {
        var inputs = ScenarioInputs.Create(s, QuestionModels.WarTrapPaths(s, q));
        var model = QuestionModels.WarTrap(s, q, withBacker: true);
        var (baseline, mc, tornado, flips) = Uncertainty(inputs, model, q.Expect, o, counter, ct);
        var pays = Share(mc.Values, new Expectation(Above: 0));
        var share = Share(mc.Values, q.Expect);
        var models = new List<ModelEstimate>
        {
            new(q.Backer is null ? "war_trap_eu" : $"war_trap_eu_with_{q.Backer}", baseline, "War Trap expected utility at the central scenario"),
            new("share_of_draws_where_it_pays", pays, "share of Monte Carlo draws with EU > 0"),
        };
        var who = $"{q.Challenger} attacking {q.Target}";
        static string Call(double share) => share >= 0.7 ? "Pays" : share <= 0.3 ? "Does not pay" : "A close call";
        string verdict, headline;
        if (q.Backer is not null)
        {
            var without = QuestionModels.WarTrap(s, q, withBacker: false);
            var mcWithout = MonteCarlo.Run(inputs, without, Verdict.GreaterThan(0), Mc(o), counter.Offset(), ct);
            var baseWithout = MonteCarlo.Evaluate(inputs, without, inputs.Medians());
            models.Add(new ModelEstimate($"war_trap_eu_without_{q.Backer}", baseWithout, $"no tie to and no commitment from {q.Backer}"));
            models.Add(new ModelEstimate($"share_of_draws_where_it_pays_without_{q.Backer}", mcWithout.ProbabilityVerdictHolds));
            verdict = $"{Call(pays)} for {who} with {q.Backer} behind it: EU {F2(baseline)} (90%: {F2(mc.Lower)} to {F2(mc.Upper)}), "
                      + $"positive in {Pct(pays)} of draws; without {q.Backer}: EU {F2(baseWithout)}, positive in {Pct(mcWithout.ProbabilityVerdictHolds)}.";
            headline = $"{Call(pays).ToLowerInvariant()}: EU > 0 in {Pct(pays)} of draws with {q.Backer}, {Pct(mcWithout.ProbabilityVerdictHolds)} without";
        }
        else
        {
            verdict = $"{Call(pays)} for {who}: EU {F2(baseline)} (90%: {F2(mc.Lower)} to {F2(mc.Upper)}), positive in {Pct(pays)} of draws.";
            headline = $"{Call(pays).ToLowerInvariant()}: EU > 0 in {Pct(pays)} of draws";
        }

        models.AddRange(Elicitation.ExpertSpread.Estimates(s, inputs, model));
        return new Answer(q, true, baseline, "War Trap expected utility (-2 to 2; > 0: war pays)", mc.Lower, mc.Upper, verdict, headline,
            share >= 0.5, share, Drivers(s, tornado), flips, models);
    }

    // ---- Coercion ----

    private static Answer Coercion(Scenario s, Question q, AnalysisOptions o, Counter counter, CancellationToken ct)
    {
        // The headline ratio is in the measure the claim is about; the other is reported beside it.
        var lever = s.Lever(q.Lever!);
        var inputs = ScenarioInputs.Create(s, LeverCases.Paths(lever));
        var model = LeverCases.Ratio(lever, q.Measure);
        var (baseline, mc, tornado, flips) = Uncertainty(inputs, model, q.Expect, o, counter, ct);
        var otherMeasure = q.Measure == CoercionMeasure.Usd ? CoercionMeasure.ShareOfGdp : CoercionMeasure.Usd;
        var other = MonteCarlo.Run(inputs, LeverCases.Ratio(lever, otherMeasure), Verdict.GreaterThan(1), Mc(o), null, ct);
        var central = new ScenarioDraw(inputs, inputs.Medians());
        var result = Core.Coercion.CoercionModel.Evaluate(LeverCases.Case(lever, k => central[$"lever/{lever.Id}/{k}"]));
        var share = Share(mc.Values, q.Expect);
        var sender = s.Actor(lever.Actor).Name;
        var target = s.Actor(lever.Target).Name;
        var claims = q.Claims.Count == 0 ? "the claim" : string.Join(", ", q.Claims);
        string Part(CoercionMeasure m, double ratio, double lower, double upper, double above) =>
            m == CoercionMeasure.Usd
                ? $"in US$ a year, {sender} loses {Usd(result.SenderCostUsd)} and {target} {Usd(result.TargetCostUsd)}: ratio {F2(ratio)} (90%: {F2(lower)} to {F2(upper)}), {sender} loses more in {Pct(above)} of draws"
                : $"as shares of GDP, {sender} loses {Pct2(result.SenderCost)} and {target} {Pct2(result.TargetCost)}: ratio {F2(ratio)} (90%: {F2(lower)} to {F2(upper)}), {sender} loses more in {Pct(above)} of draws";
        var verdict = $"{Cap(Part(q.Measure, baseline, mc.Lower, mc.Upper, Share(mc.Values, new Expectation(Above: 1))))} (the comparison {claims} is about); "
                      + $"{Part(otherMeasure, result.RatioIn(otherMeasure), other.Lower, other.Upper, other.ProbabilityVerdictHolds)}"
                      + (result.Dominant is { } d ? $"; largest channel: {d.Channel} ({Usd(d.CostUsd)}, {Pct2(d.ShareOfGdp)} of the bearer's GDP)" : "");
        var models = new List<ModelEstimate>
        {
            new("cost_ratio_usd", result.RatioUsd, "cost to sender / cost to target, in US$ a year" + (q.Measure == CoercionMeasure.Usd ? " (the claim's measure)" : "")),
            new("cost_ratio_share_of_gdp", result.Ratio, "cost to sender / cost to target, each as a share of its own GDP" + (q.Measure == CoercionMeasure.ShareOfGdp ? " (the claim's measure)" : "")),
            new("sender_cost_usd", result.SenderCostUsd, $"{sender}, US$ a year"),
            new("target_cost_usd", result.TargetCostUsd, $"{target}, US$ a year"),
            new("sender_cost_share_of_gdp", result.SenderCost, $"{sender}, a year's cost"),
            new("target_cost_share_of_gdp", result.TargetCost, $"{target}, a year's cost"),
        };
        models.AddRange(result.Channels.Select(c => new ModelEstimate($"channel:{c.Channel}", c.CostUsd, $"US$ a year ({Pct2(c.ShareOfGdp)} of the bearer's GDP)")));
        if (lever.Inputs.TryGetValue(LeverCases.PoliticalPressure, out var pressure))
        {
            var why = s.Source(pressure.Source.SourceId);
            models.Add(new ModelEstimate("political_pressure_on_target", pressure.Central,
                $"stated judgement '{why.Id}' ({F2(pressure.Estimate.Low)}-{F2(pressure.Estimate.High)}; 0 none, 1 threatens {target}'s government), not costed"));
            verdict += $"; pressure on {target}'s government, a stated judgement ({why.Id}): {F2(pressure.Central)} on 0-1 ({F2(pressure.Estimate.Low)}-{F2(pressure.Estimate.High)})";
        }

        models.AddRange(Elicitation.ExpertSpread.Estimates(s, inputs, model));
        var unit = q.Measure == CoercionMeasure.Usd
            ? "cost ratio (sender / target, US$ a year; > 1: the sender loses more)"
            : "cost ratio (sender / target, shares of GDP; > 1: the sender pays more)";
        var (payerUsd, payerGdp) = (result.RatioUsd > 1 ? sender : target, result.Ratio > 1 ? sender : target);
        var headline = payerUsd == payerGdp
            ? $"{payerUsd} loses more: US$ ratio {F2(result.RatioUsd)}, GDP-share ratio {F2(result.Ratio)}"
            : $"{payerUsd} loses more US$ ({F2(result.RatioUsd)}), {payerGdp} more of its GDP ({F2(result.Ratio)})";
        return new Answer(q, true, baseline, unit, mc.Lower, mc.Upper, verdict + ".", headline, share >= 0.5, share, Drivers(s, tornado), flips, models);
    }

    private static string Usd(double x) =>
        Math.Abs(x) >= 1e9 ? $"US${(x / 1e9).ToString("0.##", CultureInfo.InvariantCulture)} bn" : $"US${(x / 1e6).ToString("0", CultureInfo.InvariantCulture)} m";

    private static string Cap(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    // ---- Policies ----

    private static IReadOnlyList<PackageOutcome> Packages(Scenario s, AnalysisOptions o, Counter counter, CancellationToken ct)
    {
        var questions = s.Questions.Where(q => q.Model is QuestionModel.Bargaining or QuestionModel.WarTrap).ToArray();
        var bargaining = questions.Where(q => q.Model == QuestionModel.Bargaining).ToArray();
        var war = questions.FirstOrDefault(q => q.Model == QuestionModel.WarTrap);

        // The scenario as given is the reference every package is measured against.
        var reference = Outcomes(s, questions, o, counter, ct, countProgress: false);
        var outcomes = new List<PackageOutcome>();
        foreach (var policy in s.Policies)
        {
            ct.ThrowIfCancellationRequested();
            var applied = s.Apply(policy);
            var values = Outcomes(applied, questions, o, counter, ct, countProgress: true);
            var gains = new double[o.Samples];
            double centralGain = 0;
            foreach (var q in bargaining)
            {
                var scale = s.Issue(q.Issue!).Scale;
                var norm = 100 / (scale.Max - scale.Min);
                centralGain += (values[q.Id].Central - reference[q.Id].Central) * norm / bargaining.Length;
                for (var k = 0; k < o.Samples; k++)
                    gains[k] += (values[q.Id].Draws[k] - reference[q.Id].Draws[k]) * norm / bargaining.Length;
            }

            var draws = (double[])gains.Clone();
            Array.Sort(gains);
            var risk = war is null ? 0 : Share(values[war.Id].Draws, new Expectation(Above: 0));
            outcomes.Add(new PackageOutcome(policy.Id, policy.Title, policy.WhatIf,
                questions.ToDictionary(q => q.Id, q => values[q.Id].Central),
                centralGain,
                bargaining.Length == 0 ? 0 : MonteCarlo.SampleQuantile(gains, 0.05),
                bargaining.Length == 0 ? 0 : MonteCarlo.SampleQuantile(gains, 0.95),
                risk,
                draws));
        }

        return outcomes;
    }

    private sealed record Outcome(double Central, IReadOnlyList<double> Draws);

    private static Dictionary<string, Outcome> Outcomes(Scenario s, IReadOnlyList<Question> questions, AnalysisOptions o,
        Counter counter, CancellationToken ct, bool countProgress)
    {
        var result = new Dictionary<string, Outcome>();
        foreach (var q in questions)
        {
            var (inputs, model) = q.Model == QuestionModel.Bargaining
                ? (ScenarioInputs.Create(s, QuestionModels.BargainingPaths(s, q.Issue!)), QuestionModels.Bdm(s, q.Issue!))
                : (ScenarioInputs.Create(s, QuestionModels.WarTrapPaths(s, q)), QuestionModels.WarTrap(s, q, withBacker: true));
            var mc = MonteCarlo.Run(inputs, model, Verdict.GreaterThan(0), Mc(o), countProgress ? counter.Offset() : null, ct);
            result[q.Id] = new Outcome(MonteCarlo.Evaluate(inputs, model, inputs.Medians()), mc.Values);
        }

        return result;
    }

    private static Answer PolicyComparison(Scenario s, Question q, IReadOnlyList<PackageOutcome> packages)
    {
        var ranked = packages.Where(p => !p.WhatIf).OrderByDescending(p => p.Gain).ThenBy(p => p.WarRisk).ToArray();
        if (ranked.Length == 0) return NotAvailable(q, "points", "The scenario defines no policy packages to compare.");
        var best = ranked[0];
        var share = Share(best.GainDraws, q.Expect);
        var order = string.Join(" > ", ranked.Select(p => $"{p.Policy} {Signed(p.Gain)}"));

        // War risk is the policy comparison's War Trap question (the first), named by its actors.
        var war = s.Questions.FirstOrDefault(x => x.Model == QuestionModel.WarTrap);
        var risk = war is null ? "" : $" with {s.Actor(war.Challenger!).Name} attacking {s.Actor(war.Target!).Name} paying in {Pct(best.WarRisk)} of draws";
        var riskShort = war is null ? "" : $", war risk {Pct(best.WarRisk)}";

        // The scenario as given is the reference: a package that does not raise the outcomes (as printed) is not "best".
        var moves = Math.Round(best.Gain, 1) > 0;
        var verdict = moves
            ? $"Best package: {best.Policy}, moving the bargaining outcomes {Signed(best.Gain)} points on average "
              + $"(90%: {Signed(best.GainLow)} to {Signed(best.GainHigh)}){risk}. Ranking: {order}."
            : $"No package raises the bargaining outcomes above the scenario as given (the largest mean change, {best.Policy}'s, is {Signed(best.Gain)} points; "
              + $"90%: {Signed(best.GainLow)} to {Signed(best.GainHigh)}){risk}. Ranking: {order}.";
        var drivers = ranked.Select(p => new Driver($"policy/{p.Policy}", p.Title, 0, 0, p.Gain)).ToArray();
        return new Answer(q, true, best.Gain, "mean change on the 0-100 outcome scales vs. the scenario as given", best.GainLow, best.GainHigh, verdict,
            moves ? $"best: {best.Policy}{riskShort}" : $"no package raises the outcomes{riskShort}",
            share >= 0.5, share, drivers, [], packages.Select(p => new ModelEstimate(p.Policy, p.Gain, p.Title)).ToArray());
    }

    // ---- Shared ----

    private static (double Baseline, MonteCarloSummary Mc, IReadOnlyList<TornadoBar> Tornado, IReadOnlyList<FlipPoint> Flips) Uncertainty(
        InputSet inputs, ScenarioModel model, Expectation expect, AnalysisOptions o, Counter counter, CancellationToken ct)
    {
        var verdict = expect.Above is { } a ? Verdict.GreaterThan(a) : Verdict.LessThan(expect.Below!.Value);
        var baseline = MonteCarlo.Evaluate(inputs, model, inputs.Medians());
        var mc = MonteCarlo.Run(inputs, model, verdict, Mc(o), counter.Offset(), ct);
        var tornado = Sensitivity.Tornado(inputs, model);

        // Flip points for the strongest drivers only: a sub-model over those inputs, the rest at their medians.
        var top = tornado.Where(b => b.Swing > 0).Take(FlipInputs).Select(b => b.Input).ToArray();
        IReadOnlyList<FlipPoint> flips = [];
        if (top.Length > 0)
        {
            var sub = InputSet.Create(top.Select(n => inputs.Inputs[inputs.IndexOf(n)])).Value;
            var medians = inputs.Medians();
            var index = top.Select(inputs.IndexOf).ToArray();
            ScenarioModel subModel = draw =>
            {
                var values = (double[])medians.Clone();
                for (var i = 0; i < index.Length; i++) values[index[i]] = draw[i];
                return MonteCarlo.Evaluate(inputs, model, values);
            };
            flips = Sensitivity.FlipPoints(sub, subModel, verdict);
        }

        return (baseline, mc, tornado, flips);
    }

    private static MonteCarloOptions Mc(AnalysisOptions o) => new(o.Samples, o.Seed, o.MaxThreads);

    private static IReadOnlyList<Driver> Drivers(Scenario s, IReadOnlyList<TornadoBar> tornado) =>
        tornado.Where(b => b.Swing > 0).Take(DriversShown)
            .Select(b => new Driver(b.Input, ScenarioInputs.Label(s, b.Input), b.LowValue, b.HighValue, b.OutputAtHigh - b.OutputAtLow))
            .ToArray();

    private static double Share(IReadOnlyList<double> values, Expectation expect) =>
        values.Count == 0 ? 0 : (double)values.Count(expect.IsMetBy) / values.Count;

    private static Answer NotAvailable(Question q, string unit, string verdict) =>
        new(q, false, double.NaN, unit, double.NaN, double.NaN, verdict, "not available in this build", false, 0, [], [], []);

    private static string F0(double x) => x.ToString("0", CultureInfo.InvariantCulture);
    private static string F2(double x) => x.ToString("0.00", CultureInfo.InvariantCulture);
    private static string Signed(double x) => x.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);
    private static string Pct(double p) => (100 * p).ToString("0", CultureInfo.InvariantCulture) + "%";
    private static string Pct2(double p) => (100 * p).ToString("0.00#", CultureInfo.InvariantCulture) + "%";

    /// <summary>Adds up progress over many Monte Carlo runs into one bar.</summary>
    private sealed class Counter(int total, IProgress<MonteCarloProgress>? sink)
    {
        private int _done;

        public IProgress<MonteCarloProgress>? Offset()
        {
            if (sink is null) return null;
            var start = _done;
            return new Relay(p =>
            {
                _done = Math.Max(_done, start + p.Completed);
                sink.Report(new MonteCarloProgress(Math.Min(_done, total), total));
            });
        }
    }

    private sealed class Relay(Action<MonteCarloProgress> action) : IProgress<MonteCarloProgress>
    {
        public void Report(MonteCarloProgress value) => action(value);
    }
}
