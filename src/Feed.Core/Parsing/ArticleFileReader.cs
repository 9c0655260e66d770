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
        var diagnostics = new List<ArticleDiagnostic>();
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
            return Fail(new ArticleDiagnostic(
                DiagnosticCodes.FileNotUtf8,
                null,
                $"the file is not UTF-8 text (invalid byte 0x{content[Math.Max(0, exception.Index)]:X2})",
                DiagnosticSeverity.Error,
                line,
                column));
        }

        return Read(text);
    }

    public ArticleReadResult Read(string text)
    {
        var split = FrontMatterSplitter.TrySplit(text, out var yaml, out var firstLine, out var body);
        if (split is not null)
        {
            return Fail(split);
        }

        var diagnostics = new List<ArticleDiagnostic>();
        var frontMatter = parser.Parse(yaml, firstLine, diagnostics);
        if (frontMatter is null)
        {
            return new ArticleReadResult(null, diagnostics);
        }

        var article = normalizer.Normalize(new FrontMatterDocument(frontMatter, body), diagnostics);
        return new ArticleReadResult(article, diagnostics);
    }

    private static ArticleReadResult Fail(ArticleDiagnostic diagnostic) => new(null, [diagnostic]);

    private static (int Line, int Column) Position(ReadOnlySpan<byte> content, int index)
    {
        index = Math.Clamp(index, 0, content.Length);
        var before = content[..index];
        var line = before.Count((byte)'\n') + 1;
        var column = index - (before.LastIndexOf((byte)'\n') + 1) + 1;
        return (line, column);
    }
}
