using Azure.Core;
using Azure.Identity;
using Feed.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace Feed.Core.Storage;

/// <summary>
/// The storage connection of <c>AzureWebJobsStorage</c> as the Functions host reads it: a connection string, or an
/// identity-based connection with one service URI per service (<c>__blobServiceUri</c>, <c>__queueServiceUri</c>,
/// <c>__tableServiceUri</c>) and <c>__credential</c>/<c>__clientId</c>.
/// </summary>
public static class StorageIdentity
{
    /// <summary>
    /// A client of one of the account's services: from the connection string when there is one, otherwise from the
    /// service's URI (setting <paramref name="serviceUriSetting"/>) and the identity.
    /// </summary>
    public static TClient Connect<TClient>(
        IConfiguration configuration,
        string serviceUriSetting,
        Func<string, TClient> fromConnectionString,
        Func<Uri, TokenCredential, TClient> fromIdentity) =>
        ConnectionString(configuration) is { } connectionString
            ? fromConnectionString(connectionString)
            : fromIdentity(ServiceUri(configuration, serviceUriSetting), Credential(configuration));

    /// <summary>The connection string, or null for an identity-based connection.</summary>
    public static string? ConnectionString(IConfiguration configuration) =>
        configuration[FeedSettingNames.Storage] is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>The endpoint of one service in an identity-based connection, e.g. <c>queueServiceUri</c>.</summary>
    public static Uri ServiceUri(IConfiguration configuration, string setting) =>
        configuration.GetSection(FeedSettingNames.Storage)[setting] is { } uri
            ? new Uri(uri)
            : throw new InvalidOperationException(
                $"No storage configured: set '{FeedSettingNames.Storage}' to a connection string, or '{FeedSettingNames.Storage}__{setting}' for an identity-based connection.");

    public static TokenCredential Credential(IConfiguration configuration)
    {
        var section = configuration.GetSection(FeedSettingNames.Storage);
        var clientId = section[FeedSettingNames.StorageClientId];
        return section[FeedSettingNames.StorageCredential] == "managedidentity"
            ? new ManagedIdentityCredential(clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
    }
}
