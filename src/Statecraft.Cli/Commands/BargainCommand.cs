using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Statecraft.Cli.Infrastructure;
using Statecraft.Core.Domain;

namespace Statecraft.Cli.Commands;

/// <summary><c>statecraft bargain FILE</c>: a round-by-round bargaining forecast for one issue.</summary>
public sealed class BargainCommand(IAnsiConsole console) : Command<BargainSettings>
{
    public override int Execute(CommandContext context, BargainSettings settings, CancellationToken cancellationToken)
    {
        var model = BargainModels.Find(settings.Model);
        if (model is null)
            return Output.ReportProblems(console, [new Problem("options", "--model",
                $"expected one of {string.Join(", ", BargainModels.All.Select(m => m.Name))}, found '{settings.Model}'")]);

        if (model is SmpBargainModel smp) return smp.Execute(console, settings);
        if (SmpBargainModel.IsKtabScenario(settings.File)) return Output.ReportProblems(console, [SmpBargainModel.UseSmp(settings)]);
        var report = model.Run(settings);
        if (!report.Success) return Output.ReportProblems(console, report.Problems);

        var json = Output.ToJson(report.Value);
        if (settings.Json) Output.WriteJsonText(console, json);
        else WriteTables(report.Value, model);
        return RunsRecording.Record(console, "bargain", settings, json);
    }

    private void WriteTables(BargainReport report, IBargainModel model)
    {
        console.MarkupLineInterpolated($"[bold]{model.Description}[/] on {report.Input.Path} ({report.Rounds[0].Positions.Count} actors)");
        foreach (var note in report.Input.Notes) console.MarkupLineInterpolated($"[grey]note: {note}[/]");
        if (report.Options.Count > 0)
            console.MarkupLineInterpolated($"[grey]options: {string.Join(", ", report.Options.Select(kv => $"{kv.Key} = {Show(kv.Value)}"))}[/]");

        foreach (var round in report.Rounds)
        {
            var table = new Table { Title = new TableTitle(round.Round == 0 ? "Round 0 (input)" : $"Round {round.Round}") };
            table.AddColumn("Actor");
            table.AddColumn(new TableColumn("Position").RightAligned());
            table.AddColumn("Move");
            foreach (var (actor, position) in round.Positions)
            {
                var move = round.Moves.FirstOrDefault(m => m.Actor == actor);
                var why = move is null ? "" : move.Kind switch
                {
                    "confrontation" => $"lost a confrontation to {move.Toward}, from {F(move.From)}",
                    "compromise" => $"compromised with {move.Toward}, from {F(move.From)}",
                    "capitulation" => $"capitulated to {move.Toward}, from {F(move.From)}",
                    _ => $"{move.Kind} toward {move.Toward}, from {F(move.From)}",
                };
                table.AddRow(Markup.Escape(actor), F(position), Markup.Escape(why));
            }

            table.Caption = new TableTitle($"median {F(round.Median)}, mean {F(round.Mean)}");
            console.Write(table);
        }

        var last = report.Rounds[^1].Round;
        var when = last == 0 ? "from the input positions (no bargaining)" : $"after {last} round(s)";
        console.MarkupLineInterpolated(
            $"[bold]Forecast[/] {when}, on the scale of the input positions: median [bold]{F(report.Forecast.Median)}[/], weighted mean [bold]{F(report.Forecast.Mean)}[/]");
    }

    private static string F(double x) => x.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Show(object? value) => value switch
    {
        null => "none",
        string[] list => list.Length == 0 ? "none" : string.Join("+", list),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
