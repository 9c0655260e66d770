using System.Globalization;
using Feed.Core.Articles;
using Feed.Core.Parsing;

namespace Feed.Core.Normalization;

/// <summary>Reads typed values out of front-matter nodes, reporting each problem against the field's path.</summary>
internal sealed class FieldReader(List<ArticleDiagnostic> diagnostics, NormalizationLimits limits)
{
    public List<ArticleDiagnostic> Diagnostics { get; } = diagnostics;

    public NormalizationLimits Limits { get; } = limits;

    public bool HasErrors { get; private set; }

    public void Error(string code, string field, string message, FrontMatterNode? at)
    {
        HasErrors = true;
        Diagnostics.Add(new ArticleDiagnostic(code, field, message, DiagnosticSeverity.Error, at?.Line, at?.Column));
    }

    public void Warning(string code, string field, string message, FrontMatterNode? at) =>
        Diagnostics.Add(new ArticleDiagnostic(code, field, message, DiagnosticSeverity.Warning, at?.Line, at?.Column));

    public string? Text(FrontMatterNode? node, string field, int maxLength)
    {
        switch (node)
        {
            case null:
                return null;
            case FrontMatterScalar scalar when scalar.IsNull:
                return null;
            case FrontMatterScalar scalar:
                var text = XmlText.Clean(scalar.Value, out var removed);
                if (removed > 0)
                {
                    Warning(DiagnosticCodes.TextControlCharacters, field, $"{removed} character(s) that XML 1.0 forbids were removed", node);
                }

                text = text.Trim();
                if (text.Length > maxLength)
                {
                    Error(DiagnosticCodes.FieldTooLong, field, $"is {text.Length} characters long; the limit is {maxLength}", node);
                    return null;
                }

                return text.Length == 0 ? null : text;
            default:
                Error(DiagnosticCodes.FieldWrongType, field, $"must be text, not a {node.KindName}", node);
                return null;
        }
    }

    public int? Integer(FrontMatterNode? node, string field)
    {
        if (node is null or FrontMatterScalar { IsNull: true })
        {
            return null;
        }

        if (node is FrontMatterScalar scalar
            && int.TryParse(scalar.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var shown = node is FrontMatterScalar text ? $"'{Shorten(text.Value)}'" : $"a {node.KindName}";
        Error(DiagnosticCodes.FieldWrongType, field, $"must be a whole number, not {shown}", node);
        return null;
    }

    public bool? Boolean(FrontMatterNode? node, string field)
    {
        if (node is null or FrontMatterScalar { IsNull: true })
        {
            return null;
        }

        if (node is FrontMatterScalar scalar)
        {
            switch (scalar.Value.Trim().ToLowerInvariant())
            {
                case "true":
                    return true;
                case "false":
                    return false;
            }
        }

        var shown = node is FrontMatterScalar text ? $"'{Shorten(text.Value)}'" : $"a {node.KindName}";
        Error(DiagnosticCodes.FieldWrongType, field, $"must be true or false, not {shown}", node);
        return null;
    }

    public FrontMatterMapping? Mapping(FrontMatterNode? node, string field)
    {
        switch (node)
        {
            case null or FrontMatterScalar { IsNull: true }:
                return null;
            case FrontMatterMapping mapping:
                return mapping;
            default:
                Error(DiagnosticCodes.FieldWrongType, field, $"must be a mapping of fields, not a {node.KindName}", node);
                return null;
        }
    }

    public IReadOnlyList<FrontMatterNode> Sequence(FrontMatterNode? node, string field, int maxItems)
    {
        switch (node)
        {
            case null or FrontMatterScalar { IsNull: true }:
                return [];
            case FrontMatterSequence sequence when sequence.Items.Count > maxItems:
                Error(DiagnosticCodes.FieldTooManyItems, field, $"has {sequence.Items.Count} items; the limit is {maxItems}", node);
                return [];
            case FrontMatterSequence sequence:
                return sequence.Items;
            default:
                Error(DiagnosticCodes.FieldWrongType, field, $"must be a list, not a {node.KindName}", node);
                return [];
        }
    }

    /// <summary>Reads a date; a date without time zone is read as UTC, with a warning.</summary>
    public DateTimeOffset? Date(FrontMatterNode? node, string field)
    {
        var text = Text(node, field, 100);
        if (text is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value))
        {
            Error(DiagnosticCodes.DateInvalid, field, $"'{Shorten(text)}' is not a date and time (expected ISO 8601, e.g. 2021-08-27T16:15:00Z)", node);
            return null;
        }

        if (!HasTimeZone(text))
        {
            Warning(DiagnosticCodes.DateWithoutTimeZone, field, $"'{text}' has no time zone; read as UTC", node);
        }

        return value.ToUniversalTime();
    }

    private static bool HasTimeZone(string text)
    {
        var timeStart = text.IndexOfAny(['T', 't', ' ']);
        if (timeStart < 0)
        {
            return false;
        }

        var time = text.AsSpan(timeStart + 1);
        return time.EndsWith("Z", StringComparison.OrdinalIgnoreCase)
            || time.IndexOfAny('+', '-') >= 0
            || time.EndsWith("UTC", StringComparison.OrdinalIgnoreCase)
            || time.EndsWith("GMT", StringComparison.OrdinalIgnoreCase);
    }

    internal static string Shorten(string value) => value.Length <= 40 ? value : value[..37] + "...";
}
