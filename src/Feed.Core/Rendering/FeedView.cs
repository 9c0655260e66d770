using Feed.Core.Feeds;

namespace Feed.Core.Rendering;

/// <summary>One feed document as it is to be rendered: its metadata, its absolute URLs and its entries in order.</summary>
public sealed record FeedView(
    FeedKey Key,
    string Title,
    string Description,
    Uri SelfUrl,
    Uri HomeUrl,
    DateTimeOffset Updated,
    IReadOnlyList<FeedEntry> Entries)
{
    /// <summary>The feed's permanent id: a URN from its key, so that it survives changes of host or scheme.</summary>
    public string Id => Normalization.ArticleIdentity.ToUrn(
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("feed:" + Key.Path)).AsSpan(0, 16)));
}
