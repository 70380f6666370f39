using System.Globalization;
using Statecraft.Core.Domain;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Statecraft.Io.Yaml;

/// <summary>
/// A YAML file loaded as a node tree that remembers where each node sits, with small helpers that
/// read typed fields and collect <see cref="Problem"/>s (file:line:column) instead of throwing.
/// </summary>
public sealed class YamlFile
{
    private YamlFile(string path, YamlMappingNode root)
    {
        Path = path;
        Root = root;
    }

    /// <summary>The file name used in messages.</summary>
    public string Path { get; }

    public YamlMappingNode Root { get; }

    public static ParseResult<YamlFile> Load(string path) =>
        InputFile.ReadText(path).Then(t => Parse(t, path));

    public static ParseResult<YamlFile> Parse(string text, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            return ParseResult<YamlFile>.ForProblem(new Problem("", "", "invalid YAML: " + message,
                new SourceLocation(path, (int)e.Start.Line, (int)e.Start.Column)));
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            return ParseResult<YamlFile>.ForProblem(new Problem("", "", "expected a YAML mapping at the top level", new SourceLocation(path, 1, 1)));
        return ParseResult<YamlFile>.ForValue(new YamlFile(path, root));
    }

    public SourceLocation At(YamlNode node) => new(Path, (int)node.Start.Line, (int)node.Start.Column);

    public Problem Problem(YamlNode node, string subject, string field, string message) => new(subject, field, message, At(node));

    /// <summary>The value under <paramref name="key"/>, or null.</summary>
    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    /// <summary>Reports every key of <paramref name="map"/> not in <paramref name="allowed"/>.</summary>
    public void CheckKeys(YamlMappingNode map, string subject, IReadOnlyCollection<string> allowed, List<Problem> problems)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name))
                problems.Add(Problem(key, subject, name, $"unknown field; expected one of: {string.Join(", ", allowed)}"));
        }
    }

    public string? String(YamlNode? node, string subject, string field, List<Problem> problems, bool required = false, YamlNode? parent = null)
    {
        if (node is null)
        {
            if (required) problems.Add(Missing(parent, subject, field));
            return null;
        }

        if (node is YamlScalarNode { Value: { Length: > 0 } value }) return value;
        problems.Add(Problem(node, subject, field, "expected a non-empty text value"));
        return null;
    }

    public double? Number(YamlNode? node, string subject, string field, List<Problem> problems, bool required = false, YamlNode? parent = null)
    {
        if (node is null)
        {
            if (required) problems.Add(Missing(parent, subject, field));
            return null;
        }

        if (node is YamlScalarNode scalar && TryNumber(scalar, out var value)) return value;
        problems.Add(Problem(node, subject, field, $"expected a number, found '{Describe(node)}'"));
        return null;
    }

    public static bool TryNumber(YamlScalarNode scalar, out double value)
    {
        value = 0;
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted) return false;
        var text = scalar.Value ?? "";
        switch (text)
        {
            case ".inf" or "+.inf" or ".Inf":
                value = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf":
                value = double.NegativeInfinity;
                return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    public Problem Missing(YamlNode? parent, string subject, string field) =>
        new(subject, field, "required field is missing", parent is null ? new SourceLocation(Path) : At(parent));

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? "",
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ => node.NodeType.ToString(),
    };
}
