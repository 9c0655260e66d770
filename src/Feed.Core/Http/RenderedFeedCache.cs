using Microsoft.Extensions.Caching.Memory;

namespace Feed.Core.Http;

/// <summary>Rendered representations by ETag: a feed is rendered and compressed once per version, not once per request.</summary>
public sealed class RenderedFeedCache : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 256L * 1024 * 1024 });

    public RenderedFeed GetOrRender(string etag, Func<byte[]> render) => TryGet(etag) ?? Add(etag, render());

    public RenderedFeed? TryGet(string etag) => _cache.TryGetValue(etag, out RenderedFeed? rendered) ? rendered : null;

    public RenderedFeed Add(string etag, byte[] identity)
    {
        var rendered = new RenderedFeed(identity);
        _cache.Set(etag, rendered, new MemoryCacheEntryOptions { Size = rendered.Identity.Length * 2L, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return rendered;
    }

    public void Dispose() => _cache.Dispose();
}
