using Feed.Core.Feeds;

namespace Feed.Core.WebSub;

/// <summary>
/// A topic of the hub: one feed document (a subscription document or an archive page) in one format, named by its
/// canonical self URL (filters in canonical order). The hub always distributes that document, in that format.
/// </summary>
public sealed record HubTopic(FeedKey Key, FeedFormat Format, Uri Url);
