using Statecraft.Core.Coercion;
using Statecraft.Core.Domain;
using Statecraft.Core.Uncertainty;
using Statecraft.Io.Yaml;
using YamlDotNet.RepresentationModel;

namespace Statecraft.Io.Region;

/// <summary>A coercion case read from a file, with its description.</summary>
public sealed record CoercionCaseFile(string Name, string? Description, UncertainCoercion Case, string Path);

/// <summary>
/// Reads coercion files (YAML): sender and target with GDP, the lever, shared quantities, trade for
/// the dependence measures, and channels whose parameters are numbers, distributions
/// (<see cref="DistributionYaml"/>) or references to a shared quantity (<c>{ref: name}</c>).
/// Every problem is reported at once with file:line:column and field. See docs/models/coercion.md.
/// </summary>
public static class CoercionFile
{
    private static readonly string[] TopKeys = ["name", "description", "sender", "target", "lever", "quantities", "trade", "channels"];

    public static ParseResult<CoercionCaseFile> Load(string path) =>
        YamlFile.Load(path).Then(Read);

    public static ParseResult<CoercionCaseFile> Parse(string text, string path) =>
        YamlFile.Parse(text, path).Then(Read);

    private static ParseResult<CoercionCaseFile> Read(YamlFile file)
    {
        var problems = new List<Problem>();
        var root = file.Root;
        file.CheckKeys(root, "case", TopKeys, problems);
        var name = file.String(YamlFile.Get(root, "name"), "case", "name", problems) ?? System.IO.Path.GetFileNameWithoutExtension(file.Path);
        var description = file.String(YamlFile.Get(root, "description"), "case", "description", problems);
        var lever = file.String(YamlFile.Get(root, "lever"), "case", "lever", problems, required: true, parent: root);
        var (sender, senderGdp) = Party(file, root, "sender", problems);
        var (target, targetGdp) = Party(file, root, "target", problems);

        var quantities = new List<UncertainInput>();
        var quantityNames = new HashSet<string>(StringComparer.Ordinal);
        if (YamlFile.Get(root, "quantities") is { } qNode)
        {
            if (qNode is not YamlMappingNode qMap) problems.Add(file.Problem(qNode, "case", "quantities", "expected a mapping of name: number or distribution"));
            else
            {
                foreach (var (key, value) in qMap.Children)
                {
                    var qName = (key as YamlScalarNode)?.Value ?? "";
                    quantityNames.Add(qName);
                    var parsed = DistributionYaml.Parse(file, value, qName, "quantities." + qName, problems);
                    if (parsed is not null) quantities.Add(new UncertainInput(qName, parsed.Distribution));
                }
            }
        }

        UncertainTrade? trade = null;
        if (YamlFile.Get(root, "trade") is { } tNode)
        {
            if (tNode is not YamlMappingNode t) problems.Add(file.Problem(tNode, "case", "trade", "expected a mapping {bilateral, sender_total, target_total}"));
            else
            {
                file.CheckKeys(t, "trade", ["bilateral", "sender_total", "target_total", "source", "note"], problems);
                var bilateral = Required(file, t, "trade", "bilateral", Bounds.NonNegative, problems);
                var senderTotal = Required(file, t, "trade", "sender_total", Bounds.NonNegative, problems);
                var targetTotal = Required(file, t, "trade", "target_total", Bounds.NonNegative, problems);
                if (bilateral is not null && senderTotal is not null && targetTotal is not null)
                    trade = new UncertainTrade(bilateral.Distribution, senderTotal.Distribution, targetTotal.Distribution);
            }
        }

        var channels = new List<UncertainChannel>();
        var channelsNode = YamlFile.Get(root, "channels");
        if (channelsNode is null) problems.Add(file.Missing(root, "case", "channels"));
        else if (channelsNode is not YamlSequenceNode list) problems.Add(file.Problem(channelsNode, "case", "channels", "expected a list"));
        else
        {
            for (var index = 0; index < list.Children.Count; index++)
            {
                var channel = Channel(file, list.Children[index], index, quantityNames, problems);
                if (channel is not null) channels.Add(channel);
            }
        }

        if (problems.Count > 0) return ParseResult<CoercionCaseFile>.ForProblems(problems);
        var result = UncertainCoercion.Create(sender!, target!, lever!, senderGdp!, targetGdp!, channels, trade, quantities);
        if (!result.Success)
            return ParseResult<CoercionCaseFile>.ForProblems(result.Problems.Select(p => p.Location is null ? p.At(new SourceLocation(file.Path)) : p).ToArray());
        return ParseResult<CoercionCaseFile>.ForValue(new CoercionCaseFile(name, description, result.Value, file.Path));
    }

    private static (string? Id, Distribution? Gdp) Party(YamlFile file, YamlMappingNode root, string key, List<Problem> problems)
    {
        var node = YamlFile.Get(root, key);
        if (node is null)
        {
            problems.Add(file.Missing(root, "case", key));
            return (null, null);
        }

        if (node is not YamlMappingNode map)
        {
            problems.Add(file.Problem(node, "case", key, "expected a mapping {id, gdp}"));
            return (null, null);
        }

        file.CheckKeys(map, key, ["id", "name", "gdp", "source", "note"], problems);
        var id = file.String(YamlFile.Get(map, "id"), key, key + ".id", problems, required: true, parent: map);
        var gdp = Required(file, map, id ?? key, key + ".gdp", new Bounds(double.Epsilon, double.PositiveInfinity), problems, "GDP in US$, > 0", "gdp");
        return (id, gdp?.Distribution);
    }

    private static UncertainValue? Required(
        YamlFile file, YamlMappingNode map, string subject, string field, Bounds domain, List<Problem> problems, string? meaning = null, string? key = null)
    {
        var node = YamlFile.Get(map, key ?? field);
        if (node is null)
        {
            problems.Add(file.Missing(map, subject, field));
            return null;
        }

        return DistributionYaml.Parse(file, node, subject, field, problems, domain, meaning);
    }

    private static UncertainChannel? Channel(YamlFile file, YamlNode node, int index, HashSet<string> quantities, List<Problem> problems)
    {
        var subject = $"channels[{index}]";
        if (node is not YamlMappingNode map)
        {
            problems.Add(file.Problem(node, subject, "channels", "expected a mapping {name, kind, bearer, ...}"));
            return null;
        }

        var name = file.String(YamlFile.Get(map, "name"), subject, "name", problems, required: true, parent: map);
        subject = name ?? subject;
        var kindNode = YamlFile.Get(map, "kind");
        var kindText = file.String(kindNode, subject, "kind", problems, required: true, parent: map);
        ChannelKind kind = default;
        var kinds = string.Join(", ", Enum.GetValues<ChannelKind>().Select(Channels.FileName));
        if (kindText is not null && !Channels.TryParse(kindText, out kind))
        {
            problems.Add(file.Problem(kindNode!, subject, "kind", $"expected one of: {kinds}; found '{kindText}'"));
            kindText = null;
        }

        var bearerNode = YamlFile.Get(map, "bearer");
        var bearerText = file.String(bearerNode, subject, "bearer", problems, required: true, parent: map);
        var bearer = CoercionSide.Sender;
        if (bearerText is "target") bearer = CoercionSide.Target;
        else if (bearerText is not null and not "sender")
            problems.Add(file.Problem(bearerNode!, subject, "bearer", $"expected sender or target; found '{bearerText}'"));

        if (kindText is null || name is null) return null;
        var parameterList = Channels.Parameters(kind);
        file.CheckKeys(map, subject, ["name", "kind", "bearer", "source", "note", .. parameterList.Select(p => p.Name)], problems);
        var parameters = new Dictionary<string, UncertainParameter>(StringComparer.Ordinal);
        foreach (var parameter in parameterList)
        {
            var valueNode = YamlFile.Get(map, parameter.Name);
            if (valueNode is null)
            {
                if (parameter.Default is null) problems.Add(file.Problem(map, subject, parameter.Name, $"required field is missing: {parameter.Meaning}"));
                continue;
            }

            if (valueNode is YamlMappingNode refMap && YamlFile.Get(refMap, "ref") is { } refNode)
            {
                file.CheckKeys(refMap, subject, ["ref"], problems);
                var reference = file.String(refNode, subject, parameter.Name + ".ref", problems);
                if (reference is null) continue;
                if (!quantities.Contains(reference))
                    problems.Add(file.Problem(refNode, subject, parameter.Name + ".ref", $"unknown quantity '{reference}'; define it under quantities:"));
                else parameters[parameter.Name] = UncertainParameter.Ref(reference);
                continue;
            }

            var parsed = DistributionYaml.Parse(file, valueNode, subject, parameter.Name, problems, parameter.Domain, parameter.Meaning);
            if (parsed is not null) parameters[parameter.Name] = UncertainParameter.Of(parsed.Distribution);
        }

        return new UncertainChannel(name, kind, bearer, parameters);
    }
}
