namespace Feed.Core.Articles;

/// <summary>One finding about an article file: a stable code, the field, a reason, and where YAML placed it.</summary>
public sealed record ArticleDiagnostic(
    string Code,
    string? Field,
    string Message,
    DiagnosticSeverity Severity,
    int? Line = null,
    int? Column = null)
{
    public override string ToString()
    {
        var where = Line is { } line ? $" (line {line}, column {Column ?? 0})" : "";
        var field = Field is null ? "" : $" [{Field}]";
        return $"{Code}{field}: {Message}{where}";
    }
}
