using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Feed.Core.Configuration;
using Feed.Core.Feeds;
using Feed.Core.Ingestion;
using Feed.Core.Pages;
using Feed.Core.Rendering;
using Feed.Core.Storage;
using Feed.Core.WebSub;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Feed.Core.Http;

/// <summary>
/// Every HTTP answer of Feed, shared by the Functions app and the local host: they only route requests here.
/// </summary>
public sealed class FeedEndpoints(
    FeedIndexCache indexes,
    RenderedFeedCache renderings,
    FeedStorage storage,
    IngestionCounters counters,
    TimeProvider timeProvider,
    IOptions<FeedOptions> options)
{
    private readonly FeedOptions _options = options.Value;

    /// <summary>Seconds readers and caches may keep a feed before asking again.</summary>
    public int MaxAgeSeconds { get; init; } = 300;

    /// <summary>
    /// Cache-Control of a feed and an open archive page: caches in front may serve a copy up to a minute past its
    /// max-age while they revalidate, and for as long as this host would (Feed:IndexStaleIfError) when it errs.
    /// </summary>
    public string FeedCacheControl => $"public, max-age={MaxAgeSeconds}, stale-while-revalidate=60, stale-if-error={(long)_options.IndexStaleIfError.TotalSeconds}";

    /// <summary>Cache-Control of a full archive page: it does not change again, so caches may keep it for a year.</summary>
    public const string ImmutableCacheControl = "public, max-age=31536000, immutable";

    /// <summary>How long the health check waits for storage (whose client retries for longer) before calling it unreachable.</summary>
    public TimeSpan HealthProbeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public Task<FeedResult> FeedAsync(HttpRequest request, string? path, CancellationToken cancellationToken = default) =>
        WhileStorageAnswersAsync(FeedCoreAsync(request, path, cancellationToken), cancellationToken);

    /// <summary><c>GET /api/feeds</c>: JSON when the client asks for JSON, otherwise HTML with autodiscovery links.</summary>
    public Task<FeedResult> CatalogAsync(HttpRequest request, CancellationToken cancellationToken = default) =>
        WhileStorageAnswersAsync(CatalogCoreAsync(request, cancellationToken), cancellationToken);

    /// <summary><c>GET /api/feeds.opml</c>: every feed, to subscribe to all at once.</summary>
    public Task<FeedResult> OpmlAsync(HttpRequest request, CancellationToken cancellationToken = default) =>
        WhileStorageAnswersAsync(OpmlCoreAsync(request, cancellationToken), cancellationToken);

    /// <summary>A request that needs storage while it does not answer gets 503 with the reason, not a bare 500.</summary>
    private static async Task<FeedResult> WhileStorageAnswersAsync(Task<FeedResult> answer, CancellationToken cancellationToken)
    {
        try
        {
            return await answer.ConfigureAwait(false);
        }
        catch (Exception exception) when (StorageFailure.Is(exception) && !cancellationToken.IsCancellationRequested)
        {
            return FeedResult.Problem(StatusCodes.Status503ServiceUnavailable, $"storage is not answering, try again shortly: {StorageFailure.Reason(exception)}")
                .WithHeader(HeaderNames.RetryAfter, "10");
        }
    }

    private async Task<FeedResult> FeedCoreAsync(HttpRequest request, string? path, CancellationToken cancellationToken)
    {
        // A catch-all route also matches an empty rest: the Functions host routes /api/feeds/ here.
        if (string.IsNullOrEmpty(path))
        {
            return await CatalogCoreAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (!FeedPath.TryParse(path, out var key, out var format, out var page, out var pathError))
        {
            return FeedResult.Problem(StatusCodes.Status404NotFound, pathError);
        }

        if (!FeedQuery.TryParse(request.Query, key.Kind, out var query, out var queryError))
        {
            return FeedResult.Problem(StatusCodes.Status400BadRequest, queryError!);
        }

        if (page > 0 && query.Limit is not null)
        {
            return FeedResult.Problem(StatusCodes.Status400BadRequest, "limit narrows a feed's newest items; an archive page always shows all of its items");
        }

        if (CanonicalFeedRedirect.For(request, _options, key, format, page, query, MaxAgeSeconds) is { } redirect)
        {
            return redirect;
        }

        for (var attempt = 0; ; attempt++)
        {
            var index = await indexes.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (index is null)
            {
                return FeedResult.Problem(StatusCodes.Status404NotFound, NotFoundReason(key));
            }

            if (page > index.ArchivePageCount)
            {
                return FeedResult.Problem(StatusCodes.Status404NotFound, index.ArchivePageCount == 0
                    ? $"feed '{key}' has no archive pages yet: all its items are in the feed itself"
                    : $"feed '{key}' has archive pages 1 to {index.ArchivePageCount}");
            }

            var result = page == 0
                ? Head(request, key, format, query, index)
                : await ArchiveAsync(request, key, format, query, index, page, cancellationToken).ConfigureAwait(false);
            if (result is not null)
            {
                return result;
            }

            // The page was replaced (an archived article changed) since the head was read: read the head again.
            indexes.Invalidate(key);
            if (attempt == 2)
            {
                return FeedResult.Problem(StatusCodes.Status503ServiceUnavailable, "the archive page is being rewritten; try again").WithHeader(HeaderNames.RetryAfter, "1");
            }
        }
    }

    private FeedResult Head(HttpRequest request, FeedKey key, FeedFormat format, FeedQuery query, FeedIndex index)
    {
        var baseUrl = PublicUrls.BaseUrl(request, _options);
        var selfUrl = PublicUrls.Feed(baseUrl, key, format, query.ToQueryString());
        var archiveQuery = (query with { Limit = null }).ToQueryString();
        var representation = FeedRepresentation.Negotiate(request, format);
        var etag = EntityTag(representation.Version(index.Version), format, selfUrl);
        var lastModified = index.LastModified;
        var coding = ContentCodingNegotiation.Choose(request.Headers.AcceptEncoding);
        var cacheControl = FeedCacheControl;
        if (ConditionalRequest.IsNotModified(request, etag, lastModified))
        {
            return WithCaching(FeedResult.NotModified(), etag, coding, lastModified, cacheControl, Vary(request));
        }

        var rendered = renderings.GetOrRender(etag, () =>
        {
            var entries = index.Entries.Where(query.Matches).Take(query.Limit ?? int.MaxValue).ToList();
            var view = new FeedView(key, index.Title, Describe(key, index.Title), selfUrl, PublicUrls.Catalog(baseUrl), lastModified, entries)
            {
                HubUrl = PublicUrls.Hub(baseUrl),
                Language = _options.Language,
                PrevArchiveUrl = index.ArchivePageCount == 0 ? null : PublicUrls.Archive(baseUrl, key, index.ArchivePageCount, format, archiveQuery),
            };
            return representation.Render(view);
        });
        return representation.Decorate(Encoded(rendered, representation.MediaType, coding, etag, lastModified, cacheControl, Vary(request)), PublicUrls.Hub(baseUrl), selfUrl);
    }

    /// <summary>Archive page <paramref name="page"/>; null when its blob was replaced since the head was read.</summary>
    private async Task<FeedResult?> ArchiveAsync(HttpRequest request, FeedKey key, FeedFormat format, FeedQuery query, FeedIndex index, int page, CancellationToken cancellationToken)
    {
        var baseUrl = PublicUrls.BaseUrl(request, _options);
        var filters = query.ToQueryString();
        var selfUrl = PublicUrls.Archive(baseUrl, key, page, format, filters);
        var full = page <= index.Pages.Count;
        var info = full ? index.Pages[page - 1] : null;

        // A full page's blob name changes with its content; the open page changes with the head.
        var version = info is not null ? info.Blob : $"{index.Version}|open";
        var representation = FeedRepresentation.Negotiate(request, format);
        var etag = EntityTag(representation.Version(version), format, selfUrl);
        var lastModified = info?.LastModified ?? index.LastModified;
        var coding = ContentCodingNegotiation.Choose(request.Headers.AcceptEncoding);
        var cacheControl = full ? ImmutableCacheControl : FeedCacheControl;
        if (ConditionalRequest.IsNotModified(request, etag, lastModified))
        {
            return WithCaching(FeedResult.NotModified(), etag, coding, lastModified, cacheControl, Vary(request));
        }

        var rendered = renderings.TryGet(etag);
        if (rendered is null)
        {
            List<FeedEntry> entries;
            if (info is null)
            {
                entries = index.Open;
            }
            else if (await storage.Feeds.GetPageAsync(key, info.Blob, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                entries = stored.Entries;
            }
            else
            {
                return null;
            }

            var view = new FeedView(key, index.Title, Describe(key, index.Title), selfUrl, PublicUrls.Catalog(baseUrl), lastModified, [.. entries.Where(query.Matches)])
            {
                HubUrl = PublicUrls.Hub(baseUrl),
                Language = _options.Language,
                CurrentUrl = PublicUrls.Feed(baseUrl, key, format, filters),
                PrevArchiveUrl = page > 1 ? PublicUrls.Archive(baseUrl, key, page - 1, format, filters) : null,
                NextArchiveUrl = page < index.ArchivePageCount ? PublicUrls.Archive(baseUrl, key, page + 1, format, filters) : null,
            };
            rendered = renderings.Add(etag, representation.Render(view));
        }

        return representation.Decorate(Encoded(rendered, representation.MediaType, coding, etag, lastModified, cacheControl, Vary(request)), PublicUrls.Hub(baseUrl), selfUrl);
    }

    private static FeedResult Encoded(RenderedFeed rendered, string mediaType, ContentCoding coding, string etag, DateTimeOffset lastModified, string cacheControl, string vary)
    {
        var result = FeedResult.Ok(mediaType, rendered.Encoded(coding));
        if (coding != ContentCoding.Identity)
        {
            result.WithHeader(HeaderNames.ContentEncoding, coding == ContentCoding.Brotli ? "br" : "gzip");
        }

        return WithCaching(result, etag, coding, lastModified, cacheControl, vary);
    }

    private string Vary(HttpRequest request) => PublicUrls.Vary(request, _options, FeedRepresentation.Vary);

    private async Task<FeedResult> CatalogCoreAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var feeds = await ListFeedsAsync(cancellationToken).ConfigureAwait(false);
        var baseUrl = PublicUrls.BaseUrl(request, _options);
        var wantsJson = request.Headers.Accept.Any(a => a is not null && a.Contains("json", StringComparison.OrdinalIgnoreCase))
            || request.Query["format"] == "json";
        var etag = CatalogVersion.Of(feeds, baseUrl, wantsJson ? "json" : $"{PageLayout.Revision}|{_options.Language}");
        var lastModified = feeds.Count == 0 ? DateTimeOffset.UnixEpoch : feeds.Max(f => f.LastModified);
        var coding = ContentCodingNegotiation.Choose(request.Headers.AcceptEncoding);
        const string cacheControl = "public, max-age=60";
        if (ConditionalRequest.IsNotModified(request, etag, lastModified))
        {
            return WithCaching(FeedResult.NotModified(), etag, coding, lastModified, cacheControl, Vary(request));
        }

        var rendered = renderings.GetOrRender(etag, () => wantsJson ? CatalogWriter.Json(feeds, baseUrl) : CatalogPageWriter.Write(feeds, baseUrl, _options.Language));
        var result = Encoded(rendered, wantsJson ? "application/json; charset=utf-8" : PageLayout.MediaType, coding, etag, lastModified, cacheControl, Vary(request));
        return wantsJson ? result : result.WithHeader(ContentSecurityPolicy.HeaderName, ContentSecurityPolicy.Value);
    }

    private async Task<FeedResult> OpmlCoreAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!OpmlSelection.TryParse(request.Query, out var kind, out var title, out var error))
        {
            return FeedResult.Problem(StatusCodes.Status400BadRequest, error!);
        }

        var feeds = (await ListFeedsAsync(cancellationToken).ConfigureAwait(false)).Where(f => f.Key.Kind == kind).ToList();
        var modified = feeds.Count == 0 ? timeProvider.GetUtcNow() : feeds.Max(f => f.LastModified);
        var result = FeedResult.Ok("text/x-opml; charset=utf-8", OpmlWriter.Write(feeds, PublicUrls.BaseUrl(request, _options), modified, title))
            .WithHeader(HeaderNames.CacheControl, "public, max-age=60");
        if (PublicUrls.UsesForwardedHeaders(request, _options))
        {
            result.WithHeader(HeaderNames.Vary, $"{PublicUrls.ForwardedHost}, {PublicUrls.ForwardedProto}");
        }

        return ContentValidators.Apply(result, request, feeds.Count == 0 ? null : modified);
    }

    /// <summary>
    /// <c>GET /api/health</c>: whether storage answers and holds Feed's containers (saying which one is missing), and
    /// what ingestion has done since start.
    /// </summary>
    public async Task<FeedResult> HealthAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var health = await StorageHealth.ProbeAsync(storage, HealthProbeTimeout, cancellationToken).ConfigureAwait(false);
        var body = new System.Text.Json.Nodes.JsonObject
        {
            ["status"] = health.IsHealthy ? "healthy" : "unhealthy",
            ["storage"] = health.IsReachable ? "reachable" : $"unreachable: {health.UnreachableReason}",
        };
        if (health.IsReachable)
        {
            body["containers"] = new System.Text.Json.Nodes.JsonObject(health.Containers.Select(c =>
                KeyValuePair.Create(c.Key, (System.Text.Json.Nodes.JsonNode?)(c.Value ? "present" : "missing"))));
        }

        if (health.MissingContainers.Count > 0)
        {
            var missing = health.MissingContainers;
            body["reason"] = missing.Count == 1
                ? $"storage is reachable, but container '{missing[0]}' is missing"
                : $"storage is reachable, but containers {string.Join(" and ", missing.Select(c => $"'{c}'"))} are missing";
        }

        body["ingested"] = counters.Ingested;
        body["unchanged"] = counters.Unchanged;
        body["rejected"] = counters.Rejected;
        body["removed"] = counters.Removed;
        body["retried"] = counters.Retried;
        body["failing"] = HealthDetails.Failing(counters.Failing);
        body["servedFromMemory"] = HealthDetails.Stale(indexes.Stale);
        if (health.IsHealthy && (counters.Failing.Count > 0 || indexes.Stale.Feeds > 0))
        {
            body["status"] = "degraded";
        }

        return FeedResult.Ok("application/json; charset=utf-8", Encoding.UTF8.GetBytes(body.ToJsonString()))
            .WithHeader(HeaderNames.CacheControl, "no-store")
            .WithStatus(health.IsHealthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private async Task<List<FeedSummary>> ListFeedsAsync(CancellationToken cancellationToken)
    {
        var feeds = await storage.Feeds.ListAsync(cancellationToken).ConfigureAwait(false);
        feeds.Sort((x, y) => x.Key.Kind != y.Key.Kind ? x.Key.Kind.CompareTo(y.Key.Kind) : string.Compare(x.Title, y.Title, StringComparison.OrdinalIgnoreCase));
        return feeds;
    }

    private static FeedResult WithCaching(FeedResult result, string etag, ContentCoding coding, DateTimeOffset lastModified, string cacheControl, string vary) =>
        result
            .WithHeader(HeaderNames.ETag, Quote(etag, coding))
            .WithHeader(HeaderNames.LastModified, lastModified.ToString("R", CultureInfo.InvariantCulture))
            .WithHeader(HeaderNames.CacheControl, cacheControl)
            .WithHeader(HeaderNames.Vary, vary);

    private static string EntityTag(string version, FeedFormat format, Uri selfUrl)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{version}|{format}|{selfUrl.AbsoluteUri}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }

    /// <summary>Each content coding is its own representation, so its strong ETag differs; all share the base tag.</summary>
    private static string Quote(string etag, ContentCoding coding) => coding switch
    {
        ContentCoding.Gzip => $"\"{etag}-gzip\"",
        ContentCoding.Brotli => $"\"{etag}-br\"",
        _ => $"\"{etag}\"",
    };

    private static string Describe(FeedKey key, string title) => key.Kind switch
    {
        FeedKind.All => "Every article Feed publishes, newest first.",
        FeedKind.Topic => $"Articles about {title}, newest first.",
        _ => $"Articles from {title}, newest first.",
    };

    private static string NotFoundReason(FeedKey key) => key.Kind switch
    {
        FeedKind.Topic => $"no topic '{key.Key}': no article has it",
        FeedKind.Provider => $"no provider '{key.Key}': no article comes from it",
        _ => "no articles yet",
    };
}
