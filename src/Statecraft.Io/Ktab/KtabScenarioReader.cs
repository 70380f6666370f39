using Statecraft.Core.Domain;
using Statecraft.Core.Spatial;

namespace Statecraft.Io.Ktab;

/// <summary>Reads a KTAB scenario, choosing the format by extension (.xml, else CSV).</summary>
public static class KtabScenarioReader
{
    public static bool IsKtabFile(string path) =>
        Path.GetExtension(path).Equals(".xml", StringComparison.OrdinalIgnoreCase) || LooksLikeKtabCsv(path);

    public static ParseResult<SpatialScenario> Read(string path) =>
        Path.GetExtension(path).Equals(".xml", StringComparison.OrdinalIgnoreCase)
            ? KtabXmlReader.Read(path)
            : KtabCsvReader.Read(path);

    /// <summary>KTAB CSV: whole numbers of actors and dimensions on line 1, a position and a salience per dimension on line 2.</summary>
    private static bool LooksLikeKtabCsv(string path)
    {
        if (!File.Exists(path)) return false;
        using var reader = new StreamReader(path);
        var first = reader.ReadLine();
        var second = reader.ReadLine();
        if (first is null || second is null) return false;
        var head = first.Split(',');
        return head.Length >= 4 && int.TryParse(head[2].Trim(), out _) && int.TryParse(head[3].Trim(), out var dims)
            && dims >= 1 && second.Split(',').Length >= 3 + 2 * dims;
    }
}
