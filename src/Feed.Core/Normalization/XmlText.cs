namespace Feed.Core.Normalization;

/// <summary>Removes the characters XML 1.0 forbids, so that no article can make a feed unreadable.</summary>
public static class XmlText
{
    /// <summary>The index of the first character XML 1.0 forbids (a C0 control, a lone surrogate, U+FFFE/U+FFFF), or -1.</summary>
    public static int IndexOfForbidden(string value) => IndexOfForbidden(value.AsSpan());

    /// <summary>Returns <paramref name="value"/> without forbidden characters, and how many were removed.</summary>
    public static string Clean(string value, out int removed)
    {
        removed = 0;
        var first = IndexOfForbidden(value.AsSpan());
        if (first < 0)
        {
            return value;
        }

        var builder = new System.Text.StringBuilder(value.Length);
        builder.Append(value.AsSpan(0, first));
        for (var i = first; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (IsAllowed(c))
            {
                builder.Append(c);
            }
            else
            {
                removed++;
            }
        }

        return builder.ToString();
    }

    private static int IndexOfForbidden(ReadOnlySpan<char> value)
    {
        var offset = 0;
        while (true)
        {
            // Vectorized: skips every character from space to U+D7FF, which is nearly all text, at once.
            var index = value.IndexOfAnyExceptInRange(' ', '\uD7FF');
            if (index < 0)
            {
                return -1;
            }

            var c = value[index];
            var length = 1;
            if (char.IsHighSurrogate(c) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]))
            {
                length = 2;
            }
            else if (!IsAllowed(c))
            {
                return offset + index;
            }

            offset += index + length;
            value = value[(index + length)..];
        }
    }

    private static bool IsAllowed(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
}
