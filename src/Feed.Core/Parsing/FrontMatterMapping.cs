namespace Feed.Core.Parsing;

/// <summary>A mapping with text keys, in file order. Keys are unique: the parser rejects duplicates.</summary>
public sealed class FrontMatterMapping(IReadOnlyList<KeyValuePair<string, FrontMatterNode>> entries, int line, int column)
    : FrontMatterNode(line, column)
{
    public IReadOnlyList<KeyValuePair<string, FrontMatterNode>> Entries { get; } = entries;

    public override string KindName => "mapping";

    public FrontMatterNode? this[string key]
    {
        get
        {
            foreach (var entry in Entries)
            {
                if (entry.Key == key)
                {
                    return entry.Value;
                }
            }

            return null;
        }
    }
}
