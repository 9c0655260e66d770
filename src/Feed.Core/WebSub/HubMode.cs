namespace Feed.Core.WebSub;

/// <summary>What a subscriber asks of the hub (<c>hub.mode</c>).</summary>
public enum HubMode
{
    Subscribe,
    Unsubscribe,
}
