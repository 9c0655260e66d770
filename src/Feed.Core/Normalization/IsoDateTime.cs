namespace Feed.Core.Normalization;

/// <summary>
/// Reads the date forms an article file may use: ISO 8601 / RFC 3339 and YAML timestamps, e.g.
/// <c>2021-08-27T16:15:00Z</c>, <c>2021-08-27 16:15:00.5 +08:00</c>, <c>2021-08-27</c>. Nothing else: a form such as
/// <c>01/02/2021</c> means different days in different countries.
/// </summary>
public static class IsoDateTime
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="hasTimeZone"/> tells whether it named its offset.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value, out bool hasTimeZone) =>
        TryParse(text, out value, out hasTimeZone, out _);

    /// <summary>
    /// As <see cref="TryParse(ReadOnlySpan{char}, out DateTimeOffset, out bool)"/>; <paramref name="outOfRange"/>
    /// tells a well-formed, real date that cannot be held (within a day of 0001-01-01 or 9999-12-31 in UTC) from
    /// text that is not a date.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value, out bool hasTimeZone, out bool outOfRange)
    {
        outOfRange = false;
        value = default;
        hasTimeZone = false;
        var position = 0;
        if (!Number(text, ref position, 4, 4, out var year) || !Expect(text, ref position, '-')
            || !Number(text, ref position, 1, 2, out var month) || !Expect(text, ref position, '-')
            || !Number(text, ref position, 1, 2, out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        long ticks = 0;
        var offset = TimeSpan.Zero;
        if (position < text.Length)
        {
            if (text[position] is 'T' or 't')
            {
                position++;
            }
            else if (text[position] is ' ' or '\t')
            {
                SkipSpaces(text, ref position);
            }
            else
            {
                return false;
            }

            if (!Number(text, ref position, 1, 2, out hour) || !Expect(text, ref position, ':')
                || !Number(text, ref position, 2, 2, out minute) || hour > 23 || minute > 59)
            {
                return false;
            }

            if (position < text.Length && text[position] == ':')
            {
                position++;
                if (!Number(text, ref position, 2, 2, out second) || second > 59)
                {
                    return false;
                }

                if (position < text.Length && text[position] is '.' or ',')
                {
                    position++;
                    var digits = 0;
                    while (position < text.Length && char.IsAsciiDigit(text[position]))
                    {
                        if (digits < 7)
                        {
                            ticks = (ticks * 10) + (text[position] - '0');
                            digits++;
                        }

                        position++;
                    }

                    if (digits == 0)
                    {
                        return false;
                    }

                    for (; digits < 7; digits++)
                    {
                        ticks *= 10;
                    }
                }
            }

            SkipSpaces(text, ref position);
            if (position < text.Length)
            {
                if (!Zone(text, ref position, out offset))
                {
                    return false;
                }

                hasTimeZone = true;
            }
        }

        if (position != text.Length)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        if (local < DateTime.MinValue.AddDays(1) || local > DateTime.MaxValue.AddDays(-1))
        {
            outOfRange = true;
            return false;
        }

        var utc = local - offset;

        value = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Unspecified), TimeSpan.Zero);
        return true;
    }

    private static bool Zone(ReadOnlySpan<char> text, ref int position, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        var c = text[position];
        if (c is 'Z' or 'z')
        {
            position++;
            return true;
        }

        if (c is not ('+' or '-'))
        {
            return false;
        }

        position++;
        var start = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            position++;
        }

        var digits = text[start..position];
        int hours;
        var minutes = 0;
        switch (digits.Length)
        {
            case 1 or 2:
                hours = digits.Length == 1 ? digits[0] - '0' : ((digits[0] - '0') * 10) + (digits[1] - '0');
                if (position < text.Length && text[position] == ':')
                {
                    position++;
                    if (!Number(text, ref position, 2, 2, out minutes))
                    {
                        return false;
                    }
                }

                break;
            case 4:
                hours = ((digits[0] - '0') * 10) + (digits[1] - '0');
                minutes = ((digits[2] - '0') * 10) + (digits[3] - '0');
                break;
            default:
                return false;
        }

        if (hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (c == '-')
        {
            offset = -offset;
        }

        return true;
    }

    private static bool Number(ReadOnlySpan<char> text, ref int position, int minDigits, int maxDigits, out int value)
    {
        value = 0;
        var digits = 0;
        while (digits < maxDigits && position < text.Length && char.IsAsciiDigit(text[position]))
        {
            value = (value * 10) + (text[position] - '0');
            position++;
            digits++;
        }

        return digits >= minDigits && (position >= text.Length || !char.IsAsciiDigit(text[position]));
    }

    private static bool Expect(ReadOnlySpan<char> text, ref int position, char expected)
    {
        if (position < text.Length && text[position] == expected)
        {
            position++;
            return true;
        }

        return false;
    }

    private static void SkipSpaces(ReadOnlySpan<char> text, ref int position)
    {
        while (position < text.Length && text[position] is ' ' or '\t')
        {
            position++;
        }
    }
}
