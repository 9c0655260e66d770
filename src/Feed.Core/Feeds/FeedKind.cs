namespace Feed.Core.Feeds;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<FeedKind>))]
public enum FeedKind
{
    /// <summary>Every article.</summary>
    All,

    /// <summary>The articles of one topic, keyed by the topic's slug.</summary>
    Topic,

    /// <summary>The articles of one provider, keyed by its domain.</summary>
    Provider,
}
