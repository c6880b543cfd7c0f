using Stagecraft.Semantics.Shell;

namespace Stagecraft.Tests.Semantics.Shell;

/// <summary>The reader keeps its working lists from one script to the next; nothing of one script may show in another.</summary>
public sealed class ShellReaderReuseTests
{
    [Fact]
    public void ScriptsReadOneAfterAnotherKeepTheirOwnCommands()
    {
        var first = ShellScript.Parse("apt-get install -y curl && echo $(date) > /tmp/x");
        var second = ShellScript.Parse("FOO=1 make 2>&1 | tee log");

        Assert.Equal(["apt-get", "echo", "date"], first.Commands.Select(c => c.Name!).ToArray());
        Assert.Equal(["install", "-y", "curl"], first.Commands[0].Arguments.Select(w => w.Value).ToArray());
        Assert.Equal("/tmp/x", Assert.Single(first.Commands[1].Redirections).Target!.Value);
        Assert.Empty(first.Commands[0].Redirections);

        Assert.Equal(["make", "tee"], second.Commands.Select(c => c.Name!).ToArray());
        Assert.Equal("FOO", Assert.Single(second.Commands[0].Assignments).Name);
        Assert.Single(second.Commands[0].Redirections);
        Assert.Empty(second.Commands[1].Assignments);
    }

    [Fact]
    public void ProblemsOfOneScriptDoNotCarryIntoTheNext()
    {
        var broken = ShellScript.Parse("if true; then echo 'open");
        var clean = ShellScript.Parse("echo ok");
        var strayFi = ShellScript.Parse("fi");

        Assert.True(broken.HasDiagnostics);
        Assert.False(clean.HasDiagnostics);
        Assert.Equal("echo", Assert.Single(clean.Commands).Name);
        // Read fresh, a lone `fi` is unexpected; an `if` left open by an earlier script must not make it look awaited.
        Assert.Contains(strayFi.Diagnostics, d => d.Kind == ShellDiagnosticKind.UnexpectedToken);
    }
}
