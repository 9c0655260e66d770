using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Feed.Core.Http;

/// <summary>
/// The answer to a request no route takes: a path Feed does not serve (404) or a method it does not take (405 with
/// <c>Allow</c>), each with a reason. Both hosts send every such request here (the local host as its fallback, the
/// Functions app through a catch-all function), so they answer alike.
/// </summary>
public static class UnroutedRequest
{
    /// <summary>The methods Feed's documents answer.</summary>
    public const string Allow = "GET, HEAD";

    public static FeedResult Answer(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            ? FeedResult.Problem(StatusCodes.Status404NotFound, "not found; the feeds are listed at /api/feeds")
            : FeedResult.Problem(StatusCodes.Status405MethodNotAllowed, "Feed only answers GET and HEAD").WithHeader(HeaderNames.Allow, Allow);
}
