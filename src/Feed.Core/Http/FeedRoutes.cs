namespace Feed.Core.Http;

/// <summary>
/// Route templates shared by the Azure Functions app and the local host, relative to <see cref="Prefix"/>.
/// </summary>
public static class FeedRoutes
{
    /// <summary>The Functions default route prefix (host.json <c>extensions.http.routePrefix</c>).</summary>
    public const string Prefix = "api";

    /// <summary>Catalog of every feed: JSON or HTML with autodiscovery links.</summary>
    public const string Catalog = "feeds";

    /// <summary>OPML 2.0 list of every feed.</summary>
    public const string Opml = "feeds.opml";

    /// <summary>Every feed document, parsed by <see cref="FeedPath"/>: <c>feeds/topics/{topic}.{format}</c> and the like.</summary>
    public const string Feed = "feeds/{*path}";

    /// <summary>The route value that holds the rest of a feed path.</summary>
    public const string FeedPathParameter = "path";

    /// <summary>The WebSub hub: subscription requests (form POST) for any feed document.</summary>
    public const string Hub = "websub";

    /// <summary>Storage reachability and ingestion counters.</summary>
    public const string Health = "health";

    /// <summary>
    /// Every other path under the prefix, in every method: the Functions app routes it to a catch-all function (the
    /// host would otherwise answer an empty 404 itself), which answers as <see cref="UnroutedRequest"/> says.
    /// Routes with literal segments take precedence over it.
    /// </summary>
    public const string Unrouted = "{*path}";
}
