using System.Globalization;
using Statecraft.Core.Domain;
using YamlDotNet.RepresentationModel;

namespace Statecraft.Io.Scenarios;

/// <summary>
/// Reads typed fields out of YAML nodes, recording a problem with file:line:column for anything
/// missing, mistyped or unknown instead of stopping at the first one.
/// </summary>
internal sealed class YamlReader(string file, Yaml.YamlFile yaml)
{
    /// <summary>The file as the shared YAML helpers see it (for the distribution syntax).</summary>
    public Yaml.YamlFile Yaml { get; } = yaml;

    public List<Problem> Problems { get; } = [];

    public SourceLocation At(YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    public void Add(YamlNode node, string subject, string field, string message) =>
        Problems.Add(new Problem(subject, field, message, At(node)));

    public YamlMappingNode? Mapping(YamlNode? node, string subject, string field)
    {
        if (node is null) return null;
        if (node is YamlMappingNode m) return m;
        Add(node, subject, field, "expected a mapping (key: value lines)");
        return null;
    }

    public IEnumerable<YamlNode> Sequence(YamlMappingNode parent, string key, string subject, bool required = false)
    {
        var node = Get(parent, key);
        if (node is null)
        {
            if (required) Add(parent, subject, key, "missing");
            return [];
        }

        if (node is YamlSequenceNode s) return s.Children;
        if (node is YamlScalarNode { Value: null or "" or "~" }) return [];
        Add(node, subject, key, "expected a list");
        return [];
    }

    /// <summary>A mapping key as a name, or a problem when the key is a list, a mapping or empty.</summary>
    public string? Key(YamlNode key, string subject, string field)
    {
        if (key is YamlScalarNode { Value: { Length: > 0 } name }) return name;
        Add(key, subject, field, "expected a name as the key");
        return null;
    }

    public static YamlNode? Get(YamlMappingNode m, string key) =>
        m.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    /// <summary>Flags keys that are not in <paramref name="allowed"/>, so a misspelt field is not silently ignored.</summary>
    public void OnlyKeys(YamlMappingNode m, string subject, params string[] allowed)
    {
        foreach (var key in m.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name))
                Add(key, subject, name, $"unknown field (expected one of: {string.Join(", ", allowed)})");
        }
    }

    public string? String(YamlMappingNode m, string key, string subject, bool required = true)
    {
        var node = Get(m, key);
        if (node is null)
        {
            if (required) Add(m, subject, key, "missing");
            return null;
        }

        if (node is YamlScalarNode { Value: { } v } && v.Length > 0) return v;
        Add(node, subject, key, "expected a text value");
        return null;
    }

    public double? Number(YamlNode node, string subject, string field)
    {
        if (node is YamlScalarNode { Value: { } v }
            && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && Finite.IsUsable(x))
            return x;
        Add(node, subject, field, $"expected {Finite.Expected}, found '{Describe(node)}'");
        return null;
    }

    public double? Number(YamlMappingNode m, string key, string subject, bool required = true)
    {
        var node = Get(m, key);
        if (node is null)
        {
            if (required) Add(m, subject, key, "missing");
            return null;
        }

        return Number(node, subject, key);
    }

    public int? Integer(YamlMappingNode m, string key, string subject)
    {
        var node = Get(m, key);
        if (node is null) return null;
        if (node is YamlScalarNode { Value: { } v } && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)) return i;
        Add(node, subject, key, $"expected a whole number, found '{Describe(node)}'");
        return null;
    }

    public bool Bool(YamlMappingNode m, string key, string subject)
    {
        var node = Get(m, key);
        if (node is null) return false;
        if (node is YamlScalarNode { Value: "true" or "false" } s) return s.Value == "true";
        Add(node, subject, key, "expected true or false");
        return false;
    }

    /// <summary>A date as YYYY-MM-DD, or YYYY-MM (read as the first of the month).</summary>
    public DateOnly? Date(YamlMappingNode m, string key, string subject, bool required = false)
    {
        var node = Get(m, key);
        if (node is null)
        {
            if (required) Add(m, subject, key, "missing");
            return null;
        }

        var text = (node as YamlScalarNode)?.Value ?? "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        if (DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d2)) return d2;
        Add(node, subject, key, $"expected a date YYYY-MM-DD or YYYY-MM, found '{text}'");
        return null;
    }

    public IReadOnlyList<string> Strings(YamlMappingNode m, string key, string subject)
    {
        var node = Get(m, key);
        if (node is null) return [];
        if (node is YamlSequenceNode s)
        {
            var list = new List<string>();
            foreach (var c in s.Children)
                if (c is YamlScalarNode { Value: { Length: > 0 } v }) list.Add(v);
                else Add(c, subject, key, "expected a text value");
            return list;
        }

        Add(node, subject, key, "expected a list such as [S1, S2]");
        return [];
    }

    public T? Enum<T>(YamlMappingNode m, string key, string subject, IReadOnlyDictionary<string, T> names) where T : struct
    {
        var text = String(m, key, subject);
        if (text is null) return null;
        if (names.TryGetValue(text, out var v)) return v;
        Add(Get(m, key)!, subject, key, $"expected one of: {string.Join(", ", names.Keys)}; found '{text}'");
        return null;
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? "",
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ => node.ToString(),
    };
}
