using System.Globalization;
using Statecraft.Core.Domain;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
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

    /// <summary>
    /// Parses <paramref name="text"/> as one YAML mapping. The text is scanned event by event first
    /// (YamlDotNet's parser keeps its own stack, so this cannot overflow ours): syntax errors of every
    /// kind are located, and nesting deeper than the depth limit or a scalar longer than the field-length
    /// limit is refused before the node tree, which is built recursively, is made.
    /// </summary>
    public static ParseResult<YamlFile> Parse(string text, string path, string expected = "a YAML mapping at the top level")
    {
        if (Scan(text, path) is { } problem) return ParseResult<YamlFile>.ForProblem(problem);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            return ParseResult<YamlFile>.ForProblem(Malformed(e, path));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // The node builder refuses some event sequences the scanner accepts (found by fuzzing).
            return ParseResult<YamlFile>.ForProblem(new Problem("", "yaml", "malformed YAML: " + e.Message, new SourceLocation(path, 1, 1)));
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            return ParseResult<YamlFile>.ForProblem(new Problem("", "", "expected " + expected, new SourceLocation(path, 1, 1)));
        return ParseResult<YamlFile>.ForValue(new YamlFile(path, root));
    }

    /// <summary>The first syntax error or limit exceeded in <paramref name="text"/>, located; null when there is none.</summary>
    private static Problem? Scan(string text, string path)
    {
        var limits = Limits.Current;
        var parser = new Parser(new StringReader(text));
        var last = Mark.Empty;
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                if (parser.Current is not { } e) continue;
                last = e.End;
                switch (e)
                {
                    case MappingStart or SequenceStart:
                        if (++depth > limits.Depth)
                            return limits.Exceeded("depth", depth, "", "yaml", new SourceLocation(path, (int)e.Start.Line, (int)e.Start.Column));
                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                    case Scalar { Value.Length: var length } when length > limits.FieldLength:
                        return limits.Exceeded("field-length", length, "", "yaml", new SourceLocation(path, (int)e.Start.Line, (int)e.Start.Column));
                }
            }

            return null;
        }
        catch (YamlException e)
        {
            return Malformed(e, path);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // Some inputs make YamlDotNet's scanner throw without a position (a flow mapping left
            // open across lines): the error is placed just after the last event that parsed.
            return new Problem("", "yaml", "malformed YAML after this point (check brackets, quotes and indentation)",
                new SourceLocation(path, Math.Max(1, (int)last.Line), Math.Max(1, (int)last.Column)));
        }
    }

    private static Problem Malformed(YamlException e, string path)
    {
        // YamlDotNet prefixes messages with "(Line: x, Col: y, Idx: z) - (...)": the location is ours to print.
        var message = e.InnerException?.Message ?? e.Message;
        var i = message.LastIndexOf("): ", StringComparison.Ordinal);
        return new Problem("", "yaml", "malformed YAML: " + (i >= 0 ? message[(i + 3)..] : message),
            new SourceLocation(path, Math.Max(1, (int)e.Start.Line), Math.Max(1, (int)e.Start.Column)));
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
        problems.Add(Problem(node, subject, field, $"expected {Finite.Expected}, found '{Describe(node)}'"));
        return null;
    }

    public static bool TryNumber(YamlScalarNode scalar, out double value)
    {
        value = 0;
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted) return false;
        var text = scalar.Value ?? "";
        switch (text)
        {
            case ".inf" or "+.inf" or ".Inf" or "-.inf" or "-.Inf" or ".nan" or ".NaN":
                return false; // no model can take an infinite or undefined input
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && Finite.IsUsable(value);
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
