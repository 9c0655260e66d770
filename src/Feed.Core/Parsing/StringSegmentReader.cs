namespace Feed.Core.Parsing;

/// <summary>A <see cref="TextReader"/> over part of a string, so that the front matter is parsed without a copy.</summary>
internal sealed class StringSegmentReader(string text, int start, int length) : TextReader
{
    private readonly int _end = start + length;
    private int _position = start;

    public override int Peek() => _position < _end ? text[_position] : -1;

    public override int Read() => _position < _end ? text[_position++] : -1;

    public override int Read(Span<char> buffer)
    {
        var count = Math.Min(buffer.Length, _end - _position);
        text.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override string ReadToEnd()
    {
        var rest = text[_position.._end];
        _position = _end;
        return rest;
    }
}
