using Stagecraft.Semantics.Shell;
using static Stagecraft.Tests.Semantics.Shell.ShellTestHelpers;

namespace Stagecraft.Tests.Semantics.Shell;

public sealed class ShellCompoundCommandTests
{
    [Fact]
    public void SubshellCommandsAreMarked()
    {
        var script = ParseClean("(cd /src && make) && cd /out");
        Assert.Equal(["cd", "make", "cd"], script.Names());
        Assert.Equal(ShellContext.Subshell, script.Commands[0].Context);
        Assert.Equal(1, script.Commands[0].Depth);
        Assert.Equal(ShellContext.None, script.Commands[2].Context);
        Assert.Equal(0, script.Commands[2].Depth);
        // `)` ends the inner list, so make has no connector; the && after the subshell belongs to the compound.
        Assert.Equal(ShellOperator.None, script.Commands[1].Connector);
        Assert.Null(script.Commands[2].Previous);
    }

    [Fact]
    public void BraceGroupNeedsSemicolonBeforeClosingBrace()
    {
        var script = ParseClean("{ echo a; echo b; } > /log 2>&1");
        Assert.Equal(["echo", "echo"], script.Names());
        Assert.All(script.Commands, c => Assert.Equal(ShellContext.BraceGroup, c.Context));

        var broken = ShellScript.Parse("{ echo a }");
        Assert.Equal(["a", "}"], broken.Commands[0].Args());
        Assert.Contains(broken.Diagnostics, d => d.Kind == ShellDiagnosticKind.MissingKeyword);
    }

    [Fact]
    public void IfElifElseBodiesAndConditionsAreExtracted()
    {
        const string text = """
            if [ "$(uname -m)" = "x86_64" ]; then
              ARCH=amd64
            elif command -v dpkg >/dev/null; then
              ARCH="$(dpkg --print-architecture)"
            else
              echo "unsupported" >&2; exit 1
            fi
            """;
        var script = ParseClean(text);
        Assert.Equal(["[", "uname", "<none>", "command", "<none>", "dpkg", "echo", "exit"], script.Names());
        var test = script.Commands[0];
        Assert.Equal(ShellContext.If | ShellContext.Condition, test.Context);
        Assert.Equal(1, test.Depth);
        var uname = script.Commands[1];
        Assert.True(uname.IsInSubstitution);
        Assert.Equal(ShellContext.If | ShellContext.Condition | ShellContext.CommandSubstitution, uname.Context);
        Assert.Equal(2, uname.Depth);
        Assert.Equal(ShellContext.If, script.Commands[2].Context);
        Assert.Equal(ShellContext.If | ShellContext.Condition, script.Commands[3].Context);
        Assert.Equal(ShellContext.If, script.Commands[6].Context);
        Assert.Equal("exit 1", script.At(script.Commands[7].Span));
        Assert.DoesNotContain(script.Commands, c => c.Name is "if" or "then" or "elif" or "else" or "fi");
    }

    [Fact]
    public void ForLoopBodyIsExtractedAndWordsAreNot()
    {
        var script = ParseClean("for f in a b $(ls /etc/*.conf); do\n  cp \"$f\" /backup/ ;\ndone; echo end");
        Assert.Equal(["ls", "cp", "echo"], script.Names());
        Assert.Equal(ShellContext.Loop | ShellContext.CommandSubstitution, script.Commands[0].Context);
        Assert.Equal(ShellContext.Loop, script.Commands[1].Context);
        Assert.Equal(ShellContext.None, script.Commands[2].Context);
    }

    [Fact]
    public void ForWithoutInAndArithmeticFor()
    {
        var script = ParseClean("for x; do echo $x; done\nfor ((i=0; i<3; i++)); do echo $i; done\nselect y in a b; do break; done");
        Assert.Equal(["echo", "echo", "break"], script.Names());
        Assert.All(script.Commands, c => Assert.Equal(ShellContext.Loop, c.Context));
    }

    [Fact]
    public void WhileAndUntilConditionsAreMarked()
    {
        var script = ParseClean("while read -r line; do echo \"$line\"; done < /list\nuntil curl -sf http://x; do sleep 1; done");
        Assert.Equal(["read", "echo", "curl", "sleep"], script.Names());
        Assert.Equal(ShellContext.Loop | ShellContext.Condition, script.Commands[0].Context);
        Assert.Equal(ShellContext.Loop, script.Commands[1].Context);
        Assert.Equal(ShellContext.Loop | ShellContext.Condition, script.Commands[2].Context);
    }

    [Fact]
    public void CaseItemsAreExtracted()
    {
        const string text = """
            case "$TARGETARCH" in
              amd64|x86_64) ARCH=x64 ;;
              (arm64) ARCH=arm64; echo arm ;;
              *) echo "unknown: $TARGETARCH" >&2; exit 1 ;;
            esac
            apt-get update
            """;
        var script = ParseClean(text);
        Assert.Equal(["<none>", "<none>", "echo", "echo", "exit", "apt-get"], script.Names());
        Assert.All(script.Commands.Take(5), c => Assert.Equal(ShellContext.Case, c.Context));
        Assert.Equal(ShellContext.None, script.Commands[5].Context);
    }

    [Fact]
    public void CaseWithoutFinalDoubleSemicolonAndFallthrough()
    {
        var script = ParseClean("case x in a) echo a ;& b) echo b ;;& *) echo c\nesac");
        Assert.Equal(["echo", "echo", "echo"], script.Names());
    }

    [Fact]
    public void CaseInsideCommandSubstitutionDoesNotEndItEarly()
    {
        var script = ParseClean("v=$(case $x in a) echo one;; *) echo two;; esac) && echo \"$v\"");
        Assert.Equal(["<none>", "echo", "echo", "echo"], script.Names());
        Assert.True(script.Commands[1].IsInSubstitution);
        Assert.Equal(ShellContext.CommandSubstitution | ShellContext.Case, script.Commands[1].Context);
        Assert.False(script.Commands[3].IsInSubstitution);
    }

    [Fact]
    public void FunctionDefinitionsAreNotCommandsButTheirBodiesAre()
    {
        var script = ParseClean("install_deps() {\n  apt-get update\n}\nfunction cleanup { rm -rf /tmp/*; }\nfunction other() ( echo sub )\ninstall_deps");
        Assert.Equal(["apt-get", "rm", "echo", "install_deps"], script.Names());
        Assert.Equal(ShellContext.Function | ShellContext.BraceGroup, script.Commands[0].Context);
        Assert.Equal(2, script.Commands[0].Depth);
        Assert.Equal(ShellContext.Function | ShellContext.Subshell, script.Commands[2].Context);
        Assert.Equal(ShellContext.None, script.Commands[3].Context);
    }

    [Fact]
    public void NestedCommandSubstitutionsAreAllExtracted()
    {
        const string text = "echo \"$(dirname \"$(readlink -f \"$(which java)\")\")\"";
        var script = ParseClean(text);
        Assert.Equal(["echo", "dirname", "readlink", "which"], script.Names());
        Assert.Equal([0, 1, 2, 3], script.Commands.Select(c => c.Depth).ToArray());
        Assert.Equal("which java", script.At(script.Commands[3].Span));
        Assert.Equal("readlink -f \"$(which java)\"", script.At(script.Commands[2].Span));
        Assert.Equal(text, script.At(script.Commands[0].Span));
    }

    [Fact]
    public void BackquotedSubstitutionsAreExtracted()
    {
        var script = ParseClean("cd `dirname $0` && ls `echo a; echo b`");
        Assert.Equal(["cd", "dirname", "ls", "echo", "echo"], script.Names());
        Assert.Equal("dirname $0", script.At(script.Commands[1].Span));
        Assert.True(script.Commands[1].IsInSubstitution);
        Assert.Equal(ShellOperator.Semicolon, script.Commands[3].Connector);
        Assert.Same(script.Commands[2], script.Commands[0].Next);
    }

    [Fact]
    public void ArithmeticIsNotACommand()
    {
        var script = ParseClean("n=$(( $(nproc) * 2 )); (( n > 4 )) && make -j$n");
        Assert.Equal(["<none>", "make"], script.Names());
    }

    [Fact]
    public void DoubleParenthesisThatIsNotArithmeticIsReadAsNestedCommands()
    {
        var script = ParseClean("v=$((cd /src && git rev-parse HEAD) | cut -c1-7) && ((cd /x; make) )");
        Assert.Equal(["<none>", "cd", "git", "cut", "cd", "make"], script.Names());
        Assert.Equal(ShellContext.CommandSubstitution | ShellContext.Subshell, script.Commands[1].Context);
        Assert.Equal(ShellContext.CommandSubstitution, script.Commands[3].Context);
        Assert.Equal(ShellContext.Subshell, script.Commands[4].Context);
        Assert.Equal(2, script.Commands[4].Depth);
    }

    [Fact]
    public void DoubleBracketTestKeepsOperatorsAsWords()
    {
        var script = ParseClean("[[ -n \"$X\" && ( $Y == a* || $Z < 3 ) ]] && echo yes");
        Assert.Equal(["[[", "echo"], script.Names());
        Assert.Equal(["-n", "$X", "&&", "(", "$Y", "==", "a*", "||", "$Z", "<", "3", ")", "]]"], script.Commands[0].Args());
        Assert.Empty(script.Commands[0].Redirections);
        Assert.Equal(ShellOperator.And, script.Commands[0].Connector);
    }

    [Fact]
    public void KeywordsAreOnlyKeywordsInCommandPosition()
    {
        var script = ParseClean("echo if then fi done; \"if\" x");
        Assert.Equal(["if", "then", "fi", "done"], script.Commands[0].Args());
        Assert.Equal("if", script.Commands[1].Name);
    }

    [Fact]
    public void DeepNestingOfCompoundsWorks()
    {
        const string text = "if a; then while b; do for c in d; do case e in f) { ( g ); } ;; esac; done; done; fi";
        var script = ParseClean(text);
        Assert.Equal(["a", "b", "g"], script.Names());
        Assert.Equal(6, script.Commands[2].Depth);
        Assert.Equal(ShellContext.If | ShellContext.Loop | ShellContext.Case | ShellContext.BraceGroup | ShellContext.Subshell, script.Commands[2].Context);
    }

    [Fact]
    public void CompoundCommandInPipelineLeavesSimpleNeighboursUnlinked()
    {
        var script = ParseClean("curl -s x | (cd /t && tar xz) && echo ok");
        var curl = script.Commands[0];
        Assert.True(curl.IsInPipeline);
        Assert.Equal(ShellOperator.Pipe, curl.Connector);
        Assert.Null(curl.Next);
        Assert.Equal(ShellContext.Subshell, script.Commands[1].Context);
    }
}
