using Feed.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Feed.Functions;

/// <summary>GET/HEAD <c>/api/feeds.opml</c>: OPML list of every feed.</summary>
public sealed class GetOpmlFunction(FeedEndpoints endpoints)
{
    [Function(FunctionNames.GetOpml)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, HttpMethodNames.Get, HttpMethodNames.Head, Route = FeedRoutes.Opml)] HttpRequest request,
        CancellationToken cancellationToken) =>
        await endpoints.OpmlAsync(request, cancellationToken);
}
