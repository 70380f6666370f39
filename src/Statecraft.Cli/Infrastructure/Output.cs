using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;
using Statecraft.Core.Domain;

namespace Statecraft.Cli.Infrastructure;

/// <summary>How every command writes JSON and reports problems, so all commands look alike.</summary>
public static class Output
{
    /// <summary>
    /// The JSON contract: snake_case names, doubles in shortest round-trip form, no culture, no
    /// escaping beyond what JSON needs. Same object, same bytes.
    /// </summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, JsonOptions);

    /// <summary>Writes JSON raw, bypassing markup and line wrapping.</summary>
    public static void WriteJson<T>(IAnsiConsole console, T value)
    {
        var writer = console.Profile.Out.Writer;
        writer.Write(ToJson(value));
        writer.Write('\n');
        writer.Flush();
    }

    /// <summary>Lists every problem, one a line, as <c>file:line:column: subject: field: message</c>.</summary>
    public static int ReportProblems(IAnsiConsole console, IEnumerable<Problem> problems, string consequence = "nothing was computed")
    {
        var count = 0;
        foreach (var problem in problems)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {problem.ToString()}");
            count++;
        }

        console.MarkupLineInterpolated($"[red]{count} problem(s); {consequence}.[/]");
        return ExitCodes.BadInput;
    }

    public static int ReportError(IAnsiConsole console, string message, int exitCode = ExitCodes.BadInput)
    {
        console.MarkupLineInterpolated($"[red]error:[/] {message}");
        return exitCode;
    }
}
