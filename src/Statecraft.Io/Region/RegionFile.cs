using Statecraft.Core.Conflict;
using Statecraft.Core.Domain;
using Statecraft.Core.Uncertainty;
using Statecraft.Io.Datasets;
using Statecraft.Io.Yaml;
using YamlDotNet.RepresentationModel;

namespace Statecraft.Io.Region;

/// <summary>A state of a region file, with what the file says about it.</summary>
public sealed record RegionState(string Id, string? Name, int? Ccode, string? CapabilitySource);

/// <summary>A region read from a file: the uncertain War Trap inputs plus the file's own descriptions.</summary>
public sealed record WarTrapRegion(
    string Name,
    string? Description,
    IReadOnlyList<RegionState> States,
    UncertainWarTrap WarTrap,
    WarTrapOptions Options,
    string Path);

/// <summary>
/// Reads region files (YAML): states with capabilities, pairwise distances in miles, alliance ties
/// or similarity values given directly, capability committed elsewhere and third-party commitments.
/// Any number may be a distribution (<see cref="DistributionYaml"/>). Capabilities and ties may come
/// from the shipped COW/ATOP subsets; ties stated in the file override the data. Every problem is
/// reported at once, each with file:line:column and field. See docs/models/wartrap.md.
/// </summary>
public static class RegionFile
{
    private static readonly string[] TopKeys = ["name", "description", "year", "measure", "data", "states", "distances", "ties", "similarity", "commitments"];
    private static readonly string[] StateKeys = ["id", "name", "ccode", "capability", "committed_elsewhere", "source", "note"];
    private static readonly string[] PairKeys = ["a", "b", "source", "note"];

    private static readonly Dictionary<string, TieKind> TieNames = new(StringComparer.Ordinal)
    {
        ["defence"] = TieKind.Defence,
        ["defense"] = TieKind.Defence,
        ["neutrality"] = TieKind.Neutrality,
        ["nonaggression"] = TieKind.Neutrality,
        ["entente"] = TieKind.Entente,
        ["none"] = TieKind.None,
    };

    private static readonly Dictionary<string, SimilarityMeasure> MeasureNames = new(StringComparer.Ordinal)
    {
        ["tau_b"] = SimilarityMeasure.TauB,
        ["s"] = SimilarityMeasure.S,
        ["weighted_s"] = SimilarityMeasure.WeightedS,
    };

    public static ParseResult<WarTrapRegion> Load(string path) =>
        YamlFile.Load(path).Then(Read);

    public static ParseResult<WarTrapRegion> Parse(string text, string path) =>
        YamlFile.Parse(text, path).Then(Read);

    private static ParseResult<WarTrapRegion> Read(YamlFile file)
    {
        var problems = new List<Problem>();
        var root = file.Root;
        file.CheckKeys(root, "region", TopKeys, problems);
        var name = file.String(YamlFile.Get(root, "name"), "region", "name", problems) ?? System.IO.Path.GetFileNameWithoutExtension(file.Path);
        var description = file.String(YamlFile.Get(root, "description"), "region", "description", problems);
        var yearNode = YamlFile.Get(root, "year");
        var year = file.Number(yearNode, "region", "year", problems) ?? 2022;
        if (yearNode is not null && year != Math.Floor(year))
            problems.Add(file.Problem(yearNode, "region", "year", $"expected a whole year, found {year}"));
        var measure = SimilarityMeasure.TauB;
        if (YamlFile.Get(root, "measure") is { } measureNode)
        {
            var text = file.String(measureNode, "region", "measure", problems);
            if (text is not null && !MeasureNames.TryGetValue(text, out measure))
                problems.Add(file.Problem(measureNode, "region", "measure", $"expected one of: {string.Join(", ", MeasureNames.Keys)}; found '{text}'"));
        }

        // Optional data sources, relative to the region file.
        IReadOnlyDictionary<(int, int), double>? capabilityData = null;
        int capabilityYear = 0;
        string? capabilityLabel = null;
        IReadOnlyDictionary<(int, int), TieKind>? tieData = null;
        string? tieLabel = null;
        if (YamlFile.Get(root, "data") is { } dataNode)
        {
            if (dataNode is not YamlMappingNode data) problems.Add(file.Problem(dataNode, "region", "data", "expected a mapping"));
            else
            {
                file.CheckKeys(data, "region", ["capabilities", "alliances"], problems);
                if (ReadDataSource(file, data, "capabilities", problems) is var (capPath, capYear))
                {
                    try
                    {
                        capabilityData = CowData.ReadCapabilities(capPath);
                        capabilityYear = capYear;
                        capabilityLabel = $"{System.IO.Path.GetFileName(capPath)}, cinc, {capYear}";
                    }
                    catch (Exception e) when (e is IOException or InvalidDataException or FormatException)
                    {
                        problems.Add(file.Problem(YamlFile.Get(data, "capabilities")!, "region", "data.capabilities", e.Message));
                    }
                }

                if (ReadDataSource(file, data, "alliances", problems) is var (tiePath, tieYear))
                {
                    try
                    {
                        tieData = CowData.ReadTies(tiePath, tieYear);
                        tieLabel = $"{System.IO.Path.GetFileName(tiePath)}, {tieYear}";
                    }
                    catch (Exception e) when (e is IOException or InvalidDataException or FormatException)
                    {
                        problems.Add(file.Problem(YamlFile.Get(data, "alliances")!, "region", "data.alliances", e.Message));
                    }
                }
            }
        }

        // States.
        var states = new List<UncertainWarTrapState>();
        var described = new List<RegionState>();
        var ids = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var (node, _) in Items(file, root, "states", problems, required: true))
        {
            if (node is not YamlMappingNode s)
            {
                problems.Add(file.Problem(node, "state", "states", "expected a mapping with id and capability"));
                continue;
            }

            var id = file.String(YamlFile.Get(s, "id"), "state", "id", problems, required: true, parent: s);
            var subject = id ?? "state";
            file.CheckKeys(s, subject, StateKeys, problems);
            var ccode = file.Number(YamlFile.Get(s, "ccode"), subject, "ccode", problems);
            if (ccode is not null && (ccode != Math.Floor(ccode.Value) || ccode < 0))
            {
                problems.Add(file.Problem(YamlFile.Get(s, "ccode")!, subject, "ccode", $"expected a COW country code (a whole number), found {ccode}"));
                ccode = null;
            }
            if (id is not null && !ids.TryAdd(id, (int?)ccode))
                problems.Add(file.Problem(YamlFile.Get(s, "id")!, id, "id", "duplicate state id"));

            Distribution? capability = null;
            string? capabilitySource = null;
            if (YamlFile.Get(s, "capability") is { } capNode)
            {
                var value = DistributionYaml.Parse(file, capNode, subject, "capability", problems, Bounds.NonNegative, "a capability is never negative");
                capability = value?.Distribution;
                capabilitySource = value?.Source ?? file.String(YamlFile.Get(s, "source"), subject, "source", problems);
            }
            else if (capabilityData is not null && ccode is not null)
            {
                if (capabilityData.TryGetValue(((int)ccode.Value, capabilityYear), out var cinc))
                {
                    capability = Distribution.Point(cinc);
                    capabilitySource = capabilityLabel;
                }
                else problems.Add(file.Problem(s, subject, "capability", $"no capability for ccode {ccode} in {capabilityYear} in the data; give one"));
            }
            else
            {
                problems.Add(file.Missing(s, subject, "capability"));
            }

            Distribution? committed = null;
            if (YamlFile.Get(s, "committed_elsewhere") is { } committedNode)
                committed = DistributionYaml.Parse(file, committedNode, subject, "committed_elsewhere", problems, Bounds.UnitInterval, "a share")?.Distribution;

            if (id is not null && capability is not null)
            {
                states.Add(new UncertainWarTrapState(id, capability, committed));
                described.Add(new RegionState(id, file.String(YamlFile.Get(s, "name"), subject, "name", problems), (int?)ccode, capabilitySource));
            }
        }

        string? Known(YamlMappingNode pair, string key, string subject, string field)
        {
            var node = YamlFile.Get(pair, key);
            var state = file.String(node, subject, $"{field}.{key}", problems, required: true, parent: pair);
            if (state is not null && !ids.ContainsKey(state))
            {
                problems.Add(file.Problem(node!, subject, $"{field}.{key}", $"unknown state '{state}'; states are: {string.Join(", ", ids.Keys)}"));
                return null;
            }

            return state;
        }

        // Distances.
        var distances = new List<UncertainStatePair>();
        foreach (var (node, index) in Items(file, root, "distances", problems))
        {
            if (node is not YamlMappingNode d)
            {
                problems.Add(file.Problem(node, $"distances[{index}]", "distances", "expected a mapping {a, b, miles}"));
                continue;
            }

            var subject = $"distances[{index}]";
            file.CheckKeys(d, subject, [.. PairKeys, "miles"], problems);
            var a = Known(d, "a", subject, "distance");
            var b = Known(d, "b", subject, "distance");
            var milesNode = YamlFile.Get(d, "miles");
            var miles = milesNode is null
                ? Missing(file, d, subject, "distance.miles", problems)
                : DistributionYaml.Parse(file, milesNode, subject, "distance.miles", problems, Bounds.NonNegative, "a distance");
            if (a is not null && b is not null && miles is not null) distances.Add(new UncertainStatePair(a, b, miles.Distribution));
        }

        // Ties: the data first, then the file's own ties override pair by pair.
        List<AllianceTie>? ties = null;
        var hasTies = YamlFile.Get(root, "ties") is not null;
        if (tieData is not null || hasTies)
        {
            var byPair = new Dictionary<(string, string), TieKind>();
            if (tieData is not null)
            {
                foreach (var x in described)
                {
                    foreach (var y in described)
                    {
                        if (x.Ccode is null || y.Ccode is null || string.CompareOrdinal(x.Id, y.Id) >= 0) continue;
                        var key = x.Ccode < y.Ccode ? (x.Ccode.Value, y.Ccode.Value) : (y.Ccode.Value, x.Ccode.Value);
                        if (tieData.TryGetValue(key, out var kind)) byPair[(x.Id, y.Id)] = kind;
                    }
                }
            }

            foreach (var (node, index) in Items(file, root, "ties", problems))
            {
                var subject = $"ties[{index}]";
                if (node is not YamlMappingNode t)
                {
                    problems.Add(file.Problem(node, subject, "ties", "expected a mapping {a, b, kind}"));
                    continue;
                }

                file.CheckKeys(t, subject, [.. PairKeys, "kind"], problems);
                var a = Known(t, "a", subject, "tie");
                var b = Known(t, "b", subject, "tie");
                var kindNode = YamlFile.Get(t, "kind");
                var kindText = file.String(kindNode, subject, "tie.kind", problems, required: true, parent: t);
                TieKind kind = TieKind.None;
                if (kindText is not null && !TieNames.TryGetValue(kindText, out kind))
                    problems.Add(file.Problem(kindNode!, subject, "tie.kind", $"expected one of: defence, neutrality, nonaggression, entente, none; found '{kindText}'"));
                else if (a is not null && b is not null)
                {
                    if (a == b) problems.Add(file.Problem(t, subject, "tie", "expected two different states"));
                    else byPair[string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a)] = kind;
                }
            }

            ties = byPair.OrderBy(p => p.Key.Item1, StringComparer.Ordinal).ThenBy(p => p.Key.Item2, StringComparer.Ordinal)
                .Select(p => new AllianceTie(p.Key.Item1, p.Key.Item2, p.Value)).ToList();
        }

        // Similarity given directly.
        List<UncertainStatePair>? similarity = null;
        if (YamlFile.Get(root, "similarity") is not null)
        {
            similarity = [];
            if (ties is not null)
                problems.Add(file.Problem(YamlFile.Get(root, "similarity")!, "region", "similarity", "give alliance ties (or alliance data) or similarity values, not both"));
            foreach (var (node, index) in Items(file, root, "similarity", problems))
            {
                var subject = $"similarity[{index}]";
                if (node is not YamlMappingNode u)
                {
                    problems.Add(file.Problem(node, subject, "similarity", "expected a mapping {a, b, value}"));
                    continue;
                }

                file.CheckKeys(u, subject, [.. PairKeys, "value"], problems);
                var a = Known(u, "a", subject, "similarity");
                var b = Known(u, "b", subject, "similarity");
                var valueNode = YamlFile.Get(u, "value");
                var value = valueNode is null
                    ? Missing(file, u, subject, "similarity.value", problems)
                    : DistributionYaml.Parse(file, valueNode, subject, "similarity.value", problems, new Bounds(-1, 1), "a similarity");
                if (a is not null && b is not null && value is not null) similarity.Add(new UncertainStatePair(a, b, value.Distribution));
            }
        }

        // Third-party commitments.
        var commitments = new List<UncertainCommitment>();
        foreach (var (node, index) in Items(file, root, "commitments", problems))
        {
            var subject = $"commitments[{index}]";
            if (node is not YamlMappingNode c)
            {
                problems.Add(file.Problem(node, subject, "commitments", "expected a mapping {state, side, strength}"));
                continue;
            }

            file.CheckKeys(c, subject, ["state", "side", "strength", "source", "note"], problems);
            var state = Known(c, "state", subject, "commitment");
            var side = Known(c, "side", subject, "commitment");
            var strengthNode = YamlFile.Get(c, "strength");
            var strength = strengthNode is null
                ? Missing(file, c, subject, "commitment.strength", problems)
                : DistributionYaml.Parse(file, strengthNode, subject, "commitment.strength", problems, Bounds.UnitInterval, "a probability");
            if (state is not null && side is not null && strength is not null) commitments.Add(new UncertainCommitment(state, side, strength.Distribution));
        }

        if (problems.Count > 0) return ParseResult<WarTrapRegion>.ForProblems(problems);

        var warTrap = UncertainWarTrap.Create(states, distances, ties, similarity, commitments);
        if (!warTrap.Success)
            return ParseResult<WarTrapRegion>.ForProblems(warTrap.Problems.Select(p => p.Location is null ? p.At(Locate(p)) : p).ToArray());

        // A problem the model found about a state is placed at that state's field, else at the top.
        SourceLocation Locate(Problem p)
        {
            if (YamlFile.Get(root, "states") is YamlSequenceNode listed)
                foreach (var n in listed.Children.OfType<YamlMappingNode>())
                    if ((YamlFile.Get(n, "id") as YamlScalarNode)?.Value == p.Subject)
                        return file.At(YamlFile.Get(n, p.Field) ?? n);
            return file.At(root);
        }

        var options = new WarTrapOptions(DistanceDiscount: distances.Count > 0, Measure: measure, Year: (int)year);
        var summary = description ?? (tieLabel is null ? null : $"ties from {tieLabel}");
        return ParseResult<WarTrapRegion>.ForValue(new WarTrapRegion(name, summary, described, warTrap.Value, options, file.Path));
    }

    private static UncertainValue? Missing(YamlFile file, YamlMappingNode parent, string subject, string field, List<Problem> problems)
    {
        problems.Add(file.Missing(parent, subject, field));
        return null;
    }

    private static (string Path, int Year)? ReadDataSource(YamlFile file, YamlMappingNode data, string key, List<Problem> problems)
    {
        if (YamlFile.Get(data, key) is not { } node) return null;
        if (node is not YamlMappingNode source)
        {
            problems.Add(file.Problem(node, "region", $"data.{key}", "expected a mapping {file, year}"));
            return null;
        }

        file.CheckKeys(source, "region", ["file", "year"], problems);
        var relative = file.String(YamlFile.Get(source, "file"), "region", $"data.{key}.file", problems, required: true, parent: source);
        var year = file.Number(YamlFile.Get(source, "year"), "region", $"data.{key}.year", problems, required: true, parent: source);
        if (relative is null || year is null) return null;
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(file.Path)) ?? ".";
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir, relative));
        if (!File.Exists(path))
        {
            problems.Add(file.Problem(YamlFile.Get(source, "file")!, "region", $"data.{key}.file", $"file not found: {path}"));
            return null;
        }

        return (path, (int)year.Value);
    }

    private static IEnumerable<(YamlNode Node, int Index)> Items(YamlFile file, YamlMappingNode root, string key, List<Problem> problems, bool required = false)
    {
        var node = YamlFile.Get(root, key);
        if (node is null)
        {
            if (required) problems.Add(file.Missing(root, "region", key));
            yield break;
        }

        if (node is not YamlSequenceNode list)
        {
            problems.Add(file.Problem(node, "region", key, "expected a list"));
            yield break;
        }

        for (var i = 0; i < list.Children.Count; i++) yield return (list.Children[i], i);
    }
}
