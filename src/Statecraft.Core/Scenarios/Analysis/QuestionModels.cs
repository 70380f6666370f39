using Statecraft.Core.Bargaining;
using Statecraft.Core.Conflict;
using Statecraft.Core.Domain;
using Statecraft.Core.DyadYears;
using Statecraft.Core.Uncertainty;
using Statecraft.Core.Validation;
using WarTie = Statecraft.Core.Conflict.TieKind;

namespace Statecraft.Core.Scenarios.Analysis;

/// <summary>
/// Each question type as a pure function of one drawn scenario (the values at the scenario's input
/// paths), for the uncertainty engine: how a draw becomes a bargaining <see cref="Issue"/> (which the
/// ensemble's members read, see <see cref="EnsembleForecast"/>) and War Trap (Conflict).
/// </summary>
internal static class QuestionModels
{
    // ---- Bargaining ----

    /// <summary>
    /// The inputs a bargaining issue reads, per stance: its weight on the issue (the stance's
    /// influence, or its actor's capability on an issue decided by force), position and salience.
    /// With <see cref="RealizeIssue"/> the one place a draw becomes an <see cref="Issue"/>.
    /// </summary>
    public static IReadOnlyList<string> BargainingPaths(Scenario s, string issueId)
    {
        var issue = s.Issue(issueId);
        var paths = new List<string>();
        foreach (var st in issue.Stances)
        {
            paths.Add(issue.InfluencePath(st));
            paths.Add($"issue/{issue.Id}/{st.ActorId}/position");
            paths.Add($"issue/{issue.Id}/{st.ActorId}/salience");
        }

        return paths;
    }

    /// <summary>The issue as the bargaining models see it in one draw: each stance's influence is the actor's weight.</summary>
    public static Issue RealizeIssue(Scenario s, string issueId, ScenarioDraw draw)
    {
        var issue = s.Issue(issueId);
        var actors = issue.Stances.Select(st => new Actor(
            st.ActorId,
            new Capability(draw[issue.InfluencePath(st)]),
            new Position(draw[$"issue/{issue.Id}/{st.ActorId}/position"]),
            new Salience(draw[$"issue/{issue.Id}/{st.ActorId}/salience"]))).ToArray();
        return Issue.Create(issue.Id, issue.Scale, actors).Value;
    }

    // ---- War Trap ----

    /// <summary>The states and blocs War Trap sees: every non-faction actor with capital coordinates.</summary>
    public static IReadOnlyList<ScenarioActor> WarTrapStates(Scenario s) =>
        s.Actors.Where(a => a.Kind != ActorKind.Faction && a.Attributes.ContainsKey("lat") && a.Attributes.ContainsKey("lon")).ToArray();

    public static IReadOnlyList<string> WarTrapPaths(Scenario s, Question q)
    {
        var paths = new List<string>();
        foreach (var a in WarTrapStates(s))
        {
            paths.Add($"actor/{a.Id}/capability");
            foreach (var attr in new[] { "committed_elsewhere", "effectiveness", "lat", "lon" })
                if (a.Attributes.ContainsKey(attr)) paths.Add($"actor/{a.Id}/{attr}");
        }

        var parameters = s.TiesInForce.Where(t => t.Commitment is not null).Select(t => t.Commitment!).ToList();
        if (q.BackerCommitment is not null) parameters.Add(q.BackerCommitment);
        paths.AddRange(parameters.Distinct().Select(p => $"parameter/{p}"));
        return paths;
    }

    /// <summary>
    /// EU of the challenger attacking the target. Capability = CINC × effectiveness (if stated);
    /// ties in force give the alliance portfolios; ties naming a commitment parameter give third-party
    /// commitments. With <paramref name="withBacker"/> the question's backer gets a defence tie to the
    /// challenger and commits by the backer-commitment parameter; without, the backer has no tie to it.
    /// <paramref name="spec"/> sets the similarity measure and the third-party rule (default: τ_b,
    /// every War Trap state a third party).
    /// </summary>
    public static ScenarioModel WarTrap(Scenario s, Question q, bool withBacker, ConflictSpec? spec = null)
    {
        var region = WarTrapRegion(s, q, withBacker);
        var measure = spec?.Measure ?? SimilarityMeasure.TauB;
        // Regions and major-power flags are single values, so the third parties are the same in every
        // draw: found once (a race between draws only computes the same mask twice).
        bool[]? thirdParties = null;
        return draw =>
        {
            var model = region(draw, measure);
            int i = model.IndexOf(q.Challenger!), j = model.IndexOf(q.Target!);
            if (spec is null) return model.ExpectedUtility(i, j);
            var mask = thirdParties ??= ThirdParties(s, model, i, j, spec.ThirdParties);
            var (bilateral, third) = model.ExpectedUtilityParts(i, j, mask);
            return bilateral + third;
        };
    }

    /// <summary>
    /// The War Trap model of a question's region in one draw, with alliance portfolios compared by
    /// <c>measure</c>. Capability committed elsewhere (a share of the state's military) removes that
    /// share of the military components of CINC only, military expenditure and personnel, when the
    /// actor gives the six NMC component shares (<see cref="CincComponents"/>); without them it scales
    /// the whole index (the built-in scenario gives them for Russia, the one actor with such a share).
    /// </summary>
    public static Func<ScenarioDraw, SimilarityMeasure, WarTrapModel> WarTrapRegion(Scenario s, Question q, bool withBacker)
    {
        var states = WarTrapStates(s);
        var ids = states.Select(a => a.Id).ToHashSet();
        var ties = new Dictionary<(string, string), WarTie>();
        void Tie(string a, string b, WarTie kind)
        {
            var key = string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
            if (!ties.TryGetValue(key, out var old) || kind < old) ties[key] = kind;
        }

        var backer = q.Backer;
        foreach (var t in s.TiesInForce)
        {
            if (!ids.Contains(t.From) || !ids.Contains(t.To)) continue;
            if (backer is not null && t.Links(backer, q.Challenger!)) continue;
            var kind = WarTieOf(t.Kind);
            if (kind != WarTie.None) Tie(t.From, t.To, kind);
        }

        if (withBacker && backer is not null) Tie(backer, q.Challenger!, WarTie.Defence);
        var allianceTies = ties.Select(kv => new AllianceTie(kv.Key.Item1, kv.Key.Item2, kv.Value)).ToArray();
        var commitmentTies = s.TiesInForce.Where(t => t.Commitment is not null && ids.Contains(t.From) && ids.Contains(t.To)).ToArray();
        var military = states.Select(MilitaryShareOfCinc).ToArray();

        // The input names each draw reads, spelled once here rather than in every draw.
        var capability = states.Select(CapabilityInputs).ToArray();
        var (lat, lon) = (states.Select(a => $"actor/{a.Id}/lat").ToArray(), states.Select(a => $"actor/{a.Id}/lon").ToArray());
        var committing = commitmentTies
            .Where(t => !(backer is not null && t.Links(backer, q.Challenger!)))
            .Select(t => (t.From, t.To, Path: $"parameter/{t.Commitment}"))
            .Concat(withBacker && backer is not null ? [(backer, q.Challenger!, $"parameter/{q.BackerCommitment}")] : [])
            .ToArray();

        return (draw, measure) =>
        {
            var warStates = new WarTrapState[states.Count];
            for (var k = 0; k < warStates.Length; k++)
                warStates[k] = new WarTrapState(states[k].Id, AvailableCapability(capability[k], draw, military[k]));
            var distances = new List<StatePair>(states.Count * (states.Count - 1) / 2);
            for (var i = 0; i < states.Count; i++)
                for (var j = i + 1; j < states.Count; j++)
                    distances.Add(new StatePair(states[i].Id, states[j].Id, GreatCircle.Miles(draw[lat[i]], draw[lon[i]], draw[lat[j]], draw[lon[j]])));
            var commitments = new List<ThirdPartyCommitment>(committing.Length);
            foreach (var (from, to, path) in committing) commitments.Add(new ThirdPartyCommitment(from, to, draw[path]));
            return WarTrapModel.Create(new WarTrapSpec(warStates, distances, allianceTies, null, commitments), new WarTrapOptions(Measure: measure)).Value;
        };
    }

    /// <summary>
    /// The capability an actor brings in one draw: CINC × effectiveness (if stated) × (1 − committed
    /// elsewhere × the military part of CINC, <paramref name="military"/>).
    /// </summary>
    public static double AvailableCapability(ScenarioActor a, ScenarioDraw draw, double military) =>
        AvailableCapability(CapabilityInputs(a), draw, military);

    /// <summary>The inputs an actor's available capability reads: capability, and effectiveness and committed-elsewhere when stated.</summary>
    public static (string Capability, string? Effectiveness, string? Elsewhere) CapabilityInputs(ScenarioActor a) => (
        $"actor/{a.Id}/capability",
        a.Attributes.ContainsKey("effectiveness") ? $"actor/{a.Id}/effectiveness" : null,
        a.Attributes.ContainsKey("committed_elsewhere") ? $"actor/{a.Id}/committed_elsewhere" : null);

    /// <summary><see cref="AvailableCapability(ScenarioActor, ScenarioDraw, double)"/> with its input names spelled once.</summary>
    public static double AvailableCapability((string Capability, string? Effectiveness, string? Elsewhere) inputs, ScenarioDraw draw, double military)
    {
        var capability = draw[inputs.Capability] * (inputs.Effectiveness is { } e ? draw[e] : 1);
        return inputs.Elsewhere is { } c ? capability * (1 - draw[c] * military) : capability;
    }

    /// <summary>The six COW NMC component shares an actor gives as attributes (share of the system total each).</summary>
    public static readonly IReadOnlyList<string> CincComponents = ["milex_share", "milper_share", "irst_share", "pec_share", "tpop_share", "upop_share"];

    /// <summary>
    /// The part of an actor's CINC that is military (expenditure and personnel: 2 of its 6 components),
    /// from its component shares; 1 when it gives none (then a committed share scales all of CINC).
    /// </summary>
    public static double MilitaryShareOfCinc(ScenarioActor a)
    {
        if (!CincComponents.All(a.Attributes.ContainsKey)) return 1;
        var total = CincComponents.Sum(c => a.Attributes[c].Central);
        return total > 0 ? (a.Attributes["milex_share"].Central + a.Attributes["milper_share"].Central) / total : 1;
    }

    /// <summary>
    /// Which War Trap states count as third parties in EU_i(j) under <paramref name="rule"/>: their
    /// <c>home_region</c> (1 Europe, 2 Middle East, 3 Africa, 4 Asia, 5 Americas) and <c>major_power</c>
    /// (0/1) attributes, as the dyad-year builder uses COW regions and major powers (the relevant
    /// region of the pair: <see cref="Regions.RelevantRegion"/>).
    /// </summary>
    public static bool[] ThirdParties(Scenario s, WarTrapModel model, int i, int j, ThirdPartyRule rule)
    {
        var mask = new bool[model.States.Count];
        if (rule == ThirdPartyRule.All)
        {
            Array.Fill(mask, true);
            return mask;
        }

        var attributes = model.States.Select(id => s.Actor(id).Attributes).ToArray();
        var region = attributes.Select(a => Regions.FromCode((int)a["home_region"].Central)).ToArray();
        var major = attributes.Select(a => a["major_power"].Central == 1).ToArray();
        var relevant = Regions.RelevantRegion(region[i], region[j], major[i]);
        for (var k = 0; k < mask.Length; k++)
            mask[k] = major[k] || (rule == ThirdPartyRule.Region ? region[k] == relevant : region[k] == region[i] || region[k] == region[j]);
        return mask;
    }

    /// <summary>The War Trap tie a scenario tie counts as (defence, non-aggression as neutrality, entente; others none).</summary>
    public static WarTie WarTieOf(TieKind kind) => kind switch
    {
        TieKind.Defence => WarTie.Defence,
        TieKind.NonAggression => WarTie.Neutrality,
        TieKind.Entente => WarTie.Entente,
        _ => WarTie.None,
    };
}

/// <summary>
/// A lever as the coercion model's case: inputs named <c>BEARER.CHANNEL.PARAMETER</c> (bearer
/// <c>sender</c> or <c>target</c>, channel as the coercion model names it) or a bare
/// <c>PARAMETER</c> shared by every channel that needs it, plus <c>sender_gdp</c> and
/// <c>target_gdp</c>. A channel exists when at least one of its own inputs is given.
/// </summary>
internal static class LeverCases
{
    /// <summary>The input a lever may carry for the pressure it puts on the target's government: a stated judgement in [0, 1], reported, not costed.</summary>
    public const string PoliticalPressure = "political_pressure";

    /// <summary>
    /// The channels each economic lever kind must state, as the source article argues them
    /// (docs/scenario-format.md): alternatives separated by '|'. Other kinds have no cost model.
    /// </summary>
    public static readonly IReadOnlyDictionary<LeverKind, string[]> RequiredChannels = new Dictionary<LeverKind, string[]>
    {
        [LeverKind.DeportMigrants] = ["target.remittances", "target.returning_workers", "sender.vacancies|sender.labour_supply"],
        [LeverKind.BanImports] = ["target.export_revenue", "sender.consumer_prices"],
        [LeverKind.CutTransit] = ["sender.transit_rents", "target.export_revenue"],
    };

    public static IReadOnlyList<string> Paths(Lever lever) => lever.Inputs.Keys.Select(k => $"lever/{lever.Id}/{k}").ToArray();

    /// <summary>Every problem with the lever's inputs, so a scenario cannot carry a lever the model cannot read.</summary>
    public static IReadOnlyList<string> Problems(Lever lever)
    {
        var problems = new List<string>();
        if (!RequiredChannels.TryGetValue(lever.Kind, out var required))
            problems.Add($"lever kind '{Kebab(lever.Kind)}' has no cost model: a coercion question needs a deport-migrants, ban-imports or cut-transit lever");
        else
        {
            var given = ChannelKeys(lever).Select(c => $"{c.Bearer}.{Coercion.Channels.FileName(c.Kind)}").ToHashSet();
            foreach (var need in required.Where(r => !r.Split('|').Any(given.Contains)))
                problems.Add($"a {Kebab(lever.Kind)} lever needs the channel {need.Replace("|", " or ", StringComparison.Ordinal)}");
        }

        if (lever.Inputs.TryGetValue(PoliticalPressure, out var pressure) && !(pressure.Estimate.Low >= 0 && pressure.Estimate.High <= 1))
            problems.Add($"input '{PoliticalPressure}': expected a judgement in [0, 1] (0 none, 1 threatens the target's government), found {pressure.Estimate}");
        foreach (var gdp in new[] { "sender_gdp", "target_gdp" })
            if (!lever.Inputs.ContainsKey(gdp)) problems.Add($"missing input '{gdp}' (current US$)");
        var channels = ChannelKeys(lever).ToArray();
        if (channels.Length == 0) problems.Add("no channel: name inputs BEARER.CHANNEL.PARAMETER, e.g. target.remittances.flow");
        foreach (var key in lever.Inputs.Keys.Where(k => k.Count(c => c == '.') == 2))
        {
            var parts = key.Split('.');
            if (parts[0] is not ("sender" or "target")) problems.Add($"input '{key}': expected bearer sender or target, found '{parts[0]}'");
            if (!Coercion.Channels.TryParse(parts[1], out var kind))
                problems.Add($"input '{key}': unknown channel '{parts[1]}' ({string.Join(", ", Enum.GetValues<Coercion.ChannelKind>().Select(Coercion.Channels.FileName))})");
            else if (Coercion.Channels.Parameters(kind).All(p => p.Name != parts[2]))
                problems.Add($"input '{key}': channel '{parts[1]}' has no parameter '{parts[2]}' ({string.Join(", ", Coercion.Channels.Parameters(kind).Select(p => p.Name))})");
        }

        foreach (var (bearer, kind) in channels)
            foreach (var p in Coercion.Channels.Parameters(kind))
                if (p.Default is null && !lever.Inputs.ContainsKey($"{bearer}.{Coercion.Channels.FileName(kind)}.{p.Name}") && !lever.Inputs.ContainsKey(p.Name))
                    problems.Add($"channel {bearer}.{Coercion.Channels.FileName(kind)} needs '{p.Name}' (as {bearer}.{Coercion.Channels.FileName(kind)}.{p.Name} or a shared '{p.Name}')");
        if (problems.Count == 0)
        {
            // At the low, central and high ends the case must be one the coercion model accepts, and
            // must cost the target something (else the ratio is undefined in some draws).
            foreach (var (end, value) in new (string, Func<string, double>)[]
                     { ("low", k => lever.Inputs[k].Estimate.Low), ("central", k => lever.Inputs[k].Central), ("high", k => lever.Inputs[k].Estimate.High) })
            {
                var c = Case(lever, value);
                var found = Coercion.CoercionModel.Validate(c).Select(p => $"at the {end} ends: {p}").ToArray();
                problems.AddRange(found);
                if (found.Length == 0 && !(Coercion.CoercionModel.Evaluate(c).TargetCost > 0))
                    problems.Add($"at the {end} ends the lever costs the target nothing, so the cost ratio is undefined");
                if (problems.Count > 0) break;
            }
        }

        return problems;
    }

    private static IEnumerable<(string Bearer, Coercion.ChannelKind Kind)> ChannelKeys(Lever lever) =>
        lever.Inputs.Keys.Where(k => k.Count(c => c == '.') == 2)
            .Select(k => k.Split('.'))
            .Where(p => p[0] is "sender" or "target" && Coercion.Channels.TryParse(p[1], out _))
            .Select(p => (p[0], Coercion.Channels.TryParse(p[1], out var kind) ? kind : default))
            .Distinct();

    public static Coercion.CoercionCase Case(Lever lever, Func<string, double> value)
    {
        var channels = ChannelKeys(lever).Select(c =>
        {
            var name = $"{c.Bearer}.{Coercion.Channels.FileName(c.Kind)}";
            var parameters = Coercion.Channels.Parameters(c.Kind).Select(p =>
                lever.Inputs.ContainsKey($"{name}.{p.Name}") ? value($"{name}.{p.Name}")
                : lever.Inputs.ContainsKey(p.Name) ? value(p.Name)
                : p.Default!.Value).ToArray();
            return new Coercion.CoercionChannel(name, c.Kind, c.Bearer == "sender" ? Coercion.CoercionSide.Sender : Coercion.CoercionSide.Target, parameters);
        }).ToArray();
        return new Coercion.CoercionCase(lever.Actor, lever.Target, lever.Id, value("sender_gdp"), value("target_gdp"), channels);
    }

    /// <summary>cost(sender)/cost(target) of one draw, in the measure the question's claim is about.</summary>
    public static ScenarioModel Ratio(Lever lever, Coercion.CoercionMeasure measure) =>
        draw => Coercion.CoercionModel.Evaluate(Case(lever, k => draw[$"lever/{lever.Id}/{k}"])).RatioIn(measure);

    private static string Kebab(LeverKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
