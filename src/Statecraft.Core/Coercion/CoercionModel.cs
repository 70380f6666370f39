using Statecraft.Core.Domain;
using Statecraft.Core.Uncertainty;

namespace Statecraft.Core.Coercion;

/// <summary>Which side of a coercion case bears a channel's cost.</summary>
public enum CoercionSide
{
    Sender,
    Target,
}

/// <summary>How a lever turns into a cost (in US$ a year) for the side that bears it.</summary>
public enum ChannelKind
{
    /// <summary>Remittances lost: flow × share_cut.</summary>
    Remittances,

    /// <summary>Output lost when workers leave: workers × output_per_worker × share_cut × (1 − replacement).</summary>
    LabourSupply,

    /// <summary>Export value added lost: flow × share_cut × (1 − diversion) × value_added.</summary>
    ExportRevenue,

    /// <summary>Dearer substitutes for lost imports: flow × share_cut × price_premium.</summary>
    ConsumerPrices,

    /// <summary>Transit or re-export rents lost: flow × share_cut × margin.</summary>
    TransitRents,

    /// <summary>
    /// Jobs vacated in a tight labour market: workers × share_cut × [unfilled × output_per_worker
    /// + (1 − unfilled) × wage × wage_premium] — the output of the jobs left empty, and the extra
    /// pay it takes to fill the others.
    /// </summary>
    Vacancies,

    /// <summary>
    /// Workers sent home: workers × share_cut × (1 − absorbed) × idle_cost — the upkeep of the
    /// returnees the home economy does not absorb within the year.
    /// </summary>
    ReturningWorkers,
}

/// <summary>One parameter of a channel formula: its name in files, its range, its default.</summary>
public sealed record ChannelParameter(string Name, Bounds Domain, double? Default, string Meaning);

/// <summary>The channel formulas, in one place.</summary>
public static class Channels
{
    private static readonly Bounds Share = Bounds.UnitInterval;
    private static readonly Bounds Amount = Bounds.NonNegative;

    private static readonly ChannelParameter Flow = new("flow", Amount, null, "annual flow, US$");
    private static readonly ChannelParameter ShareCut = new("share_cut", Share, null, "share of the flow the lever stops");

    private static readonly Dictionary<ChannelKind, ChannelParameter[]> ParametersByKind = new()
    {
        [ChannelKind.Remittances] = [Flow, ShareCut],
        [ChannelKind.LabourSupply] =
        [
            new("workers", Amount, null, "workers affected"),
            new("output_per_worker", Amount, null, "annual output per worker, US$"),
            ShareCut,
            new("replacement", Share, 0, "share of the lost output that other workers replace within the year"),
        ],
        [ChannelKind.ExportRevenue] =
        [
            Flow, ShareCut,
            new("diversion", Share, 0, "share of the stopped exports sold elsewhere"),
            new("value_added", Share, 1, "domestic value added per unit of export revenue"),
        ],
        [ChannelKind.ConsumerPrices] = [Flow, ShareCut, new("price_premium", Amount, null, "extra cost of substitutes, share of the import value")],
        [ChannelKind.TransitRents] = [Flow, ShareCut, new("margin", Share, null, "rent earned per unit of flow")],
        [ChannelKind.Vacancies] =
        [
            new("workers", Amount, null, "workers affected"),
            ShareCut,
            new("unfilled", Share, null, "share of the vacated jobs left unfilled within the year"),
            new("output_per_worker", Amount, null, "annual output of an unfilled job, US$"),
            new("wage", Amount, null, "annual wage of a worker hired to fill a vacated job, US$"),
            new("wage_premium", Amount, null, "extra pay needed to fill a vacated job, share of the wage"),
        ],
        [ChannelKind.ReturningWorkers] =
        [
            new("workers", Amount, null, "workers affected"),
            ShareCut,
            new("absorbed", Share, null, "share of the returnees who find work at home within the year"),
            new("idle_cost", Amount, null, "annual upkeep of a returnee without work, US$"),
        ],
    };

    public static IReadOnlyList<ChannelParameter> Parameters(ChannelKind kind) => ParametersByKind[kind];

    /// <summary>The channel's cost in US$ a year, parameters in <see cref="Parameters"/> order.</summary>
    public static double Cost(ChannelKind kind, ReadOnlySpan<double> p) => kind switch
    {
        ChannelKind.Remittances => p[0] * p[1],
        ChannelKind.LabourSupply => p[0] * p[1] * p[2] * (1 - p[3]),
        ChannelKind.ExportRevenue => p[0] * p[1] * (1 - p[2]) * p[3],
        ChannelKind.ConsumerPrices => p[0] * p[1] * p[2],
        ChannelKind.TransitRents => p[0] * p[1] * p[2],
        ChannelKind.Vacancies => p[0] * p[1] * (p[2] * p[3] + (1 - p[2]) * p[4] * p[5]),
        ChannelKind.ReturningWorkers => p[0] * p[1] * (1 - p[2]) * p[3],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string FileName(ChannelKind kind) => kind switch
    {
        ChannelKind.Remittances => "remittances",
        ChannelKind.LabourSupply => "labour_supply",
        ChannelKind.ExportRevenue => "export_revenue",
        ChannelKind.ConsumerPrices => "consumer_prices",
        ChannelKind.TransitRents => "transit_rents",
        ChannelKind.Vacancies => "vacancies",
        _ => "returning_workers",
    };

    public static bool TryParse(string name, out ChannelKind kind)
    {
        foreach (var k in Enum.GetValues<ChannelKind>())
        {
            if (FileName(k) != name) continue;
            kind = k;
            return true;
        }

        kind = default;
        return false;
    }
}

/// <summary>One channel with concrete parameter values (in <see cref="Channels.Parameters"/> order).</summary>
public sealed record CoercionChannel(string Name, ChannelKind Kind, CoercionSide Bearer, IReadOnlyList<double> Parameters);

/// <summary>Bilateral trade and each side's total trade (US$), for the dependence measures.</summary>
public sealed record TradeTies(double Bilateral, double SenderTotal, double TargetTotal);

/// <summary>A coercion case with concrete numbers: who, which lever, both GDPs, the channels.</summary>
public sealed record CoercionCase(
    string Sender,
    string Target,
    string Lever,
    double SenderGdp,
    double TargetGdp,
    IReadOnlyList<CoercionChannel> Channels,
    TradeTies? Trade = null);

/// <summary>A channel's cost: US$ a year and as a share of its bearer's GDP.</summary>
public sealed record ChannelCost(string Channel, ChannelKind Kind, CoercionSide Bearer, double CostUsd, double ShareOfGdp);

/// <summary>
/// Interdependence (Barbieri 1996; Oneal and Russett 1997): dependence of each side on the other as
/// bilateral trade over its total trade, and over its GDP; salience √(d_s d_t); symmetry 1 − |d_s − d_t|.
/// </summary>
public sealed record Interdependence(
    double SenderDependence,
    double TargetDependence,
    double Salience,
    double Symmetry,
    double SenderTradeToGdp,
    double TargetTradeToGdp);

/// <summary>The two ways a lever's costs are compared: in dollars, or each as a share of its bearer's GDP.</summary>
public enum CoercionMeasure
{
    /// <summary>Each side's cost as a share of its own GDP: how much of its economy it loses.</summary>
    ShareOfGdp,

    /// <summary>Each side's cost in US$ a year: how much it loses.</summary>
    Usd,
}

/// <summary>What the lever costs each side, as shares of GDP and in US$ a year, and which channel dominates.</summary>
public sealed record CoercionResult(
    string Sender,
    string Target,
    string Lever,
    double SenderCost,
    double TargetCost,
    IReadOnlyList<ChannelCost> Channels,
    Interdependence? Interdependence)
{
    /// <summary>cost(sender)/cost(target), both as shares of own GDP: above 1, the sender pays more.</summary>
    public double Ratio => SenderCost / TargetCost;

    public double SenderCostUsd => Channels.Where(c => c.Bearer == CoercionSide.Sender).Sum(c => c.CostUsd);

    public double TargetCostUsd => Channels.Where(c => c.Bearer == CoercionSide.Target).Sum(c => c.CostUsd);

    /// <summary>cost(sender)/cost(target) in US$ a year: above 1, the sender loses more dollars.</summary>
    public double RatioUsd => SenderCostUsd / TargetCostUsd;

    public double RatioIn(CoercionMeasure measure) => measure == CoercionMeasure.Usd ? RatioUsd : Ratio;

    /// <summary>The channel with the largest cost as a share of its bearer's GDP.</summary>
    public ChannelCost? Dominant => Channels.Count == 0 ? null : Channels.MaxBy(c => c.ShareOfGdp);
}

/// <summary>Economic coercion: the cost of a lever to sender and target through explicit channels.</summary>
public static class CoercionModel
{
    public static IReadOnlyList<Problem> Validate(CoercionCase c)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(c.Sender)) problems.Add(new Problem("case", "sender", "expected a state id"));
        if (string.IsNullOrWhiteSpace(c.Target)) problems.Add(new Problem("case", "target", "expected a state id"));
        if (!(c.SenderGdp > 0 && double.IsFinite(c.SenderGdp))) problems.Add(new Problem(c.Sender, "gdp", $"expected a GDP > 0, found {c.SenderGdp}"));
        if (!(c.TargetGdp > 0 && double.IsFinite(c.TargetGdp))) problems.Add(new Problem(c.Target, "gdp", $"expected a GDP > 0, found {c.TargetGdp}"));
        if (c.Channels.Count == 0) problems.Add(new Problem("case", "channels", "expected at least one channel"));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ch in c.Channels)
        {
            if (!names.Add(ch.Name)) problems.Add(new Problem(ch.Name, "name", "duplicate channel name"));
            var parameters = Channels.Parameters(ch.Kind);
            if (ch.Parameters.Count != parameters.Count)
            {
                problems.Add(new Problem(ch.Name, "parameters", $"expected {parameters.Count} parameters, found {ch.Parameters.Count}"));
                continue;
            }

            for (var i = 0; i < parameters.Count; i++)
            {
                if (!parameters[i].Domain.Contains(ch.Parameters[i]))
                    problems.Add(new Problem(ch.Name, parameters[i].Name, $"expected a value in {parameters[i].Domain}, found {ch.Parameters[i]}"));
            }
        }

        if (c.Trade is { } t && !(t.Bilateral >= 0 && t.SenderTotal > 0 && t.TargetTotal > 0 && t.Bilateral <= Math.Min(t.SenderTotal, t.TargetTotal)))
            problems.Add(new Problem("trade", "bilateral", "expected 0 <= bilateral trade <= each side's total trade, totals > 0"));
        return problems;
    }

    public static CoercionResult Evaluate(CoercionCase c)
    {
        double sender = 0, target = 0;
        var costs = new ChannelCost[c.Channels.Count];
        Span<double> p = stackalloc double[8];
        for (var i = 0; i < costs.Length; i++)
        {
            var ch = c.Channels[i];
            for (var k = 0; k < ch.Parameters.Count; k++) p[k] = ch.Parameters[k];
            var usd = Channels.Cost(ch.Kind, p[..ch.Parameters.Count]);
            var share = usd / (ch.Bearer == CoercionSide.Sender ? c.SenderGdp : c.TargetGdp);
            if (ch.Bearer == CoercionSide.Sender) sender += share;
            else target += share;
            costs[i] = new ChannelCost(ch.Name, ch.Kind, ch.Bearer, usd, share);
        }

        return new CoercionResult(c.Sender, c.Target, c.Lever, sender, target, costs, c.Trade is null ? null : Dependence(c.Trade, c.SenderGdp, c.TargetGdp));
    }

    public static Interdependence Dependence(TradeTies trade, double senderGdp, double targetGdp)
    {
        var ds = trade.Bilateral / trade.SenderTotal;
        var dt = trade.Bilateral / trade.TargetTotal;
        return new Interdependence(ds, dt, Math.Sqrt(ds * dt), 1 - Math.Abs(ds - dt), trade.Bilateral / senderGdp, trade.Bilateral / targetGdp);
    }
}
