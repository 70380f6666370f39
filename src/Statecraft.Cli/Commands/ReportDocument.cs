using System.Net;
using System.Text;

namespace Statecraft.Cli.Commands;

/// <summary>
/// The analysis report as one list of blocks, written out twice: report.md and report.html come from
/// the same blocks, so nothing is in one format and missing from the other.
/// </summary>
internal sealed class ReportDocument
{
    /// <summary>A piece of inline text: plain, bold, code, muted, coloured as agreeing or not, or a link.</summary>
    public sealed record Run(string Text, bool Bold = false, bool Code = false, string? Href = null, string? Class = null);

    public abstract record Block;

    public sealed record Heading(int Level, string Text, string? Id = null) : Block;

    public sealed record Paragraph(IReadOnlyList<Run> Runs, string? Class = null) : Block;

    public sealed record Bullets(IReadOnlyList<IReadOnlyList<Run>> Items, bool Numbered = false) : Block;

    public sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<IReadOnlyList<Run>>> Rows, string? Class = null) : Block;

    /// <summary>A chart: drawn from its spec in report.html; in report.md, its title and where to see it.</summary>
    public sealed record Chart(string SpecJson, string Title, string Height) : Block;

    /// <summary>Opens (Text non-null) or closes a framed group of blocks, e.g. the first page.</summary>
    public sealed record Frame(string? Class) : Block;

    private readonly List<Block> _blocks = [];

    public static Run T(string text) => new(text);
    public static Run B(string text) => new(text, Bold: true);
    public static Run C(string text) => new(text, Code: true);

    public ReportDocument Add(Block block)
    {
        _blocks.Add(block);
        return this;
    }

    public ReportDocument H(int level, string text, string? id = null) => Add(new Heading(level, text, id));

    public ReportDocument P(params Run[] runs) => Add(new Paragraph(runs));

    public ReportDocument Note(params Run[] runs) => Add(new Paragraph(runs, "note"));

    public ReportDocument List(IEnumerable<IReadOnlyList<Run>> items, bool numbered = false) => Add(new Bullets(items.ToArray(), numbered));

    public ReportDocument Grid(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<IReadOnlyList<Run>>> rows, string? cls = null) =>
        Add(new Table(headers, rows.ToArray(), cls));

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        foreach (var block in _blocks)
        {
            switch (block)
            {
                case Heading h:
                    sb.Append('#', h.Level).Append(' ').Append(h.Text).Append("\n\n");
                    break;
                case Paragraph p:
                    sb.Append(p.Class == "note" ? "*" + Md(p.Runs).Trim() + "*" : Md(p.Runs)).Append("\n\n");
                    break;
                case Bullets l:
                    for (var i = 0; i < l.Items.Count; i++) sb.Append(l.Numbered ? $"{i + 1}. " : "- ").Append(Md(l.Items[i]).Replace("\n", "\n   ")).Append('\n');
                    sb.Append('\n');
                    break;
                case Table t:
                    sb.Append("| ").Append(string.Join(" | ", t.Headers)).Append(" |\n|").Append(string.Concat(t.Headers.Select(_ => "---|"))).Append('\n');
                    foreach (var row in t.Rows) sb.Append("| ").Append(string.Join(" | ", row.Select(c => Md(c).Replace("|", "\\|").Replace("\n", " ")))).Append(" |\n");
                    sb.Append('\n');
                    break;
                case Chart c:
                    sb.Append($"*Chart in report.html: {c.Title}.*\n\n");
                    break;
            }
        }

        return sb.ToString().TrimEnd() + "\n";
    }

    /// <summary>A self-contained page: the style inline, and the scripts (ECharts, the chart module) inline at the end.</summary>
    public string ToHtml(string title, string style, IReadOnlyList<string> scripts)
    {
        var sb = new StringBuilder();
        sb.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
          .Append(E(title)).Append("</title>\n<style>\n").Append(style).Append("</style></head><body>\n");
        foreach (var block in _blocks)
        {
            switch (block)
            {
                case Heading h:
                    sb.Append($"<h{h.Level}{(h.Id is null ? "" : $" id=\"{E(h.Id)}\"")}>{E(h.Text)}</h{h.Level}>\n");
                    break;
                case Paragraph p:
                    sb.Append(p.Class is null ? "<p>" : $"<p class=\"{p.Class}\">").Append(Html(p.Runs)).Append("</p>\n");
                    break;
                case Bullets l:
                    sb.Append(l.Numbered ? "<ol>" : "<ul>");
                    foreach (var item in l.Items) sb.Append("<li>").Append(Html(item).Replace("\n", "<br>")).Append("</li>");
                    sb.Append(l.Numbered ? "</ol>\n" : "</ul>\n");
                    break;
                case Table t:
                    sb.Append(t.Class is null ? "<table>" : $"<table class=\"{t.Class}\">").Append("<thead><tr>");
                    foreach (var header in t.Headers) sb.Append("<th>").Append(E(header)).Append("</th>");
                    sb.Append("</tr></thead><tbody>\n");
                    foreach (var row in t.Rows) sb.Append("<tr>").Append(string.Concat(row.Select(c => "<td>" + Html(c).Replace("\n", "<br>") + "</td>"))).Append("</tr>\n");
                    sb.Append("</tbody></table>\n");
                    break;
                case Chart c:
                    sb.Append($"<div class=\"chart\" style=\"height:{c.Height}\" role=\"img\" aria-label=\"{E(c.Title)}\" data-chart=\"{E(c.SpecJson)}\"></div>\n");
                    break;
                case Frame f:
                    sb.Append(f.Class is null ? "</div>\n" : $"<div class=\"{f.Class}\">\n");
                    break;
            }
        }

        foreach (var script in scripts) sb.Append("<script>\n").Append(script).Append("\n</script>\n");
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string Md(IEnumerable<Run> runs) => string.Concat(runs.Select(r =>
    {
        var text = r.Code ? $"`{r.Text}`" : r.Bold ? $"**{r.Text}**" : r.Text;
        return r.Href is null ? text : $"[{text}]({r.Href})";
    }));

    private static string Html(IEnumerable<Run> runs) => string.Concat(runs.Select(r =>
    {
        var text = E(r.Text);
        if (r.Code) text = $"<code>{text}</code>";
        if (r.Bold) text = $"<strong>{text}</strong>";
        if (r.Class is not null) text = $"<span class=\"{r.Class}\">{text}</span>";
        return r.Href is null ? text : $"<a href=\"{E(r.Href)}\">{text}</a>";
    }));
}
