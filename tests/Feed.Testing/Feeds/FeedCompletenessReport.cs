namespace Feed.Testing.Feeds;

/// <summary>
/// What a completeness check found. <see cref="Problems"/> is empty when every article is listed exactly once in
/// every feed it belongs to and in no other.
/// </summary>
public sealed record FeedCompletenessReport(
    IReadOnlyList<string> Problems,
    int Feeds,
    int Entries,
    int PagesRead,
    int FeedsReadFromIndex)
{
    public override string ToString() =>
        $"{Feeds} feeds, {Entries} entries over {PagesRead} HTTP pages ({FeedsReadFromIndex} feeds completed from their stored index); "
        + (Problems.Count == 0 ? "no problems" : $"{Problems.Count} problems:\n" + string.Join('\n', Problems.Take(30)));
}
