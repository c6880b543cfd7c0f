using Stagecraft.Syntax;

namespace Stagecraft.Bench;

/// <summary>
/// What is timed. Each workload makes one pass over every file of an input set and returns a number derived from
/// its work, which the harness folds into a sink so the JIT cannot drop the work.
/// </summary>
internal static class Workloads
{
    public const string Baseline = "baseline";
    public const string Parse = "parse";
    public const string RoundTrip = "round-trip";

    /// <summary>
    /// The least any line-oriented parser must do: find every '\n'. For each file, <c>Span.IndexOf((byte)'\n')</c> on the
    /// rest of the file, step past it, count the line (a last line without '\n' counts too). IndexOf is the runtime's
    /// vectorised search, so this reads every byte once at memory speed and allocates nothing.
    /// </summary>
    public static long CountLines(IReadOnlyList<InputFile> files)
    {
        long lines = 0;
        for (var f = 0; f < files.Count; f++)
        {
            ReadOnlySpan<byte> rest = files[f].Bytes;
            while (true)
            {
                var newline = rest.IndexOf((byte)'\n');
                if (newline < 0)
                {
                    if (!rest.IsEmpty)
                        lines++;
                    break;
                }
                lines++;
                rest = rest[(newline + 1)..];
            }
        }
        return lines;
    }

    /// <summary><c>SyntaxTree.Parse(bytes, path)</c> of every file; the tree is dropped after counting its tokens.</summary>
    public static long ParseAll(IReadOnlyList<InputFile> files)
    {
        long tokens = 0;
        for (var f = 0; f < files.Count; f++)
            tokens += SyntaxTree.Parse(files[f].Bytes, files[f].Name).Tokens.Count;
        return tokens;
    }

    /// <summary><c>SyntaxTree.Parse</c> then <c>tree.ToBytes()</c> of every file (the printed bytes are not compared here).</summary>
    public static long RoundTripAll(IReadOnlyList<InputFile> files)
    {
        long bytes = 0;
        for (var f = 0; f < files.Count; f++)
        {
            var printed = SyntaxTree.Parse(files[f].Bytes, files[f].Name).ToBytes();
            bytes += printed.Length;
        }
        return bytes;
    }

    /// <summary>Checked once before timing: printing must give back the input bytes exactly.</summary>
    public static IEnumerable<string> RoundTripMismatches(IReadOnlyList<InputFile> files)
    {
        foreach (var file in files)
        {
            if (!SyntaxTree.Parse(file.Bytes, file.Name).ToBytes().AsSpan().SequenceEqual(file.Bytes))
                yield return file.Name;
        }
    }

    public static int FilesWithErrors(IReadOnlyList<InputFile> files) =>
        files.Count(file => SyntaxTree.Parse(file.Bytes, file.Name).HasErrors);
}
