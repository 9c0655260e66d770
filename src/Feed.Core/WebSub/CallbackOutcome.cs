namespace Feed.Core.WebSub;

/// <summary>How a callback answered one request of the hub.</summary>
/// <param name="Status">The HTTP status, or 0 when there was no answer (refused address, connection error, timeout).</param>
/// <param name="Body">The start of the answer's body (at most the configured size), for a verification's challenge.</param>
/// <param name="Failure">Why there was no answer, without anything secret.</param>
public sealed record CallbackOutcome(int Status, string Body, string? Failure)
{
    public bool IsSuccess => Status is >= 200 and < 300;
}
