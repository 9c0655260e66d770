using Feed.Core.Feeds;
using Feed.Core.Hosting;
using Feed.Core.Http;
using Feed.Core.Ingestion;
using Feed.Core.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Feed.Server.Hosting;

/// <summary>
/// The local host: the same routes as the Functions app, answered by the same core endpoints, plus a watcher on the
/// upload container in place of the blob trigger.
/// </summary>
public static class LocalFeedHost
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static WebApplication Build(string[] args, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.WebHost.ConfigureKestrel(LimitRequests);

        // ASP.NET Core logs four Information lines per request: 3.28 GB for a benchmark of 6 million requests. They
        // stay off unless asked for; warnings and errors, and the one line per ingestion, are kept.
        if (!builder.Configuration.GetValue<bool>($"{LocalHostOptions.Section}:{nameof(LocalHostOptions.RequestLogging)}"))
        {
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        }

        builder.Services.AddFeedCore(builder.Configuration);
        builder.Services.AddOptions<LocalHostOptions>().Bind(builder.Configuration.GetSection(LocalHostOptions.Section));
        builder.Services.AddSingleton(sp => new UploadReconciler(sp.GetRequiredService<FeedStorage>(), sp.GetRequiredService<ArticleIngestor>(), sp.GetRequiredService<FeedChangeFolder>(), sp.GetRequiredService<IngestionCounters>())
        {
            MaxDegreeOfParallelism = sp.GetRequiredService<IOptions<LocalHostOptions>>().Value.MaxDegreeOfParallelism,
        });
        builder.Services.AddSingleton<UploadWatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<UploadWatcher>());
        builder.Services.AddHostedService<HubQueuePump>();

        var app = builder.Build();
        MapRoutes(app);
        return app;
    }

    public static void MapRoutes(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/" + FeedRoutes.Prefix);
        api.MapMethods("/" + FeedRoutes.Catalog, GetAndHead, (HttpRequest request, FeedEndpoints endpoints, CancellationToken cancellationToken) =>
            endpoints.CatalogAsync(request, cancellationToken));
        api.MapMethods("/" + FeedRoutes.Opml, GetAndHead, (HttpRequest request, FeedEndpoints endpoints, CancellationToken cancellationToken) =>
            endpoints.OpmlAsync(request, cancellationToken));
        api.MapMethods("/" + FeedRoutes.Feed, GetAndHead, ([FromRoute(Name = FeedRoutes.FeedPathParameter)] string? path, HttpRequest request, FeedEndpoints endpoints, CancellationToken cancellationToken) =>
            endpoints.FeedAsync(request, path, cancellationToken));
        api.MapMethods("/" + FeedRoutes.Hub, [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post], (HttpRequest request, HubEndpoints hub, CancellationToken cancellationToken) =>
            hub.HubAsync(request, cancellationToken));
        api.MapMethods("/" + FeedRoutes.Health, GetAndHead, (HttpRequest request, FeedEndpoints endpoints, CancellationToken cancellationToken) =>
            endpoints.HealthAsync(request, cancellationToken));
        routes.MapFallback("{**path}", UnroutedRequest.Answer);
    }

    /// <summary>
    /// Bounds what one request can make the server hold. A feed URL is short: the longest valid one is far below
    /// 1 kB, and a request line of up to 16 kB still gets a reason from our endpoints; beyond that Kestrel answers
    /// 414, and 431 for more than 32 kB of headers. Feed takes no request bodies.
    /// </summary>
    public static void LimitRequests(KestrelServerOptions kestrel)
    {
        kestrel.AddServerHeader = false;
        kestrel.Limits.MaxRequestLineSize = 16 * 1024;
        kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        kestrel.Limits.MaxRequestHeaderCount = 64;
        kestrel.Limits.MaxRequestBodySize = 16 * 1024;
        kestrel.Limits.MaxRequestBufferSize = 64 * 1024;
    }
}
