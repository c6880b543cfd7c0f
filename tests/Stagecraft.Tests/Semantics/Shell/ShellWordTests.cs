using Stagecraft.Semantics.Shell;
using static Stagecraft.Tests.Semantics.Shell.ShellTestHelpers;

namespace Stagecraft.Tests.Semantics.Shell;

public sealed class ShellWordTests
{
    private static ShellWord Word(string text, int index = 1)
    {
        var script = ParseClean(text);
        return script.Commands[0].Words[index];
    }

    [Theory]
    [InlineData("echo plain", "plain", "plain", false, false, false)]
    [InlineData("echo 'single $HOME'", "single $HOME", "'single $HOME'", true, false, false)]
    [InlineData("echo \"double $HOME\"", "double $HOME", "\"double $HOME\"", true, true, false)]
    [InlineData("echo \"a\\\"b\\\\c\\$d\\x\"", "a\"b\\c$d\\x", "\"a\\\"b\\\\c\\$d\\x\"", true, false, false)]
    [InlineData("echo a\\ b", "a b", "a\\ b", true, false, false)]
    [InlineData("echo $HOME/bin", "$HOME/bin", "$HOME/bin", false, true, false)]
    [InlineData("echo ${X:-y}", "${X:-y}", "${X:-y}", false, true, false)]
    [InlineData("echo pre\"${X:-a b}\"post", "pre${X:-a b}post", "pre\"${X:-a b}\"post", true, true, false)]
    [InlineData("echo *.txt", "*.txt", "*.txt", false, false, true)]
    [InlineData("echo '*.txt'", "*.txt", "'*.txt'", true, false, false)]
    [InlineData("echo file[0-9]", "file[0-9]", "file[0-9]", false, false, true)]
    [InlineData("echo a?b", "a?b", "a?b", false, false, true)]
    [InlineData("echo $?", "$?", "$?", false, true, false)]
    [InlineData("echo $'a\\tb\\n\\x41\\u00e9\\'q'", "a\tb\nAé'q", "$'a\\tb\\n\\x41\\u00e9\\'q'", true, false, false)]
    [InlineData("echo $\"locale\"", "locale", "$\"locale\"", true, false, false)]
    [InlineData("echo $((1 + 2))", "$((1 + 2))", "$((1 + 2))", false, true, false)]
    [InlineData("echo 100$", "100$", "100$", false, false, false)]
    [InlineData("echo ab\\\ncd", "abcd", "ab\\\ncd", false, false, false)]
    public void WordValueRawAndFlags(string text, string value, string raw, bool quoted, bool expansion, bool glob)
    {
        var script = ParseClean(text);
        var word = script.Commands[0].Words[1];
        // The span views are read first: they must not depend on Value or Raw having been cut already.
        Assert.Equal(value, word.ValueSpan.ToString());
        Assert.Equal(raw, word.RawSpan.ToString());
        Assert.True(word.ValueEquals(value));
        Assert.False(word.ValueEquals(value + "x"));
        Assert.Equal(value, word.Value);
        Assert.Equal(raw, word.Raw);
        Assert.Equal(raw, script.At(word.Span));
        Assert.Equal(quoted, word.IsQuoted);
        Assert.Equal(expansion, word.HasExpansion);
        Assert.Equal(glob, word.HasGlob);
    }

    [Fact]
    public void BracesInsideParameterExpansionQuotesDoNotEndIt()
    {
        var word = Word("echo ${X:-\"}\"}done");
        Assert.Equal("${X:-\"}\"}done", word.Raw);
        Assert.True(word.HasExpansion);
    }

    [Fact]
    public void NestedParameterExpansionsAreOneWord()
    {
        var word = Word("echo ${A:-${B:-${C}}}x y", 1);
        Assert.Equal("${A:-${B:-${C}}}x", word.Value);
    }

    [Fact]
    public void SingleQuotesInsideBracesOutsideDoubleQuotesAreQuotes()
    {
        var word = Word("echo ${X:-'}'}");
        Assert.Equal("${X:-'}'}", word.Raw);
    }

    [Fact]
    public void LiteralWordSharesValueAndRaw()
    {
        var word = Word("echo abc");
        Assert.Same(word.Value, word.Raw);
        Assert.True(word.IsLiteral);
    }

    [Fact]
    public void EscapedNewlineInsideWordIsRemovedFromValue()
    {
        var word = Word("echo ab\\\ncd");
        Assert.Equal("abcd", word.Value);
        Assert.Equal("ab\\\ncd", word.Raw);
        Assert.False(word.IsQuoted);
    }

    [Fact]
    public void CommandSubstitutionIsKeptAsWrittenInValue()
    {
        var script = ParseClean("echo \"v=$(uname -m)\" `date`");
        var echo = script.Commands.Single(c => c.Name == "echo");
        Assert.Equal("v=$(uname -m)", echo.Arguments[0].Value);
        Assert.True(echo.Arguments[0].HasCommandSubstitution);
        Assert.Equal("`date`", echo.Arguments[1].Value);
        Assert.True(echo.Arguments[1].HasCommandSubstitution);
    }

    [Fact]
    public void QuotedValueAfterEscapeDivergenceKeepsExpansions()
    {
        var word = Word("echo 'a'$B\"c\"${D}");
        Assert.Equal("a$Bc${D}", word.Value);
    }

    [Fact]
    public void SpecialParametersAreExpansions()
    {
        var script = ParseClean("echo $@ $* $# $$ $! $- $0 $9");
        Assert.All(script.Commands[0].Arguments, w => Assert.True(w.HasExpansion));
    }

    [Fact]
    public void AnsiCOctalControlAndUnknownEscapes()
    {
        Assert.Equal("A\u0001\\q\\x", Word("echo $'\\101\\ca\\q\\x'").Value);
    }

    [Fact]
    public void BracketWithoutCloseIsNotAGlob()
    {
        var script = ParseClean("[ -f x ]");
        Assert.False(script.Commands[0].NameWord!.HasGlob);
        Assert.Equal("[", script.Commands[0].Name);
        Assert.Equal(["-f", "x", "]"], script.Commands[0].Args());
    }

    [Fact]
    public void BraceCharactersInsideWordsAreOrdinary()
    {
        var script = ParseClean("echo {a,b} x{ }y");
        Assert.Equal(["{a,b}", "x{", "}y"], script.Commands[0].Args());
    }
}
