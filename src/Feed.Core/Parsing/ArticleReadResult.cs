using Feed.Core.Articles;

namespace Feed.Core.Parsing;

/// <summary>What reading one article file gave: the article, or the errors that stopped it; warnings either way.</summary>
public sealed record ArticleReadResult(Article? Article, IReadOnlyList<ArticleDiagnostic> Diagnostics)
{
    public bool IsValid => Article is not null;

    public IEnumerable<ArticleDiagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    public IEnumerable<ArticleDiagnostic> Warnings => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning);
}
