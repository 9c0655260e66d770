using System.Text.Json;
using Feed.Core.Articles;
using Feed.Core.Parsing;
using Feed.Core.Serialization;
using Feed.Testing;

namespace Feed.Core.Tests.Parsing;

public sealed class ArticleFileReaderTests
{
    public static TheoryData<string> BrokenFiles => new(ArticleFileCases.Broken.Keys);

    public static TheoryData<string> OddFiles => new(ArticleFileCases.Odd.Keys);

    [Fact]
    public void Read_SeedFile_NormalizesEveryField()
    {
        var result = new ArticleFileReader().Read(File.ReadAllBytes(RepositoryPaths.SeedFile));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var article = result.Article!;
        Assert.Equal("SenseTime, artificial intelligence platform founded by CUHK professors, files to raise at least US$2 billion in Hong Kong IPO", article.Title);
        Assert.Equal(new DateTimeOffset(2021, 8, 27, 16, 15, 0, TimeSpan.Zero), article.PublishedDateTime);
        Assert.Equal("https://www.scmp.com/business/banking-finance/article/3146708/sensetime-artificial-intelligence-platform-founded-cuhk", article.Link);
        Assert.Equal("https://amp.scmp.com/business/banking-finance/article/3146708/sensetime-artificial-intelligence-platform-founded-cuhk", article.AmpWebUrl);
        Assert.Equal("news", article.Category);
        Assert.Equal("scmp.com", article.Provider.Domain);
        Assert.Equal("South China Morning Post", article.Provider.Name);
        Assert.Equal(50, Assert.Single(article.Provider.Images).Width);
        Assert.Equal(["ai-ethics", "ai"], article.Topics.Select(t => t.Key));
        Assert.Equal(77, article.Quality);
        Assert.Equal(-1, article.Heat);
        Assert.False(article.Published);
        Assert.Equal(2, article.Related.Count);
        Assert.Equal(("Forbes", "forbes.com", 82), (article.Related[0].ProviderName, article.Related[0].ProviderDomain, article.Related[0].Quality));
        Assert.Equal(959, Assert.Single(article.Related[0].Images).Width);
        Assert.Equal(1200, article.Images.Single().Width);
        Assert.True(article.Images.Single().IsCached);
        Assert.StartsWith("jxAPNDpLPPBs24x1F", article.Secured, StringComparison.Ordinal);
        Assert.Null(article.Extra);
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Read_BrokenFile_RejectedWithCodeFieldAndPosition(string name)
    {
        var expected = ArticleFileCases.Broken[name];

        var result = new ArticleFileReader().Read(expected.Content);

        Assert.Null(result.Article);
        var error = result.Errors.FirstOrDefault(e => e.Code == expected.Code);
        Assert.True(error is not null, $"expected {expected.Code}, got: {string.Join("; ", result.Diagnostics)}");
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        if (expected.Field is not null)
        {
            Assert.Equal(expected.Field, error.Field);
        }

        if (expected.Line is not null)
        {
            Assert.Equal((expected.Line, expected.Column ?? error.Column), (error.Line, error.Column));
        }
    }

    [Theory]
    [MemberData(nameof(OddFiles))]
    public void Read_OddFile_AcceptedAsDocumented(string name)
    {
        var expected = ArticleFileCases.Odd[name];

        var result = new ArticleFileReader().Read(expected.Content);

        Assert.True(result.IsValid, string.Join("; ", result.Diagnostics));
        if (expected.Warning is null)
        {
            Assert.Empty(result.Warnings);
        }
        else
        {
            Assert.Contains(result.Warnings, w => w.Code == expected.Warning);
        }

        Assert.Equal(result.Warnings, result.Article!.Warnings);
        expected.Check(result.Article);
    }

    [Theory]
    [InlineData("https://example.com/news/hello")]
    [InlineData("http://example.com/news/hello")]
    [InlineData("https://www.example.com/news/hello")]
    [InlineData("https://EXAMPLE.com/news/hello/")]
    [InlineData("http://www.example.com:80/news/hello/#comments")]
    public void Read_SameLinkWrittenDifferently_SameId(string link)
    {
        var reader = new ArticleFileReader();
        var reference = reader.Read(ArticleFileCases.Valid).Article!;

        var article = reader.Read(ArticleFileCases.With("webUrl", "webUrl: " + link)).Article!;

        Assert.Equal(reference.Id, article.Id);
    }

    [Theory]
    [InlineData("https://example.com/news/other")]
    [InlineData("https://example.com/news/hello?page=2")]
    [InlineData("https://example.org/news/hello")]
    public void Read_DifferentLink_DifferentId(string link)
    {
        var reader = new ArticleFileReader();
        var reference = reader.Read(ArticleFileCases.Valid).Article!;

        var article = reader.Read(ArticleFileCases.With("webUrl", "webUrl: " + link)).Article!;

        Assert.NotEqual(reference.Id, article.Id);
    }

    [Fact]
    public void Read_EveryCorpusFile_AcceptedAndRoundTripsThroughJson()
    {
        var corpus = RepositoryPaths.RequireCorpus();
        var reader = new ArticleFileReader();
        var files = Directory.GetFiles(corpus);
        var problems = new List<string>();

        foreach (var file in files)
        {
            var result = reader.Read(File.ReadAllBytes(file));
            if (result.Article is not { } article)
            {
                problems.Add($"{Path.GetFileName(file)}: {string.Join("; ", result.Errors)}");
                continue;
            }

            var json = JsonSerializer.Serialize(article, FeedJsonContext.Default.Article);
            var again = JsonSerializer.Serialize(JsonSerializer.Deserialize(json, FeedJsonContext.Default.Article)!, FeedJsonContext.Default.Article);
            if (json != again)
            {
                problems.Add($"{Path.GetFileName(file)}: JSON changed in a round trip:\n{json}\n{again}");
            }

            if (result.Warnings.Any())
            {
                problems.Add($"{Path.GetFileName(file)}: unexpected warnings: {string.Join("; ", result.Warnings)}");
            }
        }

        Assert.NotEmpty(files);
        Assert.True(problems.Count == 0, $"{problems.Count} of {files.Length} corpus files:\n{string.Join('\n', problems.Take(20))}");
    }

    [Fact]
    public void Read_EveryCorpusFile_NoCharacterReferenceLeftInTextFields()
    {
        var corpus = RepositoryPaths.RequireCorpus();
        var reader = new ArticleFileReader();
        var reference = new System.Text.RegularExpressions.Regex("&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]{1,7});");
        var withReferences = new List<string>();

        foreach (var file in Directory.GetFiles(corpus))
        {
            var article = reader.Read(File.ReadAllBytes(file)).Article!;
            var text = new[] { article.Title, article.Excerpt, article.Category, article.Provider.Name }
                .Concat(article.Topics.Select(t => t.Name))
                .Concat(article.Related.SelectMany(r => new[] { r.Title, r.Excerpt, r.ProviderName }));
            if (text.Any(t => t is not null && reference.IsMatch(t)))
            {
                withReferences.Add(Path.GetFileName(file));
            }
        }

        Assert.True(withReferences.Count == 0, $"{withReferences.Count} corpus articles still show character references: {string.Join(", ", withReferences.Take(10))}");
    }

    [Fact]
    public void Read_SeedFile_RoundTripsThroughJsonWithEveryField()
    {
        var article = new ArticleFileReader().Read(File.ReadAllBytes(RepositoryPaths.SeedFile)).Article!;

        var json = JsonSerializer.Serialize(article, FeedJsonContext.Default.Article);
        var back = JsonSerializer.Deserialize(json, FeedJsonContext.Default.Article)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, FeedJsonContext.Default.Article));
        Assert.Equal(article.Secured, back.Secured);
        Assert.Equal(article.Related[1].Images[0].Url, back.Related[1].Images[0].Url);
    }
}
