using Feed.Core.Articles;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Feed.Core.Parsing;

/// <summary>
/// Reads front-matter YAML into <see cref="FrontMatterNode"/>s straight from YamlDotNet's event parser:
/// no general-purpose object building, duplicate keys and aliases rejected, every size bounded.
/// </summary>
public sealed class FrontMatterParser(FrontMatterLimits limits)
{
    private readonly FrontMatterLimits _limits = limits;

    public FrontMatterParser()
        : this(FrontMatterLimits.Default)
    {
    }

    /// <summary>Parses <paramref name="yaml"/>, whose first line is line <paramref name="firstLine"/> of the file.</summary>
    public FrontMatterMapping? Parse(string yaml, int firstLine, List<ArticleDiagnostic> diagnostics) =>
        Parse(yaml, Range.All, firstLine, diagnostics);

    /// <summary>Parses the <paramref name="range"/> of <paramref name="text"/>, whose first line is line <paramref name="firstLine"/> of the file.</summary>
    public FrontMatterMapping? Parse(string text, Range range, int firstLine, List<ArticleDiagnostic> diagnostics)
    {
        var lineOffset = firstLine - 1;
        var (start, length) = range.GetOffsetAndLength(text.Length);
        var parser = new Parser(new StringSegmentReader(text, start, length));
        var path = new FieldPathStack(_limits.MaxDepth);
        try
        {
            var reader = new Reader(parser, _limits, lineOffset, path);
            return reader.ReadDocument(diagnostics);
        }
        catch (YamlException exception)
        {
            diagnostics.Add(new ArticleDiagnostic(
                DiagnosticCodes.YamlInvalid,
                path.Format(),
                Describe(exception),
                DiagnosticSeverity.Error,
                (int)exception.Start.Line + lineOffset,
                (int)exception.Start.Column));
            return null;
        }
        catch (FrontMatterLimitException exception)
        {
            diagnostics.Add(exception.Diagnostic);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed input, e.g. a flow list left open across lines.
            var after = parser.Current?.End;
            diagnostics.Add(new ArticleDiagnostic(
                DiagnosticCodes.YamlInvalid,
                path.Format(),
                "the YAML is malformed after this point (an unclosed '[', '{' or quote is a common cause)",
                DiagnosticSeverity.Error,
                after is { } mark ? (int)mark.Line + lineOffset : firstLine,
                after is { } at ? (int)at.Column : 1));
            return null;
        }
    }

    private static string Describe(YamlException exception)
    {
        // YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 3) - (...): "; the diagnostic carries the position itself.
        var message = exception.Message;
        var separator = message.LastIndexOf("): ", StringComparison.Ordinal);
        message = separator >= 0 ? message[(separator + 3)..] : message;
        return message.Contains("found invalid mapping", StringComparison.Ordinal)
            ? message + " A value that contains ': ' must be quoted, e.g. title: \"Hello: world\"."
            : message;
    }

    private sealed class FrontMatterLimitException(ArticleDiagnostic diagnostic) : Exception(diagnostic.Message)
    {
        public ArticleDiagnostic Diagnostic { get; } = diagnostic;
    }

    private ref struct Reader(IParser parser, FrontMatterLimits limits, int lineOffset, FieldPathStack path)
    {
        private int _nodes;

        public FrontMatterMapping? ReadDocument(List<ArticleDiagnostic> diagnostics)
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                diagnostics.Add(new ArticleDiagnostic(
                    DiagnosticCodes.YamlNotMapping, null, "the front matter is empty", DiagnosticSeverity.Error));
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(0);
            parser.Consume<DocumentEnd>();
            if (!parser.TryConsume<StreamEnd>(out _))
            {
                var start = parser.Current!.Start;
                diagnostics.Add(new ArticleDiagnostic(
                    DiagnosticCodes.YamlInvalid,
                    null,
                    "the front matter holds more than one YAML document",
                    DiagnosticSeverity.Error,
                    Line(start),
                    (int)start.Column));
                return null;
            }

            if (root is FrontMatterMapping mapping)
            {
                return mapping;
            }

            if (root is FrontMatterScalar { IsNull: true })
            {
                diagnostics.Add(new ArticleDiagnostic(
                    DiagnosticCodes.YamlNotMapping, null, "the front matter is empty", DiagnosticSeverity.Error, root.Line, root.Column));
                return null;
            }

            diagnostics.Add(new ArticleDiagnostic(
                DiagnosticCodes.YamlNotMapping,
                null,
                $"the front matter must be a mapping of fields, not a {root.KindName}",
                DiagnosticSeverity.Error,
                root.Line,
                root.Column));
            return null;
        }

        private FrontMatterNode ReadNode(int depth)
        {
            if (++_nodes > limits.MaxNodes)
            {
                throw Limit(DiagnosticCodes.YamlTooComplex, $"the front matter has more than {limits.MaxNodes} values", parser.Current!.Start);
            }

            var current = parser.Current!;
            switch (current)
            {
                case Scalar scalar:
                    parser.MoveNext();
                    if (scalar.Value.Length > limits.MaxScalarLength)
                    {
                        throw Limit(DiagnosticCodes.FieldTooLong, $"a value is longer than {limits.MaxScalarLength} characters", scalar.Start);
                    }

                    return new FrontMatterScalar(scalar.Value, scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty, Line(scalar.Start), (int)scalar.Start.Column);
                case SequenceStart sequenceStart:
                    return ReadSequence(sequenceStart, depth + 1);
                case MappingStart mappingStart:
                    return ReadMapping(mappingStart, depth + 1);
                case AnchorAlias alias:
                    throw Limit(DiagnosticCodes.YamlAlias, $"YAML aliases (*{alias.Value}) are not allowed in article files: a few of them can expand a small file into gigabytes; write the value out instead", alias.Start);
                default:
                    throw Limit(DiagnosticCodes.YamlInvalid, $"unexpected YAML {current.GetType().Name}", current.Start);
            }
        }

        private FrontMatterSequence ReadSequence(SequenceStart start, int depth)
        {
            CheckDepth(depth, start.Start);
            parser.MoveNext();
            var items = new List<FrontMatterNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                if (items.Count == limits.MaxCollectionItems)
                {
                    throw Limit(DiagnosticCodes.FieldTooManyItems, $"a list has more than {limits.MaxCollectionItems} items", start.Start);
                }

                path.Push(items.Count);
                items.Add(ReadNode(depth));
                path.Pop();
            }

            return new FrontMatterSequence(items, Line(start.Start), (int)start.Start.Column);
        }

        private FrontMatterMapping ReadMapping(MappingStart start, int depth)
        {
            CheckDepth(depth, start.Start);
            parser.MoveNext();
            var entries = new List<KeyValuePair<string, FrontMatterNode>>(depth == 1 ? 24 : 4);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (entries.Count == limits.MaxCollectionItems)
                {
                    throw Limit(DiagnosticCodes.FieldTooManyItems, $"a mapping has more than {limits.MaxCollectionItems} entries", start.Start);
                }

                if (parser.Current is not Scalar key)
                {
                    var at = parser.Current!.Start;
                    throw Limit(DiagnosticCodes.YamlInvalid, "mapping keys must be plain text", at);
                }

                path.Push(key.Value);
                parser.MoveNext();
                foreach (var existing in entries)
                {
                    if (existing.Key == key.Value)
                    {
                        throw Limit(
                            DiagnosticCodes.YamlDuplicateKey,
                            $"the key '{key.Value}' appears twice (first on line {existing.Value.Line})",
                            key.Start);
                    }
                }

                entries.Add(new(key.Value, ReadNode(depth)));
                path.Pop();
            }

            return new FrontMatterMapping(entries, Line(start.Start), (int)start.Start.Column);
        }

        private readonly void CheckDepth(int depth, Mark at)
        {
            if (depth > limits.MaxDepth)
            {
                throw Limit(DiagnosticCodes.YamlTooComplex, $"the front matter nests deeper than {limits.MaxDepth} levels", at);
            }
        }

        private readonly int Line(Mark mark) => (int)mark.Line + lineOffset;

        private readonly FrontMatterLimitException Limit(string code, string message, Mark at) =>
            new(new ArticleDiagnostic(code, path.Format(), message, DiagnosticSeverity.Error, Line(at), (int)at.Column));
    }
}
