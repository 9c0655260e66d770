using Feed.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Feed.Functions;

/// <summary><c>/api/websub</c>: the WebSub hub's subscription requests; the verification is queued for <see cref="WebSubQueueFunction"/>.</summary>
public sealed class WebSubHubFunction(HubEndpoints hub)
{
    [Function(FunctionNames.PostWebSubHub)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, HttpMethodNames.Post, HttpMethodNames.Get, HttpMethodNames.Head, Route = FeedRoutes.Hub)] HttpRequest request,
        CancellationToken cancellationToken) =>
        await hub.HubAsync(request, cancellationToken);
}
