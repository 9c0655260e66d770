using Feed.Core.Articles;

namespace Feed.Core.Parsing;

/// <summary>Finds the YAML between the opening and closing <c>---</c> lines of an article file.</summary>
public static class FrontMatterSplitter
{
    /// <summary>
    /// Splits <paramref name="text"/>. On success <paramref name="yaml"/> is the front matter and
    /// <paramref name="firstYamlLine"/> its 1-based line in the file.
    /// </summary>
    public static ArticleDiagnostic? TrySplit(string text, out string yaml, out int firstYamlLine, out string? body)
    {
        var error = TryLocate(text, out var range, out firstYamlLine, out body);
        yaml = error is null ? text[range] : "";
        return error;
    }

    /// <summary>As the other overload, with the front matter given as its <paramref name="yaml"/> range of <paramref name="text"/>.</summary>
    public static ArticleDiagnostic? TryLocate(string text, out Range yaml, out int firstYamlLine, out string? body)
    {
        yaml = default;
        body = null;
        firstYamlLine = 0;

        var position = 0;
        var line = 0;
        while (position < text.Length)
        {
            var current = ReadLine(text, ref position);
            line++;
            if (current.IsWhiteSpace())
            {
                continue;
            }

            if (!IsFence(current))
            {
                return new ArticleDiagnostic(
                    DiagnosticCodes.FrontMatterMissing,
                    null,
                    "the file must start with a '---' line that opens the front matter",
                    DiagnosticSeverity.Error,
                    line,
                    1);
            }

            var yamlStart = position;
            firstYamlLine = line + 1;
            while (position < text.Length)
            {
                var lineStart = position;
                var candidate = ReadLine(text, ref position);
                if (IsFence(candidate) || candidate.TrimEnd().SequenceEqual("..."))
                {
                    yaml = yamlStart..lineStart;
                    var rest = text.AsSpan(position).Trim();
                    body = rest.IsEmpty ? null : rest.ToString();
                    return null;
                }
            }

            return new ArticleDiagnostic(
                DiagnosticCodes.FrontMatterUnterminated,
                null,
                $"the front matter opened on line {line} has no closing '---' line",
                DiagnosticSeverity.Error,
                line,
                1);
        }

        return new ArticleDiagnostic(DiagnosticCodes.FileEmpty, null, "the file is empty", DiagnosticSeverity.Error);
    }

    private static ReadOnlySpan<char> ReadLine(string text, ref int position)
    {
        var rest = text.AsSpan(position);
        var end = rest.IndexOfAny('\r', '\n');
        if (end < 0)
        {
            position = text.Length;
            return rest;
        }

        var lineText = rest[..end];
        position += end + (rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1);
        return lineText;
    }

    private static bool IsFence(ReadOnlySpan<char> line) => line.TrimEnd().SequenceEqual("---");
}
