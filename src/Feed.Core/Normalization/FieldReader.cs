using System.Globalization;
using System.Text.Json.Nodes;
using Feed.Core.Articles;
using Feed.Core.Parsing;

namespace Feed.Core.Normalization;

/// <summary>Reads typed values out of front-matter nodes, reporting each problem against the field's path.</summary>
internal sealed class FieldReader(List<ArticleDiagnostic> diagnostics, NormalizationLimits limits)
{
    public List<ArticleDiagnostic> Diagnostics { get; } = diagnostics;

    public NormalizationLimits Limits { get; } = limits;

    public bool HasErrors { get; private set; }

    /// <summary>Fields the format does not define, by path, as they were; null when there were none.</summary>
    public JsonObject? Extra { get; private set; }

    public void Error(string code, FieldPath field, string message, FrontMatterNode? at)
    {
        HasErrors = true;
        Diagnostics.Add(new ArticleDiagnostic(code, field.ToString(), message, DiagnosticSeverity.Error, at?.Line, at?.Column));
    }

    public void Warning(string code, FieldPath field, string message, FrontMatterNode? at) =>
        Diagnostics.Add(new ArticleDiagnostic(code, field.ToString(), message, DiagnosticSeverity.Warning, at?.Line, at?.Column));

    /// <summary>Whether an error was already reported for exactly <paramref name="field"/>.</summary>
    public bool HasErrorFor(string field)
    {
        foreach (var diagnostic in Diagnostics)
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error && diagnostic.Field == field)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Keeps a field the format does not define under <c>extra</c>, by its path, with a warning.</summary>
    public void Unknown(FieldPath field, FrontMatterNode value)
    {
        var path = field.ToString();
        Warning(DiagnosticCodes.FieldUnknown, path, "is not a field of the article format; kept under 'extra'", value);
        Extra ??= [];
        Extra[path] = ToJson(value);
    }

    public string? Text(FrontMatterNode? node, FieldPath field, int maxLength) => Text(node, field, maxLength, decodeEntities: false);

    /// <summary>
    /// A field that is text for people to read (title, excerpt, names): HTML character references in it
    /// (<c>we&amp;#8217;ve</c>, <c>&amp;amp;</c>, <c>&amp;nbsp;</c>), common in text copied from web pages, are decoded
    /// once, so that readers show the characters. The result stays text: it is escaped wherever it is written.
    /// </summary>
    public string? PlainText(FrontMatterNode? node, FieldPath field, int maxLength) => Text(node, field, maxLength, decodeEntities: true);

    private string? Text(FrontMatterNode? node, FieldPath field, int maxLength, bool decodeEntities)
    {
        switch (node)
        {
            case null:
                return null;
            case FrontMatterScalar scalar when scalar.IsNull:
                return null;
            case FrontMatterScalar scalar:
                var value = decodeEntities && scalar.Value.Contains('&', StringComparison.Ordinal) ? System.Net.WebUtility.HtmlDecode(scalar.Value) : scalar.Value;
                var text = XmlText.Clean(value, out var removed);
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

    public int? Integer(FrontMatterNode? node, FieldPath field)
    {
        if (node is null or FrontMatterScalar { IsNull: true })
        {
            return null;
        }

        if (node is FrontMatterScalar scalar
            && int.TryParse(scalar.Value.AsSpan().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var shown = node is FrontMatterScalar text ? $"'{Shorten(text.Value)}'" : $"a {node.KindName}";
        Error(DiagnosticCodes.FieldWrongType, field, $"must be a whole number, not {shown}", node);
        return null;
    }

    public bool? Boolean(FrontMatterNode? node, FieldPath field)
    {
        if (node is null or FrontMatterScalar { IsNull: true })
        {
            return null;
        }

        if (node is FrontMatterScalar scalar)
        {
            var value = scalar.Value.AsSpan().Trim();
            if (value.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (value.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        var shown = node is FrontMatterScalar text ? $"'{Shorten(text.Value)}'" : $"a {node.KindName}";
        Error(DiagnosticCodes.FieldWrongType, field, $"must be true or false, not {shown}", node);
        return null;
    }

    public FrontMatterMapping? Mapping(FrontMatterNode? node, FieldPath field)
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

    public IReadOnlyList<FrontMatterNode> Sequence(FrontMatterNode? node, FieldPath field, int maxItems)
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

    /// <summary>Reads an ISO 8601 date; a date without time zone is read as UTC, with a warning.</summary>
    public DateTimeOffset? Date(FrontMatterNode? node, FieldPath field)
    {
        var text = Text(node, field, 100);
        if (text is null)
        {
            return null;
        }

        if (!IsoDateTime.TryParse(text, out var value, out var hasTimeZone, out var outOfRange))
        {
            if (outOfRange)
            {
                Error(DiagnosticCodes.DateOutOfRange, field, $"'{Shorten(text)}' is a valid date but far outside the range of publication dates (1990 to one day ahead)", node);
                return null;
            }

            Error(DiagnosticCodes.DateInvalid, field, $"'{Shorten(text)}' is not a valid ISO 8601 date and time (e.g. 2021-08-27T16:15:00Z)", node);
            return null;
        }

        if (!hasTimeZone)
        {
            Warning(DiagnosticCodes.DateWithoutTimeZone, field, $"'{text}' has no time zone; read as UTC", node);
        }

        return value;
    }

    internal static string Shorten(string value) => value.Length <= 40 ? value : value[..37] + "...";

    private static JsonNode? ToJson(FrontMatterNode node) => node switch
    {
        FrontMatterScalar { IsNull: true } => null,
        FrontMatterScalar { IsPlain: true } scalar when long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
        FrontMatterScalar { IsPlain: true, Value: "true" or "True" or "TRUE" } => true,
        FrontMatterScalar { IsPlain: true, Value: "false" or "False" or "FALSE" } => false,
        FrontMatterScalar scalar => XmlText.Clean(scalar.Value, out _),
        FrontMatterSequence sequence => new JsonArray([.. sequence.Items.Select(ToJson)]),
        FrontMatterMapping mapping => new JsonObject(mapping.Entries.Select(e => KeyValuePair.Create(e.Key, ToJson(e.Value)))),
        _ => null,
    };
}
