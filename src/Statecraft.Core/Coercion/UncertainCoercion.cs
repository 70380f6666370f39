using Statecraft.Core.Domain;
using Statecraft.Core.Uncertainty;

namespace Statecraft.Core.Coercion;

/// <summary>A channel parameter: its own distribution, or a reference to a shared quantity.</summary>
public sealed record UncertainParameter(Distribution? Value, string? Reference = null)
{
    public static UncertainParameter Of(Distribution value) => new(value);

    public static UncertainParameter Ref(string quantity) => new(null, quantity);
}

/// <summary>A channel whose parameters may be distributions or shared quantities (by name; missing ones take their defaults).</summary>
public sealed record UncertainChannel(string Name, ChannelKind Kind, CoercionSide Bearer, IReadOnlyDictionary<string, UncertainParameter> Parameters);

/// <summary>Trade for the dependence measures, possibly uncertain.</summary>
public sealed record UncertainTrade(Distribution Bilateral, Distribution SenderTotal, Distribution TargetTotal);

/// <summary>
/// A coercion case whose numbers may be distributions. Shared quantities (e.g. one deportation
/// share used by the remittance and the labour channel) are drawn once per scenario. Inputs are named
/// <c>quantity[name]</c>, <c>gdp[STATE]</c>, <c>channel[name].parameter</c> and <c>trade.*</c>.
/// </summary>
public sealed class UncertainCoercion
{
    private readonly string _sender;
    private readonly string _target;
    private readonly string _lever;
    private readonly int _senderGdp;
    private readonly int _targetGdp;
    private readonly (string Name, ChannelKind Kind, CoercionSide Bearer, int[] Slots)[] _channels;
    private readonly int[]? _trade;

    private UncertainCoercion(
        string sender, string target, string lever, InputSet inputs, int senderGdp, int targetGdp,
        (string, ChannelKind, CoercionSide, int[])[] channels, int[]? trade)
    {
        _sender = sender;
        _target = target;
        _lever = lever;
        Inputs = inputs;
        _senderGdp = senderGdp;
        _targetGdp = targetGdp;
        _channels = channels;
        _trade = trade;
    }

    public InputSet Inputs { get; }

    public string Sender => _sender;

    public string Target => _target;

    public string Lever => _lever;

    public static ParseResult<UncertainCoercion> Create(
        string sender,
        string target,
        string lever,
        Distribution senderGdp,
        Distribution targetGdp,
        IReadOnlyList<UncertainChannel> channels,
        UncertainTrade? trade = null,
        IReadOnlyList<UncertainInput>? quantities = null)
    {
        var problems = new List<Problem>();
        var inputs = new List<UncertainInput>();
        var byQuantity = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var q in quantities ?? [])
        {
            if (!byQuantity.TryAdd(q.Name, inputs.Count)) problems.Add(new Problem(q.Name, "quantity", "duplicate quantity name"));
            else inputs.Add(q with { Name = $"quantity[{q.Name}]" });
        }

        var positive = new Bounds(double.Epsilon, double.PositiveInfinity);
        var senderSlot = inputs.Count;
        inputs.Add(new UncertainInput($"gdp[{sender}]", senderGdp, positive));
        var targetSlot = inputs.Count;
        inputs.Add(new UncertainInput($"gdp[{target}]", targetGdp, positive));

        var built = new List<(string, ChannelKind, CoercionSide, int[])>();
        foreach (var ch in channels)
        {
            var parameters = Channels.Parameters(ch.Kind);
            var slots = new int[parameters.Count];
            foreach (var given in ch.Parameters.Keys)
            {
                if (parameters.All(p => p.Name != given))
                    problems.Add(new Problem(ch.Name, given, $"not a parameter of {Channels.FileName(ch.Kind)}; expected: {string.Join(", ", parameters.Select(p => p.Name))}"));
            }

            for (var i = 0; i < parameters.Count; i++)
            {
                var parameter = parameters[i];
                if (!ch.Parameters.TryGetValue(parameter.Name, out var value))
                {
                    if (parameter.Default is null)
                    {
                        problems.Add(new Problem(ch.Name, parameter.Name, $"required: {parameter.Meaning}"));
                        continue;
                    }

                    value = UncertainParameter.Of(Distribution.Point(parameter.Default.Value));
                }

                if (value.Reference is { } reference)
                {
                    if (!byQuantity.TryGetValue(reference, out var slot))
                    {
                        problems.Add(new Problem(ch.Name, parameter.Name, $"unknown quantity '{reference}'"));
                        continue;
                    }

                    var support = inputs[slot].Distribution.Support;
                    if (support.Min < parameter.Domain.Min || support.Max > parameter.Domain.Max)
                        problems.Add(new Problem(ch.Name, parameter.Name,
                            $"quantity '{reference}' ranges over {support}, but {parameter.Name} must lie in {parameter.Domain}"));
                    slots[i] = slot;
                }
                else
                {
                    slots[i] = inputs.Count;
                    inputs.Add(new UncertainInput($"channel[{ch.Name}].{parameter.Name}", value.Value!, parameter.Domain));
                }
            }

            built.Add((ch.Name, ch.Kind, ch.Bearer, slots));
        }

        int[]? tradeSlots = null;
        if (trade is not null)
        {
            tradeSlots = [inputs.Count, inputs.Count + 1, inputs.Count + 2];
            inputs.Add(new UncertainInput("trade.bilateral", trade.Bilateral, Bounds.NonNegative));
            inputs.Add(new UncertainInput("trade.sender_total", trade.SenderTotal, positive));
            inputs.Add(new UncertainInput("trade.target_total", trade.TargetTotal, positive));
        }

        var set = InputSet.Create(inputs);
        problems.AddRange(set.Problems);
        if (problems.Count > 0) return ParseResult<UncertainCoercion>.ForProblems(problems);

        var result = new UncertainCoercion(sender, target, lever, set.Value, senderSlot, targetSlot, built.ToArray(), tradeSlots);
        var atMedians = result.Realize(set.Value.Medians());
        problems.AddRange(CoercionModel.Validate(atMedians));
        if (problems.Count == 0 && !(CoercionModel.Evaluate(atMedians).TargetCost > 0))
            problems.Add(new Problem(target, "channels", "no channel costs the target anything at the median values, so cost(sender)/cost(target) is undefined"));
        return problems.Count > 0 ? ParseResult<UncertainCoercion>.ForProblems(problems) : ParseResult<UncertainCoercion>.ForValue(result);
    }

    /// <summary>The concrete case for one set of input values.</summary>
    public CoercionCase Realize(ReadOnlySpan<double> values)
    {
        var channels = new CoercionChannel[_channels.Length];
        for (var i = 0; i < channels.Length; i++)
        {
            var (name, kind, bearer, slots) = _channels[i];
            var p = new double[slots.Length];
            for (var k = 0; k < slots.Length; k++) p[k] = values[slots[k]];
            channels[i] = new CoercionChannel(name, kind, bearer, p);
        }

        var trade = _trade is null ? null : new TradeTies(values[_trade[0]], values[_trade[1]], values[_trade[2]]);
        return new CoercionCase(_sender, _target, _lever, values[_senderGdp], values[_targetGdp], channels, trade);
    }

    public CoercionResult Evaluate(ScenarioDraw draw) => CoercionModel.Evaluate(Realize(draw.Values));

    /// <summary>cost(sender)/cost(target) of a drawn scenario, for <see cref="MonteCarlo"/>.</summary>
    public ScenarioModel Ratio() => draw => Evaluate(draw).Ratio;
}
