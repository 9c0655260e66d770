using System.Text.Json;

namespace Feed.Core.WebSub;

/// <summary>One unit of the hub's work on its storage queue. It names table rows, never a secret.</summary>
public sealed record HubMessage
{
    public required HubMessageKind Kind { get; init; }

    /// <summary>The feed's table partition (<see cref="SubscriptionKeys.Partition"/>).</summary>
    public required string Partition { get; init; }

    /// <summary>The pending request's (Verify) or the subscription's (Deliver) row.</summary>
    public string? Row { get; init; }

    /// <summary>Verify: the request this message was sent for; a newer request of the same subscriber supersedes it.</summary>
    public string? RequestId { get; init; }

    /// <summary>Deliver: the attempt this is, the first delivery being 1.</summary>
    public int Attempt { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, HubMessageJsonContext.Default.HubMessage);

    /// <summary>The message, or null when <paramref name="json"/> is not one (a foreign message on the queue).</summary>
    public static HubMessage? TryParse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, HubMessageJsonContext.Default.HubMessage);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

