using System.Globalization;
using Statecraft.Core.Domain;

namespace Statecraft.Cli.Infrastructure;

/// <summary>Option values read one way by every command.</summary>
internal static class OptionValues
{
    /// <summary>A <c>YYYY-MM-DD</c> option: the date, null when not given, or a problem naming the option.</summary>
    public static DateOnly? Date(string? value, string option, ICollection<Problem> problems)
    {
        if (value is null) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        problems.Add(new Problem("", option, $"'{value}' is not YYYY-MM-DD"));
        return null;
    }
}
