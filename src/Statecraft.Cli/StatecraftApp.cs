using Spectre.Console;
using Spectre.Console.Cli;
using Statecraft.Cli.Commands;
using Statecraft.Cli.Infrastructure;
using Statecraft.Core.Domain;

namespace Statecraft.Cli;

/// <summary>Builds the <c>statecraft</c> command line. Tests call <see cref="Run"/> with a TestConsole.</summary>
public static class StatecraftApp
{
    public static int Run(string[] args, IAnsiConsole console, Func<string, string?>? environment = null, TextWriter? diagnostics = null)
    {
        // The limits policy (docs/reliability.md), raised or lowered with STATECRAFT_LIMITS.
        var limits = Limits.Parse((environment ?? Environment.GetEnvironmentVariable)(Limits.Variable));
        if (!limits.Success) return Output.ReportProblems(console, limits.Problems);
        Limits.Current = limits.Value;

        var registrar = new TypeRegistrar();
        registrar.RegisterInstance(typeof(IAnsiConsole), console);
        registrar.RegisterInstance(typeof(Diagnostics), new Diagnostics(diagnostics ?? Console.Error));
        var app = new CommandApp(registrar);
        app.Configure(config =>
        {
            config.SetApplicationName("statecraft");
            config.SetApplicationVersion(typeof(StatecraftApp).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            config.ConfigureConsole(console);
            config.Settings.StrictParsing = true;
            config.SetHelpProvider(new StatecraftHelp(config.Settings));
            // No stack traces for users: every exception ends in the one boundary.
            config.SetExceptionHandler((exception, _) => ErrorBoundary.Handle(console, exception, args));
            CommandRegistry.Register(config);
        });
        return app.Run(args);
    }
}
