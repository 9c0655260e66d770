using Feed.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Feed.Functions;

/// <summary>GET/HEAD <c>/api/feeds/{*path}</c>: one feed document.</summary>
/// <remarks>
/// The parameter <c>path</c> is bound by name from the route value <c>FeedRoutes.FeedPathParameter</c>
/// (C# parameter names cannot come from a constant). A catch-all also matches an empty rest, and the host sorts the
/// longer template <c>api/feeds/{*path}</c> before <c>api/feeds</c>, so <c>/api/feeds</c> and <c>/api/feeds/</c>
/// can arrive here with <c>path</c> null or empty: <c>FeedEndpoints.FeedAsync</c> must answer those as the catalog.
/// </remarks>
public sealed class GetFeedFunction(FeedEndpoints endpoints)
{
    [Function(FunctionNames.GetFeed)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, HttpMethodNames.Get, HttpMethodNames.Head, Route = FeedRoutes.Feed)] HttpRequest request,
        string? path,
        CancellationToken cancellationToken) =>
        await endpoints.FeedAsync(request, path, cancellationToken);
}
