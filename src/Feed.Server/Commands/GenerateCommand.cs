using System.Globalization;
using System.Text;
using Feed.Core.Samples;

namespace Feed.Server.Commands;

/// <summary>
/// <c>feed generate --count N --out DIR [--seed S] [--from I]</c>: writes N deterministic synthetic article files
/// (seed format) for load tests and benchmarks; the same options always give the same files.
/// </summary>
public static class GenerateCommand
{
    public static async Task<int> RunAsync(CommandLine commandLine, TextWriter output, CancellationToken cancellationToken = default)
    {
        if (!int.TryParse(commandLine.Option("count"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1
            || commandLine.Option("out") is not { } folder)
        {
            await Console.Error.WriteLineAsync("usage: feed generate --count N --out DIR [--seed S] [--from FIRST_INDEX]").ConfigureAwait(false);
            return 2;
        }

        var seed = int.TryParse(commandLine.Option("seed"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s) ? s : 0;
        var from = int.TryParse(commandLine.Option("from"), NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : 0;
        var writer = new SyntheticArticleWriter(new SyntheticArticleOptions { Seed = seed });
        Directory.CreateDirectory(folder);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        await Parallel.ForAsync(from, from + count, cancellationToken, async (index, token) =>
            await File.WriteAllTextAsync(Path.Combine(folder, SyntheticArticleWriter.FileName(index)), writer.Write(index), utf8, token).ConfigureAwait(false)).ConfigureAwait(false);
        await output.WriteLineAsync($"Wrote {count} synthetic article file(s) to {Path.GetFullPath(folder)}.").ConfigureAwait(false);
        return 0;
    }
}
