namespace Feed.Testing.WebSub;

/// <summary>A verification of intent as the test subscriber received it: every query parameter, and what it answered.</summary>
public sealed record Verification(IReadOnlyDictionary<string, string> Query, int AnsweredStatus)
{
    public string Mode => Query["hub.mode"];

    public string Topic => Query["hub.topic"];

    public string Challenge => Query["hub.challenge"];

    public string? LeaseSeconds => Query.GetValueOrDefault("hub.lease_seconds");
}
