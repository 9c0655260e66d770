using Feed.Core.Configuration;
using Feed.Core.Feeds;
using Feed.Core.Http;
using Feed.Core.Ingestion;
using Feed.Core.Parsing;
using Feed.Core.Storage;
using Feed.Core.WebSub;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Feed.Core.Hosting;

/// <summary>Registers the core's services; both hosts call this and nothing else to get them.</summary>
public static class FeedServiceCollectionExtensions
{
    public static IServiceCollection AddFeedCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedOptions>().Bind(configuration.GetSection(FeedSettingNames.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FeedOptions>, FeedOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => BlobServiceClientFactory.Create(configuration));
        services.TryAddSingleton(_ => TableServiceClientFactory.Create(configuration));
        services.TryAddSingleton(sp => new FeedStorage(
            sp.GetRequiredService<Azure.Storage.Blobs.BlobServiceClient>(),
            sp.GetRequiredService<Azure.Data.Tables.TableServiceClient>(),
            sp.GetRequiredService<IOptions<FeedOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<FeedStorage>().Feeds);
        services.TryAddSingleton<ArticleFileReader>(_ => new ArticleFileReader());
        services.TryAddSingleton<IngestionCounters>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFeedChangeListener, FeedIndexCacheInvalidation>());
        services.TryAddSingleton(sp => new FeedIndexWriter(
            sp.GetRequiredService<FeedIndexStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<FeedOptions>>().Value,
            sp.GetServices<IFeedChangeListener>()));
        services.TryAddSingleton(sp =>
        {
            var storage = sp.GetRequiredService<FeedStorage>();
            return new FeedChangeFolder(storage.Pending, storage.FoldLease, sp.GetRequiredService<FeedIndexWriter>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<FeedChangeFolder>>(), sp.GetService<TimeProvider>());
        });
        services.TryAddSingleton<ArticleIngestor>();
        services.TryAddSingleton<UploadReconciler>();
        services.TryAddSingleton<FeedRebuilder>();
        services.TryAddSingleton<RejectionRedriver>();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<FeedOptions>>().Value;
            return new FeedIndexCache(sp.GetRequiredService<FeedIndexStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<FeedIndexCache>>())
            {
                Freshness = options.IndexFreshness,
                StaleWhileRevalidate = options.IndexStaleWhileRevalidate,
                StaleIfError = options.IndexStaleIfError,
            };
        });
        services.TryAddSingleton<RenderedFeedCache>();
        services.TryAddSingleton<FeedEndpoints>();
        services.TryAddSingleton<ContainerCreationService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, ContainerCreationService>(sp => sp.GetRequiredService<ContainerCreationService>()));
        services.AddWebSubHub(configuration);
        return services;
    }
}
