using Feed.Core.Feeds;
using Feed.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Feed.Core.Tests.Http;

public sealed class ReasonTextTests
{
    [Theory]
    [InlineData("sort", "sort")]
    [InlineData("<script>alert(1)</script>", "%3Cscript%3Ealert%281%29%3C%2Fscript%3E")]
    [InlineData("a\"b'c&d", "a%22b%27c%26d")]
    [InlineData("é\r\n", "%C3%A9%0D%0A")]
    public void Quote_Value_KeepsOnlyUnreservedCharacters(string value, string expected)
    {
        Assert.Equal(expected, ReasonText.Quote(value));
    }

    [Fact]
    public void Quote_LongValue_ShortenedBeforeEscaping()
    {
        Assert.Equal(new string('a', 40) + "...", ReasonText.Quote(new string('a', 5_000)));
    }

    [Fact]
    public void FeedQueryTryParse_MarkupInUnknownName_ErrorHasNoMarkup()
    {
        var query = new QueryCollection(new Dictionary<string, StringValues> { ["<img src=x onerror=alert(1)>"] = "1" });

        Assert.False(FeedQuery.TryParse(query, FeedKind.All, out _, out var error));
        Assert.DoesNotContain("<", error, StringComparison.Ordinal);
        Assert.Contains("%3Cimg", error, StringComparison.Ordinal);
    }

    [Fact]
    public void FeedPathTryParse_MarkupInFormat_ErrorHasNoMarkup()
    {
        Assert.False(FeedPath.TryParse("all.<svg onload=alert(1)>", out _, out _, out _, out var error));
        Assert.DoesNotContain("<", error, StringComparison.Ordinal);
    }
}
