using Stagecraft.Semantics.Expansion;

namespace Stagecraft.Tests.Semantics.Expansion;

/// <summary>Edge cases the BuildKit data files do not pin down; expected values were checked against BuildKit's lexer.</summary>
public sealed class WordExpanderTests
{
    private static readonly DictionaryVariableLookup Vars = new(new Dictionary<string, string>
    {
        ["A"] = "alpha",
        ["SPACED"] = "x  y",
        ["EMPTY"] = "",
        ["PATH_LIKE"] = "/usr/local/bin:/usr/bin",
        ["MULTI"] = "one\ntwo",
        ["DOLLAR_ZERO"] = "<$0>",
    });

    private static readonly ExpansionOptions Backtick = new() { EscapeCharacter = '`' };

    [Theory]
    [InlineData(@"C:\path\$A", @"C:\path\alpha")]
    [InlineData("`$A", "$A")]
    [InlineData("a` b", "a b")]
    [InlineData("\"`\"q`\"\"", "\"q\"")]
    [InlineData("\"`x\"", "`x")]
    [InlineData("end`", "end")]
    public void Backtick_is_the_escape_character_when_configured(string word, string expected)
    {
        var result = WordExpander.ExpandWord(word, Vars, Backtick);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    // BuildKit words this one "unsupported modifier (\uFFFD)"; we name the missing brace instead.
    [InlineData("${A", "syntax error: missing '}'")]
    [InlineData("${", "syntax error: missing '}'")]
    [InlineData("${A:-${B:-x}", "syntax error: missing '}'")]
    [InlineData("${A/x", "syntax error: missing '/' in ${}")]
    [InlineData("${A//}", "syntax error: missing '/' in ${}")]
    [InlineData("${A#\\q}", "invalid escape '\\q'")]
    [InlineData("${A=x}", "unsupported modifier (=) in substitution")]
    [InlineData("${A:#x}", "unsupported modifier (:#) in substitution")]
    [InlineData("${}", "bad substitution")]
    [InlineData("${UNSET?must be set}", "UNSET: must be set")]
    [InlineData("${EMPTY:?}", "EMPTY: is not allowed to be empty")]
    public void Malformed_words_fail_with_a_message_and_no_exception(string word, string messagePart)
    {
        var result = WordExpander.ExpandWord(word, Vars);
        Assert.False(result.Succeeded);
        Assert.Equal("", result.Value);
        Assert.Contains(messagePart, result.Error, StringComparison.Ordinal);
        Assert.StartsWith("failed to process \"", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_defaults_expand_inside_out_and_record_every_name()
    {
        var result = WordExpander.ExpandWord("${X:-${Y:-${A:+[$A]}}}", Vars);
        Assert.Equal("[alpha]", result.Value);
        Assert.Equal(["A"], result.Matched);
        Assert.Equal(["X", "Y"], result.Unmatched.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Pattern_names_are_recorded_as_matched_or_unmatched()
    {
        var result = WordExpander.ExpandWord("${PATH_LIKE%%:*}${A/$NEEDLE/x}", Vars);
        // An unset pattern is empty, and the empty pattern matches at the start.
        Assert.Equal("/usr/local/binxalpha", result.Value);
        Assert.Equal(["A", "PATH_LIKE"], result.Matched.Order(StringComparer.Ordinal));
        Assert.Equal(["NEEDLE"], result.Unmatched);
    }

    [Theory]
    [InlineData("${MULTI#*}", "one\ntwo")]
    [InlineData("${MULTI##*}", "\ntwo")]
    [InlineData("${MULTI%%*}", "one\n")]
    [InlineData("${MULTI/?/-}", "-ne\ntwo")]
    public void Wildcards_do_not_match_newlines_as_in_Go_regexp(string word, string expected) =>
        Assert.Equal(expected, WordExpander.ExpandWord(word, Vars).Value);

    [Theory]
    [InlineData("${A//l/$DOLLAR_ZERO}", "a<l>pha")]
    [InlineData("${A/l/$DOLLAR_ZERO}", "a<$0>pha")]
    [InlineData("${A//$EMPTY/-}", "-a-l-p-h-a-")]
    public void Replacement_follows_Go_ReplaceAllString(string word, string expected) =>
        Assert.Equal(expected, WordExpander.ExpandWord(word, Vars).Value);

    [Fact]
    public void Words_split_on_unquoted_white_space_including_inside_values()
    {
        var result = WordExpander.ExpandWords("a $SPACED \"$SPACED\" '' b\\ c <<  EOF", Vars);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["a", "x", "y", "x  y", "b c", "<<  EOF"], result.Words);
    }

    [Fact]
    public void Words_lose_text_before_an_operator_expansion_in_the_same_word_like_BuildKit()
    {
        // BuildKit resets its shared word buffer when it reads an operand, so "80/" is dropped here.
        var result = WordExpander.ExpandWords("80/${PROTO:-tcp} 443", Vars);
        Assert.Equal(["tcp", "443"], result.Words);
    }

    [Fact]
    public void Skip_unset_leaves_unset_references_as_written()
    {
        var options = new ExpansionOptions { SkipUnset = true };
        var result = WordExpander.ExpandWord("$A $U ${U} ${U:-d} ${U//a/b} ${A:-d}", Vars, options);
        Assert.Equal("alpha $U ${U} ${U:-d} ${U/a/b} alpha", result.Value);
    }

    [Fact]
    public void Kept_quotes_still_group_and_protect_but_stay_in_the_words()
    {
        var options = new ExpansionOptions { Quotes = QuoteHandling.Keep };
        var result = WordExpander.ExpandWords("x '$A b' \"$A c\"", Vars, options);
        Assert.Equal(["x", "'$A b'", "\"alpha c\""], result.Words);
    }

    [Fact]
    public void Kept_escapes_stay_in_the_output()
    {
        var options = new ExpansionOptions { KeepEscapes = true };
        Assert.Equal(@"\$A a\ b", WordExpander.ExpandWord(@"\$A a\ b", Vars, options).Value);
    }

    [Theory]
    [InlineData("say \"$A\" and '$A'\n", "say \"alpha\" and 'alpha'\n")]
    [InlineData("\\$A \\\\ x\\\ny\n", "$A \\ x\ny\n")]
    [InlineData("it's ${A}'s\n", "it's alpha's\n")]
    public void Heredoc_body_mode_keeps_quotes_as_text_and_still_expands(string body, string expected)
    {
        var result = WordExpander.ExpandWord(body, Vars, ExpansionOptions.HeredocBody);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("$안녕x", "")]
    [InlineData("$A.b", "alpha.b")]
    [InlineData("$1A", "A")]
    [InlineData("$", "$")]
    [InlineData("${A}}", "alpha}")]
    public void Names_follow_BuildKit_rules(string word, string expected) =>
        Assert.Equal(expected, WordExpander.ExpandWord(word, Vars).Value);
}
