using Stagecraft.Semantics;
using Stagecraft.Syntax;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Syntax;

/// <summary>Every real-world Dockerfile in the shared corpus parses without an error and prints back byte for byte.</summary>
public class CorpusTests
{
    [Fact]
    public void Every_corpus_dockerfile_parses_without_errors_and_round_trips()
    {
        var files = CorpusFiles.Dockerfiles();
        Assert.Equal(427, files.Count);
        var failures = new List<string>();
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var tree = SyntaxTree.Parse(bytes, file);
            foreach (var error in tree.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
                failures.Add($"{Path.GetFileName(file)}:{tree.GetPosition(error.Span.Start)}: {error.Message}");
            if (!tree.ToBytes().AsSpan().SequenceEqual(bytes))
                failures.Add($"{Path.GetFileName(file)}: does not round-trip");
            var invariant = TreeInvariants.Check(tree);
            if (invariant is not null)
                failures.Add($"{Path.GetFileName(file)}: {invariant}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(50)));
    }

    [Fact]
    public void Every_corpus_dockerfile_builds_a_semantic_model_without_build_errors()
    {
        var failures = new List<string>();
        var scripts = 0;
        foreach (var file in CorpusFiles.Dockerfiles())
        {
            var model = SemanticModel.Build(SyntaxTree.Parse(File.ReadAllBytes(file), file));
            foreach (var error in model.Diagnostics)
                failures.Add($"{Path.GetFileName(file)}:{model.Tree.GetPosition(error.Span.Start)}: {error.Message}");
            if (model.Stages.Count == 0)
                failures.Add($"{Path.GetFileName(file)}: no stages");
            foreach (var run in model.Tree.Root.Instructions.OfType<RunInstructionSyntax>())
            {
                if (model.ScriptOf(run) is not { } script)
                    continue;
                scripts++;
                foreach (var command in script.Script.Commands)
                {
                    var span = script.ToFileSpan(command.Span);
                    if (!run.Span.Contains(span))
                        failures.Add($"{Path.GetFileName(file)}: command '{command.Name}' maps outside its RUN");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(50)));
        Assert.True(scripts > 900, $"only {scripts} RUN scripts were read");
    }

    [Fact]
    public void Reparsing_the_printed_tree_gives_the_same_instructions()
    {
        foreach (var file in CorpusFiles.Dockerfiles())
        {
            var first = SyntaxTree.Parse(File.ReadAllBytes(file));
            var second = SyntaxTree.Parse(first.ToBytes());
            Assert.Equal(BuildKitDump.Write(first), BuildKitDump.Write(second));
        }
    }
}

internal static class CorpusFiles
{
    public static IReadOnlyList<string> Dockerfiles()
    {
        var root = SharedData.Require("corpus");
        var manifest = File.ReadAllLines(Path.Combine(root, "MANIFEST.tsv")).Skip(1)
            .Select(line => line.Split('\t'))
            .Where(columns => columns.Length > 1 && columns[1] == "dockerfile")
            .Select(columns => Path.Combine(root, columns[0]))
            .ToList();
        return manifest;
    }
}
