using Statecraft.Core.Domain;
using Statecraft.Core.Random;

namespace Statecraft.Core.Uncertainty;

/// <summary>
/// A named model input and what is known about it. <see cref="Domain"/> is the range the quantity
/// may take at all (a capability is never negative, a share lies in [0, 1]); flip-point searches stay
/// inside it.
/// </summary>
public sealed record UncertainInput(string Name, Distribution Distribution, Bounds? Domain = null)
{
    public Bounds EffectiveDomain => Domain ?? Bounds.Unbounded;
}

/// <summary>The ordered inputs of one model; names are unique. Index order fixes the draw order.</summary>
public sealed class InputSet
{
    private readonly Dictionary<string, int> _index;

    private InputSet(UncertainInput[] inputs)
    {
        Inputs = inputs;
        _index = new Dictionary<string, int>(inputs.Length, StringComparer.Ordinal);
        for (var i = 0; i < inputs.Length; i++) _index[inputs[i].Name] = i;
    }

    public IReadOnlyList<UncertainInput> Inputs { get; }

    public int Count => Inputs.Count;

    /// <summary>Checks names and that every distribution lies inside its input's domain.</summary>
    public static ParseResult<InputSet> Create(IEnumerable<UncertainInput> inputs)
    {
        var list = inputs.ToArray();
        var problems = new List<Problem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in list)
        {
            if (string.IsNullOrWhiteSpace(input.Name)) problems.Add(new Problem("input", "name", "expected a non-empty name"));
            else if (!seen.Add(input.Name)) problems.Add(new Problem(input.Name, "name", "duplicate input name"));
            var support = input.Distribution.Support;
            var domain = input.EffectiveDomain;
            if (support.Min < domain.Min || support.Max > domain.Max)
                problems.Add(new Problem(input.Name, "distribution",
                    $"expected values within {domain}, but {input.Distribution} ranges over {support}"));
        }

        return problems.Count > 0 ? ParseResult<InputSet>.ForProblems(problems) : ParseResult<InputSet>.ForValue(new InputSet(list));
    }

    public int IndexOf(string name) =>
        _index.TryGetValue(name, out var i) ? i : throw new KeyNotFoundException($"No input named '{name}'.");

    public bool Contains(string name) => _index.ContainsKey(name);

    /// <summary>Every input at its median (its value, for a point): the baseline scenario.</summary>
    public double[] Medians()
    {
        var values = new double[Inputs.Count];
        for (var i = 0; i < values.Length; i++) values[i] = Inputs[i].Distribution.Median;
        return values;
    }

    /// <summary>Draws one whole scenario into <paramref name="into"/>, one uniform per input, in index order.</summary>
    public void Draw(IRandomSource random, Span<double> into)
    {
        for (var i = 0; i < Inputs.Count; i++) into[i] = Inputs[i].Distribution.Sample(random);
    }
}

/// <summary>
/// The values of one drawn scenario, as a model sees them. Reused between evaluations on a thread:
/// a model reads it and must not keep it.
/// </summary>
public sealed class ScenarioDraw
{
    private readonly double[] _values;

    public ScenarioDraw(InputSet inputs, double[] values)
    {
        if (values.Length != inputs.Count) throw new ArgumentException("one value per input", nameof(values));
        Inputs = inputs;
        _values = values;
    }

    public InputSet Inputs { get; }

    public double this[int index] => _values[index];

    public double this[string name] => _values[Inputs.IndexOf(name)];

    public ReadOnlySpan<double> Values => _values;

    internal double[] Buffer => _values;
}

/// <summary>A model evaluated on one drawn scenario: a pure function of the values.</summary>
public delegate double ScenarioModel(ScenarioDraw draw);

/// <summary>A model with several outputs evaluated on one drawn scenario, writing them into <c>into</c>.</summary>
public delegate void ScenarioOutputs(ScenarioDraw draw, Span<double> into);

/// <summary>How a verdict is read off a model's output.</summary>
public enum VerdictComparison
{
    GreaterThan,
    LessThan,
}

/// <summary>A yes/no reading of a model output, e.g. "EU &gt; 0" or "cost ratio &gt; 1".</summary>
public sealed record Verdict(VerdictComparison Comparison, double Threshold)
{
    public static Verdict GreaterThan(double threshold) => new(VerdictComparison.GreaterThan, threshold);

    public static Verdict LessThan(double threshold) => new(VerdictComparison.LessThan, threshold);

    public bool Holds(double value) => Comparison == VerdictComparison.GreaterThan ? value > Threshold : value < Threshold;

    public override string ToString() => (Comparison == VerdictComparison.GreaterThan ? "> " : "< ") + Format.Number(Threshold);
}
