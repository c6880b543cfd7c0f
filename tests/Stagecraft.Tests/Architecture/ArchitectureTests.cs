using System.Text.RegularExpressions;
using Stagecraft.Syntax;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Architecture;

/// <summary>Dependencies point one way: Syntax ← Semantics ← Analysis; the engine knows nothing of the console.</summary>
public partial class ArchitectureTests
{
    private static readonly string[] Layers = ["Syntax", "Semantics", "Analysis", "Reporting"];

    [Fact]
    public void The_engine_references_neither_the_command_line_nor_the_terminal_libraries()
    {
        var references = typeof(SyntaxTree).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToArray();
        Assert.DoesNotContain(references, name => name is not null &&
            (name.StartsWith("System.CommandLine", StringComparison.Ordinal) || name.StartsWith("Spectre.Console", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Syntax")]
    [InlineData("Semantics")]
    public void A_layer_does_not_use_the_layers_above_it(string layer)
    {
        var above = Layers.SkipWhile(l => l != layer).Skip(1).ToArray();
        var folder = Path.Combine(SharedData.RepositoryRoot, "src", "Stagecraft", layer);
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            foreach (var higher in above)
            {
                if (Regex.IsMatch(text, $@"\bStagecraft\.{higher}\b"))
                    offenders.Add($"{Path.GetRelativePath(folder, file)} uses Stagecraft.{higher}");
            }
        }
        Assert.Empty(offenders);
    }

    [Fact]
    public void Engine_sources_do_not_write_to_the_console()
    {
        var folder = Path.Combine(SharedData.RepositoryRoot, "src", "Stagecraft");
        var offenders = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => ConsoleUse().IsMatch(File.ReadAllText(f)))
            .ToArray();
        Assert.Empty(offenders);
    }

    [GeneratedRegex(@"\bConsole\.(Write|Out|Error|In|Read)")]
    private static partial Regex ConsoleUse();
}
