using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Statecraft.Web;

/// <summary>
/// The API's JSON: snake_case like the CLI's, and the default encoder, which writes &lt; &gt; &amp;
/// as \u escapes so scenario text can never close a script or a tag if JSON lands in a page.
/// </summary>
internal static class WebJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions());

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        options.Encoder = JavaScriptEncoder.Default; // ASP.NET Core's own default is the relaxed one

        return options;
    }
}
