using System.ComponentModel;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;
using Statecraft.Cli.Infrastructure;
using Statecraft.Io.Scenarios;
using Statecraft.Web;
using Statecraft.Web.Analysis;

namespace Statecraft.Cli.Commands;

public sealed class ServeSettings : StoredRunSettings
{
    [CommandOption("--port <PORT>")]
    [Description("Port to listen on (default 5080).")]
    [DefaultValue(5080)]
    public int Port { get; init; } = 5080;

    [CommandOption("--host <ADDRESS>")]
    [Description("Address to bind (default 127.0.0.1, this machine only). Any other address requires an access token.")]
    [DefaultValue("127.0.0.1")]
    public string Host { get; init; } = "127.0.0.1";

    [CommandOption("--token <TOKEN>")]
    [Description("Access token for a non-loopback --host (16+ characters; one is generated if omitted).")]
    public string? Token { get; init; }

    public override ValidationResult Validate() =>
        Port is < 1 or > 65535 ? ValidationResult.Error("--port must be between 1 and 65535")
        : Host != "localhost" && !IPAddress.TryParse(Host, out _) ? ValidationResult.Error($"--host must be an IP address (or localhost), not '{Host}'")
        : Token is { Length: < 16 } ? ValidationResult.Error("--token must be at least 16 characters")
        : ValidationResult.Success();
}

/// <summary><c>statecraft serve</c>: the dashboard in a browser, until Ctrl+C.</summary>
public sealed class ServeCommand(IAnsiConsole console) : Command<ServeSettings>
{
    public override int Execute(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        var options = new DashboardOptions
        {
            Host = settings.Host,
            Port = settings.Port,
            StorePath = Path.GetFullPath(settings.Store ?? Statecraft.Store.RunStore.DefaultPath),
        };
        if (!options.IsLoopback)
            options = options with { AccessToken = settings.Token ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) };

        WebApplication app;
        try
        {
            app = DashboardApp.Build([], options, Backend());
            app.StartAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            return Output.ReportError(console, $"cannot listen on {settings.Host}:{settings.Port}: {e.Message}", ExitCodes.Failure);
        }

        var host = options.Host.Contains(':', StringComparison.Ordinal) ? $"[{options.Host}]" : options.Host;
        var url = $"http://{host}:{options.Port}/" + (options.AccessToken is { } token ? $"?token={token}" : "");
        console.MarkupLineInterpolated($"Statecraft dashboard on [link]{url}[/]");
        if (options.AccessToken is not null)
            console.MarkupLine("[yellow]Listening beyond this machine: anyone with the link (it carries the access token) can use the dashboard.[/]");
        console.MarkupLineInterpolated($"Runs are recorded in {options.StorePath}. Press Ctrl+C to stop.");
        app.WaitForShutdownAsync(cancellationToken).GetAwaiter().GetResult();
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The dashboard's analysis: the built-in scenario, answered and written as JSON exactly as
    /// <c>statecraft analyze --json</c> does.
    /// </summary>
    public static IAnalysisBackend Backend()
    {
        var builtIn = ScenarioLoader.Load(AnalyzeCommand.BuiltInText(), $"{AnalyzeCommand.BuiltInName} (built in)");
        if (!builtIn.Success) throw new InvalidOperationException("the built-in scenario does not load: " + builtIn.Problems[0]);
        return new ScenarioBackend(builtIn.Value, (loaded, result) => Output.ToJson(AnalyzeJson.From(result, loaded.Sha256)));
    }
}
