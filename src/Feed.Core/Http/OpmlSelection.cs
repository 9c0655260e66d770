using Feed.Core.Feeds;
using Microsoft.AspNetCore.Http;

namespace Feed.Core.Http;

/// <summary>
/// Which feeds <c>/api/feeds.opml</c> lists: one kind at a time (<c>?kind=providers</c>, the default, <c>topics</c> or
/// <c>all</c>). An article has one guid in every feed it is in, and readers that key items by guid (newsboat) show it
/// in one feed only, so an OPML of every feed showed feeds as empty. Every article has exactly one provider, so the
/// provider feeds hold each article exactly once: no feed looks empty and no item repeats.
/// </summary>
public static class OpmlSelection
{
    public const string Parameter = "kind";

    public static bool TryParse(IQueryCollection query, out FeedKind kind, out string title, out string? error)
    {
        kind = FeedKind.Provider;
        title = "Feed: every provider";
        error = null;
        foreach (var (name, values) in query)
        {
            if (name != Parameter || values.Count != 1)
            {
                error = $"the OPML takes one parameter, kind: providers (the default), topics or all; not '{ReasonText.Quote(name)}'";
                return false;
            }
        }

        switch (query[Parameter].ToString())
        {
            case "" or "providers":
                return true;
            case "topics":
                (kind, title) = (FeedKind.Topic, "Feed: every topic");
                return true;
            case "all":
                (kind, title) = (FeedKind.All, "Feed: all articles");
                return true;
            default:
                error = "kind must be providers (the default), topics or all";
                return false;
        }
    }
}
