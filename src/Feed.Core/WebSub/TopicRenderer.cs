using Feed.Core.Feeds;
using Feed.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Feed.Core.WebSub;

/// <summary>
/// Produces what the hub distributes: a topic's document exactly as a GET of its URL answers now, by asking the
/// same endpoints (so a delivery and a fetch never differ, byte for byte).
/// </summary>
public sealed class TopicRenderer(FeedEndpoints endpoints, FeedIndexCache indexes)
{
    /// <summary>The topic's current document, or null when the feed has no such document now (it was emptied); throws when storage does not answer.</summary>
    public async Task<TopicDocument?> RenderAsync(Uri topic, FeedKey key, bool fresh, CancellationToken cancellationToken = default)
    {
        if (fresh)
        {
            // Another instance may have written the feed: read its head from storage, not from this instance's cache.
            indexes.Invalidate(key);
        }

        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = HttpMethods.Get;
        request.Scheme = topic.Scheme;
        request.Host = HostString.FromUriComponent(topic);
        request.Path = PathString.FromUriComponent(topic);
        request.QueryString = QueryString.FromUriComponent(topic);
        request.Headers.Accept = "application/rss+xml, application/atom+xml, application/feed+json";
        var path = Uri.UnescapeDataString(topic.AbsolutePath)[$"/{FeedRoutes.Prefix}/feeds/".Length..];
        var result = await endpoints.FeedAsync(request, path, cancellationToken).ConfigureAwait(false);
        if (result.StatusCode == StatusCodes.Status404NotFound)
        {
            return null;
        }

        if (result.StatusCode != StatusCodes.Status200OK || result.ContentType is null)
        {
            // Storage not answering (503): fail, so that the queue brings the message back later.
            throw new InvalidOperationException($"{topic} answered {result.StatusCode}: {System.Text.Encoding.UTF8.GetString(result.Body.Span).Trim()}");
        }

        return new TopicDocument(result.Body, result.ContentType, result.Headers.TryGetValue(HeaderNames.ETag, out var etag) ? etag : "");
    }
}
