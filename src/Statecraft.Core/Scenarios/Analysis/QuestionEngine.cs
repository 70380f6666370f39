using System.Globalization;
using Statecraft.Core.Bargaining;
using Statecraft.Core.Ensemble;
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
        var forecast = EnsembleForecast.Predict(s, issue.Id, o.Weights, Mc(o), counter.Offset(), ct);
        var inputs = ScenarioInputs.Create(s, QuestionModels.BargainingPaths(s, issue.Id));
        var (tornado, flips) = Sensitivities(inputs, EnsembleForecast.PointModel(s, issue.Id, o.Weights), q.Expect);

        // The central scenario: the trajectory and the explanation of any disagreement come from it.
        var centralIssue = QuestionModels.RealizeIssue(s, issue.Id, new ScenarioDraw(inputs, inputs.Medians()));
        var run = BdmModel.Run(centralIssue, BdmOptions.Default);
        var smp = EnsembleMembers.SmpRun(centralIssue);
        var central = new double[EnsembleMembers.Count];
        EnsembleMembers.Forecast(centralIssue, central);

        var predictive = forecast.Predictive;
        var quantiles = predictive.Quantiles(EnsembleSummary.QuantileLevels);
        var value = forecast.Median;
        var (low, high) = (quantiles[0], quantiles[^1]);
        var members = Enumerable.Range(0, EnsembleMembers.Count)
            .Select(m => new MemberSummary(EnsembleMembers.Names[m], o.Weights.Members[m].Weight, forecast.MemberMedian(m), central[m]))
            .ToArray();
        var finite = members.Where(m => double.IsFinite(m.Median)).Select(m => m.Median).ToArray();
        var spread = finite.Max() - finite.Min();
        var span = issue.Scale.Max - issue.Scale.Min;
        var disagreement = spread > ModelDisagreement.Threshold * span
            ? $"The models disagree: their medians over the draws span {F0(spread)} points. At the central scenario: "
              + ModelDisagreement.Explain(centralIssue, run.Last.Positions, smp?.Final, central) + "."
            : null;
        var summary = new EnsembleSummary(members, quantiles, forecast.PointQuantile(0.05), forecast.PointQuantile(0.95), spread, disagreement);

        var share = Share(predictive, q.Expect);
        var side = value <= (issue.Scale.Min + issue.Scale.Max) / 2 ? issue.Scale.MinMeaning : issue.Scale.MaxMeaning;
        var byModel = $"BDM {F0(members[0].Median)}, SMP {F0(members[1].Median)}, weighted mean {F0(members[2].Median)}, weighted median {F0(members[3].Median)}";
        var verdict = $"Settles at {F0(value)} of {F0(issue.Scale.Max)} (ensemble median; 90% predictive interval {F0(low)}-{F0(high)}, "
                      + $"from the inputs alone {F0(summary.InputsLow)}-{F0(summary.InputsHigh)}), towards \"{side}\"; {byModel} (medians over the draws)."
                      + (disagreement is null ? "" : " " + disagreement);
        var trajectory = new Trajectory(
            centralIssue.Actors.Select(a => a.Name).ToArray(),
            run.Rounds.Select(r => (IReadOnlyList<double>)r.Positions.ToArray()).ToArray(),
            run.Rounds.Select(r => r.Median).ToArray());
        var headline = $"ensemble {F0(value)} (BDM {F0(members[0].Median)}, SMP {F0(members[1].Median)}, mean {F0(members[2].Median)}, median {F0(members[3].Median)})"
                       + (disagreement is null ? "" : "; models disagree");
        return new Answer(q, true, value, $"position on {F0(issue.Scale.Min)}-{F0(issue.Scale.Max)}", low, high, verdict, headline, share >= 0.5, share,
            Drivers(s, tornado), flips,
            members.Select(m => new ModelEstimate(m.Model.Replace('-', '_'), m.Median,
                $"{Description(m.Model)}; median over the draws; ensemble weight {F2(m.Weight)}")).ToArray(),
            trajectory, summary);
    }

    private static string Description(string member) => EnsembleMembers.Descriptions[Array.IndexOf(EnsembleMembers.Names.ToArray(), member)];

    /// <summary>The share of the predictive distribution that meets the expectation.</summary>
    private static double Share(PredictiveDistribution p, Expectation expect)
    {
        var upper = expect.Below is { } b ? p.Cdf(b) : 1;
        var lower = expect.Above is { } a ? p.Cdf(a) : 0;
        return Math.Max(0, upper - lower);
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

        return new Answer(q, true, baseline, "War Trap expected utility (-2 to 2; > 0: war pays)", mc.Lower, mc.Upper, verdict, headline,
            share >= 0.5, share, Drivers(s, tornado), flips, models);
    }

    // ---- Coercion ----

    private static Answer Coercion(Scenario s, Question q, AnalysisOptions o, Counter counter, CancellationToken ct)
    {
        var lever = s.Lever(q.Lever!);
        var inputs = ScenarioInputs.Create(s, LeverCases.Paths(lever));
        var model = LeverCases.Ratio(lever);
        var (baseline, mc, tornado, flips) = Uncertainty(inputs, model, q.Expect, o, counter, ct);
        var central = new ScenarioDraw(inputs, inputs.Medians());
        var result = Core.Coercion.CoercionModel.Evaluate(LeverCases.Case(lever, k => central[$"lever/{lever.Id}/{k}"]));
        var share = Share(mc.Values, q.Expect);
        var sender = s.Actor(lever.Actor).Name;
        var target = s.Actor(lever.Target).Name;
        var payer = baseline > 1 ? sender : target;
        var verdict = $"{payer} pays more: {sender} loses {Pct2(result.SenderCost)} of GDP, {target} {Pct2(result.TargetCost)}; "
                      + $"ratio {F2(baseline)} (90%: {F2(mc.Lower)} to {F2(mc.Upper)}), above 1 in {Pct(Share(mc.Values, new Expectation(Above: 1)))} of draws"
                      + (result.Dominant is { } d ? $"; largest channel: {d.Channel} ({Pct2(d.ShareOfGdp)} of the bearer's GDP)." : ".");
        var models = new List<ModelEstimate>
        {
            new("cost_ratio", baseline, "cost to sender / cost to target, each as a share of its own GDP"),
            new("sender_cost_share_of_gdp", result.SenderCost, $"{sender}, a year's cost"),
            new("target_cost_share_of_gdp", result.TargetCost, $"{target}, a year's cost"),
        };
        models.AddRange(result.Channels.Select(c => new ModelEstimate($"channel:{c.Channel}", c.CostUsd, $"US$ a year ({Pct2(c.ShareOfGdp)} of the bearer's GDP)")));
        return new Answer(q, true, baseline, "cost ratio (sender / target, shares of GDP; > 1: the sender pays more)", mc.Lower, mc.Upper, verdict,
            $"{payer} pays more (ratio {F2(baseline)})", share >= 0.5, share, Drivers(s, tornado), flips, models);
    }

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
            if (q.Model == QuestionModel.Bargaining)
            {
                var f = EnsembleForecast.Predict(s, q.Issue!, o.Weights, Mc(o), countProgress ? counter.Offset() : null, ct);
                result[q.Id] = new Outcome(f.Median, f.PointForecasts);
                continue;
            }

            var (inputs, model) = (ScenarioInputs.Create(s, QuestionModels.WarTrapPaths(s, q)), QuestionModels.WarTrap(s, q, withBacker: true));
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
        var verdict = $"Best package: {best.Policy}, moving the bargaining outcomes {Signed(best.Gain)} points on average "
                      + $"(90%: {Signed(best.GainLow)} to {Signed(best.GainHigh)}) with a Russian attack paying in {Pct(best.WarRisk)} of draws. Ranking: {order}.";
        var drivers = ranked.Select(p => new Driver($"policy/{p.Policy}", p.Title, 0, 0, p.Gain)).ToArray();
        return new Answer(q, true, best.Gain, "mean change on the 0-100 outcome scales vs. the scenario as given", best.GainLow, best.GainHigh, verdict,
            $"best: {best.Policy}, war risk {Pct(best.WarRisk)}",
            share >= 0.5, share, drivers, [], packages.Select(p => new ModelEstimate(p.Policy, p.Gain, p.Title)).ToArray());
    }

    // ---- Shared ----

    private static (double Baseline, MonteCarloSummary Mc, IReadOnlyList<TornadoBar> Tornado, IReadOnlyList<FlipPoint> Flips) Uncertainty(
        InputSet inputs, ScenarioModel model, Expectation expect, AnalysisOptions o, Counter counter, CancellationToken ct)
    {
        var baseline = MonteCarlo.Evaluate(inputs, model, inputs.Medians());
        var mc = MonteCarlo.Run(inputs, model, VerdictOf(expect), Mc(o), counter.Offset(), ct);
        var (tornado, flips) = Sensitivities(inputs, model, expect);
        return (baseline, mc, tornado, flips);
    }

    private static Verdict VerdictOf(Expectation expect) =>
        expect.Above is { } a ? Verdict.GreaterThan(a) : Verdict.LessThan(expect.Below!.Value);

    /// <summary>Tornado bars for every input, flip points for the strongest drivers, of a deterministic model.</summary>
    private static (IReadOnlyList<TornadoBar> Tornado, IReadOnlyList<FlipPoint> Flips) Sensitivities(InputSet inputs, ScenarioModel model, Expectation expect)
    {
        var verdict = VerdictOf(expect);
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

        return (tornado, flips);
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
