using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Statecraft.Core.Domain;
using Statecraft.Core.DyadYears;
using Statecraft.Core.Validation;

namespace Statecraft.Io.Models;

/// <summary>
/// The fitted dispute models shipped in <c>data/models/dispute-models.json</c> (written by
/// <c>statecraft validate conflict --model-out</c>, embedded in the build so analyze needs no data
/// folder): JSON with snake_case names and doubles in round-trip form.
/// </summary>
public static class DisputeModelFile
{
    public const string ResourceName = "dispute-models.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed record ModelJson(IReadOnlyList<string> Features, IReadOnlyList<double> Coefficients);

    private sealed record BaseRateJson(string Group, long Rows, long Events);

    private sealed record FileJson(
        string Outcome,
        int[] Years,
        string Alliances,
        IReadOnlyList<string> Data,
        string Command,
        int Rows,
        int Events,
        ModelJson Standard,
        Dictionary<string, ModelJson> WithEu,
        IReadOnlyList<string> OpenModels,
        string EuSpec,
        IReadOnlyList<BaseRateJson> BaseRates);

    public static string ToJson(DisputeModelSet set) => JsonSerializer.Serialize(new FileJson(
        set.Outcome, [set.Years.First, set.Years.Last], set.Alliances, set.Data, set.Command, set.Rows, set.Events,
        new ModelJson(set.Standard.Features, set.Standard.Coefficients),
        set.WithEu.ToDictionary(kv => kv.Key, kv => new ModelJson(kv.Value.Features, kv.Value.Coefficients)),
        set.OpenModels,
        set.EuSpec,
        set.BaseRates.Select(b => new BaseRateJson(b.Group, b.Rows, b.Events)).ToArray()), Options) + "\n";

    /// <summary>Reads a model file, checking that every model has one coefficient per feature plus the intercept and known features.</summary>
    public static ParseResult<DisputeModelSet> Parse(string text, string path)
    {
        FileJson? file;
        try
        {
            file = JsonSerializer.Deserialize<FileJson>(text, Options);
        }
        catch (JsonException e)
        {
            return ParseResult<DisputeModelSet>.ForProblem(new Problem("", "json", e.Message, new SourceLocation(path, (int)(e.LineNumber ?? -1) + 1)));
        }

        var problems = new List<Problem>();
        if (file is null || file.Standard is null || file.WithEu is null || file.Years is not { Length: 2 } || file.OpenModels is null || file.BaseRates is null)
            return ParseResult<DisputeModelSet>.ForProblem(new Problem("", "json", "expected standard, with_eu, years [first, last], open_models and base_rates", new SourceLocation(path)));
        LogisticModel Model(string name, ModelJson m)
        {
            if (m.Features is null || m.Coefficients is null || m.Coefficients.Count != m.Features.Count + 1)
                problems.Add(new Problem(name, "coefficients", "expected one coefficient per feature plus the intercept", new SourceLocation(path)));
            foreach (var f in m.Features ?? [])
                if (!DisputeCovariates.WithEu.Contains(f)) problems.Add(new Problem(name, "features", $"unknown feature '{f}'", new SourceLocation(path)));
            return new LogisticModel(m.Features ?? [], m.Coefficients ?? []);
        }

        var standard = Model("standard", file.Standard);
        var withEu = file.WithEu.ToDictionary(kv => kv.Key, kv => Model(kv.Key, kv.Value));
        foreach (var open in file.OpenModels)
            if (open != "standard" && !withEu.ContainsKey(open)) problems.Add(new Problem(open, "open_models", "names no model in with_eu", new SourceLocation(path)));
        if (file.EuSpec is null || !withEu.ContainsKey(file.EuSpec)) problems.Add(new Problem("", "eu_spec", $"names no model in with_eu: '{file.EuSpec}'", new SourceLocation(path)));
        if (problems.Count > 0) return ParseResult<DisputeModelSet>.ForProblems(problems);
        return ParseResult<DisputeModelSet>.ForValue(new DisputeModelSet(file.Outcome, new YearSpan(file.Years[0], file.Years[1]), file.Alliances,
            file.Data ?? [], file.Command, file.Rows, file.Events, standard, withEu, file.OpenModels, file.EuSpec!,
            file.BaseRates.Select(b => new BaseRate(b.Group, b.Rows, b.Events)).ToArray()));
    }

    /// <summary>The models shipped with this build.</summary>
    public static DisputeModelSet BuiltIn()
    {
        using var stream = typeof(DisputeModelFile).Assembly.GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException("the dispute models are missing from this build");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), $"{ResourceName} (built in)").Value;
    }
}
