using System.Globalization;
using System.Text;
using Statecraft.Core.Domain;
using Statecraft.Core.Elicitation;
using Statecraft.Core.Scenarios;
using Statecraft.Io.Datasets;

namespace Statecraft.Io.Elicitation;

/// <summary>
/// The elicitation sheet as a CSV file (docs/elicitation.md): lines starting with # are notes, then a
/// header and one row per actor with the expert's name, the issue, the actor, a central value and a
/// low-high range for each of position, salience and influence, and the reasoning.
/// </summary>
public static class SheetFile
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "expert", "issue", "actor",
        "position", "position_low", "position_high",
        "salience", "salience_low", "salience_high",
        "influence", "influence_low", "influence_high",
        "reasoning",
    ];

    private static readonly Dictionary<string, int> ColumnIndex = Columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);

    /// <summary>The blank sheet for one issue: notes on the scale and the fields, and a row per actor with a stance.</summary>
    public static ParseResult<string> Template(Scenario scenario, string issueId)
    {
        var issue = scenario.Issues.FirstOrDefault(i => i.Id == issueId);
        if (issue is null)
            return ParseResult<string>.ForProblem(new Problem("options", "ISSUE",
                $"unknown issue '{issueId}'; this scenario has: {string.Join(", ", scenario.Issues.Select(i => i.Id))}"));

        static string N(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.Append("# Elicitation sheet: scenario ").Append(scenario.Id).Append(", issue ").Append(issue.Id).Append(" (").Append(issue.Title)
            .Append("). Judge as of ").Append(scenario.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(".\n");
        sb.Append("# position: ").Append(N(issue.Scale.Min)).Append(" = ").Append(issue.Scale.MinMeaning).Append("; ")
            .Append(N(issue.Scale.Max)).Append(" = ").Append(issue.Scale.MaxMeaning).Append('\n');
        sb.Append("# salience: 0 to 1, how much the actor cares about this issue against everything else it cares about\n");
        sb.Append("# influence: >= 0, the weight the actor can bring to bear on this issue (only ratios count: e.g. percent shares summing to 100)\n");
        sb.Append("# For each value write your central judgement and a low-high range you are 90% sure of, or leave all three blank.\n");
        sb.Append("# Put your name in the expert column of every row and say why in the reasoning column.\n");
        foreach (var st in issue.Stances)
            sb.Append("# ").Append(st.ActorId).Append(" = ").Append(scenario.Actor(st.ActorId).Name).Append('\n');
        sb.Append(string.Join(",", Columns)).Append('\n');
        foreach (var st in issue.Stances)
            sb.Append(',').Append(issue.Id).Append(',').Append(st.ActorId).Append(new string(',', Columns.Count - 3)).Append('\n');
        return ParseResult<string>.ForValue(sb.ToString());
    }

    public static ParseResult<ElicitationSheet> Read(string path) => InputFile.ReadText(path).Then(t => Parse(t, path));

    /// <summary>
    /// Reads a filled sheet, reporting every problem at once with file, line and column: a missing
    /// or unknown column, a value that is not a number, a range with one end only, rows of two experts
    /// or two issues, a sheet that judges nothing.
    /// </summary>
    public static ParseResult<ElicitationSheet> Parse(string text, string file)
    {
        var problems = new List<Problem>();
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        int[]? index = null;
        string? expert = null, issue = null;
        var rows = new List<SheetRow>();
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            SourceLocation At(int column) => new(file, n + 1, column);
            var fields = Csv.SplitWithColumns(line);
            if (index is null)
            {
                index = Header(fields, At, problems);
                if (index is null) break;
                continue;
            }

            if (fields.Length != Columns.Count)
            {
                problems.Add(new Problem("sheet", "row", $"expected {Columns.Count} fields (quote text containing commas), found {fields.Length}", At(1)));
                continue;
            }

            (string Text, SourceLocation Where) F(string column) => (fields[index[ColumnIndex[column]]].Text.Trim(), At(fields[index[ColumnIndex[column]]].Column));

            var (rowExpert, expertAt) = F("expert");
            var (rowIssue, issueAt) = F("issue");
            var (actor, actorAt) = F("actor");
            if (rowExpert.Length == 0) problems.Add(new Problem("sheet", "expert", "missing: write your name in every row", expertAt));
            else if (expert is null) expert = rowExpert;
            else if (rowExpert != expert) problems.Add(new Problem("sheet", "expert", $"one sheet per expert: this row names '{rowExpert}', earlier rows '{expert}'", expertAt));
            if (rowIssue.Length == 0) problems.Add(new Problem("sheet", "issue", "missing", issueAt));
            else if (issue is null) issue = rowIssue;
            else if (rowIssue != issue) problems.Add(new Problem("sheet", "issue", $"one issue per sheet: this row names '{rowIssue}', earlier rows '{issue}'", issueAt));
            if (actor.Length == 0) problems.Add(new Problem("sheet", "actor", "missing", actorAt));

            var judgements = new List<SheetJudgement>();
            foreach (var field in ElicitationSheet.Fields)
            {
                var (value, valueAt) = F(field);
                var (low, lowAt) = F(field + "_low");
                var (high, highAt) = F(field + "_high");
                if (value.Length == 0 && low.Length == 0 && high.Length == 0) continue;
                var subject = $"{rowIssue}/{actor}";
                double? Number(string s, string column, SourceLocation where)
                {
                    if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x)) return x;
                    problems.Add(new Problem(subject, column, $"expected a number, found '{s}'", where));
                    return null;
                }

                if (value.Length == 0)
                {
                    problems.Add(new Problem(subject, field, "missing: a range needs its central value", valueAt));
                    continue;
                }

                if ((low.Length == 0) != (high.Length == 0))
                {
                    problems.Add(new Problem(subject, field + (low.Length == 0 ? "_low" : "_high"), "give both ends of the range, or neither", low.Length == 0 ? lowAt : highAt));
                    continue;
                }

                var v = Number(value, field, valueAt);
                var lo = low.Length == 0 ? v : Number(low, field + "_low", lowAt);
                var hi = high.Length == 0 ? v : Number(high, field + "_high", highAt);
                if (v is not null && lo is not null && hi is not null) judgements.Add(new SheetJudgement(field, new Estimate(v.Value, lo.Value, hi.Value), valueAt));
            }

            var (reasoning, reasoningAt) = F("reasoning");
            rows.Add(new SheetRow(actor, judgements, reasoning, At(1), actorAt, reasoningAt));
        }

        if (index is null && problems.Count == 0)
            problems.Add(new Problem("sheet", "header", $"expected a header line: {string.Join(",", Columns)}", new SourceLocation(file, 1, 1)));
        else if (index is not null && problems.Count == 0 && rows.All(r => r.Judgements.Count == 0))
            problems.Add(new Problem("sheet", "rows", "the sheet judges nothing: fill at least one value", new SourceLocation(file)));
        return problems.Count > 0
            ? ParseResult<ElicitationSheet>.ForProblems(problems)
            : ParseResult<ElicitationSheet>.ForValue(new ElicitationSheet(file, expert!, issue!, rows));
    }

    private static int[]? Header((string Text, int Column)[] fields, Func<int, SourceLocation> at, List<Problem> problems)
    {
        var index = new int[Columns.Count];
        Array.Fill(index, -1);
        var ok = true;
        for (var i = 0; i < fields.Length; i++)
        {
            var name = fields[i].Text.Trim();
            if (!ColumnIndex.TryGetValue(name, out var k))
            {
                problems.Add(new Problem("sheet", name, $"unknown column (expected: {string.Join(",", Columns)})", at(fields[i].Column)));
                ok = false;
            }
            else if (index[k] >= 0)
            {
                problems.Add(new Problem("sheet", name, "duplicate column", at(fields[i].Column)));
                ok = false;
            }
            else index[k] = i;
        }

        foreach (var missing in Columns.Where((_, k) => index[k] < 0))
        {
            problems.Add(new Problem("sheet", missing, "missing column", at(1)));
            ok = false;
        }

        return ok ? index : null;
    }

}
