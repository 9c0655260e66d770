namespace Feed.Core.WebSub;

/// <summary>What a message on the hub's queue asks for.</summary>
public enum HubMessageKind
{
    /// <summary>Verify the intent of a pending subscription request, then apply it.</summary>
    Verify,

    /// <summary>A feed changed: send its new documents to every subscriber.</summary>
    Distribute,

    /// <summary>Try again to deliver a topic's current document to one subscriber that failed.</summary>
    Deliver,
}
