namespace Statecraft.Core.Conflict;

/// <summary>The names files and options use for the similarity measures: tau_b, s, weighted_s.</summary>
public static class SimilarityMeasures
{
    public static string Name(SimilarityMeasure measure) => measure switch
    {
        SimilarityMeasure.TauB => "tau_b",
        SimilarityMeasure.S => "s",
        _ => "weighted_s",
    };

    public static bool TryParse(string? text, out SimilarityMeasure measure)
    {
        foreach (var m in Enum.GetValues<SimilarityMeasure>())
        {
            if (Name(m) != text) continue;
            measure = m;
            return true;
        }

        measure = default;
        return false;
    }

    public static string Expected => string.Join(", ", Enum.GetValues<SimilarityMeasure>().Select(Name));
}
