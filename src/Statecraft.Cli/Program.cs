using Spectre.Console;
using Statecraft.Cli;

return StatecraftApp.Run(args, AnsiConsole.Console);
