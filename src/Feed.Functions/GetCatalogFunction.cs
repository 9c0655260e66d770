using Feed.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Feed.Functions;

/// <summary>GET/HEAD <c>/api/feeds</c>: the catalog of every feed.</summary>
public sealed class GetCatalogFunction(FeedEndpoints endpoints)
{
    [Function(FunctionNames.GetCatalog)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, HttpMethodNames.Get, HttpMethodNames.Head, Route = FeedRoutes.Catalog)] HttpRequest request,
        CancellationToken cancellationToken) =>
        await endpoints.CatalogAsync(request, cancellationToken);
}
