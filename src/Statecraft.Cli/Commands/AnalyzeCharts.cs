using System.Globalization;
using System.Net;
using System.Text;
using Statecraft.Core.Scenarios.Analysis;

namespace Statecraft.Cli.Commands;

/// <summary>
/// Inline SVG charts for the HTML report: no script, no external file, so the report opens offline
/// in any browser. Numbers are written with the invariant culture so the same run gives the same bytes.
/// </summary>
internal static class AnalyzeCharts
{
    private static readonly string[] Palette =
        ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"];

    private static string N(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);
    private static string E(string s) => WebUtility.HtmlEncode(s);

    /// <summary>Each actor's position by BDM round, with the forecast (weighted median) as a thick dashed line.</summary>
    public static string Trajectories(Trajectory t, double min, double max, string title)
    {
        const int w = 640, h = 300, left = 50, right = 150, top = 30, bottom = 40;
        double pw = w - left - right, ph = h - top - bottom;
        var rounds = Math.Max(1, t.Rounds.Count - 1);
        double X(int r) => left + pw * r / rounds;
        double Y(double v) => top + ph * (1 - (v - min) / (max - min));
        var sb = Open(w, h, title);
        Axes(sb, left, top, pw, ph, min, max, Y);
        for (var r = 0; r <= rounds; r++)
            sb.Append($"<text x=\"{N(X(r))}\" y=\"{N(top + ph + 16)}\" font-size=\"10\" text-anchor=\"middle\">{r}</text>");
        sb.Append($"<text x=\"{N(left + pw / 2)}\" y=\"{N(h - 6)}\" font-size=\"11\" text-anchor=\"middle\">BDM round</text>");
        for (var a = 0; a < t.Actors.Count; a++)
        {
            var color = Palette[a % Palette.Length];
            var points = string.Join(" ", t.Rounds.Select((pos, r) => $"{N(X(r))},{N(Y(pos[a]))}"));
            sb.Append($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"1.6\" points=\"{points}\"/>");
            sb.Append($"<text x=\"{N(left + pw + 6)}\" y=\"{N(top + 12 + 14 * a)}\" font-size=\"11\" fill=\"{color}\">{E(t.Actors[a])}</text>");
        }

        var median = string.Join(" ", t.Median.Select((m, r) => $"{N(X(r))},{N(Y(m))}"));
        sb.Append($"<polyline fill=\"none\" stroke=\"#000\" stroke-width=\"3\" stroke-dasharray=\"6 3\" points=\"{median}\"/>");
        sb.Append($"<text x=\"{N(left + pw + 6)}\" y=\"{N(top + 12 + 14 * t.Actors.Count)}\" font-size=\"11\" font-weight=\"bold\">forecast (median)</text>");
        return Close(sb);
    }

    /// <summary>Tornado: each driver's output at its low and high end, around the central value.</summary>
    public static string Tornado(IReadOnlyList<Driver> drivers, double central, string title)
    {
        if (drivers.Count == 0) return "";
        const int w = 640, left = 260, right = 40, top = 30, row = 26;
        var h = top + row * drivers.Count + 30;
        double pw = w - left - right;
        // Each bar is centred on the central value: its length is the swing from the input's low to high end.
        var values = drivers.SelectMany(d => new[] { central - Math.Abs(d.Effect) / 2, central + Math.Abs(d.Effect) / 2 }).Append(central).ToArray();
        double lo = values.Min(), hi = values.Max();
        if (hi - lo < 1e-12) hi = lo + 1;
        double X(double v) => left + pw * (v - lo) / (hi - lo);
        var sb = Open(w, h, title);
        for (var i = 0; i < drivers.Count; i++)
        {
            var d = drivers[i];
            var y = top + row * i;
            var a = central - d.Effect / 2;
            var b = central + d.Effect / 2;
            var (x0, x1) = (X(Math.Min(a, b)), X(Math.Max(a, b)));
            var color = d.Effect >= 0 ? "#2ca02c" : "#d62728";
            sb.Append($"<rect x=\"{N(x0)}\" y=\"{y + 4}\" width=\"{N(Math.Max(1, x1 - x0))}\" height=\"{row - 8}\" fill=\"{color}\" opacity=\"0.75\"/>");
            sb.Append($"<text x=\"{left - 6}\" y=\"{y + row / 2 + 4}\" font-size=\"11\" text-anchor=\"end\">{E(Shorten(d.Label, 42))}</text>");
            sb.Append($"<text x=\"{N(x1 + 4)}\" y=\"{y + row / 2 + 4}\" font-size=\"10\">{(d.Effect >= 0 ? "+" : "")}{N(d.Effect)}</text>");
        }

        sb.Append($"<line x1=\"{N(X(central))}\" x2=\"{N(X(central))}\" y1=\"{top}\" y2=\"{top + row * drivers.Count}\" stroke=\"#000\"/>");
        sb.Append($"<text x=\"{N(X(central))}\" y=\"{top - 6}\" font-size=\"10\" text-anchor=\"middle\">central {N(central)}</text>");
        sb.Append($"<text x=\"{w / 2}\" y=\"{h - 8}\" font-size=\"10\" text-anchor=\"middle\">bar = change in the answer from the input's low (5%) to high (95%) value; green raises, red lowers</text>");
        return Close(sb);
    }

    /// <summary>
    /// Policy packages outcome by outcome: one cell per package and question with the change against
    /// the scenario as given (after the responder's best response), green towards the sponsors, red away.
    /// </summary>
    public static string Policies(IReadOnlyList<PackageOutcome> packages, string title)
    {
        if (packages.Count == 0) return "";
        var questions = packages[0].Final.Select(o => o.Question).ToArray();
        const int left = 200, top = 110, row = 24, col = 86;
        var w = left + col * questions.Length + 10;
        var h = top + row * packages.Count + 30;
        var sb = Open(w, h, title);
        for (var j = 0; j < questions.Length; j++)
            sb.Append($"<text transform=\"translate({left + col * j + col / 2},{top - 6}) rotate(-35)\" font-size=\"10\">{E(Shorten(questions[j], 28))}</text>");
        for (var i = 0; i < packages.Count; i++)
        {
            var p = packages[i];
            var y = top + row * i;
            sb.Append($"<text x=\"{left - 6}\" y=\"{y + row / 2 + 4}\" font-size=\"11\" text-anchor=\"end\">{E(Shorten(p.Policy + (p.WhatIf ? " (what-if)" : p.Response is { } r ? $" → {r}" : ""), 34))}</text>");
            for (var j = 0; j < p.Final.Count; j++)
            {
                var c = p.Final[j];
                var fill = !c.Material ? "#f3f3f3" : c.Gain > 0 ? "#b7e1c1" : c.Gain < 0 ? "#f4b6b6" : "#dde3f0";
                sb.Append($"<rect x=\"{left + col * j}\" y=\"{y}\" width=\"{col - 2}\" height=\"{row - 2}\" fill=\"{fill}\"/>");
                sb.Append($"<text x=\"{left + col * j + col / 2}\" y=\"{y + row / 2 + 4}\" font-size=\"10\" text-anchor=\"middle\">{E(c.Change.ToString("+0.0;-0.0;0", CultureInfo.InvariantCulture))}</text>");
            }
        }

        sb.Append($"<text x=\"8\" y=\"{h - 10}\" font-size=\"10\">change against the scenario as given, each on its own scale; green: towards the sponsors, red: away, grey: not material</text>");
        return Close(sb);
    }

    private static void Axes(StringBuilder sb, double left, double top, double pw, double ph, double min, double max, Func<double, double> y)
    {
        sb.Append($"<rect x=\"{N(left)}\" y=\"{N(top)}\" width=\"{N(pw)}\" height=\"{N(ph)}\" fill=\"none\" stroke=\"#999\"/>");
        for (var k = 0; k <= 4; k++)
        {
            var v = min + (max - min) * k / 4;
            sb.Append($"<line x1=\"{N(left)}\" x2=\"{N(left + pw)}\" y1=\"{N(y(v))}\" y2=\"{N(y(v))}\" stroke=\"#eee\"/>");
            sb.Append($"<text x=\"{N(left - 6)}\" y=\"{N(y(v) + 4)}\" font-size=\"10\" text-anchor=\"end\">{N(v)}</text>");
        }
    }

    private static StringBuilder Open(int w, int h, string title) =>
        new StringBuilder().Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"{E(title)}\">")
            .Append($"<text x=\"8\" y=\"18\" font-size=\"13\" font-weight=\"bold\">{E(title)}</text>");

    private static string Close(StringBuilder sb) => sb.Append("</svg>").ToString();

    private static string Shorten(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
