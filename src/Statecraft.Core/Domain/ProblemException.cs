namespace Statecraft.Core.Domain;

/// <summary>
/// Bad input found where a <see cref="ParseResult{T}"/> cannot be returned (deep in a command, or a
/// result that turned out non-finite). The CLI's boundary reports its problems with exit code 2, the
/// web API as a 400 problem details; it is never an internal error.
/// </summary>
public sealed class ProblemException(IReadOnlyList<Problem> problems)
    : Exception(string.Join("; ", problems))
{
    public ProblemException(Problem problem) : this([problem]) { }

    public IReadOnlyList<Problem> Problems { get; } = problems;
}
