using Feed.Core.Feeds;
using Feed.Core.Pages;
using Feed.Core.Rendering;
using Feed.Core.WebSub;
using Microsoft.AspNetCore.Http;

namespace Feed.Core.Http;

/// <summary>
/// What a feed URL answers with: the feed document in its format, or (for a browser, see
/// <see cref="RepresentationNegotiation"/>) the page drawn from the same view. Each is its own representation, with
/// its own ETag and rendering.
/// </summary>
public readonly record struct FeedRepresentation(FeedFormat Format, bool IsPage)
{
    /// <summary>A feed URL has two representations, chosen by Accept; caches must key on it (and on the coding).</summary>
    public const string Vary = "Accept, Accept-Encoding";

    public static FeedRepresentation Negotiate(HttpRequest request, FeedFormat format) =>
        new(format, RepresentationNegotiation.PrefersPage(request.Headers.Accept, format));

    public string MediaType => IsPage ? PageLayout.MediaType : FeedFormats.MediaType(Format);

    /// <summary>The version the ETag is made from: the page's differs from the feed's, and changes with the page's design.</summary>
    public string Version(string contentVersion) => IsPage ? $"{contentVersion}|page|{PageLayout.Revision}" : contentVersion;

    public byte[] Render(FeedView view) => IsPage ? FeedPageWriter.Write(view, Format) : FeedRenderer.Render(view, Format);

    /// <summary>
    /// The feed document names its WebSub hub and self URL; the page, which cannot be subscribed to through a hub,
    /// names only itself as <c>self</c>, and carries its Content-Security-Policy.
    /// </summary>
    public FeedResult Decorate(FeedResult result, Uri hubUrl, Uri selfUrl) =>
        IsPage
            ? result.WithHeader(ContentSecurityPolicy.HeaderName, ContentSecurityPolicy.Value)
                .WithHeader(HubLinks.HeaderName, $"<{selfUrl.AbsoluteUri}>; rel=\"self\"")
            : result.WithHeader(HubLinks.HeaderName, HubLinks.Header(hubUrl, selfUrl));
}
