namespace Feed.Server.Tests.Pages;

/// <summary>
/// The catalog and feed pages in a real Chromium (tests/browser/pages.mjs): what a person sees on a desktop and a
/// 360 px phone, without JavaScript, paging through archives, hostile text kept inert, and axe-core's accessibility
/// scan. Screenshots are written to TestResults/browser.
/// </summary>
public sealed class BrowserPagesTests(BrowserHostFixture host) : IClassFixture<BrowserHostFixture>
{
    public static TheoryData<string> Checks =>
    [
        "catalog-desktop",
        "catalog-phone",
        "catalog-without-javascript",
        "catalog-accessibility",
        "feed-desktop",
        "feed-phone",
        "feed-accessibility",
        "feed-dark",
        "feed-dark-accessibility",
        "archive-paging",
        "archive-accessibility",
        "hostile-input-inert",
    ];

    [Theory]
    [MemberData(nameof(Checks))]
    public void Page_InChromium_PassesCheck(string check)
    {
        if (host.Unavailable is { } reason)
        {
            if (Environment.GetEnvironmentVariable("FEED_REQUIRE_ALL_PARSERS") == "1")
            {
                Assert.Fail($"{reason} (FEED_REQUIRE_ALL_PARSERS=1 requires the browser)");
            }

            Assert.Skip(reason);
        }

        var result = host.Checks[check];
        Assert.True(result is not null, $"the browser run reported no '{check}'; its output:\n{host.Output}");
        var failures = result["failures"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();
        Assert.True(result["ok"]!.GetValue<bool>() && failures.Count == 0, $"{check} in Chromium:\n- {string.Join("\n- ", failures)}");
    }

    [Fact]
    public async Task HostilePage_Html_ShowsArticleMarkupAsTextOnly()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, HostileArticle.FeedPath);
        request.Headers.TryAddWithoutValidation("Accept", Feed.Testing.Http.AcceptHeaders.Chromium);
        var html = await (await host.Http.SendAsync(request, TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>window", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<iframe", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b onmouseover", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"onerror=", html, StringComparison.Ordinal);
        Assert.Equal(1, html.Split("<script>").Length - 1);
    }
}
