using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Statecraft.Cli.Infrastructure;
using Statecraft.Store;

namespace Statecraft.Cli.Commands;

/// <summary>
/// Records a finished command in the run store with one call from the command:
/// <c>return RunsRecording.Record(console, "bargain", settings, Output.ToJson(result));</c>.
/// The manifest is read off the settings (every option and argument as given, the seed, the input
/// file and its SHA-256) and, for analyze, off the result's <c>scenario</c> id and hash.
/// </summary>
public static class RunsRecording
{
    /// <summary>Options that choose where output goes, not what is computed.</summary>
    private static readonly HashSet<string> NotInputs = ["json", "out", "store", "verbose"];

    public static string Version { get; } =
        typeof(RunsRecording).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(RunsRecording).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>When the running command started (set by <see cref="Clock"/> before every command).</summary>
    private static readonly AsyncLocal<DateTimeOffset?> Started = new();

    /// <summary>Records the run, timed from when the command started; see the overload.</summary>
    public static int Record(IAnsiConsole console, string command, StoredRunSettings settings, string jsonResult) =>
        Record(console, command, settings, Started.Value ?? DateTimeOffset.UtcNow, jsonResult);

    /// <summary>Notes the time each command starts, so that recording it is one call at its end.</summary>
    public sealed class Clock : ICommandInterceptor
    {
        public void Intercept(CommandContext context, CommandSettings settings) => Started.Value = DateTimeOffset.UtcNow;

        public void InterceptResult(CommandContext context, CommandSettings settings, ref int result)
        {
        }
    }

    /// <summary>
    /// Records the run and returns the exit code to end with: <see cref="ExitCodes.Ok"/>, or
    /// <see cref="ExitCodes.Failure"/> with a clear message if the store cannot take it (the result
    /// has already been written out, so nothing is lost).
    /// </summary>
    public static int Record(IAnsiConsole console, string command, StoredRunSettings settings, DateTimeOffset startedAt, string jsonResult)
    {
        var store = RunStore.OpenDefault(settings.Store);
        try
        {
            store.Record(Manifest(command, settings, startedAt, DateTimeOffset.UtcNow, jsonResult), jsonResult);
            return ExitCodes.Ok;
        }
        catch (RunStoreException e)
        {
            console.MarkupLineInterpolated($"[red]error:[/] the run was not recorded: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    public static RunManifest Manifest(string command, CommandSettings settings, DateTimeOffset startedAt, DateTimeOffset endedAt, string jsonResult)
    {
        var options = new SortedDictionary<string, string>(StringComparer.Ordinal);
        string? inputId = null, inputSha = null, seed = null;
        foreach (var property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.GetCustomAttribute<CommandOptionAttribute>() is { } option
                ? option.LongNames.FirstOrDefault() ?? option.ShortNames.FirstOrDefault()
                : property.GetCustomAttribute<CommandArgumentAttribute>()?.ValueName;
            if (name is null || NotInputs.Contains(name)) continue;
            var text = Text(property.GetValue(settings));
            if (text is null) continue;
            if (name == "seed") seed = text;
            else options[name] = text;
            if (inputId is null && property.GetCustomAttribute<CommandArgumentAttribute>() is not null && File.Exists(text))
            {
                inputId = Path.GetFileName(text);
                inputSha = RunStore.Sha256(File.ReadAllBytes(text));
            }
        }

        // A result that names its scenario (analyze) says best what the input was.
        try
        {
            using var document = JsonDocument.Parse(jsonResult);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("scenario", out var scenario) && scenario.ValueKind == JsonValueKind.Object)
                {
                    if (scenario.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String) inputId = id.GetString();
                    if (scenario.TryGetProperty("sha256", out var sha) && sha.ValueKind == JsonValueKind.String) inputSha = sha.GetString();
                }

                if (seed is null && root.TryGetProperty("seed", out var s) && s.ValueKind == JsonValueKind.Number) seed = s.GetRawText();
            }
        }
        catch (JsonException)
        {
            // RunStore.Record rejects it with a clear message.
        }

        return new RunManifest(command, inputId, inputSha, options, seed, Version, startedAt, endedAt);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        false => null,
        true => "true",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => items.Cast<object?>().Select(Text).Where(t => t is not null).ToList() is { Count: > 0 } list ? string.Join(", ", list) : null,
        _ => value.ToString(),
    };
}
