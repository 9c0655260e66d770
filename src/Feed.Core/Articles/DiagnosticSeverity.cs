using System.Text.Json.Serialization;

namespace Feed.Core.Articles;

[JsonConverter(typeof(JsonStringEnumConverter<DiagnosticSeverity>))]
public enum DiagnosticSeverity
{
    Warning,
    Error,
}
