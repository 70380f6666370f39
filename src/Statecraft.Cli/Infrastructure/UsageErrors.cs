using System.Reflection;
using System.Text.RegularExpressions;
using Spectre.Console.Cli;

namespace Statecraft.Cli.Infrastructure;

/// <summary>
/// Usage errors in the project's words. Spectre reports a value it cannot convert as "Failed to
/// convert 'abc' to Int32", without the option; this finds the option on the command line and
/// says what it expects, as every other bad input does: <c>--samples: expected a whole number, found 'abc'</c>.
/// </summary>
internal static partial class UsageErrors
{
    [GeneratedRegex(@"^Failed to convert '(?<value>.*)' to (?<type>[\w`]+)\.")]
    private static partial Regex ConversionFailed();

    public static string Describe(Exception exception, IReadOnlyList<string> args)
    {
        var match = ConversionFailed().Match(exception.Message);
        if (!match.Success) return exception.Message;
        var value = match.Groups["value"].Value;
        var option = OptionGiven(value, args);
        if (option is null) return exception.Message;
        var type = OptionType(option);
        return $"{option}: expected {Expected(type)}, found '{value}'";
    }

    /// <summary>The option a value was given to: <c>--opt value</c> or <c>--opt=value</c> / <c>--opt:value</c>.</summary>
    private static string? OptionGiven(string value, IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == value && i > 0 && args[i - 1].StartsWith('-')) return args[i - 1];
            foreach (var separator in "=:")
                if (args[i].StartsWith('-') && args[i].EndsWith(separator + value, StringComparison.Ordinal))
                    return args[i][..^(value.Length + 1)];
        }

        return null;
    }

    /// <summary>The type of the settings property behind an option, looked up in every command's settings.</summary>
    private static Type? OptionType(string option)
    {
        var name = option.TrimStart('-');
        var isLong = option.StartsWith("--", StringComparison.Ordinal);
        return typeof(UsageErrors).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(CommandSettings)))
            .SelectMany(t => t.GetProperties())
            .Where(p => p.GetCustomAttribute<CommandOptionAttribute>() is { } o
                        && (isLong ? o.LongNames : o.ShortNames).Contains(name))
            .Select(p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)
            .FirstOrDefault();
    }

    private static string Expected(Type? type) => Type.GetTypeCode(type) switch
    {
        TypeCode.Byte or TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64 => "a whole number, 0 or more",
        TypeCode.SByte or TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 => "a whole number",
        TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "a number",
        TypeCode.Boolean => "true or false",
        _ when type is { IsEnum: true } => "one of " + string.Join(", ", Enum.GetNames(type).Select(n => n.ToLowerInvariant())),
        _ => "a value of another form",
    };
}
