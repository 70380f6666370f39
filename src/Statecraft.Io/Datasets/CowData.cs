using System.Globalization;
using Statecraft.Core.Conflict;

namespace Statecraft.Io.Datasets;

/// <summary>
/// Readers for the Correlates of War subsets shipped under <c>data/cow/</c> (see data/SOURCES.md):
/// National Material Capabilities v7 (CINC), and dyad-year alliances from COW Formal Alliances v4.1
/// or ATOP v5 (the file's header says which).
/// </summary>
public static class CowData
{
    /// <summary>CINC by (ccode, year) from an NMC file with columns ccode, year, ..., cinc.</summary>
    public static IReadOnlyDictionary<(int Ccode, int Year), double> ReadCapabilities(string path)
    {
        var rows = Csv.Read(path);
        var header = rows[0];
        int ccode = Column(header, "ccode", path), year = Column(header, "year", path), cinc = Column(header, "cinc", path);
        var result = new Dictionary<(int, int), double>();
        foreach (var row in rows.Skip(1))
        {
            if (row[cinc].Length == 0 || row[cinc] == "NA") continue;
            result[(int.Parse(row[ccode], CultureInfo.InvariantCulture), int.Parse(row[year], CultureInfo.InvariantCulture))] =
                double.Parse(row[cinc], NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return result;
    }

    /// <summary>
    /// The strongest tie per unordered pair of states in <paramref name="year"/>, ranked as War Trap
    /// ranks them: defence (ATOP defence or offence) over neutrality and non-aggression over entente
    /// (ATOP consultation).
    /// </summary>
    public static IReadOnlyDictionary<(int, int), TieKind> ReadTies(string path, int year)
    {
        var rows = Csv.Read(path);
        var header = rows[0];
        int a = Column(header, "ccode1", path), b = Column(header, "ccode2", path), y = Column(header, "year", path);
        var atop = Array.IndexOf(header, "atop_defense") >= 0;
        (string Column, TieKind Kind)[] kinds = atop
            ? [("atop_defense", TieKind.Defence), ("atop_offense", TieKind.Defence), ("atop_neutral", TieKind.Neutrality),
                ("atop_nonagg", TieKind.Neutrality), ("atop_consul", TieKind.Entente)]
            : [("cow_defense", TieKind.Defence), ("cow_neutral", TieKind.Neutrality), ("cow_nonagg", TieKind.Neutrality), ("cow_entente", TieKind.Entente)];
        var columns = kinds.Select(k => (Index: Column(header, k.Column, path), k.Kind)).ToArray();
        var result = new Dictionary<(int, int), TieKind>();
        foreach (var row in rows.Skip(1))
        {
            if (int.Parse(row[y], CultureInfo.InvariantCulture) != year) continue;
            var c1 = int.Parse(row[a], CultureInfo.InvariantCulture);
            var c2 = int.Parse(row[b], CultureInfo.InvariantCulture);
            var key = c1 < c2 ? (c1, c2) : (c2, c1);
            foreach (var (index, kind) in columns)
            {
                if (row[index] != "1") continue;
                if (!result.TryGetValue(key, out var seen) || kind < seen) result[key] = kind;
            }
        }

        return result;
    }

    /// <summary>Years present in an alliance or capability file.</summary>
    public static (int First, int Last) YearRange(string path)
    {
        var rows = Csv.Read(path);
        var y = Column(rows[0], "year", path);
        var years = rows.Skip(1).Select(r => int.Parse(r[y], CultureInfo.InvariantCulture)).ToArray();
        return (years.Min(), years.Max());
    }

    private static int Column(string[] header, string name, string path)
    {
        var i = Array.IndexOf(header, name);
        return i >= 0 ? i : throw new InvalidDataException($"{path}: expected a column '{name}'");
    }
}

/// <summary>Minimal CSV reading: comma-separated, optional double quotes, no embedded newlines.</summary>
internal static class Csv
{
    public static List<string[]> Read(string path)
    {
        var rows = new List<string[]>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0) continue;
            rows.Add(Split(line));
        }

        if (rows.Count == 0) throw new InvalidDataException($"{path}: empty file");
        return rows;
    }

    public static string[] Split(string line) => SplitWithColumns(line).Select(f => f.Text).ToArray();

    /// <summary>The fields of one line, each with the 1-based column where it starts (for located problems).</summary>
    public static (string Text, int Column)[] SplitWithColumns(string line)
    {
        var fields = new List<(string, int)>();
        var current = new System.Text.StringBuilder();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (ch == '"') quoted = false;
                else current.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',')
            {
                fields.Add((current.ToString(), start + 1));
                current.Clear();
                start = i + 1;
            }
            else current.Append(ch);
        }

        fields.Add((current.ToString(), start + 1));
        return fields.ToArray();
    }
}
