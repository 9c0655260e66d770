namespace Feed.Core.Parsing;

/// <summary>Bounds on what a front-matter document may hold, so no file can cost unbounded time or memory.</summary>
public sealed class FrontMatterLimits
{
    public static FrontMatterLimits Default { get; } = new();

    /// <summary>Deepest nesting of lists and mappings.</summary>
    public int MaxDepth { get; init; } = 12;

    /// <summary>Most nodes (scalars, lists, mappings) in one document.</summary>
    public int MaxNodes { get; init; } = 20_000;

    /// <summary>Longest scalar, in characters.</summary>
    public int MaxScalarLength { get; init; } = 256 * 1024;

    /// <summary>Most items in one list or entries in one mapping.</summary>
    public int MaxCollectionItems { get; init; } = 1_000;
}
