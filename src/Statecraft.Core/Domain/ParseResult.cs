namespace Statecraft.Core.Domain;

/// <summary>
/// The outcome of turning user input into a domain value: the value, or every problem found.
/// Modelled on NodaTime's ParseResult: callers who expect bad input check <see cref="Success"/>;
/// <see cref="Value"/> throws only if the caller ignored the problems.
/// </summary>
public sealed class ParseResult<T>
{
    private readonly T? _value;

    private ParseResult(T? value, IReadOnlyList<Problem> problems)
    {
        _value = value;
        Problems = problems;
    }

    public IReadOnlyList<Problem> Problems { get; }

    public bool Success => Problems.Count == 0;

    public T Value => Success
        ? _value!
        : throw new InvalidOperationException("No value: " + string.Join("; ", Problems));

    public static ParseResult<T> ForValue(T value) => new(value, []);

    public static ParseResult<T> ForProblems(IReadOnlyList<Problem> problems) =>
        problems.Count == 0
            ? throw new ArgumentException("A failed result needs at least one problem.", nameof(problems))
            : new ParseResult<T>(default, problems);

    public static ParseResult<T> ForProblem(Problem problem) => ForProblems([problem]);

    public ParseResult<TOut> Select<TOut>(Func<T, TOut> map) =>
        Success ? ParseResult<TOut>.ForValue(map(_value!)) : ParseResult<TOut>.ForProblems(Problems);

    /// <summary>The next parsing step on the value, or these problems unchanged (e.g. read a file, then parse it).</summary>
    public ParseResult<TOut> Then<TOut>(Func<T, ParseResult<TOut>> next) =>
        Success ? next(_value!) : ParseResult<TOut>.ForProblems(Problems);
}
