using Feed.Core.Articles;

namespace Feed.Core.Tests.Parsing;

/// <summary>A file Feed must accept: the warning it must carry (if any), and what the normalized article must hold.</summary>
public sealed record OddFileCase(byte[] Content, string? Warning, Action<Article> Check)
{
    public OddFileCase(string content, string? warning, Action<Article> check)
        : this(System.Text.Encoding.UTF8.GetBytes(content), warning, check)
    {
    }
}
