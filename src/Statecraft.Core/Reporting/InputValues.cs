using Statecraft.Core.Scenarios;

namespace Statecraft.Core.Reporting;

/// <summary>An input's value as a reader expects it: shares as percentages, money in US$, the rest as numbers.</summary>
public static class InputValues
{
    private static readonly string[] MoneyInputs = ["sender_gdp", "target_gdp", "flow", "output_per_worker"];

    public static string Format(Scenario s, string path, double value)
    {
        var parts = path.Split('/');
        if (parts[0] == "lever" && parts.Length == 3 && MoneyInputs.Contains(parts[2].Split('.')[^1])) return Numbers.Usd(value);
        var salience = parts[0] == "issue" && parts.Length == 4 && parts[3] == "salience";
        return !salience && s.BoundsOf(path) == (0, 1) ? Numbers.Percent(value) : Numbers.Value(value);
    }
}
