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
    public FrontMatterMapping? Parse(string yaml, int firstLine, List<ArticleDiagnostic> diagnostics)
    {
        var lineOffset = firstLine - 1;
        try
        {
            var reader = new Reader(new Parser(new StringReader(yaml)), _limits, lineOffset);
            return reader.ReadDocument(diagnostics);
        }
        catch (YamlException exception)
        {
            diagnostics.Add(new ArticleDiagnostic(
                DiagnosticCodes.YamlInvalid,
                null,
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
    }

    private static string Describe(YamlException exception)
    {
        // YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 3) - (...): "; the diagnostic carries the position itself.
        var message = exception.Message;
        var separator = message.LastIndexOf("): ", StringComparison.Ordinal);
        return separator >= 0 ? message[(separator + 3)..] : message;
    }

    private sealed class FrontMatterLimitException(ArticleDiagnostic diagnostic) : Exception(diagnostic.Message)
    {
        public ArticleDiagnostic Diagnostic { get; } = diagnostic;
    }

    private ref struct Reader(IParser parser, FrontMatterLimits limits, int lineOffset)
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
                throw Limit(DiagnosticCodes.YamlTooComplex, null, $"the front matter has more than {limits.MaxNodes} values", parser.Current!.Start);
            }

            var current = parser.Current!;
            switch (current)
            {
                case Scalar scalar:
                    parser.MoveNext();
                    if (scalar.Value.Length > limits.MaxScalarLength)
                    {
                        throw Limit(DiagnosticCodes.FieldTooLong, null, $"a value is longer than {limits.MaxScalarLength} characters", scalar.Start);
                    }

                    return new FrontMatterScalar(scalar.Value, scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty, Line(scalar.Start), (int)scalar.Start.Column);
                case SequenceStart sequenceStart:
                    return ReadSequence(sequenceStart, depth + 1);
                case MappingStart mappingStart:
                    return ReadMapping(mappingStart, depth + 1);
                case AnchorAlias alias:
                    throw Limit(DiagnosticCodes.YamlAlias, null, $"YAML aliases (*{alias.Value}) are not allowed in article files", alias.Start);
                default:
                    throw Limit(DiagnosticCodes.YamlInvalid, null, $"unexpected YAML {current.GetType().Name}", current.Start);
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
                    throw Limit(DiagnosticCodes.FieldTooManyItems, null, $"a list has more than {limits.MaxCollectionItems} items", start.Start);
                }

                items.Add(ReadNode(depth));
            }

            return new FrontMatterSequence(items, Line(start.Start), (int)start.Start.Column);
        }

        private FrontMatterMapping ReadMapping(MappingStart start, int depth)
        {
            CheckDepth(depth, start.Start);
            parser.MoveNext();
            var entries = new List<KeyValuePair<string, FrontMatterNode>>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (entries.Count == limits.MaxCollectionItems)
                {
                    throw Limit(DiagnosticCodes.FieldTooManyItems, null, $"a mapping has more than {limits.MaxCollectionItems} entries", start.Start);
                }

                if (parser.Current is not Scalar key)
                {
                    var at = parser.Current!.Start;
                    throw Limit(DiagnosticCodes.YamlInvalid, null, "mapping keys must be plain text", at);
                }

                parser.MoveNext();
                foreach (var existing in entries)
                {
                    if (existing.Key == key.Value)
                    {
                        throw Limit(
                            DiagnosticCodes.YamlDuplicateKey,
                            key.Value,
                            $"the key '{key.Value}' appears twice (first on line {existing.Value.Line})",
                            key.Start);
                    }
                }

                entries.Add(new(key.Value, ReadNode(depth)));
            }

            return new FrontMatterMapping(entries, Line(start.Start), (int)start.Start.Column);
        }

        private readonly void CheckDepth(int depth, Mark at)
        {
            if (depth > limits.MaxDepth)
            {
                throw Limit(DiagnosticCodes.YamlTooComplex, null, $"the front matter nests deeper than {limits.MaxDepth} levels", at);
            }
        }

        private readonly int Line(Mark mark) => (int)mark.Line + lineOffset;

        private readonly FrontMatterLimitException Limit(string code, string? field, string message, Mark at) =>
            new(new ArticleDiagnostic(code, field, message, DiagnosticSeverity.Error, Line(at), (int)at.Column));
    }
}
