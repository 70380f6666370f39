using System.Text.Json;
using System.Text.Json.Serialization;

namespace Statecraft.Store;

/// <summary>The store's own JSON (a manifest's options, a changed leaf of a result, a forecast's categories), serializers generated at build time.</summary>
[JsonSerializable(typeof(SortedDictionary<string, string>))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class StoreJson : JsonSerializerContext;
