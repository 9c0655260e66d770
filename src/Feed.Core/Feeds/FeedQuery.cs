using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Feed.Core.Feeds;

/// <summary>
/// What a feed request narrows the feed to. Parsed strictly: an unknown or bad parameter is an error. Without
/// <see cref="Limit"/> a subscription document shows its whole head (<c>Feed:HeadSize</c>, 50 by default).
/// </summary>
public sealed record FeedQuery(int? Limit, string? Type, bool? Published, int? MinQuality, string? Provider)
{
    /// <summary>The head size by default: how many items a feed shows when no limit is asked for.</summary>
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    private static readonly string[] Names = ["limit", "minQuality", "provider", "published", "type"];

    public static FeedQuery Default { get; } = new(null, null, null, null, null);

    /// <summary>The parameters in canonical order, for self links and cache keys; empty for the defaults.</summary>
    public string ToQueryString()
    {
        var query = new StringBuilder();
        Append("limit", Limit?.ToString(CultureInfo.InvariantCulture));
        Append("minQuality", MinQuality?.ToString(CultureInfo.InvariantCulture));
        Append("provider", Provider);
        Append("published", Published is null ? null : Published.Value ? "true" : "false");
        Append("type", Type);
        return query.ToString();

        void Append(string name, string? value)
        {
            if (value is not null)
            {
                query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
        }
    }

    public bool Matches(FeedEntry entry) =>
        (Type is null || entry.Type == Type)
        && (Published is null || (entry.IsPublished ?? true) == Published)
        && (MinQuality is null || (entry.Quality ?? int.MinValue) >= MinQuality)
        && (Provider is null || entry.ProviderDomain == Provider);

    public static bool TryParse(IQueryCollection query, FeedKind kind, out FeedQuery result, out string? error)
    {
        result = Default;
        error = null;
        foreach (var (name, values) in query)
        {
            if (Array.IndexOf(Names, name) < 0)
            {
                error = $"unknown query parameter '{Http.ReasonText.Quote(name)}'; supported: {string.Join(", ", Names)}";
                return false;
            }

            if (values.Count != 1)
            {
                error = $"query parameter '{name}' is given {values.Count} times";
                return false;
            }
        }

        int? limit = null;
        if (query.TryGetValue("limit", out var limitText))
        {
            if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1 || parsed > MaxLimit)
            {
                error = $"limit must be a whole number from 1 to {MaxLimit}";
                return false;
            }

            limit = parsed;
        }

        string? type = null;
        if (query.TryGetValue("type", out var typeText))
        {
            type = typeText.ToString();
            if (type is not ("article" or "video"))
            {
                error = "type must be 'article' or 'video'";
                return false;
            }
        }

        bool? published = null;
        if (query.TryGetValue("published", out var publishedText))
        {
            published = publishedText.ToString() switch
            {
                "true" => true,
                "false" => false,
                _ => null,
            };
            if (published is null)
            {
                error = "published must be 'true' or 'false'";
                return false;
            }
        }

        int? minQuality = null;
        if (query.TryGetValue("minQuality", out var qualityText))
        {
            if (!int.TryParse(qualityText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var quality))
            {
                error = "minQuality must be a whole number";
                return false;
            }

            minQuality = quality;
        }

        string? provider = null;
        if (query.TryGetValue("provider", out var providerText))
        {
            if (kind != FeedKind.Topic)
            {
                error = "provider narrows a topic feed; use /api/feeds/providers/{domain} for a provider's feed";
                return false;
            }

            provider = providerText.ToString().ToLowerInvariant();
            if (!FeedPath.IsValidKey(provider))
            {
                error = "provider must be a domain name such as scmp.com";
                return false;
            }
        }

        result = new FeedQuery(limit, type, published, minQuality, provider);
        return true;
    }
}
