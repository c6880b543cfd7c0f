using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>Recognises COPY and ADD instructions that copy the whole build context (<c>COPY . .</c>).</summary>
internal static class ContextCopies
{
    /// <summary>
    /// The source argument that names the context root (<c>.</c>, <c>./</c>, <c>/</c>, or a variable expanding to one)
    /// of a COPY without <c>--from</c> or an ADD; null for any other instruction.
    /// </summary>
    public static ArgumentSyntax? WholeContextSource(SemanticModel model, InstructionSyntax instruction)
    {
        if (instruction is not FileTransferInstructionSyntax transfer || transfer is CopyInstructionSyntax { From: not null })
            return null;
        var sources = transfer.PathSources;
        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            var written = source.Value;
            if (IsContextRoot(written))
                return source;
            // Text with nothing to expand, unquote or unescape stays as written, and that was no root: skip expanding it.
            if (!ExpandedValue.MayChange(written))
                continue;
            if (model.Expand(instruction, written) is { Succeeded: true } expanded && IsContextRoot(expanded.Value))
                return source;
        }
        return null;
    }

    /// <summary>Short text for messages: <c>COPY . /app</c>.</summary>
    public static string Describe(InstructionSyntax instruction, ArgumentSyntax source) =>
        instruction.Keyword.ToUpperInvariant() + " " + source.Value
        + (instruction is FileTransferInstructionSyntax { Destination: { } destination } ? " " + destination.Value : "");

    private static bool IsContextRoot(string text)
    {
        // Spans, not substrings: every COPY source of every file is tested.
        var path = text.AsSpan().Trim();
        while (path.StartsWith("./", StringComparison.Ordinal))
            path = path[2..].TrimStart('/');
        path = path.TrimEnd('/');
        while (path.EndsWith("/.", StringComparison.Ordinal))
            path = path[..^2].TrimEnd('/');
        return path is "" or ".";
    }
}
