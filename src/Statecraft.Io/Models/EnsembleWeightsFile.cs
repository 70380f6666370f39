using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Statecraft.Core.Domain;
using Statecraft.Core.Ensemble;

namespace Statecraft.Io.Models;

/// <summary>
/// The ensemble's weights as shipped in <c>data/models/ensemble-weights.json</c> (embedded in this
/// assembly, so analyses need no file beside the binary) and as <c>statecraft evaluate --weights-out</c>
/// writes them.
/// </summary>
public static class EnsembleWeightsFile
{
    public const string ShippedPath = "data/models/ensemble-weights.json";
    private const string ResourceName = "ensemble-weights.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private sealed record MemberJson(string Model, double Weight, double MeanAbsoluteError, double RootMeanSquaredError, double[] Residuals);

    private sealed record FileJson(string About, string Method, string Data, string DataSha256, string Command, int Issues, MemberJson[] Members);

    private static readonly Lazy<EnsembleWeights> Shipped = new(() =>
    {
        using var stream = typeof(EnsembleWeightsFile).Assembly.GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException("the ensemble weights are missing from this build");
        using var reader = new StreamReader(stream);
        var parsed = Parse(reader.ReadToEnd(), ShippedPath + " (built in)");
        return parsed.Success ? parsed.Value : throw new InvalidOperationException(string.Join("; ", parsed.Problems));
    });

    /// <summary>The weights shipped with this build.</summary>
    public static EnsembleWeights BuiltIn => Shipped.Value;

    public static ParseResult<EnsembleWeights> Read(string path) => InputFile.ReadText(path).Then(t => Parse(t, path));

    public static ParseResult<EnsembleWeights> Parse(string text, string file)
    {
        FileJson? json;
        try
        {
            json = JsonSerializer.Deserialize<FileJson>(text, Options);
        }
        catch (JsonException e)
        {
            var where = new SourceLocation(file, (int)(e.LineNumber ?? -1) + 1, (int)(e.BytePositionInLine ?? -1) + 1);
            return ParseResult<EnsembleWeights>.ForProblem(new Problem("ensemble weights", e.Path ?? "", "expected the layout statecraft evaluate --weights-out writes: " + e.Message.Split(" Path:")[0], where));
        }

        if (json is null) return ParseResult<EnsembleWeights>.ForProblem(new Problem("ensemble weights", "", "expected a JSON object", new SourceLocation(file, 1, 1)));
        var weights = new EnsembleWeights(
            json.Members.Select(m => new MemberCalibration(m.Model, m.Weight, m.MeanAbsoluteError, m.RootMeanSquaredError, m.Residuals)).ToArray(),
            json.Issues, json.Method, new CalibrationProvenance(json.Data, json.DataSha256, json.Command));
        var problems = weights.Problems();
        return problems.Count > 0
            ? ParseResult<EnsembleWeights>.ForProblems(problems.Select(p => new Problem("ensemble weights", "members", p, new SourceLocation(file))).ToArray())
            : ParseResult<EnsembleWeights>.ForValue(weights);
    }

    public static string ToJson(EnsembleWeights w) => JsonSerializer.Serialize(new FileJson(
        "Weights of Statecraft's bargaining ensemble, learnt from real EU decisions; residuals are outcome - forecast on 0-100, sorted. See docs/accuracy.md.",
        w.Method, w.Provenance.Data, w.Provenance.DataSha256, w.Provenance.Command, w.Issues,
        w.Members.Select(m => new MemberJson(m.Model, m.Weight, m.MeanAbsoluteError, m.RootMeanSquaredError, m.Residuals.ToArray())).ToArray()), Options) + "\n";
}
