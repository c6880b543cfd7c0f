using Stagecraft.Syntax;

namespace Stagecraft.Tests.Architecture;

/// <summary>The engine has no console I/O: command-line and terminal libraries belong to the CLI only.</summary>
public class EngineDependencyTests
{
    [Fact]
    public void Engine_references_neither_System_CommandLine_nor_Spectre_Console()
    {
        var references = typeof(SyntaxTree).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToArray();

        Assert.DoesNotContain(references, name => name is not null &&
            (name.StartsWith("System.CommandLine", StringComparison.Ordinal) || name.StartsWith("Spectre.Console", StringComparison.Ordinal)));
    }
}
