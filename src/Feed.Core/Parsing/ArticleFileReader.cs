using System.Numerics;
using System.Text;
using Feed.Core.Articles;
using Feed.Core.Normalization;

namespace Feed.Core.Parsing;

/// <summary>Reads an article file's bytes: UTF-8 text → front matter → YAML → normalized article.</summary>
public sealed class ArticleFileReader(FrontMatterParser parser, ArticleNormalizer normalizer)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public ArticleFileReader()
        : this(new FrontMatterParser(), new ArticleNormalizer())
    {
    }

    public ArticleReadResult Read(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            return Fail(new ArticleDiagnostic(DiagnosticCodes.FileEmpty, null, "the file is empty", DiagnosticSeverity.Error));
        }

        if (content.StartsWith(Encoding.UTF8.Preamble))
        {
            content = content[Encoding.UTF8.Preamble.Length..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException exception)
        {
            var (line, column) = Position(content, exception.Index);
            var hint = content.Length >= 2 && content[0] is 0xFF or 0xFE && content[1] is 0xFF or 0xFE ? " (it looks like UTF-16; save it as UTF-8)" : "";
            return Fail(new ArticleDiagnostic(
                DiagnosticCodes.FileNotUtf8,
                null,
                $"the file is not UTF-8 text (invalid byte 0x{content[Math.Clamp(exception.Index, 0, content.Length - 1)]:X2}){hint}",
                DiagnosticSeverity.Error,
                line,
                column));
        }

        return Read(text);
    }

    public ArticleReadResult Read(string text)
    {
        try
        {
            return ReadText(text);
        }
        catch (Exception exception) when (exception is not (OutOfMemoryException or OperationCanceledException))
        {
            // Reading is pure computation on the file's text: an exception here is a bug met by this file, not a
            // transient failure, so it is reported like any bad file instead of being retried forever.
            return Fail(new ArticleDiagnostic(
                DiagnosticCodes.ReaderFailed,
                null,
                $"Feed could not read this file ({exception.GetType().Name}: {exception.Message}); please report it with the file",
                DiagnosticSeverity.Error));
        }
    }

    private ArticleReadResult ReadText(string text)
    {
        if (text.Length == 0 || text.AsSpan().IsWhiteSpace())
        {
            return Fail(new ArticleDiagnostic(DiagnosticCodes.FileEmpty, null, "the file is empty", DiagnosticSeverity.Error));
        }

        var diagnostics = new List<ArticleDiagnostic>();
        var firstForbidden = XmlText.IndexOfForbidden(text);
        if (firstForbidden >= 0)
        {
            // YAML itself refuses some of these (NUL ends its input), so they go before parsing; each value that
            // still holds one (a "\x01" escape) is reported again against its field.
            var (line, column) = Position(text.AsSpan(), firstForbidden);
            text = XmlText.Clean(text, out var removed);
            diagnostics.Add(new ArticleDiagnostic(
                DiagnosticCodes.TextControlCharacters,
                null,
                $"{removed} character(s) that XML 1.0 forbids were removed from the file (the first on line {line}, column {column})",
                DiagnosticSeverity.Warning,
                line,
                column));
        }

        var split = FrontMatterSplitter.TryLocate(text, out var yaml, out var firstLine, out var body);
        if (split is not null)
        {
            diagnostics.Add(split);
            return new ArticleReadResult(null, diagnostics);
        }

        var frontMatter = parser.Parse(text, yaml, firstLine, diagnostics);
        if (frontMatter is null)
        {
            return new ArticleReadResult(null, diagnostics);
        }

        var article = normalizer.Normalize(new FrontMatterDocument(frontMatter, body), diagnostics);
        return new ArticleReadResult(article, diagnostics);
    }

    private static ArticleReadResult Fail(ArticleDiagnostic diagnostic) => new(null, [diagnostic]);

    private static (int Line, int Column) Position<T>(ReadOnlySpan<T> content, int index)
        where T : IEquatable<T>, IBinaryInteger<T>
    {
        index = Math.Clamp(index, 0, content.Length);
        var before = content[..index];
        var newLine = T.CreateTruncating('\n');
        var line = before.Count(newLine) + 1;
        var column = index - (before.LastIndexOf(newLine) + 1) + 1;
        return (line, column);
    }
}
