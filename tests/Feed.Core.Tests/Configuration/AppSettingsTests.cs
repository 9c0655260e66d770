using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Feed.Core.Configuration;
using Feed.Testing;

namespace Feed.Core.Tests.Configuration;

/// <summary>
/// Keeps the Functions app, its sample settings and its Bicep honest while the app cannot be built here: they all
/// name settings and routes through the core's constants, and agree on which settings exist.
/// </summary>
public sealed partial class AppSettingsTests
{
    /// <summary>Settings of the identity-based storage connection that the Functions host itself reads.</summary>
    private static readonly string[] HostStorageSettings = ["credential", "clientId", "blobServiceUri", "queueServiceUri", "tableServiceUri"];

    /// <summary>Settings the platform reads (worker runtime, Application Insights), not our code.</summary>
    private static readonly string[] PlatformSettings = ["FUNCTIONS_WORKER_RUNTIME", "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING"];

    public static TheoryData<string> FeedSettings() => [.. FeedSettingNamesFromOptions()];

    [Theory]
    [MemberData(nameof(FeedSettings))]
    public void LocalSettingsSample_EverySettingTheCodeReads_IsPresent(string setting)
    {
        Assert.Contains(setting, SampleSettings());
    }

    [Theory]
    [MemberData(nameof(FeedSettings))]
    public void BicepAppSettings_EverySettingTheCodeReads_IsPresent(string setting)
    {
        Assert.Contains(setting, BicepAppSettings());
    }

    [Fact]
    public void LocalSettingsSample_Storage_IsTheDevelopmentStorage()
    {
        Assert.Equal("UseDevelopmentStorage=true", SampleValues()[FeedSettingNames.Storage]!.GetValue<string>());
    }

    [Fact]
    public void BicepAppSettings_Storage_IsAnIdentityBasedConnection()
    {
        var settings = BicepAppSettings();

        Assert.Contains($"{FeedSettingNames.Storage}__{FeedSettingNames.StorageBlobServiceUri}", settings);
        Assert.Contains($"{FeedSettingNames.Storage}__{FeedSettingNames.StorageCredential}", settings);
        Assert.Contains($"{FeedSettingNames.Storage}__{FeedSettingNames.StorageClientId}", settings);
        Assert.DoesNotContain(FeedSettingNames.Storage, settings);
    }

    [Fact]
    public void SampleAndBicep_NoSetting_IsUnused()
    {
        var known = FeedSettingNamesFromOptions()
            .Append(FeedSettingNames.Storage)
            .Concat(HostStorageSettings.Select(s => $"{FeedSettingNames.Storage}__{s}"))
            .Concat(PlatformSettings)
            .ToHashSet();

        var unused = SampleSettings().Concat(BicepAppSettings()).Where(s => !known.Contains(s)).ToList();

        Assert.Empty(unused);
    }

    [Fact]
    public void FunctionsSources_RoutesAndSettingNames_ComeFromCoreConstants()
    {
        var sources = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src", "Feed.Functions"), "*.cs")
            .ToDictionary(path => Path.GetFileName(path), File.ReadAllText);
        var routes = sources.SelectMany(s => RouteArgument().Matches(s.Value).Select(m => (File: s.Key, Value: m.Groups[1].Value))).ToList();
        var connections = sources.SelectMany(s => ConnectionArgument().Matches(s.Value).Select(m => (File: s.Key, Value: m.Groups[1].Value))).ToList();

        Assert.Contains(routes, r => r.Value == "FeedRoutes.Feed");
        Assert.Contains(routes, r => r.Value == "FeedRoutes.Hub");
        Assert.All(routes, r => Assert.StartsWith("FeedRoutes.", r.Value, StringComparison.Ordinal));
        Assert.Equal(routes.Count, routes.Select(r => r.Value).Distinct().Count());
        Assert.NotEmpty(connections);
        Assert.All(connections, c => Assert.StartsWith("FeedSettingNames.", c.Value, StringComparison.Ordinal));
        Assert.All(sources, s => Assert.DoesNotMatch(SettingLiteral(), s.Value));
    }

    private static IEnumerable<string> FeedSettingNamesFromOptions() =>
        typeof(FeedOptions).GetProperties().Select(p => $"{FeedSettingNames.Section}__{p.Name}");

    private static JsonObject SampleValues() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "local.settings.sample.json")))!["Values"]!.AsObject();

    private static List<string> SampleSettings() => [.. SampleValues().Select(v => v.Key)];

    private static List<string> BicepAppSettings()
    {
        var bicep = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "app", "function-app.bicep"));
        var block = AppSettingsBlock().Match(bicep);
        Assert.True(block.Success, "infra/app/function-app.bicep has no appsettings resource");
        return [.. BicepProperty().Matches(block.Groups[1].Value).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex(@"Route\s*=\s*([A-Za-z_.""{}*/]+)")]
    private static partial Regex RouteArgument();

    [GeneratedRegex(@"Connection\s*=\s*([A-Za-z_.""]+)")]
    private static partial Regex ConnectionArgument();

    [GeneratedRegex(@"""(Feed[:_]{1,2}\w+|AzureWebJobsStorage)""")]
    private static partial Regex SettingLiteral();

    [GeneratedRegex(@"name: 'appsettings'\s*properties: \{(.*?)\n  \}", RegexOptions.Singleline)]
    private static partial Regex AppSettingsBlock();

    [GeneratedRegex(@"^\s{4}(\w+):", RegexOptions.Multiline)]
    private static partial Regex BicepProperty();
}
