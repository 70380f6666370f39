namespace Statecraft.Cli.Infrastructure;

/// <summary>Process exit codes, the same for every command.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Something failed that is not the user's input (an I/O error, a locked store).</summary>
    public const int Failure = 1;

    /// <summary>The input was wrong: a malformed file, an unknown option value, a missing field.</summary>
    public const int BadInput = 2;

    /// <summary>A bug in statecraft (sysexits' EX_SOFTWARE): the message names the input and asks for a report.</summary>
    public const int InternalError = 70;
}
