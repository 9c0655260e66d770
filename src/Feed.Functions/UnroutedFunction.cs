using Feed.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Feed.Functions;

/// <summary>
/// Any method on any path under <c>/api</c> that no other function takes (including GET/HEAD-only routes asked with
/// another method): 404 or 405 with a reason and <c>Allow</c>, where the host would answer an empty 404 itself.
/// </summary>
public sealed class UnroutedFunction
{
    [Function(FunctionNames.Unrouted)]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, Route = FeedRoutes.Unrouted)] HttpRequest request) =>
        UnroutedRequest.Answer(request);
}
