using System.Globalization;

namespace Statecraft.Core.Domain;

/// <summary>
/// How much work an input may ask for: the one limits policy every reader, command and the web API
/// enforce (docs/reliability.md). A limit exists so that a tiny hostile file cannot exhaust memory,
/// time or the stack; each is far above what a real model needs, and a user who needs more raises it
/// with <c>STATECRAFT_LIMITS=actors=20000,samples=5000000</c> (names as in <see cref="Names"/>).
/// </summary>
public sealed record Limits
{
    /// <summary>Nesting of YAML mappings and lists (a scenario needs 6; the stack would overflow near 10,000).</summary>
    public int Depth { get; init; } = 64;

    /// <summary>Characters on one line of a text input.</summary>
    public int LineLength { get; init; } = 100_000;

    /// <summary>Characters in one field: a name, an id, a code, one cell.</summary>
    public int FieldLength { get; init; } = 10_000;

    /// <summary>Actors in one issue, scenario or data set (SMP with 1,000 actors takes about 20 s).</summary>
    public int Actors { get; init; } = 10_000;

    /// <summary>Dimensions (issues) in one spatial scenario.</summary>
    public int Dimensions { get; init; } = 1_000;

    /// <summary>Phrases one dictionary file may expand its macros into.</summary>
    public int MacroExpansions { get; init; } = 100_000;

    /// <summary>Monte Carlo draws in one run.</summary>
    public int Samples { get; init; } = 1_000_000;

    /// <summary>Bytes of one input file held in memory (the memory budget for reading), 512 MiB.</summary>
    public long InputBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>The limits in force when none are given: the defaults above.</summary>
    public static Limits Default { get; } = new();

    /// <summary>
    /// The limits in force in this process. Set once at start-up by the CLI or the server (from
    /// <c>STATECRAFT_LIMITS</c>); readers read it.
    /// </summary>
    public static Limits Current { get; set; } = Default;

    /// <summary>The name of the environment variable that raises or lowers limits.</summary>
    public const string Variable = "STATECRAFT_LIMITS";

    /// <summary>Every limit by the name used in <c>STATECRAFT_LIMITS</c> and in messages.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["depth", "line-length", "field-length", "actors", "dimensions", "macro-expansions", "samples", "input-bytes"];

    /// <summary>The value of the limit called <paramref name="name"/>.</summary>
    public long this[string name] => name switch
    {
        "depth" => Depth,
        "line-length" => LineLength,
        "field-length" => FieldLength,
        "actors" => Actors,
        "dimensions" => Dimensions,
        "macro-expansions" => MacroExpansions,
        "samples" => Samples,
        "input-bytes" => InputBytes,
        _ => throw new ArgumentException($"no limit called '{name}'", nameof(name)),
    };

    /// <summary>
    /// Reads <c>name=value,name=value</c> over <paramref name="baseline"/>; an empty or null text gives
    /// the baseline. Values are whole numbers >= 1.
    /// </summary>
    public static ParseResult<Limits> Parse(string? text, Limits? baseline = null)
    {
        var limits = baseline ?? Default;
        if (string.IsNullOrWhiteSpace(text)) return ParseResult<Limits>.ForValue(limits);
        var problems = new List<Problem>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            var name = eq < 0 ? part : part[..eq].Trim();
            if (!Names.Contains(name))
            {
                problems.Add(new Problem(Variable, name, $"unknown limit; expected one of: {string.Join(", ", Names)}"));
                continue;
            }

            var max = name == "input-bytes" ? long.MaxValue : int.MaxValue;
            if (eq < 0 || !long.TryParse(part[(eq + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < 1 || v > max)
            {
                problems.Add(new Problem(Variable, name, $"expected {name}=N with a whole number N from 1 to {max}, found '{part}'"));
                continue;
            }

            limits = name switch
            {
                "depth" => limits with { Depth = (int)v },
                "line-length" => limits with { LineLength = (int)v },
                "field-length" => limits with { FieldLength = (int)v },
                "actors" => limits with { Actors = (int)v },
                "dimensions" => limits with { Dimensions = (int)v },
                "macro-expansions" => limits with { MacroExpansions = (int)v },
                "samples" => limits with { Samples = (int)v },
                _ => limits with { InputBytes = v },
            };
        }

        return problems.Count > 0 ? ParseResult<Limits>.ForProblems(problems) : ParseResult<Limits>.ForValue(limits);
    }

    /// <summary>
    /// The problem to report when an input asks for <paramref name="found"/> of the limit
    /// <paramref name="name"/> (more than the limit allows), or null when it is within the limit.
    /// </summary>
    public Problem? Check(string name, long found, string subject, string field, SourceLocation? at = null)
    {
        var limit = this[name];
        return found <= limit ? null : Exceeded(name, found, subject, field, at);
    }

    /// <summary>The problem for an input over the limit <paramref name="name"/>, saying how to raise it.</summary>
    public Problem Exceeded(string name, long found, string subject, string field, SourceLocation? at = null) =>
        new(subject, field,
            $"{found.ToString("N0", CultureInfo.InvariantCulture)} is over the limit of {this[name].ToString("N0", CultureInfo.InvariantCulture)} {name}; "
            + $"if this input is genuine, raise it with {Variable}={name}=N (docs/reliability.md)",
            at);
}
