using Feed.Core.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(args);

builder.ConfigureFunctionsWebApplication();

builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();

// The Application Insights SDK adds a filter that keeps only Warning and above from the worker; drop it so the
// levels in configuration (host.json for the host, Logging:LogLevel for the worker) decide.
builder.Logging.Services.Configure<LoggerFilterOptions>(options =>
{
    LoggerFilterRule? applicationInsightsDefault = options.Rules.FirstOrDefault(rule =>
        rule.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
    if (applicationInsightsDefault is not null)
    {
        options.Rules.Remove(applicationInsightsDefault);
    }
});

builder.Services.AddFeedCore(builder.Configuration);

builder.Build().Run();
