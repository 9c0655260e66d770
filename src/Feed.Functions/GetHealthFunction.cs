using Feed.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Feed.Functions;

/// <summary>GET/HEAD <c>/api/health</c>: storage reachability and ingestion counters.</summary>
public sealed class GetHealthFunction(FeedEndpoints endpoints)
{
    [Function(FunctionNames.GetHealth)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, HttpMethodNames.Get, HttpMethodNames.Head, Route = FeedRoutes.Health)] HttpRequest request,
        CancellationToken cancellationToken) =>
        await endpoints.HealthAsync(request, cancellationToken);
}
