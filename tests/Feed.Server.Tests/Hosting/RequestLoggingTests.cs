using Feed.Core.Ingestion;
using Feed.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Feed.Server.Tests.Hosting;

/// <summary>The local host's log: quiet per request unless asked for, the one line per ingestion always.</summary>
public sealed class RequestLoggingTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("false", false)]
    [InlineData("true", true)]
    public async Task Build_RequestLoggingSetting_DecidesRequestLinesNotIngestionLines(string? setting, bool requestLines)
    {
        var settings = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" };
        if (setting is not null)
        {
            settings["LocalHost:RequestLogging"] = setting;
        }

        await using var app = LocalFeedHost.Build([], settings);
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();

        Assert.Equal(requestLines, loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
        Assert.Equal(requestLines, loggers.CreateLogger("Microsoft.AspNetCore.Routing.EndpointMiddleware").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").IsEnabled(LogLevel.Warning));
        Assert.True(loggers.CreateLogger<ArticleIngestor>().IsEnabled(LogLevel.Information));
    }
}
