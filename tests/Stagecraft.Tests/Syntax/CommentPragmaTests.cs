using Stagecraft.Syntax;

namespace Stagecraft.Tests.Syntax;

/// <summary>The comments that instruct the linter, in Stagecraft's and hadolint's spelling.</summary>
public class CommentPragmaTests
{
    [Theory]
    [InlineData("stagecraft ignore=STG000", PragmaKind.Ignore, "STG000")]
    [InlineData("hadolint ignore=DL3008,DL3009", PragmaKind.Ignore, "DL3008 DL3009")]
    [InlineData("  hadolint\tignore = DL3023 , DL3021 ", PragmaKind.Ignore, "DL3023 DL3021")]
    [InlineData("hadolint ignore=DL3002 # we accept this, see #12", PragmaKind.Ignore, "DL3002")]
    [InlineData("hadolint ignore=DL3002,", PragmaKind.Ignore, "DL3002")]
    [InlineData("hadolint global ignore=DL3003,SC1035", PragmaKind.GlobalIgnore, "DL3003 SC1035")]
    [InlineData("hadolint global ignore = DL3023 , DL3021", PragmaKind.GlobalIgnore, "DL3023 DL3021")]
    [InlineData("hadolint stage ignore=DL3011", PragmaKind.StageIgnore, "DL3011")]
    [InlineData("Stagecraft Stage Ignore=apt-lists-not-cleaned", PragmaKind.StageIgnore, "apt-lists-not-cleaned")]
    public void Reads_ignore_pragmas(string text, PragmaKind kind, string codes)
    {
        var pragma = CommentPragma.Parse(text);

        Assert.NotNull(pragma);
        Assert.Equal(kind, pragma.Kind);
        Assert.Equal(codes.Split(' '), pragma.Codes);
    }

    [Theory]
    [InlineData("hadolint shell=powershell", "powershell")]
    [InlineData("hadolint shell = pwsh # Windows image", "pwsh")]
    [InlineData("stagecraft shell=/bin/bash", "/bin/bash")]
    public void Reads_the_shell_pragma(string text, string shell)
    {
        var pragma = CommentPragma.Parse(text);

        Assert.Equal(new CommentPragma(PragmaKind.Shell, [], shell) with { Codes = pragma!.Codes }, pragma);
        Assert.Empty(pragma.Codes);
    }

    [Theory]
    [InlineData("install the packages")]
    [InlineData("hadolint")]
    [InlineData("hadolint ignore")]
    [InlineData("hadolint ignore=")]
    [InlineData("hadolintignore=DL3008")]
    [InlineData("hadolint ignore=DL3008 because reasons")]
    [InlineData("hadolint local ignore=DL3008")]
    [InlineData("shellcheck disable=SC2086")]
    [InlineData("hadolint shell=")]
    public void Ordinary_comments_hold_no_pragma(string text)
    {
        Assert.Null(CommentPragma.Parse(text));
    }

    [Theory]
    [InlineData("# hadolint ignore=DL3008", "DL3008")]
    [InlineData("#HADOLINT ignore=DL3008", "DL3008")]
    [InlineData("#\t  StageCraft ignore=STG001", "STG001")]
    [InlineData("#\u00a0hadolint ignore=DL3008", "DL3008")]
    [InlineData("#\u2003stagecraft ignore=STG002", "STG002")]
    public void Reads_pragmas_from_comment_nodes_whatever_blanks_and_case(string line, string code)
    {
        var comment = Assert.IsType<CommentSyntax>(SyntaxTree.Parse(line + "\nFROM alpine\n").Root.Children[0]);
        Assert.Equal([code], CommentPragma.Parse(comment)?.Codes);
    }

    [Theory]
    [InlineData("# hadolin ignore=DL3008")]
    [InlineData("# install the packages")]
    [InlineData("#")]
    [InlineData("# \u00e9t\u00e9 hadolint ignore=DL3008")]
    public void Comment_nodes_without_a_pragma_give_none(string line)
    {
        var comment = Assert.IsType<CommentSyntax>(SyntaxTree.Parse(line + "\nFROM alpine\n").Root.Children[0]);
        Assert.Null(CommentPragma.Parse(comment));
    }
}
