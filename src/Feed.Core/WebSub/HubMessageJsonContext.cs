using System.Text.Json.Serialization;

namespace Feed.Core.WebSub;

/// <summary>The queue messages' JSON, generated at compile time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(HubMessage))]
internal sealed partial class HubMessageJsonContext : JsonSerializerContext
{
}
