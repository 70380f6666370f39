using Statecraft.Core.Domain;
using Statecraft.Core.Uncertainty;
using YamlDotNet.RepresentationModel;

namespace Statecraft.Io.Yaml;

/// <summary>An uncertain number read from a file, with the source the file gives for it.</summary>
public sealed record UncertainValue(Distribution Distribution, string? Source, SourceLocation Location);

/// <summary>
/// The one YAML syntax for uncertain numbers, shared by every Statecraft file format:
/// <code>
/// capability: 0.21                                   # a plain number (a point value)
/// capability: {dist: point, value: 0.21}
/// capability: {dist: uniform, lo: 0.1, hi: 0.3}
/// capability: {dist: triangular, lo: 0.1, mode: 0.2, hi: 0.3}
/// capability: {dist: normal, mean: 0.2, sd: 0.05, min: 0}        # min/max truncate any kind
/// capability: {dist: beta, alpha: 2, beta: 5}                     # on [0, 1], or on [lo, hi] if given
/// </code>
/// Any of them may add <c>source: "..."</c> (where the number comes from) and <c>note: "..."</c>.
/// </summary>
public static class DistributionYaml
{
    private static readonly Dictionary<string, string[]> ParametersByKind = new(StringComparer.Ordinal)
    {
        ["point"] = ["value"],
        ["uniform"] = ["lo", "hi"],
        ["triangular"] = ["lo", "mode", "hi"],
        ["normal"] = ["mean", "sd"],
        ["beta"] = ["alpha", "beta", "lo", "hi"],
    };

    private static readonly string[] Common = ["dist", "min", "max", "source", "note"];

    /// <summary>
    /// Reads <paramref name="node"/> as an uncertain number. Every problem goes into
    /// <paramref name="problems"/> with its file, line, column and the field path
    /// (<c>field.lo</c>); returns null when there were any. When <paramref name="domain"/> is given the
    /// whole support must lie inside it (a probability above 1 or a negative capability is an error;
    /// an unbounded normal for a share must be truncated with min/max).
    /// </summary>
    public static UncertainValue? Parse(
        YamlFile file, YamlNode node, string subject, string field, List<Problem> problems, Bounds? domain = null, string? domainMeaning = null)
    {
        var before = problems.Count;
        Distribution? distribution = null;
        string? source = null;
        if (node is YamlScalarNode scalar)
        {
            if (YamlFile.TryNumber(scalar, out var value)) distribution = Distribution.Point(value);
            else problems.Add(file.Problem(node, subject, field,
                $"expected a number or a distribution such as {{dist: triangular, lo: 1, mode: 2, hi: 3}}, found '{scalar.Value}' (a number must be {Finite.Expected})"));
        }
        else if (node is YamlMappingNode map)
        {
            (distribution, source) = ParseMapping(file, map, subject, field, problems);
        }
        else
        {
            problems.Add(file.Problem(node, subject, field, "expected a number or a distribution mapping, found a list"));
        }

        if (distribution is not null && domain is not null)
        {
            var support = distribution.Support;
            if (support.Min < domain.Min || support.Max > domain.Max)
            {
                var what = domainMeaning is null ? "" : $" ({domainMeaning})";
                problems.Add(file.Problem(node, subject, field, distribution.IsPoint
                    ? $"expected a value in {domain}{what}, found {distribution}"
                    : $"expected values in {domain}{what}, but {distribution} ranges over {support}; truncate it with min/max"));
            }
        }

        return problems.Count > before || distribution is null ? null : new UncertainValue(distribution, source, file.At(node));
    }

    private static (Distribution?, string?) ParseMapping(YamlFile file, YamlMappingNode map, string subject, string field, List<Problem> problems)
    {
        var kindNode = YamlFile.Get(map, "dist");
        var kind = file.String(kindNode, subject, field + ".dist", problems, required: true, parent: map);
        if (kind is null) return (null, null);
        if (!ParametersByKind.TryGetValue(kind, out var parameters))
        {
            problems.Add(file.Problem(kindNode!, subject, field + ".dist",
                $"unknown distribution '{kind}'; expected one of: {string.Join(", ", ParametersByKind.Keys)}"));
            return (null, null);
        }

        var before = problems.Count;
        file.CheckKeys(map, subject, [.. Common, .. parameters], problems);
        for (var i = before; i < problems.Count; i++) problems[i] = problems[i] with { Field = field + "." + problems[i].Field };

        var optional = kind == "beta" ? new HashSet<string> { "lo", "hi" } : [];
        var values = new Dictionary<string, double>();
        foreach (var name in parameters)
        {
            var v = file.Number(YamlFile.Get(map, name), subject, field + "." + name, problems, required: !optional.Contains(name), parent: map);
            if (v is not null) values[name] = v.Value;
        }

        var min = file.Number(YamlFile.Get(map, "min"), subject, field + ".min", problems);
        var max = file.Number(YamlFile.Get(map, "max"), subject, field + ".max", problems);
        var source = file.String(YamlFile.Get(map, "source"), subject, field + ".source", problems);
        file.String(YamlFile.Get(map, "note"), subject, field + ".note", problems);
        if (problems.Count > before) return (null, null);

        var truncation = min is null && max is null ? null : new Bounds(min ?? double.NegativeInfinity, max ?? double.PositiveInfinity);
        var invalid = kind switch
        {
            "point" => PointDistribution.Validate(values["value"], truncation),
            "uniform" => UniformDistribution.Validate(values["lo"], values["hi"], truncation),
            "triangular" => TriangularDistribution.Validate(values["lo"], values["mode"], values["hi"], truncation),
            "normal" => NormalDistribution.Validate(values["mean"], values["sd"], truncation),
            _ => BetaDistribution.Validate(values["alpha"], values["beta"], values.GetValueOrDefault("lo", 0), values.GetValueOrDefault("hi", 1), truncation),
        };
        foreach (var problem in invalid)
        {
            var at = YamlFile.Get(map, problem.Field) ?? map;
            problems.Add(file.Problem(at, subject, field + "." + problem.Field, problem.Message));
        }

        if (invalid.Count > 0) return (null, null);
        Distribution distribution = kind switch
        {
            "point" => new PointDistribution(values["value"], truncation),
            "uniform" => new UniformDistribution(values["lo"], values["hi"], truncation),
            "triangular" => new TriangularDistribution(values["lo"], values["mode"], values["hi"], truncation),
            "normal" => new NormalDistribution(values["mean"], values["sd"], truncation),
            _ => new BetaDistribution(values["alpha"], values["beta"], values.GetValueOrDefault("lo", 0), values.GetValueOrDefault("hi", 1), truncation),
        };
        return (distribution, source);
    }
}
