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
    /// <summary>The language the feed declares (a BCP 47 tag, <c>Feed:Language</c>); none when null.</summary>
    public string? Language { get; init; }

    /// <summary>The next older archive page (RFC 5005 <c>prev-archive</c>; JSON Feed <c>next_url</c>).</summary>
    public Uri? PrevArchiveUrl { get; init; }

    /// <summary>The next newer archive page (RFC 5005 <c>next-archive</c>); only on archive pages.</summary>
    public Uri? NextArchiveUrl { get; init; }

    /// <summary>Set on archive pages: the subscription document (RFC 5005 <c>current</c>). Marks the document as an archive.</summary>
    public Uri? CurrentUrl { get; init; }

    /// <summary>The WebSub hub that pushes this feed's new versions to subscribers (RSS/Atom <c>rel="hub"</c>, JSON Feed <c>hubs</c>).</summary>
    public Uri? HubUrl { get; init; }

    public bool IsArchive => CurrentUrl is not null;

    /// <summary>The feed's permanent id: a URN from its key, so that it survives changes of host or scheme.</summary>
    public string Id => Normalization.ArticleIdentity.ToUrn(
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("feed:" + Key.Path)).AsSpan(0, 16)));
}
