namespace Feed.Core.WebSub;

/// <summary>A subscription request as the hub accepted it (WebSub §5.1), before its verification of intent.</summary>
public sealed record HubRequest(HubMode Mode, Uri Callback, HubTopic Topic, string RequestedTopic, TimeSpan Lease)
{
    /// <summary><c>hub.secret</c>, kept only until the subscription is stored; never written to logs.</summary>
    public string? Secret { get; init; }

    public override string ToString() => $"{Mode} {Topic.Url} → {Callback.GetLeftPart(UriPartial.Path)}";
}
