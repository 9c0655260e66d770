namespace Feed.Core.Parsing;

/// <summary>A scalar. <see cref="IsPlain"/> scalars may be numbers, booleans or null; quoted ones are always text.</summary>
public sealed class FrontMatterScalar(string value, bool isPlain, int line, int column) : FrontMatterNode(line, column)
{
    public string Value { get; } = value;

    public bool IsPlain { get; } = isPlain;

    /// <summary>A plain <c>~</c>, <c>null</c> or empty value.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string KindName => "text";
}
