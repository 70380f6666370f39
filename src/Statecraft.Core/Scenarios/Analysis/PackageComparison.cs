using static Statecraft.Core.Scenarios.Analysis.QuestionEngine;

namespace Statecraft.Core.Scenarios.Analysis;

/// <summary>
/// Every policy package (and what-if) against the scenario as given, outcome by outcome on each
/// question's own scale: nothing is averaged across scales. When the comparison names a
/// <see cref="Question.Responder"/>, each package is also met by that actor's best response among
/// its options (policies with <c>response_by</c>), and the outcomes are shown with and without it.
/// After a response, outcomes are measured against the scenario as given plus the responder's best
/// response to no new package (what it does anyway), so a package answers only for the response it
/// provokes. When it names <see cref="Question.Sponsors"/>, each outcome's change is also read as a gain or a
/// loss for them (closer to or further from their stated position). See docs/policies.md.
/// </summary>
internal static class PackageComparison
{
    /// <summary>
    /// The responder weighs its options on the first draws only (the same paired draws every run
    /// starts with), so its choice does not depend on --samples beyond this.
    /// </summary>
    public const int ResponseDraws = 200;

    /// <summary>
    /// Packages are compared on the first min(--samples, this) paired draws. Paired draws cancel
    /// most Monte Carlo noise from a package's change (package and reference see the same
    /// uniforms), so beyond a thousand the changes move far less than the materiality threshold,
    /// while the comparison runs every package, response and what-if and would dominate the run time.
    /// </summary>
    public const int PackageDraws = 1000;

    /// <summary>A change smaller than this share of the scale is not material.</summary>
    public const double Materiality = 0.01;

    public const string NoResponse = "none";

    /// <summary>
    /// Every package and what-if outcome by outcome, and the responder's best response to no new
    /// package (null without a responder).
    /// </summary>
    public static (IReadOnlyList<PackageOutcome> Packages, string? Anyway) Compare(Scenario s, Question comparison, AnalysisRuns runs)
    {
        var questions = s.Questions.Where(q => q.Model is QuestionModel.Bargaining or QuestionModel.WarTrap).ToArray();
        var n = Samples(runs.Options);
        var reference = questions.ToDictionary(q => q.Id, q => runs.Run(s, q, n));
        var war = questions.FirstOrDefault(q => q.Model == QuestionModel.WarTrap);
        var sponsors = SponsorPositions(s, comparison, questions);
        var responses = comparison.Responder is { } r ? s.Policies.Where(p => p.ResponseBy == r).ToArray() : [];

        // What the responder does anyway, with no new package: packages are judged after the
        // responder's answer against this, so a package is not charged for what would happen regardless.
        var anyway = responses.Length == 0 ? null : Options(s, s, comparison.Responder!, responses, questions, runs)[0];
        var settled = anyway is null || anyway.Policy == NoResponse ? s : s.Apply(s.Policy(anyway.Policy));
        var referenceAnswered = questions.ToDictionary(q => q.Id, q => runs.Run(settled, q, n));

        var outcomes = new List<PackageOutcome>();
        foreach (var policy in s.Policies.Where(p => p.ResponseBy is null))
        {
            runs.Cancellation.ThrowIfCancellationRequested();
            var applied = s.Apply(policy);
            var changes = Changes(s, applied, questions, reference, sponsors, runs);
            var warReading = war is null ? null : WarColumn.Read(war, runs.Run(applied, war, n), runs.Calibrated(war));
            if (!policy.IsPackage || anyway is null)
            {
                outcomes.Add(new PackageOutcome(policy.Id, policy.Title, policy.WhatIf, changes, Call(changes), warReading, null, null, null, null, []));
                continue;
            }

            var options = Options(s, applied, comparison.Responder!, responses, questions, runs);
            var best = options[0];
            var answered = best.Policy == NoResponse ? applied : applied.Apply(s.Policy(best.Policy));
            var withResponse = Changes(s, answered, questions, referenceAnswered, sponsors, runs);
            var warWithResponse = war is null ? null : WarColumn.Read(war, runs.Run(answered, war, n), runs.Calibrated(war));
            outcomes.Add(new PackageOutcome(policy.Id, policy.Title, policy.WhatIf, changes, Call(changes), warReading,
                best.Policy, withResponse, Call(withResponse), warWithResponse, options));
        }

        return (outcomes, anyway?.Policy);
    }

    /// <summary>
    /// The responder's options under a package, best first (ties: doing nothing, then file order).
    /// Its objective: over the bargaining questions whose issue it has a stance on,
    /// Σ salience × (1 − |headline − its position| / span), minus the option's cost.
    /// </summary>
    private static IReadOnlyList<ResponseOption> Options(Scenario s, Scenario applied, string responder, IReadOnlyList<Policy> responses,
        IReadOnlyList<Question> questions, AnalysisRuns runs)
    {
        var samples = Math.Min(runs.Options.Samples, ResponseDraws);
        var options = new List<ResponseOption> { new(NoResponse, "no response", Objective(applied, applied, responder, questions, runs, samples), 0) };
        foreach (var r in responses)
        {
            var cost = r.Cost!.Central;
            options.Add(new ResponseOption(r.Id, r.Title, Objective(applied, applied.Apply(r), responder, questions, runs, samples) - cost, cost));
        }

        // A stable sort keeps "none" ahead of an option that is exactly as good.
        return options.Select((o, i) => (o, i)).OrderByDescending(x => x.o.Objective).ThenBy(x => x.i).Select(x => x.o).ToArray();
    }

    private static double Objective(Scenario stances, Scenario outcome, string responder, IReadOnlyList<Question> questions, AnalysisRuns runs, int samples)
    {
        double total = 0;
        foreach (var q in questions.Where(q => q.Model == QuestionModel.Bargaining))
        {
            var issue = stances.Issue(q.Issue!);
            if (issue.StanceOf(responder) is not { } st) continue;
            var span = issue.Scale.Max - issue.Scale.Min;
            var headline = runs.Run(outcome, q, samples).Value;
            total += st.Salience.Central * (1 - Math.Abs(headline - st.Position.Central) / span);
        }

        return total;
    }

    /// <summary>The sponsors' mean stated position on each bargaining question's issue where any of them has a stance.</summary>
    private static Dictionary<string, double> SponsorPositions(Scenario s, Question comparison, IReadOnlyList<Question> questions)
    {
        var positions = new Dictionary<string, double>();
        foreach (var q in questions.Where(q => q.Model == QuestionModel.Bargaining))
        {
            var held = (comparison.Sponsors ?? []).Select(a => s.Issue(q.Issue!).StanceOf(a)).OfType<Stance>().Select(st => st.Position.Central).ToArray();
            if (held.Length > 0) positions[q.Id] = held.Average();
        }

        return positions;
    }

    private static IReadOnlyList<OutcomeChange> Changes(Scenario s, Scenario after, IReadOnlyList<Question> questions,
        IReadOnlyDictionary<string, QuestionRun> reference, IReadOnlyDictionary<string, double> sponsors, AnalysisRuns runs)
    {
        var changes = new List<OutcomeChange>();
        foreach (var q in questions)
        {
            var before = reference[q.Id];
            var value = runs.Run(after, q, Samples(runs.Options)).Value;
            var threshold = Threshold(s, q, before);
            double? gain = sponsors.TryGetValue(q.Id, out var x) ? Math.Abs(before.Value - x) - Math.Abs(value - x) : null;
            var material = Math.Abs(value - before.Value) >= threshold;
            changes.Add(new OutcomeChange(q.Id, value, value - before.Value, gain, material));
        }

        return changes;
    }

    /// <summary>The draws each package is compared on.</summary>
    public static int Samples(AnalysisOptions o) => Math.Min(o.Samples, PackageDraws);

    /// <summary>What counts as a material change: 1% of a bargaining scale, else 1% of the answer's 90% interval width.</summary>
    public static double Threshold(Scenario s, Question q, QuestionRun reference)
    {
        if (q.Model == QuestionModel.Bargaining)
        {
            var scale = s.Issue(q.Issue!).Scale;
            return Materiality * (scale.Max - scale.Min);
        }

        var (lower, upper) = Interval(reference.Draws);
        return Math.Max(Materiality * (upper - lower), 1e-12);
    }

    private static PackageCall Call(IReadOnlyList<OutcomeChange> changes)
    {
        var up = changes.Any(c => c.Material && c.Gain > 0);
        var down = changes.Any(c => c.Material && c.Gain < 0);
        return (up, down) switch
        {
            (true, false) => PackageCall.Helps,
            (true, true) => PackageCall.TradeOff,
            (false, true) => PackageCall.Hurts,
            _ when changes.Any(c => c.Material) => PackageCall.Moves,
            _ => PackageCall.NoMaterialChange,
        };
    }

    /// <summary>
    /// The comparison's answer: how many packages help (move some outcome towards the sponsors and
    /// none away, after the responder's best response), which they are, the trade-offs, and whether
    /// one package dominates every other outcome by outcome. Nothing is called best unless it does.
    /// </summary>
    public static Answer Answer(Scenario s, Question q, IReadOnlyList<PackageOutcome> packages, string? anyway, AnalysisOptions o)
    {
        // A package that changes nothing is the reference itself, not an option to rank.
        var ranked = packages.Where(p => !p.WhatIf && s.Policy(p.Policy) is { Changes.Count: > 0 } or { Includes.Count: > 0 }).ToArray();
        if (ranked.Length == 0) return NotAvailable(q, "packages", "The scenario defines no policy packages to compare.");
        var sponsors = q.Sponsors is { Count: > 0 } sp ? Names(s, sp) : null;
        var after = q.Responder is { } r
            ? $" after {s.Actor(r).Name}'s best response (measured against what {s.Actor(r).Name} does with no new package: {anyway})"
            : "";
        var helping = ranked.Where(p => p.FinalCall == PackageCall.Helps).ToArray();
        string Group(PackageCall call, string label)
        {
            var members = ranked.Where(p => p.FinalCall == call).Select(Describe).ToArray();
            return members.Length == 0 ? "" : $" {label}: {string.Join("; ", members)}.";
        }

        string verdict;
        double value;
        string unit, headline;
        if (sponsors is null)
        {
            var moving = ranked.Where(p => p.Final.Any(c => c.Material)).ToArray();
            value = moving.Length;
            unit = "packages that move at least one outcome materially (no sponsors named, so no gains or losses)";
            verdict = $"Outcome by outcome against the scenario as given ({Samples(o)} paired draws){after}: " + string.Join("; ", ranked.Select(Describe)) + "."
                      + (moving.Length == 0 ? " No package moves any outcome materially." : "");
            headline = $"{moving.Length} of {ranked.Length} packages move an outcome";
        }
        else
        {
            value = helping.Length;
            unit = $"packages that move at least one outcome towards {sponsors} and none away{after}";
            var dominant = helping.FirstOrDefault(p => ranked.All(o => o == p || Dominates(p, o)));
            verdict = $"Outcome by outcome against the scenario as given ({Samples(o)} paired draws){after}, gains measured towards the positions of {sponsors}:"
                      + Group(PackageCall.Helps, "helps") + Group(PackageCall.TradeOff, "trade-offs") + Group(PackageCall.Hurts, "hurts")
                      + Group(PackageCall.NoMaterialChange, "no material change")
                      + (dominant is not null ? $" {dominant.Policy} dominates every other package outcome by outcome."
                          : helping.Length > 0 ? " No package dominates the others on every outcome." : " No package helps without a loss.");
            headline = $"{helping.Length} of {ranked.Length} packages help" + (dominant is not null ? $"; {dominant.Policy} dominates" : "; none dominates");
        }

        var share = q.Expect.IsMetBy(value) ? 1.0 : 0.0;
        return new Answer(q, true, value, unit, value, value, verdict, headline, share >= 0.5, share, [], [], []);
    }

    private static string Names(Scenario s, IReadOnlyList<string> actors)
    {
        var names = actors.Select(a => s.Actor(a).Name).ToArray();
        return names.Length == 1 ? names[0] : string.Join(", ", names[..^1]) + " and " + names[^1];
    }

    /// <summary>At least as good on every outcome with a direction, and better on one, after responses.</summary>
    private static bool Dominates(PackageOutcome a, PackageOutcome b)
    {
        var better = false;
        foreach (var (x, y) in a.Final.Zip(b.Final))
        {
            if (x.Gain is not { } gx || y.Gain is not { } gy) continue;
            if (gx < gy) return false;
            if (gx > gy) better = true;
        }

        return better;
    }

    private static string Describe(PackageOutcome p)
    {
        var moves = p.Final.Where(c => c.Material).Select(c => $"{c.Question} {Signed(c.Change)}").ToArray();
        var response = p.Response is null ? "" : p.Response == NoResponse ? "; the responder does nothing" : $"; answered by {p.Response}";
        return $"{p.Policy} ({(moves.Length == 0 ? "no material change" : string.Join(", ", moves))}{response})";
    }
}

/// <summary>
/// The war column of the policy comparison, in one place. When the first War Trap question has a
/// calibrated answer (<see cref="AnalysisRuns.Calibrated"/>), it reads the probability that the
/// challenger initiates a militarized dispute with force against the target within 12 months (the best
/// open model) with its 90% interval over the paired draws; otherwise the share of draws in which the
/// attack pays (EU &gt; 0), a property of the draws and not a probability or a risk.
/// </summary>
internal static class WarColumn
{
    public static WarReading Read(Question war, QuestionRun run, bool calibrated)
    {
        if (!calibrated)
            return new(war.Id, $"share of draws in which {war.Challenger} attacking {war.Target} pays (EU > 0); not a probability",
                Share(run.Draws, new Expectation(Above: 0)));
        var (low, high) = Interval(run.Draws);
        return new(war.Id, $"probability that {war.Challenger} initiates a militarized dispute with force against {war.Target} within "
                           + $"{DisputeForecast.HorizonMonths} months (90% over the draws)", run.Value, IsProbability: true, low, high);
    }
}
