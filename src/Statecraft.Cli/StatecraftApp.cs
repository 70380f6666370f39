using Spectre.Console;
using Spectre.Console.Cli;
using Statecraft.Cli.Commands;
using Statecraft.Cli.Infrastructure;

namespace Statecraft.Cli;

/// <summary>Builds the <c>statecraft</c> command line. Tests call <see cref="Run"/> with a TestConsole.</summary>
public static class StatecraftApp
{
    public static int Run(string[] args, IAnsiConsole console, TextWriter? diagnostics = null)
    {
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
            // No stack traces for users: unexpected failures print one line and exit 1;
            // usage errors (unknown option, bad value) exit 2 like other bad input.
            config.SetExceptionHandler((exception, _) =>
            {
                if (exception is CommandParseException or CommandRuntimeException)
                {
                    console.MarkupLineInterpolated($"[red]error:[/] {exception.Message}");
                    return ExitCodes.BadInput;
                }

                console.MarkupLineInterpolated($"[red]error:[/] {exception.GetType().Name}: {exception.Message}");
                return ExitCodes.Failure;
            });
            CommandRegistry.Register(config);
        });
        return app.Run(args);
    }
}
