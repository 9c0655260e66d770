namespace Feed.Server.Tests.Pages;

/// <summary>An article file whose every text field is markup or script, valid as far as the format goes.</summary>
public static class HostileArticle
{
    public const string FileName = "hostile.md";

    public const string Title = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"> Hostile & title";

    public const string FeedPath = "/api/feeds/providers/evil.example.rss";

    public const string Text = """
        ---
        title: "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"> Hostile & title"
        excerpt: "\"><svg onload=window.__pwned=3> </p><iframe src=javascript:alert(1)></iframe>"
        publishedDateTime: 2024-05-01T10:00:00Z
        webUrl: "https://evil.example/article?q=%22%3E%3Cscript%3E"
        type: video
        featuredContent: "<iframe src=\"https://evil.example/embed/x?a=&quot;&gt;&lt;script&gt;window.__pwned=7&lt;/script&gt;\" onload=\"window.__pwned=8\"></iframe>"
        provider:
          name: "<b onmouseover=\"window.__pwned=4\">Evil</b>"
          domain: evil.example
        topics:
          - "<i onclick=alert(1)>Hostile</i>"
        images:
          - url: "https://evil.example/i.jpg?a=\"onerror=\"window.__pwned=5"
            width: 640
            height: 360
        related:
          - title: "</a><script>window.__pwned=6</script>"
            webUrl: "https://evil.example/related"
        ---
        """;
}
