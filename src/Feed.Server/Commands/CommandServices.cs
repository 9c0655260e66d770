using Feed.Core.Configuration;
using Feed.Core.Hosting;

namespace Feed.Server.Commands;

/// <summary>The core's services for a one-shot command (no web host), on the storage the command opened.</summary>
public static class CommandServices
{
    public static ServiceProvider Build(IConfiguration configuration, string connectionString)
    {
        var settings = new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection(new Dictionary<string, string?> { [FeedSettingNames.Storage] = connectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddConfiguration(settings.GetSection("Logging")).AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddFeedCore(settings);
        return services.BuildServiceProvider();
    }
}
