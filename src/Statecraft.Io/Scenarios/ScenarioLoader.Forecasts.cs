using Statecraft.Core.Domain;
using Statecraft.Core.Forecasting;
using Statecraft.Core.Scenarios;
using Statecraft.Io.Yaml;
using YamlDotNet.RepresentationModel;

namespace Statecraft.Io.Scenarios;

// The scenario's `forecasts:` section: dated, resolvable questions (docs/scenario-format.md, "Forecasts").
public static partial class ScenarioLoader
{
    private static ResolvableQuestion? ReadForecast(YamlReader r, YamlNode node)
    {
        var m = r.Mapping(node, "forecast", "forecasts");
        if (m is null) return null;
        var id = r.String(m, "id", "forecast") ?? "?";
        r.OnlyKeys(m, id, "id", "text", "kind", "categories", "unit", "made_at", "resolution", "base_rate", "judgement", "model");
        var text = r.String(m, "text", id) ?? "";
        var kind = r.Enum(m, "kind", id, ResolvableQuestion.KindNames);
        var categories = r.Strings(m, "categories", id);
        var unit = r.String(m, "unit", id, required: false);
        var madeAt = r.Date(m, "made_at", id);
        var resolution = ReadResolution(r, m, id, kind);
        if (kind is null) return null;
        var baseRate = ReadStatement(r, m, "base_rate", id, kind.Value);
        var judgement = ReadStatement(r, m, "judgement", id, kind.Value);
        var link = ReadLink(r, m, id);
        return resolution is null || baseRate is null || judgement is null
            ? null
            : new ResolvableQuestion(id, text, kind.Value, resolution, madeAt, baseRate, judgement, link,
                kind == QuestionKind.Categorical ? categories : null, unit, r.At(m));
    }

    private static ResolutionCriteria? ReadResolution(YamlReader r, YamlMappingNode parent, string id, QuestionKind? kind)
    {
        var node = YamlReader.Get(parent, "resolution");
        if (node is null)
        {
            r.Add(parent, id, "resolution", "missing (yes_when or measure, deadline, decided_by)");
            return null;
        }

        if (r.Mapping(node, id, "resolution") is not { } m) return null;
        // With an unreadable kind (already reported), take whichever criterion the file gives.
        var criterionKey = kind switch
        {
            QuestionKind.Binary => "yes_when",
            null when YamlReader.Get(m, "yes_when") is not null => "yes_when",
            _ => "measure",
        };
        r.OnlyKeys(m, id, criterionKey, "deadline", "decided_by");
        var criterion = r.String(m, criterionKey, id);
        var deadline = r.Date(m, "deadline", id, required: true);
        var decidedBy = r.String(m, "decided_by", id);
        return criterion is null || deadline is null || decidedBy is null ? null : new ResolutionCriteria(criterion, deadline.Value, decidedBy);
    }

    /// <summary>
    /// A base rate or judgement: the probability statement in the question's shape (binary
    /// <c>value</c> with optional <c>low</c>/<c>high</c>; numeric <c>dist</c> in the shared syntax;
    /// categorical <c>probabilities</c>), its <c>source</c> (with <c>field</c> and <c>year</c> for a
    /// dataset), the <c>reasoning</c>, and optional further <c>cites</c>.
    /// </summary>
    private static SourcedPrediction? ReadStatement(YamlReader r, YamlMappingNode parent, string key, string id, QuestionKind kind)
    {
        var node = YamlReader.Get(parent, key);
        if (node is null)
        {
            r.Add(parent, id, key, "missing (a probability with its source and reasoning)");
            return null;
        }

        if (node is YamlScalarNode)
        {
            r.Add(node, id, key, "a number without a source: write {value: P, source: ID, reasoning: ...}");
            return null;
        }

        if (r.Mapping(node, id, key) is not { } m) return null;
        string[] shape = kind switch
        {
            QuestionKind.Binary => ["value", "low", "high"],
            QuestionKind.Categorical => ["probabilities"],
            _ => ["dist", "lo", "hi", "mode", "mean", "sd", "alpha", "beta", "min", "max"],
        };
        if (kind != QuestionKind.Numeric) r.OnlyKeys(m, id, [.. shape, "source", "field", "year", "reasoning", "cites"]);
        var source = r.String(m, "source", id);
        var field = r.String(m, "field", id, required: false);
        var year = r.Integer(m, "year", id);
        var reasoning = r.String(m, "reasoning", id, required: false) ?? ""; // the scenario's rules ask for it
        var cites = r.Strings(m, "cites", id);
        double? low = null, high = null;
        Prediction? prediction = null;
        switch (kind)
        {
            case QuestionKind.Binary:
                var estimate = ReadEstimate(r, m, id, key);
                if (estimate is null) break;
                if (estimate.Low < 0 || estimate.High > 1 || !estimate.IsValid)
                {
                    r.Add(m, id, key, $"expected a probability in [0, 1] with low <= value <= high, found {estimate}");
                    break;
                }

                prediction = Prediction.Binary(estimate.Central);
                if (!estimate.IsPoint) (low, high) = (estimate.Low, estimate.High);
                break;
            case QuestionKind.Categorical:
                if (r.Mapping(YamlReader.Get(m, "probabilities"), id, key + ".probabilities") is not { } pm)
                {
                    if (YamlReader.Get(m, "probabilities") is null) r.Add(m, id, key, "missing probabilities: {CATEGORY: P, ...}");
                    break;
                }

                var list = new List<CategoryProbability>();
                foreach (var (k, v) in pm.Children)
                    if (r.Number(v, id, $"{key}.probabilities.{(k as YamlScalarNode)?.Value}") is { } p)
                        list.Add(new CategoryProbability((k as YamlScalarNode)?.Value ?? "", p));
                if (list.Count != pm.Children.Count) break;
                if (Prediction.CategoricalProblem(list) is { } problem) r.Add(pm, id, key + ".probabilities", problem);
                else prediction = Prediction.Categorical(list);
                break;
            default:
                // The shared distribution syntax reads the distribution; this format's own keys are read above.
                if (YamlReader.Get(m, "dist") is null)
                {
                    r.Add(m, id, key, "a numeric question's statement is a distribution: {dist: normal, mean: M, sd: S, source: ID, reasoning: ...}");
                    break;
                }

                var shared = new YamlMappingNode(m.Children.Where(kv => (kv.Key as YamlScalarNode)?.Value is not ("field" or "year" or "reasoning" or "cites")));
                var problems = new List<Problem>();
                var value = DistributionYaml.Parse(r.Yaml, shared, id, key, problems);
                r.Problems.AddRange(problems.Select(p => p.Location is { Line: <= 0 } ? p.At(r.At(m)) : p));
                if (value is not null) prediction = Prediction.FromQuantileFunction(value.Distribution.Quantile);
                break;
        }

        return prediction is null || source is null
            ? null
            : new SourcedPrediction(prediction, new SourceRef(source, field, year), reasoning, cites, low, high, r.At(m));
    }

    private static ModelLink? ReadLink(YamlReader r, YamlMappingNode parent, string id)
    {
        if (r.Mapping(YamlReader.Get(parent, "model"), id, "model") is not { } m) return null;
        r.OnlyKeys(m, id, "question", "questions", "link", "threshold", "share");
        var single = r.String(m, "question", id, required: false);
        var several = r.Strings(m, "questions", id);
        if ((single is null) == (several.Count == 0))
        {
            r.Add(m, id, "model", "give question: ID, or questions: [ID, ...] when several dyads can start the event");
            return null;
        }

        var link = r.Enum(m, "link", id, ModelLink.Names);
        var threshold = YamlReader.Get(m, "threshold") is { } t ? r.Number(t, id, "model.threshold") : null;
        var share = YamlReader.Get(m, "share") is null ? null : ReadValue(r, m, "share", id);
        return link is null ? null : new ModelLink(single is null ? several : [single], link.Value, threshold, share, r.At(m));
    }
}
