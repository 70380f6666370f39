using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
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
        Converters = { new FiniteDoubleConverter() },
        TypeInfoResolver = JsonTypeInfoResolver.Combine(StatecraftJson.Default, ForecastingJson.Default),
    };

    /// <summary>The JSON of <paramref name="value"/>, through the serializer generated for <typeparamref name="T"/> (<see cref="StatecraftJson"/>, <see cref="ForecastingJson"/>).</summary>
    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, (JsonTypeInfo<T>)JsonOptions.GetTypeInfo(typeof(T)));

    /// <summary>Writes JSON raw, bypassing markup and line wrapping.</summary>
    public static void WriteJson<T>(IAnsiConsole console, T value) => WriteJsonText(console, ToJson(value));

    /// <summary>Writes JSON already serialized (a command that also records its result serializes it once).</summary>
    public static void WriteJsonText(IAnsiConsole console, string json) => WriteRaw(console, json + "\n");

    /// <summary>Writes text as it is (a file's content for redirection), bypassing markup and line wrapping.</summary>
    public static void WriteRaw(IAnsiConsole console, string text)
    {
        var writer = console.Profile.Out.Writer;
        writer.Write(text);
        writer.Flush();
    }

    /// <summary>Problems printed before the rest are only counted: a hostile file can have millions.</summary>
    public const int MaxProblemsShown = 100;

    /// <summary>Lists the problems, one a line, as <c>file:line:column: subject: field: message</c>.</summary>
    public static int ReportProblems(IAnsiConsole console, IEnumerable<Problem> problems, string consequence = "nothing was computed")
    {
        var count = 0;
        foreach (var problem in problems)
        {
            if (count < MaxProblemsShown) console.MarkupLineInterpolated($"[red]error:[/] {problem.ToString()}");
            count++;
        }

        if (count > MaxProblemsShown) console.MarkupLineInterpolated($"[red]... and {count - MaxProblemsShown} more.[/]");

        console.MarkupLineInterpolated($"[red]{count} problem(s); {consequence}.[/]");
        return ExitCodes.BadInput;
    }

    public static int ReportError(IAnsiConsole console, string message, int exitCode = ExitCodes.BadInput)
    {
        console.MarkupLineInterpolated($"[red]error:[/] {message}");
        return exitCode;
    }
}

/// <summary>
/// Writes doubles in shortest round-trip form and refuses NaN and Infinity: a non-finite number is
/// never printed as an answer (the entry checks should have refused its input; this is the backstop).
/// </summary>
internal sealed class FiniteDoubleConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (Finite.Output(value, "", "result") is { } problem) throw new ProblemException(problem);
        writer.WriteNumberValue(value);
    }
}

