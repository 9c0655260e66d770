namespace Feed.Core.Tests.Parsing;

/// <summary>A file Feed must reject, and the first error it must report: code, field, and position where YAML gives one.</summary>
public sealed record BrokenFileCase(byte[] Content, string Code, string? Field = null, int? Line = null, int? Column = null)
{
    public BrokenFileCase(string content, string code, string? field = null, int? line = null, int? column = null)
        : this(System.Text.Encoding.UTF8.GetBytes(content), code, field, line, column)
    {
    }
}
