using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Statecraft.Core.Domain;
using Statecraft.Core.Elicitation;
using Statecraft.Core.Scenarios;
using Statecraft.Io.Scenarios;
using YamlDotNet.RepresentationModel;

namespace Statecraft.Io.Elicitation;

/// <summary>
/// Folds filled elicitation sheets into a scenario file (docs/elicitation.md). Each judged value
/// becomes an <c>experts</c> list holding what the file said before and one entry per expert; each
/// expert becomes one judgement source whose reasoning is their rows' reasoning. The file is edited
/// in place as text, so its comments, order and layout survive; the result is loaded again before
/// it is returned, so a merge never writes a scenario the loader would refuse.
/// </summary>
public static partial class ScenarioMerge
{
    private sealed record Edit(int Start, int End, string Text);

    public static ParseResult<string> Merge(string text, string file, Scenario scenario, IReadOnlyList<ElicitationSheet> sheets)
    {
        var problems = sheets.SelectMany(s => s.Check(scenario)).ToList();
        var seen = new Dictionary<(string, string), ElicitationSheet>();
        foreach (var sheet in sheets)
        {
            if (!seen.TryAdd((sheet.SourceId, sheet.Issue), sheet))
                problems.Add(new Problem(sheet.Issue, "expert", $"'{sheet.Expert}' has two sheets for this issue ({seen[(sheet.SourceId, sheet.Issue)].File} and this one)", new SourceLocation(sheet.File)));
            if (scenario.Sources.Any(s => s.Id == sheet.SourceId))
                problems.Add(new Problem(sheet.Issue, "expert", $"the scenario already has a source '{sheet.SourceId}': merge each expert's sheets once, all together", new SourceLocation(sheet.File)));
        }

        if (problems.Count > 0) return ParseResult<string>.ForProblems(problems.Distinct().ToArray());

        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var edits = new List<Edit>();

        // Every judged stance field, with the judgements of all sheets in sheet order.
        var judged = sheets
            .SelectMany(s => s.Rows.SelectMany(r => r.Judgements.Select(j => (Sheet: s, r.Actor, Judgement: j))))
            .GroupBy(x => (x.Sheet.Issue, x.Actor, x.Judgement.Field));
        foreach (var group in judged)
        {
            var (issueId, actor, field) = group.Key;
            var stanceNode = StanceNode(root, issueId, actor);
            var current = scenario.Issue(issueId).StanceOf(actor)!;
            var before = field switch { "position" => current.Position, "salience" => current.Salience, _ => current.Influence };
            var entries = new List<string>();
            var valueNode = YamlReader.Get(stanceNode, field);
            if (valueNode is YamlMappingNode vm && YamlReader.Get(vm, "experts") is YamlSequenceNode list) entries.AddRange(list.Children.Select(Flow));
            else if (valueNode is not null) entries.Add(Flow(valueNode));
            IReadOnlyList<SourcedValue> judgedBefore = before is null ? [] : before.Experts ?? [before];
            foreach (var old in judgedBefore)
                if (scenario.Source(old.Source.SourceId).Kind != SourceKind.Judgement)
                    problems.Add(new Problem($"{issueId}/{actor}", field,
                        $"the scenario's value cites the {scenario.Source(old.Source.SourceId).Kind.ToString().ToLowerInvariant()} '{old.Source.SourceId}': only judgements can be pooled with experts' sheets",
                        old.Where ?? new SourceLocation(file)));

            entries.AddRange(group.Select(x => Entry(x.Judgement.Estimate, x.Sheet.SourceId)));
            var replacement = entries.Count == 1 ? entries[0] : $"{{experts: [{string.Join(", ", entries)}]}}";
            edits.Add(valueNode is null ? Insert(text, stanceNode, field, replacement) : Replace(text, valueNode, replacement));
        }

        if (problems.Count > 0) return ParseResult<string>.ForProblems(problems);

        var sources = (YamlSequenceNode)YamlReader.Get(root, "sources")!;
        var added = sheets.GroupBy(s => s.SourceId).Select(g => SourceEntry(g.Key, g.ToArray()));
        edits.Add(Append(text, sources, added.ToArray()));

        var merged = new StringBuilder(text);
        foreach (var e in edits.OrderByDescending(e => e.Start)) merged.Remove(e.Start, e.End - e.Start).Insert(e.Start, e.Text);
        var result = merged.ToString();
        var check = ScenarioLoader.Load(result, file);
        return check.Success ? ParseResult<string>.ForValue(result) : ParseResult<string>.ForProblems(check.Problems);
    }

    private static YamlMappingNode StanceNode(YamlMappingNode root, string issueId, string actor)
    {
        var issues = (YamlSequenceNode)YamlReader.Get(root, "issues")!;
        var issue = issues.Children.OfType<YamlMappingNode>().First(i => (YamlReader.Get(i, "id") as YamlScalarNode)?.Value == issueId);
        var stances = (YamlSequenceNode)YamlReader.Get(issue, "stances")!;
        return stances.Children.OfType<YamlMappingNode>().First(s => (YamlReader.Get(s, "actor") as YamlScalarNode)?.Value == actor);
    }

    private static string Entry(Estimate e, string source)
    {
        static string N(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        return e.IsPoint
            ? $"{{value: {N(e.Central)}, source: {source}}}"
            : $"{{value: {N(e.Central)}, low: {N(e.Low)}, high: {N(e.High)}, source: {source}}}";
    }

    private static string SourceEntry(string id, IReadOnlyList<ElicitationSheet> sheets)
    {
        var expert = sheets[0].Expert;
        var files = string.Join(", ", sheets.Select(s => Path.GetFileName(s.File)));
        var rows = sheets.SelectMany(s => s.Rows.Where(r => r.Judgements.Count > 0).Select(r => $"{s.Issue}/{r.Actor}: {r.Reasoning.Trim()}"));
        var reasoning = $"Judgements of {expert}, elicited on {files}. " + string.Join(" ", rows.Select(r => r.EndsWith('.') ? r : r + "."));
        return $"{{id: {id}, kind: judgement, reasoning: {Quote(reasoning)}}}";
    }

    /// <summary>A node written back in flow style (the form every experts list entry takes).</summary>
    private static string Flow(YamlNode node) => node switch
    {
        YamlScalarNode s => Scalar(s.Value ?? ""),
        YamlMappingNode m => "{" + string.Join(", ", m.Children.Select(kv => Flow(kv.Key) + ": " + Flow(kv.Value))) + "}",
        YamlSequenceNode q => "[" + string.Join(", ", q.Children.Select(Flow)) + "]",
        _ => "",
    };

    private static string Scalar(string value) => PlainScalar().IsMatch(value) ? value : Quote(value);

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal) + "\"";

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.+\-]*$")]
    private static partial Regex PlainScalar();

    /// <summary>The node's text span without the line breaks and indentation a block node ends with.</summary>
    private static (int Start, int End) Span(string text, YamlNode node)
    {
        var start = (int)node.Start.Index;
        var end = End(text, node);
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return (start, end);
    }

    /// <summary>
    /// Where a node's text ends. YamlDotNet gives scalars their end but leaves a collection's end at
    /// its start, so a collection ends at its last child, plus the closing bracket of a flow one.
    /// </summary>
    private static int End(string text, YamlNode node)
    {
        var (last, close) = node switch
        {
            YamlMappingNode m => (m.Children.Count == 0 ? null : m.Children.Values.Last(), m.Style == YamlDotNet.Core.Events.MappingStyle.Flow ? '}' : '\0'),
            YamlSequenceNode q => (q.Children.Count == 0 ? null : q.Children[^1], q.Style == YamlDotNet.Core.Events.SequenceStyle.Flow ? ']' : '\0'),
            _ => ((YamlNode?)null, '\0'),
        };
        if (node is YamlScalarNode) return (int)node.End.Index;
        var end = last is null ? (int)node.Start.Index + 1 : End(text, last);
        if (close == '\0') return end;
        var at = text.IndexOf(close, end);
        return at < 0 ? end : at + 1;
    }

    private static Edit Replace(string text, YamlNode node, string replacement)
    {
        var (start, end) = Span(text, node);
        return new Edit(start, end, replacement);
    }

    /// <summary>A new key in a stance: before the closing brace of a flow mapping, or on a new line of a block one.</summary>
    private static Edit Insert(string text, YamlMappingNode stance, string field, string value)
    {
        var (_, end) = Span(text, stance);
        if (stance.Style == YamlDotNet.Core.Events.MappingStyle.Flow && text[end - 1] == '}')
            return new Edit(end - 1, end - 1, $", {field}: {value}");
        var indent = new string(' ', (int)stance.Children.Keys.First().Start.Column - 1);
        var (_, lastEnd) = Span(text, stance.Children.Values.Last());
        return new Edit(lastEnd, lastEnd, $"\n{indent}{field}: {value}");
    }

    /// <summary>New items at the end of a sequence, in its own style.</summary>
    private static Edit Append(string text, YamlSequenceNode sequence, IReadOnlyList<string> items)
    {
        var (_, end) = Span(text, sequence);
        if (sequence.Style == YamlDotNet.Core.Events.SequenceStyle.Flow && text[end - 1] == ']')
            return new Edit(end - 1, end - 1, string.Concat(items.Select(i => ", " + i)));
        var last = sequence.Children[^1];
        var (_, lastEnd) = Span(text, last);
        var lineStart = text.LastIndexOf('\n', (int)last.Start.Index) + 1;
        var prefix = text[lineStart..(int)last.Start.Index];
        if (prefix.Trim() != "-") prefix = new string(' ', Math.Max(0, prefix.Length - 2)) + "- ";
        return new Edit(lastEnd, lastEnd, string.Concat(items.Select(i => "\n" + prefix + i)));
    }
}
