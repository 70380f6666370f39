namespace Statecraft.Cli.Infrastructure;

/// <summary>
/// Where a command writes what is not its output (which dictionaries it read and what they skipped,
/// progress on long inputs): standard error, so JSON and CSV on standard output stay clean. Tests hand
/// in a <see cref="StringWriter"/>.
/// </summary>
public sealed class Diagnostics(TextWriter writer)
{
    private readonly Lock _gate = new();

    public void WriteLine(string line)
    {
        lock (_gate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }
}
