using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Feed.Core.Http;

/// <summary>
/// A complete HTTP answer built by the core: status, headers and body. Both hosts return it as is: the local host as
/// an <see cref="IResult"/>, the Functions app as an <see cref="IActionResult"/>. A HEAD request gets the headers only.
/// </summary>
public sealed class FeedResult : IResult, IActionResult
{
    private FeedResult(int statusCode, string? contentType, ReadOnlyMemory<byte> body)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        Body = body;
    }

    public int StatusCode { get; private set; }

    public string? ContentType { get; }

    public ReadOnlyMemory<byte> Body { get; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static FeedResult Ok(string contentType, ReadOnlyMemory<byte> body) => new(StatusCodes.Status200OK, contentType, body);

    public static FeedResult NotModified() => new(StatusCodes.Status304NotModified, null, ReadOnlyMemory<byte>.Empty);

    /// <summary>An error with a short plain-text reason.</summary>
    public static FeedResult Problem(int statusCode, string reason) =>
        new(statusCode, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(reason + "\n"))
        {
            Headers = { ["Cache-Control"] = "no-store" },
        };

    /// <summary>A permanent redirect (308: the method is kept) to <paramref name="location"/>, with a one-line reason.</summary>
    public static FeedResult PermanentRedirect(Uri location, string reason) =>
        new(StatusCodes.Status308PermanentRedirect, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(reason + "\n"))
        {
            Headers = { ["Location"] = location.AbsoluteUri },
        };

    public FeedResult WithStatus(int statusCode)
    {
        StatusCode = statusCode;
        return this;
    }

    public FeedResult WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;

        // Every answer says what it is; a browser must not guess HTML in a reason or a feed.
        response.Headers.XContentTypeOptions = "nosniff";
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        if (ContentType is not null)
        {
            response.ContentType = ContentType;
        }

        if (StatusCode == StatusCodes.Status304NotModified)
        {
            return;
        }

        response.ContentLength = Body.Length;
        if (!HttpMethods.IsHead(httpContext.Request.Method))
        {
            await response.Body.WriteAsync(Body, httpContext.RequestAborted).ConfigureAwait(false);
        }
    }

    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);
}
