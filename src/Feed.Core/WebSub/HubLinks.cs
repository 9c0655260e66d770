namespace Feed.Core.WebSub;

/// <summary>
/// The HTTP <c>Link</c> header by which WebSub subscribers discover a topic's hub and its one self URL
/// (WebSub §4), on every feed response and on every content distribution.
/// </summary>
public static class HubLinks
{
    public const string HeaderName = "Link";

    public static string Header(Uri hubUrl, Uri selfUrl) => $"<{hubUrl.AbsoluteUri}>; rel=\"hub\", <{selfUrl.AbsoluteUri}>; rel=\"self\"";
}
