namespace Statecraft.Core.Events;

/// <summary>A PLOVER event type with its mode and context (either may be empty): <c>CONSULT, visit</c>.</summary>
public sealed record PloverCode(string Type, string? Mode, string? Context);

/// <summary>
/// PLOVER, CAMEO's successor (Open Event Data Alliance, manual draft 0.8, 2021): the published
/// CAMEO-to-PLOVER table and the PLOVER conflict-cooperation scores. CAMEO's statements (01) and
/// appeals (02) have no PLOVER type: PLOVER dropped them.
/// </summary>
public sealed class PloverScheme(IReadOnlyDictionary<string, PloverCode> byCameo, IReadOnlyDictionary<string, (double Score, int QuadClass)> scores)
{
    public IReadOnlyDictionary<string, PloverCode> ByCameo { get; } = byCameo;

    /// <summary>Scores by <c>TYPE</c> and <c>TYPE:mode</c>, with the type's quad class.</summary>
    public IReadOnlyDictionary<string, (double Score, int QuadClass)> Scores { get; } = scores;

    /// <summary>The PLOVER code of a CAMEO code: its own row of the table, else its parent's (<c>1951</c>
    /// falls back to <c>195</c>, then <c>19</c>); null for codes PLOVER dropped or the table lacks.</summary>
    public PloverCode? For(string cameo)
    {
        for (var c = cameo; c.Length >= 2; c = c[..^1])
            if (ByCameo.TryGetValue(c, out var code)) return code;
        return null;
    }

    /// <summary>The PLOVER score of a type and mode (the mode's own score, else the type's).</summary>
    public double? Score(string type, string? mode) =>
        mode is { Length: > 0 } && Scores.TryGetValue($"{type}:{mode}", out var m) ? m.Score
        : Scores.TryGetValue(type, out var t) ? t.Score : null;

    /// <summary>PLOVER's quad category of a type: 1 verbal cooperation, 2 material cooperation, 3 verbal
    /// conflict, 4 material conflict; 0 for a type the scheme does not know.</summary>
    public int QuadClass(string type) => Scores.TryGetValue(type, out var t) ? t.QuadClass : 0;

    /// <summary>A CAMEO-coded event in PLOVER (type, mode, context, PLOVER score and quad, the CAMEO code
    /// kept); null when PLOVER has no type for it. An event already in PLOVER is returned as it is.</summary>
    public CodedEvent? Convert(CodedEvent e)
    {
        if (e.IsPlover) return e;
        var p = For(e.Code);
        if (p is null) return null;
        return e with { Code = p.Type, Mode = p.Mode, Context = p.Context, Goldstein = Score(p.Type, p.Mode), QuadClass = QuadClass(p.Type), Cameo = e.Code };
    }
}
