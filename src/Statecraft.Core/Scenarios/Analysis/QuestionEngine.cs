using System.Globalization;
using Statecraft.Core.Bargaining;
using Statecraft.Core.Coercion;
using Statecraft.Core.Ensemble;
using Statecraft.Core.Uncertainty;

namespace Statecraft.Core.Scenarios.Analysis;

/// <summary>
/// Answers a scenario's questions with the project's models: bargaining questions with the
/// accuracy-weighted ensemble (BDM, SMP, weighted mean and median), War Trap questions with and
/// without a backer, coercion questions with the cost model, the policy comparison outcome by
/// outcome (<see cref="PackageComparison"/>), and every claim a question tests with its own verdict
/// (<see cref="ClaimVerdicts"/>). Runs share paired Monte Carlo draws (the same seed and input order
/// give every package the same uniforms, so differences are not sampling noise) and are reused
/// wherever a package leaves their inputs unchanged (<see cref="AnalysisRuns"/>).
/// </summary>
public static class QuestionEngine
{
    private const int DriversShown = 3;
    private const int FlipInputs = 2;

    /// <summary>
    /// Applies <paramref name="policies"/> in order, then answers every question.
    /// <paramref name="progress"/> reports Monte Carlo replications done out of an estimate of the total.
    /// </summary>
    public static AnalysisResult Analyze(Scenario scenario, IReadOnlyList<string> policies, AnalysisOptions options,
        IProgress<MonteCarloProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var s = policies.Aggregate(scenario, (acc, p) => acc.Apply(scenario.Policy(p)));
        var runs = new AnalysisRuns(options, new AnalysisRuns.Counter(TotalWork(s, options), progress), cancellationToken);
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
                    answers.Add(Bargaining(qs, q, runs.Run(s, q, options.Samples), options));
                    break;
                case QuestionModel.WarTrap:
                    answers.Add(WarTrap(qs, q, runs));
                    break;
                case QuestionModel.Coercion:
                    answers.Add(Coercion(qs, q, runs));
                    break;
                case QuestionModel.PolicyComparison:
                    (packages, var anyway) = PackageComparison.Compare(s, q, runs);
                    answers.Add(PackageComparison.Answer(s, q, packages, anyway, options));
                    break;
            }
        }

        // Claims are judged last: a claim may compare any question under a package.
        var judged = answers.Select(a => a with { ClaimVerdicts = ClaimVerdicts.Judge(s, a, packages, runs) }).ToArray();
        return new AnalysisResult(scenario, options, policies, judged, packages);
    }

    /// <summary>An estimate of the draws an analysis makes, for the progress bar (reused runs finish it early).</summary>
    private static int TotalWork(Scenario s, AnalysisOptions o)
    {
        var modelQuestions = s.Questions.Count(q => q.Model is QuestionModel.Bargaining or QuestionModel.WarTrap or QuestionModel.Coercion);
        var perRun = modelQuestions + s.Questions.Count(q => q.Model == QuestionModel.WarTrap && q.Backer is not null)
                     + s.Questions.Sum(q => q.Tests.Count(t => t.Compare is not null))
                     + (o.Disputes is { } set ? s.Questions.Count(DisputeForecast.Applies) * (set.OpenModels.Count + 1) : 0);
        var compared = s.Questions.Count(q => q.Model is QuestionModel.Bargaining or QuestionModel.WarTrap);
        var packageRuns = s.Questions.Any(q => q.Model == QuestionModel.PolicyComparison)
            ? s.Policies.Count(p => p.ResponseBy is null) * compared * 2
            : 0;
        return (int)Math.Min(int.MaxValue, (long)perRun * o.Samples + (long)packageRuns * PackageComparison.Samples(o));
    }

    // ---- Bargaining ----

    private static Answer Bargaining(Scenario s, Question q, QuestionRun run, AnalysisOptions o)
    {
        var issue = s.Issue(q.Issue!);
        var forecast = run.Forecast!;
        var inputs = ScenarioInputs.Create(s, QuestionModels.BargainingPaths(s, issue.Id));
        var point = EnsembleForecast.PointModel(s, issue.Id, o.Weights);
        var (tornado, flips) = Sensitivities(inputs, point, q.Expect, o.MaxThreads);

        // The central scenario: the trajectory and the explanation of any disagreement come from it.
        var centralIssue = QuestionModels.RealizeIssue(s, issue.Id, new ScenarioDraw(inputs, inputs.Medians()));
        var bdm = BdmModel.Run(centralIssue, BdmOptions.Default);
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
              + ModelDisagreement.Explain(centralIssue, bdm.Last.Positions, smp?.Final, central) + "."
            : null;
        var summary = new EnsembleSummary(members, quantiles, forecast.PointQuantile(0.05), forecast.PointQuantile(0.95), spread, disagreement);

        var share = ClaimVerdicts.Share(predictive, q.Expect);
        var side = value <= (issue.Scale.Min + issue.Scale.Max) / 2 ? issue.Scale.MinMeaning : issue.Scale.MaxMeaning;
        var byModel = $"BDM {F0(members[0].Median)}, SMP {F0(members[1].Median)}, weighted mean {F0(members[2].Median)}, weighted median {F0(members[3].Median)}";
        var verdict = $"Settles at {F0(value)} of {F0(issue.Scale.Max)} (ensemble median; 90% predictive interval {F0(low)}-{F0(high)}, "
                      + $"from the inputs alone {F0(summary.InputsLow)}-{F0(summary.InputsHigh)}), towards \"{side}\"; {byModel} (medians over the draws)."
                      + (disagreement is null ? "" : " " + disagreement);
        var trajectory = new Trajectory(
            centralIssue.Actors.Select(a => a.Name).ToArray(),
            bdm.Rounds.Select(r => (IReadOnlyList<double>)r.Positions.ToArray()).ToArray(),
            bdm.Rounds.Select(r => r.Median).ToArray());
        var headline = $"ensemble {F0(value)} (BDM {F0(members[0].Median)}, SMP {F0(members[1].Median)}, mean {F0(members[2].Median)}, median {F0(members[3].Median)})"
                       + (disagreement is null ? "" : "; models disagree");
        return new Answer(q, true, value, $"position on {F0(issue.Scale.Min)}-{F0(issue.Scale.Max)}", low, high, verdict, headline, share >= 0.5, share,
            Drivers(s, tornado), flips,
            [
                .. members.Select(m => new ModelEstimate(m.Model.Replace('-', '_'), m.Median,
                    $"{Description(m.Model)}; median over the draws; ensemble weight {F2(m.Weight)}")),
                .. Elicitation.ExpertSpread.Estimates(s, inputs, point),
            ],
            trajectory, summary);
    }

    private static string Description(string member) => EnsembleMembers.Descriptions[Array.IndexOf(EnsembleMembers.Names.ToArray(), member)];

    // ---- War Trap ----

    private static Answer WarTrap(Scenario s, Question q, AnalysisRuns runs)
    {
        // EU under the specification the validation supports (when the dispute models are given).
        var spec = runs.EuSpec(q);
        var inputs = ScenarioInputs.Create(s, QuestionModels.WarTrapPaths(s, q));
        var model = QuestionModels.WarTrap(s, q, withBacker: true, spec);
        var run = runs.WarTrap(s, q, withBacker: true, runs.Options.Samples);
        var (baseline, mc) = (run.Value, Interval(run.Draws));
        var pays = Share(run.Draws, new Expectation(Above: 0));
        var specName = spec is null ? "tau_b, every state a third party" : spec.Name;
        var models = new List<ModelEstimate>
        {
            new(q.Backer is null ? "war_trap_eu" : $"war_trap_eu_with_{q.Backer}", baseline,
                $"War Trap expected utility at the central scenario ({specName}); 90% over the draws {F2(mc.Lower)} to {F2(mc.Upper)}"),
            new("share_of_draws_with_eu_above_0", pays, "share of Monte Carlo draws in which War Trap's EU is positive; not a probability of anything"),
        };
        var who = $"{q.Challenger} attacking {q.Target}";
        static string Call(double share) => share >= 0.7 ? "Pays" : share <= 0.3 ? "Does not pay" : "A close call";
        double? baseWithout = null;
        if (q.Backer is not null)
        {
            var without = runs.WarTrap(s, q, withBacker: false, runs.Options.Samples);
            baseWithout = without.Value;
            models.Add(new ModelEstimate($"war_trap_eu_without_{q.Backer}", without.Value, $"no tie to and no commitment from {q.Backer}"));
            models.Add(new ModelEstimate($"share_of_draws_with_eu_above_0_without_{q.Backer}", Share(without.Draws, new Expectation(Above: 0)),
                "not a probability of anything"));
        }

        if (runs.Calibrated(q)) return Dispute(s, q, runs, models, baseline, baseWithout);

        var (tornado, flips) = Sensitivities(inputs, model, q.Expect, runs.Options.MaxThreads);
        const string uncalibrated = "No calibrated probability: the question does not source the dyad's contiguity and peace years.";
        string verdict, headline;
        if (q.Backer is not null)
        {
            verdict = $"{Call(pays)} for {who} with {q.Backer} behind it: EU {F2(baseline)} (90%: {F2(mc.Lower)} to {F2(mc.Upper)}); without {q.Backer}: EU {F2(baseWithout!.Value)}. "
                      + uncalibrated;
            headline = $"EU {F2(baseline)} with {q.Backer}, {F2(baseWithout.Value)} without";
        }
        else
        {
            verdict = $"{Call(pays)} for {who}: EU {F2(baseline)} (90%: {F2(mc.Lower)} to {F2(mc.Upper)}). " + uncalibrated;
            headline = $"EU {F2(baseline)}";
        }

        models.AddRange(Elicitation.ExpertSpread.Estimates(s, inputs, model));
        var share = Share(run.Draws, q.Expect);
        return new Answer(q, true, baseline, "War Trap expected utility (-2 to 2; > 0: war pays)", mc.Lower, mc.Upper, verdict, headline,
            share >= 0.5, share, Drivers(s, tornado), flips, models);
    }

    /// <summary>
    /// The calibrated answer: the probability of a militarized dispute with force within 12 months
    /// is the value; its drivers and flip points are the probability's; EU stays among the models.
    /// </summary>
    private static Answer Dispute(Scenario s, Question q, AnalysisRuns runs, List<ModelEstimate> models, double eu, double? euWithout)
    {
        var set = runs.Options.Disputes!;
        var n = runs.Options.Samples;
        var inputs = ScenarioInputs.Create(s, DisputeForecast.Paths(s, q));
        var best = DisputeForecast.Probability(s, q, set, set.OpenModels[0], withBacker: true);
        var run = runs.Dispute(s, q, set.OpenModels[0], withBacker: true, n);
        var p = run.Value;
        var mc = Interval(run.Draws);
        var (tornado, flips) = Sensitivities(inputs, best, q.Expect, runs.Options.MaxThreads);
        var dispute = DisputeForecast.Answer(s, q, set, inputs, (m, k) => runs.Dispute(s, q, m, withBacker: true, k).Draws, n);
        models.Insert(0, new ModelEstimate("dispute_probability", p, dispute.Event));
        foreach (var c in dispute.Choices) models.Add(new ModelEstimate($"dispute_probability[{c.Model}]", c.Probability, "an open model at the central scenario"));
        var without = "";
        if (q.Backer is not null)
        {
            var pWithout = runs.Dispute(s, q, set.OpenModels[0], withBacker: false, n).Value;
            models.Add(new ModelEstimate($"dispute_probability_without_{q.Backer}", pWithout, $"no tie to and no commitment from {q.Backer}"));
            without = $" Without {q.Backer}: {Pct1(pWithout)} (EU {F2(euWithout!.Value)}).";
        }

        models.AddRange(Elicitation.ExpertSpread.Estimates(s, inputs, best));
        models.Add(new ModelEstimate("base_rate", dispute.BaseRate.Rate,
            $"{dispute.BaseRate.Group}: {dispute.BaseRate.Events:N0} initiations with force in {dispute.BaseRate.DyadYears:N0} politically relevant dyad-years {dispute.BaseRate.FirstYear}-{dispute.BaseRate.LastYear}"));
        var share = Share(run.Draws, q.Expect);
        var verdict = $"{dispute.Event}: {Pct1(p)} ({dispute.Words}; 90% over the draws {Pct1(dispute.Low)}-{Pct1(dispute.High)}, "
                      + $"{Pct1(dispute.StructuralLow)}-{Pct1(dispute.StructuralHigh)} across the {dispute.Choices.Count} model(s) history leaves open). "
                      + $"Base rate {Pct1(dispute.BaseRate.Rate)} a year among {dispute.BaseRate.Group} ({dispute.BaseRate.FirstYear}-{dispute.BaseRate.LastYear}). "
                      + (set.OpenModels[0] == Validation.ConflictValidation.Standard
                          ? $"War Trap EU {F2(eu)} ({set.EuSpec}) enters only the other open models: history gives it no weight.{without}"
                          : $"War Trap EU {F2(eu)} ({set.EuSpec}), a driver that adds little on history.{without}");
        var headline = $"{Pct1(p)} in 12 months ({dispute.Words}); base rate {Pct1(dispute.BaseRate.Rate)}";
        return new Answer(q, true, p, $"probability that {q.Challenger} initiates a militarized dispute with force against {q.Target} within 12 months",
            mc.Lower, mc.Upper, verdict, headline, share >= 0.5, share, Drivers(s, tornado), flips, models)
        { Dispute = dispute };
    }

    // ---- Coercion ----

    private static Answer Coercion(Scenario s, Question q, AnalysisRuns runs)
    {
        // The headline ratio is in the measure the claim is about; the other is reported beside it.
        var lever = s.Lever(q.Lever!);
        var inputs = ScenarioInputs.Create(s, LeverCases.Paths(lever));
        var model = LeverCases.Ratio(lever, q.Measure);
        var run = runs.Coercion(s, lever.Id, q.Measure, runs.Options.Samples);
        var (baseline, mc) = (run.Value, Interval(run.Draws));
        var (tornado, flips) = Sensitivities(inputs, model, q.Expect, runs.Options.MaxThreads);
        var otherMeasure = q.Measure == CoercionMeasure.Usd ? CoercionMeasure.ShareOfGdp : CoercionMeasure.Usd;
        var otherRun = runs.Coercion(s, lever.Id, otherMeasure, runs.Options.Samples);
        var other = (Interval: Interval(otherRun.Draws), Above: Share(otherRun.Draws, new Expectation(Above: 1)));
        var central = new ScenarioDraw(inputs, inputs.Medians());
        var result = Core.Coercion.CoercionModel.Evaluate(LeverCases.Case(lever, k => central[$"lever/{lever.Id}/{k}"]));
        var share = Share(run.Draws, q.Expect);
        var sender = s.Actor(lever.Actor).Name;
        var target = s.Actor(lever.Target).Name;
        var claims = q.Claims.Count == 0 ? "the claim" : string.Join(", ", q.Claims);
        string Part(CoercionMeasure m, double ratio, double lower, double upper, double above) =>
            m == CoercionMeasure.Usd
                ? $"in US$ a year, {sender} loses {Usd(result.SenderCostUsd)} and {target} {Usd(result.TargetCostUsd)}: ratio {F2(ratio)} (90%: {F2(lower)} to {F2(upper)}), {sender} loses more in {Pct(above)} of draws"
                : $"as shares of GDP, {sender} loses {Pct2(result.SenderCost)} and {target} {Pct2(result.TargetCost)}: ratio {F2(ratio)} (90%: {F2(lower)} to {F2(upper)}), {sender} loses more in {Pct(above)} of draws";
        var verdict = $"{Cap(Part(q.Measure, baseline, mc.Lower, mc.Upper, Share(run.Draws, new Expectation(Above: 1))))} (the comparison {claims} is about); "
                      + $"{Part(otherMeasure, result.RatioIn(otherMeasure), other.Interval.Lower, other.Interval.Upper, other.Above)}"
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

    // ---- Shared ----

    /// <summary>The 5% and 95% quantiles of Monte Carlo values.</summary>
    internal static (double Lower, double Upper) Interval(IReadOnlyList<double> draws)
    {
        var sorted = draws.ToArray();
        Array.Sort(sorted);
        return (MonteCarlo.SampleQuantile(sorted, 0.05), MonteCarlo.SampleQuantile(sorted, 0.95));
    }

    private static Verdict VerdictOf(Expectation expect) =>
        expect.Above is { } a ? Verdict.GreaterThan(a) : Verdict.LessThan(expect.Below!.Value);

    /// <summary>Tornado bars for every input, flip points for the strongest drivers, of a deterministic model.</summary>
    private static (IReadOnlyList<TornadoBar> Tornado, IReadOnlyList<FlipPoint> Flips) Sensitivities(InputSet inputs, ScenarioModel model, Expectation expect, int? maxThreads)
    {
        var verdict = VerdictOf(expect);
        var tornado = Sensitivity.Tornado(inputs, model, maxThreads: maxThreads);

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
            flips = Sensitivity.FlipPoints(sub, subModel, verdict, maxThreads);
        }

        return (tornado, flips);
    }

    private static IReadOnlyList<Driver> Drivers(Scenario s, IReadOnlyList<TornadoBar> tornado) =>
        tornado.Where(b => b.Swing > 0).Take(DriversShown)
            .Select(b => new Driver(b.Input, ScenarioInputs.Label(s, b.Input), b.LowValue, b.HighValue, b.OutputAtHigh - b.OutputAtLow, b.OutputAtLow, b.OutputAtHigh))
            .ToArray();

    internal static double Share(IReadOnlyList<double> values, Expectation expect) =>
        values.Count == 0 ? 0 : (double)values.Count(expect.IsMetBy) / values.Count;

    internal static Answer NotAvailable(Question q, string unit, string verdict) =>
        new(q, false, double.NaN, unit, double.NaN, double.NaN, verdict, "not available in this build", false, 0, [], [], []);

    internal static string F0(double x) => x.ToString("0", CultureInfo.InvariantCulture);
    internal static string F2(double x) => x.ToString("0.00", CultureInfo.InvariantCulture);
    internal static string Signed(double x) => x.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);
    internal static string Pct(double p) => (100 * p).ToString("0", CultureInfo.InvariantCulture) + "%";
    internal static string Pct1(double p) => (100 * p).ToString(p < 0.1 ? "0.0" : "0", CultureInfo.InvariantCulture) + "%";
    private static string Pct2(double p) => (100 * p).ToString("0.00#", CultureInfo.InvariantCulture) + "%";
}
