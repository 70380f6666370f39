using Statecraft.Core.Domain;

namespace Statecraft.Core.Scenarios;

/// <summary>Every rule a scenario must satisfy, checked all at once so a user sees every problem in one go.</summary>
internal static class ScenarioValidator
{
    public static List<Problem> Validate(ScenarioHeader header, IReadOnlyList<Source> sources,
        IReadOnlyList<ScenarioActor> actors, IReadOnlyList<ScenarioIssue> issues, IReadOnlyList<Tie> ties,
        IReadOnlyList<Parameter> parameters, IReadOnlyList<Lever> levers, IReadOnlyList<Policy> policies,
        IReadOnlyList<Question> questions, IReadOnlyList<Forecasting.ResolvableQuestion> forecasts)
    {
        var problems = new List<Problem>();
        void Add(string subject, string field, string message, SourceLocation? where) =>
            problems.Add(where is null ? new Problem(subject, field, message) : new Problem(subject, field, message, where));

        if (string.IsNullOrWhiteSpace(header.Id)) Add("scenario", "id", "expected a non-empty id", header.Where);

        var sourceById = Unique(sources, s => s.Id, s => s.Where, "source", Add);
        var actorById = Unique(actors, a => a.Id, a => a.Where, "actor", Add);
        var issueById = Unique(issues, i => i.Id, i => i.Where, "issue", Add);
        var parameterById = Unique(parameters, p => p.Id, p => p.Where, "parameter", Add);
        var leverById = Unique(levers, l => l.Id, l => l.Where, "lever", Add);
        var policyById = Unique(policies, p => p.Id, p => p.Where, "policy", Add);
        Unique(questions, q => q.Id, q => q.Where, "question", Add);

        foreach (var s in sources)
        {
            if (s.Kind == SourceKind.Claim && (s.FirstLine <= 0 || s.LastLine < s.FirstLine))
                Add(s.Id, "lines", "expected a claim's line span as FIRST-LAST with 1 <= FIRST <= LAST", s.Where);
            if (s.Kind == SourceKind.Judgement && string.IsNullOrWhiteSpace(s.Text))
                Add(s.Id, "reasoning", "a judgement must state its reasoning", s.Where);
            if (s.Date is { } d && d > header.Date)
                Add(s.Id, "date", $"dated {d:yyyy-MM-dd}, after the scenario date {header.Date:yyyy-MM-dd}", s.Where);
        }

        void CheckSource(string subject, string field, SourceRef source, SourceLocation? where)
        {
            if (!sourceById.TryGetValue(source.SourceId, out var s))
            {
                Add(subject, field, $"unknown source '{source.SourceId}'", where);
                return;
            }

            if (s.Kind == SourceKind.Dataset && (source.Field is null || source.Year is null))
                Add(subject, field, $"source '{s.Id}' is a dataset: name its field and year", where);
            if (source.Year is { } y && y > header.Date.Year)
                Add(subject, field, $"year {y} is after the scenario date {header.Date:yyyy-MM-dd}", where);
        }

        void CheckValue(string subject, string field, SourcedValue v, double min, double max, string expected)
        {
            if (v.Experts is { } experts)
            {
                CheckExperts(subject, field, v, experts, min, max, expected);
                return;
            }

            var e = v.Estimate;
            if (v.Distribution is { } d)
            {
                if (d.Support.Min < min || d.Support.Max > max)
                    Add(subject, field, $"expected {expected}, but {d} ranges over {d.Support}; truncate it with min/max", v.Where);
            }
            else if (!e.IsValid)
                Add(subject, field, $"expected finite numbers with low <= value <= high, found {e}", v.Where);
            else if (e.Low < min || e.High > max)
                Add(subject, field, $"expected {expected}, found {e}", v.Where);
            CheckSource(subject, field, v.Source, v.Where);
        }

        // Several experts' judgements of one number: each is a number in its own right, from its own
        // judgement source (one entry per expert).
        void CheckExperts(string subject, string field, SourcedValue v, IReadOnlyList<SourcedValue> experts, double min, double max, string expected)
        {
            if (experts.Count < 2) Add(subject, field, $"experts: expected two or more judgements, found {experts.Count} (write one as a plain number)", v.Where);
            var seen = new HashSet<string>();
            foreach (var x in experts)
            {
                if (x.Experts is not null) Add(subject, field, "experts: an expert's judgement cannot itself list experts", x.Where);
                else CheckValue(subject, field, x, min, max, expected);
                if (!seen.Add(x.Source.SourceId)) Add(subject, field, $"experts: '{x.Source.SourceId}' judges this number twice", x.Where);
                if (sourceById.TryGetValue(x.Source.SourceId, out var s) && s.Kind != SourceKind.Judgement)
                    Add(subject, field, $"experts: '{s.Id}' is a {s.Kind.ToString().ToLowerInvariant()}; each expert's source must be a judgement with its reasoning", x.Where);
            }
        }

        // War Trap divides by the sum of two sides' capabilities: two of its states without any give 0/0.
        if (questions.Any(q => q.Model == QuestionModel.WarTrap))
            foreach (var a in actors.Where(a => a.Kind != ActorKind.Faction && a.Attributes.ContainsKey("lat") && a.Attributes.ContainsKey("lon")
                                                && (a.Capability.Distribution?.Support.Min ?? a.Capability.Estimate.Low) <= 0).Skip(1))
                Add(a.Id, "capability", $"expected a number > 0: at most one state in a War Trap question may have no capability, found {a.Capability.Estimate}", a.Capability.Where);

        var lacking = new HashSet<(string, string)>(); // War Trap attributes a dispute question needs, reported once each
        foreach (var a in actors)
        {
            CheckValue(a.Id, "capability", a.Capability, 0, double.PositiveInfinity, Capability.Expected);
            foreach (var (k, v) in a.Attributes)
                CheckValue(a.Id, k, v, double.NegativeInfinity, double.PositiveInfinity, "a finite number");
            CheckWarTrapAttributes(a);
            if (a.Kind == ActorKind.Faction)
            {
                if (a.Country is null) Add(a.Id, "country", "a faction must name the state it belongs to", a.Where);
                else if (!actorById.TryGetValue(a.Country, out var c)) Add(a.Id, "country", $"unknown actor '{a.Country}'", a.Where);
                else if (c.Kind != ActorKind.State) Add(a.Id, "country", $"'{a.Country}' is not a state", a.Where);
            }
        }

        foreach (var i in issues)
        {
            var sc = i.Scale;
            if (!(double.IsFinite(sc.Min) && double.IsFinite(sc.Max) && sc.Min < sc.Max))
                Add(i.Id, "scale", $"expected finite min < max, found [{sc.Min}, {sc.Max}]", i.Where);
            if (i.Stances.Count < 2) Add(i.Id, "stances", $"expected at least two actors, found {i.Stances.Count}", i.Where);
            var seen = new HashSet<string>();
            foreach (var s in i.Stances)
            {
                var subject = $"{i.Id}/{s.ActorId}";
                if (!actorById.ContainsKey(s.ActorId)) Add(subject, "actor", $"unknown actor '{s.ActorId}'", s.Where);
                if (!seen.Add(s.ActorId)) Add(subject, "actor", "duplicate stance for this actor", s.Where);
                CheckValue(subject, "position", s.Position, sc.Min, sc.Max, $"a position within the scale [{sc.Min:R}, {sc.Max:R}]");
                CheckValue(subject, "salience", s.Salience, 0, 1, Salience.Expected);
                if (s.Influence is { } influence)
                    CheckValue(subject, "influence", influence, 0, double.PositiveInfinity, "an influence >= 0 (the actor's weight on this issue)");
                else if (!i.InfluenceFromCapability)
                    Add(subject, "influence", "missing: give the actor's weight on this issue as influence: {value, low, high, source} "
                                              + "(separate from military capability), or declare influence: capability on the issue if it is decided by force", s.Where);
            }

            if (i.Stances.Count > 0 && i.Stances.All(s => s.Influence is { Estimate.High: 0 }))
                Add(i.Id, "influence", "every stance has influence 0: at least one actor must weigh on the issue", i.Where);
        }

        foreach (var t in ties)
        {
            var subject = $"tie {t.Kind} {t.From}-{t.To}";
            if (!actorById.ContainsKey(t.From)) Add(subject, "from", $"unknown actor '{t.From}'", t.Where);
            if (!actorById.ContainsKey(t.To)) Add(subject, "to", $"unknown actor '{t.To}'", t.Where);
            if (t.From == t.To) Add(subject, "to", "a tie needs two different actors", t.Where);
            if (t.Since is { } s && t.Until is { } u && u < s) Add(subject, "until", "ends before it starts", t.Where);
            if (t.Since is { } s2 && s2 > header.Date)
                Add(subject, "since", $"starts {s2:yyyy-MM-dd}, after the scenario date {header.Date:yyyy-MM-dd}", t.Where);
            CheckSource(subject, "source", t.Source, t.Where);
            if (t.Commitment is not null && !parameterById.ContainsKey(t.Commitment))
                Add(subject, "commitment", $"unknown parameter '{t.Commitment}'", t.Where);
        }

        foreach (var p in parameters)
        {
            var (min, max) = Scenario.BoundsOfUnit(p.Unit);
            CheckValue(p.Id, "value", p.Value, min, max, max == 1 ? "a number in [0, 1]" : "a number >= 0");
        }

        foreach (var l in levers)
        {
            if (!actorById.ContainsKey(l.Actor)) Add(l.Id, "actor", $"unknown actor '{l.Actor}'", l.Where);
            if (!actorById.ContainsKey(l.Target)) Add(l.Id, "target", $"unknown actor '{l.Target}'", l.Where);
            foreach (var (k, v) in l.Inputs)
                CheckValue(l.Id, k, v, double.NegativeInfinity, double.PositiveInfinity, "a finite number");
        }

        void CheckClaims(string subject, IReadOnlyList<string> claims, SourceLocation? where)
        {
            foreach (var c in claims)
                if (!sourceById.TryGetValue(c, out var s)) Add(subject, "claims", $"unknown claim '{c}'", where);
                else if (s.Kind != SourceKind.Claim) Add(subject, "claims", $"'{c}' is a {s.Kind.ToString().ToLowerInvariant()}, not a claim", where);
        }

        foreach (var p in policies)
        {
            CheckClaims(p.Id, p.Claims, p.Where);
            if (p.ResponseBy is not null)
            {
                if (!actorById.ContainsKey(p.ResponseBy)) Add(p.Id, "response_by", $"unknown actor '{p.ResponseBy}'", p.Where);
                if (p.WhatIf) Add(p.Id, "what_if", "a response is an option of its actor, not a what-if: drop what_if", p.Where);
                if (p.Cost is null) Add(p.Id, "cost", "a response needs its cost to the actor: cost: {value: X, low: L, high: H, source: ID}", p.Where);
                else CheckValue(p.Id, "cost", p.Cost, 0, double.PositiveInfinity, "a cost >= 0");
            }
            else if (p.Cost is not null) Add(p.Id, "cost", "only a response (response_by: ACTOR) has a cost", p.Where);
            foreach (var inc in p.Includes)
                if (!policyById.ContainsKey(inc)) Add(p.Id, "includes", $"unknown policy '{inc}'", p.Where);
            foreach (var c in p.Changes) CheckChange(p.Id, c);
        }

        foreach (var p in policies)
            if (IncludesItself(p.Id, p.Id, policyById, [])) Add(p.Id, "includes", "a policy cannot include itself, directly or through others", p.Where);

        void CheckChange(string policy, Change c)
        {
            var t = c.Target;
            var subject = $"{policy}: {t}";
            var targets = new[] { t.Issue, t.Parameter, t.Lever }.Count(x => x is not null);
            if (targets > 1 || (targets == 0 && t.Actor is null))
            {
                Add(policy, "change", "a change names exactly one of issue (with actor), actor, parameter or lever", c.Where);
                return;
            }

            if (!c.Amount.IsValid) Add(subject, "amount", $"expected finite numbers with low <= value <= high, found {c.Amount}", c.Where);
            if (c.Operation != ChangeOperation.Set && TargetValue(t) is { GivenAsDistribution: true })
                Add(subject, c.Operation.ToString().ToLowerInvariant(), "the input is given as a distribution: a change to it must use set", c.Where);
            CheckSource(subject, "source", c.Source, c.Where);
            if (t.Issue is not null)
            {
                if (!issueById.TryGetValue(t.Issue, out var issue)) Add(subject, "issue", $"unknown issue '{t.Issue}'", c.Where);
                else if (t.Actor is null || issue.StanceOf(t.Actor) is not { } stance)
                    Add(subject, "actor", $"actor '{t.Actor}' has no stance on issue '{t.Issue}'", c.Where);
                else if (t.Field == "influence" && stance.Influence is null)
                    Add(subject, "field", $"the stance weighs by capability (issue '{t.Issue}' declares influence: capability): change the actor's capability", c.Where);
                if (t.Field is not ("position" or "salience" or "influence"))
                    Add(subject, "field", $"expected position, salience or influence, found '{t.Field}'", c.Where);
            }
            else if (t.Parameter is not null)
            {
                if (!parameterById.ContainsKey(t.Parameter)) Add(subject, "parameter", $"unknown parameter '{t.Parameter}'", c.Where);
            }
            else if (t.Lever is not null)
            {
                if (!leverById.TryGetValue(t.Lever, out var lever)) Add(subject, "lever", $"unknown lever '{t.Lever}'", c.Where);
                else if (t.Field is null || !lever.Inputs.ContainsKey(t.Field)) Add(subject, "field", $"lever '{t.Lever}' has no input '{t.Field}'", c.Where);
            }
            else if (!actorById.TryGetValue(t.Actor!, out var actor)) Add(subject, "actor", $"unknown actor '{t.Actor}'", c.Where);
            else if (t.Field != "capability" && (t.Field is null || !actor.Attributes.ContainsKey(t.Field)))
                Add(subject, "field", $"actor '{t.Actor}' has no field '{t.Field}'", c.Where);
        }

        SourcedValue? TargetValue(ChangeTarget t)
        {
            if (t.Issue is not null)
                return issueById.TryGetValue(t.Issue, out var i) && t.Actor is not null && i.StanceOf(t.Actor) is { } st
                    ? t.Field switch { "position" => st.Position, "salience" => st.Salience, "influence" => st.Influence, _ => null }
                    : null;
            if (t.Parameter is not null) return parameterById.TryGetValue(t.Parameter, out var p) ? p.Value : null;
            if (t.Lever is not null)
                return leverById.TryGetValue(t.Lever, out var l) && t.Field is not null && l.Inputs.TryGetValue(t.Field, out var v) ? v : null;
            if (t.Actor is null || !actorById.TryGetValue(t.Actor, out var a)) return null;
            return t.Field == "capability" ? a.Capability : t.Field is not null && a.Attributes.TryGetValue(t.Field, out var av) ? av : null;
        }

        var questionById = questions.GroupBy(q => q.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var q in questions)
        {
            CheckClaims(q.Id, q.Claims, q.Where);
            foreach (var t in q.ClaimTests ?? [])
            {
                var subject = $"{q.Id}/{t.Claim}";
                var ways = (t.Expect is null ? 0 : 1) + (t.Compare is null ? 0 : 1) + (t.NotTested is null ? 0 : 1);
                if (ways != 1) Add(subject, "claims", "give exactly one of expect, compare or not_tested", t.Where);
                if (string.IsNullOrWhiteSpace(t.Proposition)) Add(subject, "proposition", "state the proposition the model tests, in words", t.Where);
                if (t.NotTested is not null && string.IsNullOrWhiteSpace(t.NotTested)) Add(subject, "not_tested", "say why the model cannot test the claim", t.Where);
                if (t.Expect is { Above: null, Below: null }) Add(subject, "expect", "state above and/or below", t.Where);
                if (t.Compare is not { } c) continue;
                if (!policyById.ContainsKey(c.Assume)) Add(subject, "compare.assume", $"unknown policy '{c.Assume}'", t.Where);
                if (q.Model == QuestionModel.PolicyComparison)
                {
                    if (c.Question is null) Add(subject, "compare.question", "on a policy comparison, name the question the package should move", t.Where);
                    else if (!questionById.TryGetValue(c.Question, out var target)) Add(subject, "compare.question", $"unknown question '{c.Question}'", t.Where);
                    else if (target.Model is not (QuestionModel.Bargaining or QuestionModel.WarTrap))
                        Add(subject, "compare.question", $"the policy comparison runs bargaining and War Trap questions; '{c.Question}' is neither", t.Where);
                }
                else if (c.Question is not null) Add(subject, "compare.question", "only a policy comparison names another question; this one compares its own answer", t.Where);
            }

            foreach (var dup in (q.ClaimTests ?? []).GroupBy(t => t.Claim).Where(g => g.Count() > 1))
                Add(q.Id, "claims", $"claim '{dup.Key}' is listed twice: one claim, one test", dup.Skip(1).First().Where ?? q.Where);
            if (q.Responder is not null)
            {
                if (!actorById.ContainsKey(q.Responder)) Add(q.Id, "responder", $"unknown actor '{q.Responder}'", q.Where);
                else if (!policies.Any(p => p.ResponseBy == q.Responder))
                    Add(q.Id, "responder", $"no policy is a response of '{q.Responder}' (response_by: {q.Responder})", q.Where);
            }

            foreach (var sponsor in q.Sponsors ?? [])
                if (!actorById.ContainsKey(sponsor)) Add(q.Id, "sponsors", $"unknown actor '{sponsor}'", q.Where);
            if (q.Model != QuestionModel.PolicyComparison && (q.Responder is not null || q.Sponsors is not null))
                Add(q.Id, q.Responder is not null ? "responder" : "sponsors", "only a policy comparison has sponsors and a responder", q.Where);
            if (q.Expect.Above is null && q.Expect.Below is null)
                Add(q.Id, "expect", "state what the source expects (above and/or below a value)", q.Where);
            void Need(string field, string? id, Func<string, bool> exists, string what)
            {
                if (id is null) Add(q.Id, field, $"a {q.Model} question needs '{field}'", q.Where);
                else if (!exists(id)) Add(q.Id, field, $"unknown {what} '{id}'", q.Where);
            }

            switch (q.Model)
            {
                case QuestionModel.Bargaining:
                    Need("issue", q.Issue, issueById.ContainsKey, "issue");
                    break;
                case QuestionModel.WarTrap:
                    Need("challenger", q.Challenger, actorById.ContainsKey, "actor");
                    Need("target", q.Target, actorById.ContainsKey, "actor");
                    foreach (var (field, id) in new[] { ("challenger", q.Challenger), ("target", q.Target), ("backer", q.Backer) })
                        if (id is not null && actorById.TryGetValue(id, out var a)
                            && (a.Kind == ActorKind.Faction || !a.Attributes.ContainsKey("lat") || !a.Attributes.ContainsKey("lon")))
                            Add(q.Id, field, $"War Trap needs a state or bloc with lat and lon attributes; '{id}' is not one", q.Where);
                    if (q.Challenger is not null && q.Challenger == q.Target) Add(q.Id, "target", "a state cannot attack itself", q.Where);
                    break;
                case QuestionModel.Coercion:
                    Need("lever", q.Lever, leverById.ContainsKey, "lever");
                    if (q.Lever is not null && leverById.TryGetValue(q.Lever, out var lever))
                        foreach (var message in Analysis.LeverCases.Problems(lever)) Add(lever.Id, "inputs", message, lever.Where);
                    break;
            }

            if (q.Assume is not null && !policyById.ContainsKey(q.Assume)) Add(q.Id, "assume", $"unknown policy '{q.Assume}'", q.Where);
            if (q.Backer is not null && !actorById.ContainsKey(q.Backer)) Add(q.Id, "backer", $"unknown actor '{q.Backer}'", q.Where);
            CheckDisputeFields(q);
            if ((q.Backer is null) != (q.BackerCommitment is null))
                Add(q.Id, "backer_commitment", "give backer and backer_commitment together", q.Where);
            else if (q.BackerCommitment is not null && !parameterById.ContainsKey(q.BackerCommitment))
                Add(q.Id, "backer_commitment", $"unknown parameter '{q.BackerCommitment}'", q.Where);
        }

        Forecasting.ResolvableQuestionRules.Validate(forecasts, header, sourceById, questions, issues, CheckSource, Add);
        return problems;

        // Capability tied down elsewhere reduces the military components of CINC only when the actor gives
        // the six NMC component shares (all six or none); the attributes War Trap's relevant region and
        // the dispute model read must hold the values they can take.
        void CheckWarTrapAttributes(ScenarioActor a)
        {
            var given = Analysis.QuestionModels.CincComponents.Where(a.Attributes.ContainsKey).ToArray();
            if (given.Length is > 0 and < 6)
                Add(a.Id, given[0], $"give all six COW NMC component shares or none; missing {string.Join(", ", Analysis.QuestionModels.CincComponents.Except(given))}", a.Where);

            foreach (var c in Analysis.QuestionModels.CincComponents)
                if (a.Attributes.TryGetValue(c, out var v)) CheckValue(a.Id, c, v, 0, 1, "a share of the system total in [0, 1]");
            if (a.Attributes.TryGetValue("major_power", out var major) && !(major.Estimate.IsPoint && major.Central is 0 or 1))
                Add(a.Id, "major_power", $"expected 0 or 1, found {major.Estimate}", major.Where ?? a.Where);
            if (a.Attributes.TryGetValue("home_region", out var region) && !(region.Estimate.IsPoint && region.Central is 1 or 2 or 3 or 4 or 5))
                Add(a.Id, "home_region", $"expected a COW region code 1-5 (1 Europe, 2 Middle East, 3 Africa, 4 Asia, 5 Americas), found {region.Estimate}", region.Where ?? a.Where);
        }

        // A War Trap question that sources its dyad (contiguity and peace years, as parameters) gets the
        // calibrated dispute probability; the model then reads major_power and home_region of every War Trap actor.
        void CheckDisputeFields(Question q)
        {
            if (q.Contiguity is null && q.PeaceYears is null) return;
            if (q.Model != QuestionModel.WarTrap)
            {
                Add(q.Id, q.Contiguity is not null ? "contiguity" : "peace_years", "only war-trap questions take contiguity and peace_years", q.Where);
                return;
            }

            if ((q.Contiguity is null) != (q.PeaceYears is null))
            {
                Add(q.Id, q.Contiguity is null ? "contiguity" : "peace_years", "give contiguity and peace_years together", q.Where);
                return;
            }

            if (!parameterById.TryGetValue(q.Contiguity!, out var contiguity)) Add(q.Id, "contiguity", $"unknown parameter '{q.Contiguity}'", q.Where);
            else if (!(contiguity.Value.Estimate.IsPoint && contiguity.Value.Central is 0 or 1 or 2 or 3 or 4 or 5))
                Add(q.Id, "contiguity", $"parameter '{q.Contiguity}' must be a COW contiguity type 0-5 (a single value), found {contiguity.Value.Estimate}", q.Where);
            if (!parameterById.TryGetValue(q.PeaceYears!, out var peace)) Add(q.Id, "peace_years", $"unknown parameter '{q.PeaceYears}'", q.Where);
            else if (peace.Value.Estimate.Low < 0) Add(q.Id, "peace_years", $"parameter '{q.PeaceYears}' must be years >= 0, found {peace.Value.Estimate}", q.Where);
            foreach (var a in actors.Where(a => a.Kind != ActorKind.Faction && a.Attributes.ContainsKey("lat") && a.Attributes.ContainsKey("lon")))
                foreach (var needed in new[] { "major_power", "home_region" })
                    if (!a.Attributes.ContainsKey(needed) && lacking.Add((a.Id, needed)))
                        Add(a.Id, needed, $"question '{q.Id}' asks for a dispute probability, which needs {needed} on every War Trap state", a.Where);
        }
    }

    private static bool IncludesItself(string root, string at, Dictionary<string, Policy> byId, HashSet<string> visited)
    {
        if (!byId.TryGetValue(at, out var p) || !visited.Add(at)) return false;
        foreach (var inc in p.Includes)
            if (inc == root || IncludesItself(root, inc, byId, visited)) return true;
        return false;
    }

    private static Dictionary<string, T> Unique<T>(IReadOnlyList<T> items, Func<T, string> id, Func<T, SourceLocation?> where,
        string what, Action<string, string, string, SourceLocation?> add)
    {
        var byId = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var key = id(item);
            if (string.IsNullOrWhiteSpace(key)) add(what, "id", "expected a non-empty id", where(item));
            else if (!byId.TryAdd(key, item)) add(key, "id", $"duplicate {what} id", where(item));
        }

        return byId;
    }
}
