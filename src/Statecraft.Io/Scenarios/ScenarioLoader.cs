using System.Security.Cryptography;
using System.Text;
using Statecraft.Core.Coercion;
using Statecraft.Core.Domain;
using Statecraft.Core.Elicitation;
using Statecraft.Core.Forecasting;
using Statecraft.Core.Scenarios;
using Statecraft.Io.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Statecraft.Io.Scenarios;

/// <summary>A scenario as read from a file, with the SHA-256 of the bytes it came from.</summary>
public sealed record LoadedScenario(Scenario Scenario, string Sha256, string File);

/// <summary>
/// Reads the scenario YAML format (docs/scenario-format.md). Every problem in the file is reported
/// at once with file:line:column: malformed YAML, unknown fields, numbers without a source, unknown
/// references, duplicate ids, positions outside the scale.
/// </summary>
public static partial class ScenarioLoader
{
    private static readonly Dictionary<string, SourceKind> SourceKinds = new()
    {
        ["dataset"] = SourceKind.Dataset,
        ["claim"] = SourceKind.Claim,
        ["fact"] = SourceKind.Fact,
        ["judgement"] = SourceKind.Judgement,
    };

    private static readonly Dictionary<string, ActorKind> ActorKinds = new()
    {
        ["state"] = ActorKind.State,
        ["bloc"] = ActorKind.Bloc,
        ["faction"] = ActorKind.Faction,
    };

    private static readonly Dictionary<string, TieKind> TieKinds = new()
    {
        ["defence"] = TieKind.Defence,
        ["non-aggression"] = TieKind.NonAggression,
        ["entente"] = TieKind.Entente,
        ["rivalry"] = TieKind.Rivalry,
        ["backing"] = TieKind.Backing,
        ["dependence"] = TieKind.Dependence,
        ["basing"] = TieKind.Basing,
    };

    private static readonly Dictionary<string, LeverKind> LeverKinds = new()
    {
        ["attack"] = LeverKind.Attack,
        ["deport-migrants"] = LeverKind.DeportMigrants,
        ["ban-imports"] = LeverKind.BanImports,
        ["cut-transit"] = LeverKind.CutTransit,
        ["back-faction"] = LeverKind.BackFaction,
        ["sanction-officials"] = LeverKind.SanctionOfficials,
    };

    /// <summary>Which comparison a coercion claim is about (<see cref="CoercionMeasure"/>).</summary>
    public static readonly IReadOnlyDictionary<string, CoercionMeasure> Measures = new Dictionary<string, CoercionMeasure>
    {
        ["usd"] = CoercionMeasure.Usd,
        ["share-of-gdp"] = CoercionMeasure.ShareOfGdp,
    };

    private static readonly Dictionary<string, QuestionModel> Models = new()
    {
        ["bargaining"] = QuestionModel.Bargaining,
        ["war-trap"] = QuestionModel.WarTrap,
        ["coercion"] = QuestionModel.Coercion,
        ["policy-comparison"] = QuestionModel.PolicyComparison,
    };

    public static ParseResult<LoadedScenario> LoadFile(string path) =>
        InputFile.ReadText(path).Then(t => Load(t, path));

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static ParseResult<LoadedScenario> Load(string text, string file)
    {
        var yaml = YamlFile.Parse(text, file, "a YAML mapping with scenario, sources, actors, issues, ...");
        if (!yaml.Success) return ParseResult<LoadedScenario>.ForProblems(yaml.Problems.Select(p => p with { Subject = "scenario" }).ToArray());

        var root = yaml.Value.Root;
        var r = new YamlReader(file, yaml.Value);

        r.OnlyKeys(root, "scenario", "scenario", "sources", "actors", "issues", "ties", "parameters", "levers", "policies", "questions", "forecasts");
        var header = ReadHeader(r, root);
        var sources = r.Sequence(root, "sources", "scenario", required: true).Select(n => ReadSource(r, n)).OfType<Source>().ToArray();
        var actors = r.Sequence(root, "actors", "scenario", required: true).Select(n => ReadActor(r, n)).OfType<ScenarioActor>().ToArray();
        var issues = r.Sequence(root, "issues", "scenario").Select(n => ReadIssue(r, n)).OfType<ScenarioIssue>().ToArray();
        var ties = r.Sequence(root, "ties", "scenario").Select(n => ReadTie(r, n)).OfType<Tie>().ToArray();
        var parameters = r.Sequence(root, "parameters", "scenario").Select(n => ReadParameter(r, n)).OfType<Parameter>().ToArray();
        var levers = r.Sequence(root, "levers", "scenario").Select(n => ReadLever(r, n)).OfType<Lever>().ToArray();
        var policies = r.Sequence(root, "policies", "scenario").Select(n => ReadPolicy(r, n)).OfType<Policy>().ToArray();
        var questions = r.Sequence(root, "questions", "scenario").Select(n => ReadQuestion(r, n)).OfType<Question>().ToArray();
        var forecasts = r.Sequence(root, "forecasts", "scenario").Select(n => ReadForecast(r, n)).OfType<ResolvableQuestion>().ToArray();

        var problems = new List<Problem>(r.Problems);
        if (header is not null)
        {
            var built = Scenario.Create(header, sources, actors, issues, ties, parameters, levers, policies, questions, forecasts);
            if (built.Success && problems.Count == 0)
            {
                // Experts' judgements are read as a linear pool; the file may choose the median instead.
                var scenario = header.Aggregation == ExpertAggregation.LinearPool ? built.Value : built.Value.WithExpertAggregation(header.Aggregation);
                return ParseResult<LoadedScenario>.ForValue(new LoadedScenario(scenario, Sha256(text), file));
            }

            // A stance that failed to read is already reported: do not also call its issue short of
            // actors, or a policy's change to it a change to a missing stance.
            var written = new HashSet<string>();
            var writtenStances = new HashSet<string>();
            if (root.Children.TryGetValue(new YamlScalarNode("issues"), out var issuesNode) && issuesNode is YamlSequenceNode seq)
                foreach (var i in seq.Children.OfType<YamlMappingNode>())
                {
                    var issueId = (YamlReader.Get(i, "id") as YamlScalarNode)?.Value ?? "";
                    if (YamlReader.Get(i, "stances") is not YamlSequenceNode stancesNode) continue;
                    if (stancesNode.Children.Count >= 2) written.Add(issueId);
                    foreach (var st in stancesNode.Children.OfType<YamlMappingNode>())
                        writtenStances.Add($"actor '{(YamlReader.Get(st, "actor") as YamlScalarNode)?.Value}' has no stance on issue '{issueId}'");
                }

            problems.AddRange(built.Problems.Where(p => !(p.Field == "stances" && written.Contains(p.Subject)) && !writtenStances.Contains(p.Message)));
        }

        // File order, so a user can work down the list.
        return ParseResult<LoadedScenario>.ForProblems(problems
            .OrderBy(p => p.Location?.Line ?? int.MaxValue).ThenBy(p => p.Location?.Column ?? 0).ToArray());
    }

    private static ScenarioHeader? ReadHeader(YamlReader r, YamlMappingNode root)
    {
        var node = YamlReader.Get(root, "scenario");
        if (node is null)
        {
            r.Add(root, "scenario", "scenario", "missing (id, title, date)");
            return null;
        }

        var m = r.Mapping(node, "scenario", "scenario");
        if (m is null) return null;
        r.OnlyKeys(m, "scenario", "id", "title", "date", "description", "expert_aggregation");
        var id = r.String(m, "id", "scenario");
        var title = r.String(m, "title", "scenario");
        var date = r.Date(m, "date", "scenario", required: true);
        var description = r.String(m, "description", "scenario", required: false) ?? "";
        var aggregation = YamlReader.Get(m, "expert_aggregation") is null ? ExpertAggregation.LinearPool
            : r.Enum(m, "expert_aggregation", "scenario", ExpertPooling.Names) ?? ExpertAggregation.LinearPool;
        return id is null || title is null || date is null ? null : new ScenarioHeader(id, title, date.Value, description, r.At(m), aggregation);
    }

    private static Source? ReadSource(YamlReader r, YamlNode node)
    {
        var m = r.Mapping(node, "source", "sources");
        if (m is null) return null;
        var id = r.String(m, "id", "source") ?? "?";
        r.OnlyKeys(m, id, "id", "kind", "title", "text", "reasoning", "file", "url", "lines", "date", "licence");
        var kind = r.Enum(m, "kind", id, SourceKinds);
        if (kind is null) return null;
        var textKey = kind switch { SourceKind.Dataset => "title", SourceKind.Judgement => "reasoning", _ => "text" };
        var text = r.String(m, textKey, id) ?? "";
        var reference = kind == SourceKind.Dataset ? r.String(m, "file", id, required: false) : r.String(m, "url", id, required: kind == SourceKind.Fact);
        int first = 0, last = 0;
        if (kind == SourceKind.Claim)
        {
            var lines = r.String(m, "lines", id);
            if (lines is not null && !TryLines(lines, out first, out last))
                r.Add(YamlReader.Get(m, "lines")!, id, "lines", $"expected FIRST-LAST or a single line number, found '{lines}'");
        }

        var date = r.Date(m, "date", id, required: kind == SourceKind.Fact);
        return new Source(id, kind.Value, text, reference, first, last, date, r.At(m));
    }

    private static bool TryLines(string text, out int first, out int last)
    {
        var parts = text.Split('-');
        first = last = 0;
        return parts.Length switch
        {
            1 => int.TryParse(parts[0], out first) && (last = first) > 0,
            2 => int.TryParse(parts[0], out first) && int.TryParse(parts[1], out last),
            _ => false,
        };
    }

    /// <summary>
    /// A sourced number: <c>{value: X, low: L, high: H, source: ID, field: F, year: Y}</c>; low/high
    /// optional (both or neither); field and year for datasets. A bare number has no source and is rejected.
    /// </summary>
    private static SourcedValue? ReadValue(YamlReader r, YamlMappingNode parent, string key, string subject, bool required = true)
    {
        var node = YamlReader.Get(parent, key);
        if (node is null)
        {
            if (required) r.Add(parent, subject, key, "missing");
            return null;
        }

        return ReadValue(r, node, subject, key);
    }

    private static SourcedValue? ReadValue(YamlReader r, YamlNode node, string subject, string key)
    {
        if (node is YamlScalarNode)
        {
            r.Add(node, subject, key, "a number without a source: write {value: X, source: ID} (datasets also need field and year)");
            return null;
        }

        var m = r.Mapping(node, subject, key);
        if (m is null) return null;
        if (YamlReader.Get(m, "experts") is not null) return ReadExperts(r, m, subject, key);
        if (YamlReader.Get(m, "dist") is not null) return ReadDistribution(r, m, subject, key);
        r.OnlyKeys(m, subject, "value", "low", "high", "source", "field", "year");
        var estimate = ReadEstimate(r, m, subject, key);
        var source = r.String(m, "source", subject);
        if (source is null)
        {
            r.Problems[^1] = r.Problems[^1] with { Field = key, Message = "a number without a source: add source: ID" };
            return null;
        }

        var field = r.String(m, "field", subject, required: false);
        var year = r.Integer(m, "year", subject);
        return estimate is null ? null : new SourcedValue(estimate, new SourceRef(source, field, year), r.At(m));
    }

    /// <summary>
    /// A number several experts judged: <c>{experts: [{value: X, low: L, high: H, source: EXPERT}, ...]}</c>,
    /// each entry a number in its own right (a range or a distribution) from its own judgement source.
    /// Read as their linear pool; the scenario's <c>expert_aggregation</c> may ask for the median.
    /// </summary>
    private static SourcedValue? ReadExperts(YamlReader r, YamlMappingNode m, string subject, string key)
    {
        r.OnlyKeys(m, subject, "experts");
        var items = r.Sequence(m, "experts", subject).ToArray();
        var experts = new List<SourcedValue>();
        var failed = false;
        foreach (var item in items)
        {
            if (item is YamlMappingNode im && YamlReader.Get(im, "experts") is not null)
            {
                r.Add(item, subject, key, "an expert's judgement cannot itself list experts");
                failed = true;
            }
            else if (ReadValue(r, item, subject, key) is { } v) experts.Add(v);
            else failed = true;
        }

        if (items.Length == 0 && YamlReader.Get(m, "experts") is YamlSequenceNode)
            r.Add(m, subject, key, "experts: expected a list of two or more judgements");
        return failed || experts.Count == 0 ? null : ExpertPooling.Aggregate(experts, ExpertAggregation.LinearPool) with { Where = r.At(m) };
    }

    /// <summary>
    /// A number given as a distribution in the project's shared syntax (<see cref="DistributionYaml"/>:
    /// <c>{dist: normal, mean: 0.5, sd: 0.1, min: 0, max: 1, source: ID}</c>), plus field and year for datasets.
    /// </summary>
    private static SourcedValue? ReadDistribution(YamlReader r, YamlMappingNode m, string subject, string key)
    {
        // field and year are this format's additions to the shared syntax: the shared parser reads the
        // rest. Its copy of the mapping has no position of its own, so problems about the mapping as a
        // whole are placed at the original.
        var shared = new YamlMappingNode(m.Children.Where(kv => (kv.Key as YamlScalarNode)?.Value is not ("field" or "year")));
        var problems = new List<Problem>();
        var value = DistributionYaml.Parse(r.Yaml, shared, subject, key, problems);
        r.Problems.AddRange(problems.Select(p => p.Location is { Line: <= 0 } ? p.At(r.At(m)) : p));
        var source = YamlReader.Get(m, "source") is null ? null : value?.Source ?? r.String(m, "source", subject);
        if (source is null && YamlReader.Get(m, "source") is null)
            r.Add(m, subject, key, "a number without a source: add source: ID");
        var field = r.String(m, "field", subject, required: false);
        var year = r.Integer(m, "year", subject);
        return value is null || source is null ? null : SourcedValue.Of(value.Distribution, new SourceRef(source, field, year), r.At(m));
    }

    private static Estimate? ReadEstimate(YamlReader r, YamlMappingNode m, string subject, string key)
    {
        var value = r.Number(m, "value", subject);
        var lowNode = YamlReader.Get(m, "low");
        var highNode = YamlReader.Get(m, "high");
        if ((lowNode is null) != (highNode is null))
        {
            r.Add(m, subject, key, "give both low and high, or neither");
            return null;
        }

        if (value is null) return null;
        if (lowNode is null) return Estimate.Point(value.Value);
        var low = r.Number(lowNode, subject, key + ".low");
        var high = r.Number(highNode!, subject, key + ".high");
        return low is null || high is null ? null : new Estimate(value.Value, low.Value, high.Value);
    }

    private static ScenarioActor? ReadActor(YamlReader r, YamlNode node)
    {
        var m = r.Mapping(node, "actor", "actors");
        if (m is null) return null;
        var id = r.String(m, "id", "actor") ?? "?";
        r.OnlyKeys(m, id, "id", "name", "kind", "country", "description", "capability", "attributes");
        var name = r.String(m, "name", id) ?? id;
        var kind = r.Enum(m, "kind", id, ActorKinds);
        var capability = ReadValue(r, m, "capability", id);
        var attributes = new Dictionary<string, SourcedValue>();
        if (r.Mapping(YamlReader.Get(m, "attributes"), id, "attributes") is { } am)
            foreach (var (k, v) in am.Children)
                if (r.Key(k, id, "attributes") is { } key && ReadValue(r, v, id, key) is { } sv) attributes[key] = sv;
        var country = r.String(m, "country", id, required: false);
        var description = r.String(m, "description", id, required: false) ?? "";
        return kind is null || capability is null ? null
            : new ScenarioActor(id, name, kind.Value, capability, attributes, country, description, r.At(m));
    }

    private static ScenarioIssue? ReadIssue(YamlReader r, YamlNode node)
    {
        var m = r.Mapping(node, "issue", "issues");
        if (m is null) return null;
        var id = r.String(m, "id", "issue") ?? "?";
        r.OnlyKeys(m, id, "id", "title", "scale", "influence", "stances");
        var title = r.String(m, "title", id) ?? id;
        var fromCapability = false;
        if (YamlReader.Get(m, "influence") is { } influenceNode)
        {
            // The one documented default: an issue decided by military force weighs stances by capability.
            if (influenceNode is YamlScalarNode { Value: "capability" }) fromCapability = true;
            else r.Add(influenceNode, id, "influence", "expected 'capability' (the issue is decided by force: stances weigh by their actor's capability)");
        }

        IssueScale? scale = null;
        if (r.Mapping(YamlReader.Get(m, "scale"), id, "scale") is { } sm)
        {
            r.OnlyKeys(sm, id, "min", "max", "min_means", "max_means");
            var min = r.Number(sm, "min", id);
            var max = r.Number(sm, "max", id);
            var minMeans = r.String(sm, "min_means", id);
            var maxMeans = r.String(sm, "max_means", id);
            if (min is not null && max is not null && minMeans is not null && maxMeans is not null)
                scale = new IssueScale(min.Value, max.Value, minMeans, maxMeans);
        }
        else if (YamlReader.Get(m, "scale") is null) r.Add(m, id, "scale", "missing (min, max, min_means, max_means)");

        var stances = new List<Stance>();
        foreach (var sn in r.Sequence(m, "stances", id, required: true))
        {
            if (r.Mapping(sn, id, "stances") is not { } s) continue;
            var actor = r.String(s, "actor", id) ?? "?";
            var subject = $"{id}/{actor}";
            r.OnlyKeys(s, subject, "actor", "position", "salience", "influence");
            var position = ReadValue(r, s, "position", subject);
            var salience = ReadValue(r, s, "salience", subject);
            var influence = ReadValue(r, s, "influence", subject, required: false);
            var influenceFailed = influence is null && YamlReader.Get(s, "influence") is not null;
            if (position is not null && salience is not null && !influenceFailed) stances.Add(new Stance(actor, position, salience, r.At(s), influence));
        }

        return scale is null ? null : new ScenarioIssue(id, title, scale, stances, r.At(m), fromCapability);
    }

    private static Tie? ReadTie(YamlReader r, YamlNode node)
    {
        var m = r.Mapping(node, "tie", "ties");
        if (m is null) return null;
        var from = r.String(m, "from", "tie") ?? "?";
        var to = r.String(m, "to", "tie") ?? "?";
        var subject = $"tie {from}-{to}";
        r.OnlyKeys(m, subject, "kind", "from", "to", "since", "until", "source", "note", "commitment");
        var kind = r.Enum(m, "kind", subject, TieKinds);
        var since = r.Date(m, "since", subject);
        var until = r.Date(m, "until", subject);
        var source = r.String(m, "source", subject);
        var note = r.String(m, "note", subject, required: false) ?? "";
        var commitment = r.String(m, "commitment", subject, required: false);
        return kind is null || source is null ? null : new Tie(kind.Value, from, to, since, until, new SourceRef(source), note, commitment, r.At(m));
    }

    private static Parameter? ReadParameter(YamlReader r, YamlNode node)
    {
        var m = r.Mapping(node, "parameter", "parameters");
        if (m is null) return null;
        var id = r.String(m, "id", "parameter") ?? "?";
        r.OnlyKeys(m, id, "id", "text", "unit", "value");
        var text = r.String(m, "text", id) ?? "";
        var unit = r.String(m, "unit", id) ?? "";
        var value = ReadValue(r, m, "value", id);
        return value is null ? null : new Parameter(id, text, unit, value, r.At(m));
    }

    private static Lever? ReadLever(YamlReader r, YamlNode node)
    {
        var m = r.Mapping(node, "lever", "levers");
        if (m is null) return null;
        var id = r.String(m, "id", "lever") ?? "?";
        r.OnlyKeys(m, id, "id", "kind", "actor", "target", "text", "inputs");
        var kind = r.Enum(m, "kind", id, LeverKinds);
        var actor = r.String(m, "actor", id) ?? "?";
        var target = r.String(m, "target", id) ?? "?";
        var text = r.String(m, "text", id, required: false) ?? "";
        var inputs = new Dictionary<string, SourcedValue>();
        if (r.Mapping(YamlReader.Get(m, "inputs"), id, "inputs") is { } im)
            foreach (var (k, v) in im.Children)
                if (r.Key(k, id, "inputs") is { } key && ReadValue(r, v, id, key) is { } sv) inputs[key] = sv;
        return kind is null ? null : new Lever(id, kind.Value, actor, target, text, inputs, r.At(m));
    }

    private static Policy? ReadPolicy(YamlReader r, YamlNode node)
    {
        var m = r.Mapping(node, "policy", "policies");
        if (m is null) return null;
        var id = r.String(m, "id", "policy") ?? "?";
        r.OnlyKeys(m, id, "id", "title", "text", "claims", "includes", "what_if", "changes", "response_by", "cost");
        var title = r.String(m, "title", id) ?? id;
        var text = r.String(m, "text", id, required: false) ?? "";
        var claims = r.Strings(m, "claims", id);
        var includes = r.Strings(m, "includes", id);
        var whatIf = r.Bool(m, "what_if", id);
        var changes = new List<Change>();
        foreach (var cn in r.Sequence(m, "changes", id))
        {
            if (r.Mapping(cn, id, "changes") is not { } c) continue;
            r.OnlyKeys(c, id, "issue", "actor", "parameter", "lever", "field", "set", "add", "scale", "source");
            var target = new ChangeTarget(
                r.String(c, "issue", id, required: false), r.String(c, "actor", id, required: false),
                r.String(c, "parameter", id, required: false), r.String(c, "lever", id, required: false),
                r.String(c, "field", id, required: false));
            var ops = new[] { ("set", ChangeOperation.Set), ("add", ChangeOperation.Add), ("scale", ChangeOperation.Scale) }
                .Where(o => YamlReader.Get(c, o.Item1) is not null).ToArray();
            if (ops.Length != 1)
            {
                r.Add(c, id, "change", "give exactly one of set, add or scale");
                continue;
            }

            var (opKey, op) = ops[0];
            var amountNode = YamlReader.Get(c, opKey)!;
            Estimate? amount = amountNode is YamlMappingNode am
                ? ReadAmount(r, am, id, opKey)
                : r.Number(amountNode, id, opKey) is { } x ? Estimate.Point(x) : null;
            var source = r.String(c, "source", id);
            if (amount is not null && source is not null) changes.Add(new Change(target, op, amount, new SourceRef(source), r.At(c)));
        }

        var responseBy = r.String(m, "response_by", id, required: false);
        var cost = ReadValue(r, m, "cost", id, required: false);
        return new Policy(id, title, text, claims, changes, includes, whatIf, r.At(m), responseBy, cost);
    }

    private static Estimate? ReadAmount(YamlReader r, YamlMappingNode m, string subject, string key)
    {
        r.OnlyKeys(m, subject, "value", "low", "high");
        return ReadEstimate(r, m, subject, key);
    }

    private static readonly Dictionary<string, ClaimDirection> Directions = new()
    {
        ["higher"] = ClaimDirection.Higher,
        ["lower"] = ClaimDirection.Lower,
    };

    private static Question? ReadQuestion(YamlReader r, YamlNode node)
    {
        var m = r.Mapping(node, "question", "questions");
        if (m is null) return null;
        var id = r.String(m, "id", "question") ?? "?";
        r.OnlyKeys(m, id, "id", "text", "model", "claims", "source_conclusion", "expect", "issue", "challenger", "target", "lever", "assume",
            "backer", "backer_commitment", "measure", "responder", "sponsors", "contiguity", "peace_years");
        var text = r.String(m, "text", id) ?? "";
        var model = r.Enum(m, "model", id, Models);
        var (claims, tests) = ReadClaims(r, m, id);
        var conclusion = r.String(m, "source_conclusion", id) ?? "";
        var expect = ReadExpectation(r, m, id) ?? new Expectation();
        var sponsors = YamlReader.Get(m, "sponsors") is null ? null : r.Strings(m, "sponsors", id);

        var measure = CoercionMeasure.ShareOfGdp;
        if (YamlReader.Get(m, "measure") is not null)
        {
            measure = r.Enum(m, "measure", id, Measures) ?? CoercionMeasure.ShareOfGdp;
            if (model is not null and not QuestionModel.Coercion) r.Add(YamlReader.Get(m, "measure")!, id, "measure", "only a coercion question compares costs: remove measure");
        }

        return model is null ? null : new Question(id, text, model.Value, claims, conclusion, expect,
            r.String(m, "issue", id, required: false), r.String(m, "challenger", id, required: false),
            r.String(m, "target", id, required: false), r.String(m, "lever", id, required: false),
            r.String(m, "assume", id, required: false), r.String(m, "backer", id, required: false),
            r.String(m, "backer_commitment", id, required: false), r.At(m), measure, tests,
            r.String(m, "responder", id, required: false), sponsors)
        {
            Contiguity = r.String(m, "contiguity", id, required: false),
            PeaceYears = r.String(m, "peace_years", id, required: false),
        };
    }

    private static Expectation? ReadExpectation(YamlReader r, YamlMappingNode m, string subject)
    {
        if (r.Mapping(YamlReader.Get(m, "expect"), subject, "expect") is not { } em) return null;
        r.OnlyKeys(em, subject, "above", "below");
        return new Expectation(r.Number(em, "above", subject, required: false), r.Number(em, "below", subject, required: false));
    }

    /// <summary>
    /// A question's claims: bare ids (each tested by the question's own expectation), or, one per
    /// claim, <c>{claim, proposition, expect | compare | not_tested}</c>. A question citing more than
    /// one claim must state each one's proposition: one claim, one test.
    /// </summary>
    private static (IReadOnlyList<string> Claims, IReadOnlyList<ClaimTest>? Tests) ReadClaims(YamlReader r, YamlMappingNode m, string id)
    {
        var node = YamlReader.Get(m, "claims");
        if (node is not YamlSequenceNode seq) return (r.Strings(m, "claims", id), null);
        if (seq.Children.All(c => c is YamlScalarNode))
        {
            var bare = r.Strings(m, "claims", id);
            if (bare.Count > 1)
                r.Add(seq, id, "claims", $"{bare.Count} claims share one test: give each its own, e.g. - {{claim: {bare[0]}, proposition: \"...\", expect: {{below: 0}}}} (or compare, or not_tested)");
            return (bare, null);
        }

        var ids = new List<string>();
        var tests = new List<ClaimTest>();
        foreach (var c in seq.Children)
        {
            if (c is YamlScalarNode)
            {
                r.Add(c, id, "claims", "write every claim of this question as {claim, proposition, expect | compare | not_tested}");
                continue;
            }

            if (r.Mapping(c, id, "claims") is not { } cm) continue;
            var claim = r.String(cm, "claim", id) ?? "?";
            var subject = $"{id}/{claim}";
            r.OnlyKeys(cm, subject, "claim", "proposition", "expect", "compare", "not_tested");
            var proposition = r.String(cm, "proposition", subject) ?? "";
            var expect = ReadExpectation(r, cm, subject);
            ClaimComparison? compare = null;
            if (r.Mapping(YamlReader.Get(cm, "compare"), subject, "compare") is { } co)
            {
                r.OnlyKeys(co, subject, "assume", "expect", "question");
                var assume = r.String(co, "assume", subject);
                var direction = r.Enum(co, "expect", subject, Directions);
                if (assume is not null && direction is not null)
                    compare = new ClaimComparison(assume, direction.Value, r.String(co, "question", subject, required: false));
            }

            var notTested = r.String(cm, "not_tested", subject, required: false);
            ids.Add(claim);
            tests.Add(new ClaimTest(claim, proposition, expect, compare, notTested, r.At(cm)));
        }

        return (ids, tests);
    }
}
