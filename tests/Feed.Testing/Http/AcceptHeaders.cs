namespace Feed.Testing.Http;

/// <summary>
/// Accept headers real clients send, each from its source or captured from the installed program. Readers must get
/// the feed; browsers the page.
/// </summary>
public static class AcceptHeaders
{
    /// <summary>miniflux/v2 internal/reader/fetcher/request_builder.go, <c>defaultAcceptHeader</c>.</summary>
    public const string Miniflux = "application/xml, application/atom+xml, application/rss+xml, application/rdf+xml, application/feed+json, text/html, */*;q=0.9";

    /// <summary>feedparser 6 (feedparser/http.py <c>ACCEPT_HEADER</c>; captured from Debian's python3-feedparser 6.0.10).</summary>
    public const string Feedparser = "application/atom+xml,application/rdf+xml,application/rss+xml,application/x-netcdf,application/xml;q=0.9,text/xml;q=0.2,*/*;q=0.1";

    /// <summary>SimplePie (FreshRSS, WordPress), SimplePie::fetch_data and the Locator.</summary>
    public const string SimplePie = "application/atom+xml, application/rss+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, text/html;q=0.7, unknown/unknown;q=0.1, application/unknown;q=0.1, */*;q=0.1";

    /// <summary>npm rss-parser 3.13, lib/parser.js <c>DEFAULT_HEADERS</c>.</summary>
    public const string RssParser = "application/rss+xml";

    /// <summary>curl 7.88 (captured).</summary>
    public const string Curl = "*/*";

    /// <summary>newsboat 2.21 (captured from Debian's newsboat: libcurl's default).</summary>
    public const string Newsboat = "*/*";

    /// <summary>Debian's Chromium 156, captured from a headless navigation.</summary>
    public const string Chromium = "text/html,application/xhtml+xml,application/xml;q=0.9,image/jxl,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";

    /// <summary>Firefox 13x navigation (network.http.accept default).</summary>
    public const string Firefox = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    /// <summary>Safari 17/18 navigation.</summary>
    public const string Safari = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    /// <summary>Readers by name, with the header each sends ("" = no Accept header at all, as .NET's HttpClient and Go's net/http).</summary>
    public static IReadOnlyList<(string Reader, string Accept)> Readers { get; } =
    [
        ("Miniflux", Miniflux),
        ("feedparser", Feedparser),
        ("SimplePie/FreshRSS", SimplePie),
        ("rss-parser", RssParser),
        ("newsboat", Newsboat),
        ("curl", Curl),
        ("no Accept", ""),
    ];

    public static IReadOnlyList<(string Browser, string Accept)> Browsers { get; } =
    [
        ("Chromium", Chromium),
        ("Firefox", Firefox),
        ("Safari", Safari),
    ];
}
