using Azure.Data.Tables;
using Feed.Core.Feeds;
using Feed.Core.Http;
using Feed.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Feed.Core.WebSub;

/// <summary>Registers the WebSub hub: its endpoint, its queue and table, verification and distribution.</summary>
public static class WebSubServiceCollectionExtensions
{
    public static IServiceCollection AddWebSubHub(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebSubOptions>().Bind(configuration.GetSection(WebSubOptions.Section));
        services.TryAddSingleton(_ => HubQueueFactory.Create(configuration));
        services.TryAddSingleton(_ => TableServiceClientFactory.Create(configuration));
        services.TryAddSingleton(sp => new SubscriptionStore(sp.GetRequiredService<TableServiceClient>().GetTableClient(sp.GetRequiredService<IOptions<WebSubOptions>>().Value.TableName)));
        services.TryAddSingleton(sp => new CallbackClient(sp.GetRequiredService<IOptions<WebSubOptions>>().Value));
        services.TryAddSingleton(sp => new HubRequestLimiter(sp.GetRequiredService<IOptions<WebSubOptions>>().Value));
        services.TryAddSingleton<TopicRenderer>();
        services.TryAddSingleton<IntentVerifier>();
        services.TryAddSingleton<ContentDistributor>();
        services.TryAddSingleton<HubMessageHandler>();
        services.TryAddSingleton<HubEndpoints>();
        services.TryAddSingleton(sp => new FeedChangeNotifier(
            sp.GetRequiredService<HubQueue>,
            sp.GetRequiredService<SubscriptionStore>,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<FeedChangeNotifier>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFeedChangeListener, FeedChangeNotifier>(sp => sp.GetRequiredService<FeedChangeNotifier>()));
        return services;
    }
}
