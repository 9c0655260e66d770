using Feed.Core.Parsing;
using Feed.Testing;

namespace Feed.Core.Tests.Parsing;

public sealed class ArticleFileReaderTests
{
    [Fact]
    public void Read_SeedFile_NormalizesEveryField()
    {
        var result = new ArticleFileReader().Read(File.ReadAllBytes(RepositoryPaths.SeedFile));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var article = result.Article!;
        Assert.Equal("SenseTime, artificial intelligence platform founded by CUHK professors, files to raise at least US$2 billion in Hong Kong IPO", article.Title);
        Assert.Equal(new DateTimeOffset(2021, 8, 27, 16, 15, 0, TimeSpan.Zero), article.PublishedDateTime);
        Assert.Equal("https://www.scmp.com/business/banking-finance/article/3146708/sensetime-artificial-intelligence-platform-founded-cuhk", article.Link);
        Assert.Equal("scmp.com", article.Provider.Domain);
        Assert.Equal("South China Morning Post", article.Provider.Name);
        Assert.Equal(["ai-ethics", "ai"], article.Topics.Select(t => t.Key));
        Assert.Equal(77, article.Quality);
        Assert.Equal(-1, article.Heat);
        Assert.False(article.Published);
        Assert.Equal(2, article.Related.Count);
        Assert.Equal(1200, article.Images.Single().Width);
        Assert.StartsWith("jxAPNDpLPPBs24x1F", article.Secured, StringComparison.Ordinal);
        Assert.Empty(result.Warnings);
    }
}
