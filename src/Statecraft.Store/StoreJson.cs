using System.Text.Json;
using System.Text.Json.Serialization;

namespace Statecraft.Store;

/// <summary>The store's own JSON (a manifest's options, a changed leaf of a result), serializers generated at build time.</summary>
[JsonSerializable(typeof(SortedDictionary<string, string>))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class StoreJson : JsonSerializerContext;
