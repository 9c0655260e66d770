namespace Feed.Testing.WebSub;

/// <summary>Parses HTTP <c>Link</c> headers (RFC 8288) the way a WebSub subscriber discovers a hub: each link's URL and rel.</summary>
public static class LinkHeader
{
    public static IReadOnlyList<(Uri Url, string Rel)> Parse(IEnumerable<string> values)
    {
        var links = new List<(Uri, string)>();
        foreach (var value in values)
        {
            foreach (var part in value.Split(','))
            {
                var pieces = part.Split(';', StringSplitOptions.TrimEntries);
                var target = pieces[0].Trim();
                if (!target.StartsWith('<') || !target.EndsWith('>'))
                {
                    continue;
                }

                var url = new Uri(target[1..^1]);
                foreach (var parameter in pieces.Skip(1))
                {
                    var equals = parameter.IndexOf('=', StringComparison.Ordinal);
                    if (equals > 0 && parameter[..equals].Trim().Equals("rel", StringComparison.OrdinalIgnoreCase))
                    {
                        foreach (var rel in parameter[(equals + 1)..].Trim('"', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        {
                            links.Add((url, rel.ToLowerInvariant()));
                        }
                    }
                }
            }
        }

        return links;
    }
}
