namespace Statecraft.Core.Domain;

/// <summary>
/// One thing wrong with user input: which field, what was expected, and where it came from when known.
/// Readers attach <see cref="Location"/>; the core fills <see cref="Subject"/> and <see cref="Field"/>.
/// </summary>
public sealed record Problem(string Subject, string Field, string Message, SourceLocation? Location = null)
{
    public Problem At(SourceLocation location) => this with { Location = location };

    /// <summary>Renders as <c>file:line:column: subject: field: message</c>, omitting what is unknown.</summary>
    public override string ToString()
    {
        var where = Location is null ? "" : Location + ": ";
        var who = string.IsNullOrEmpty(Subject) ? "" : Subject + ": ";
        var what = string.IsNullOrEmpty(Field) ? "" : Field + ": ";
        return where + who + what + Message;
    }
}

/// <summary>A place in an input file. Line and column are 1-based; 0 means unknown.</summary>
public sealed record SourceLocation(string File, int Line = 0, int Column = 0)
{
    public override string ToString() =>
        Line <= 0 ? File : Column <= 0 ? $"{File}:{Line}" : $"{File}:{Line}:{Column}";
}
