using Stagecraft.Semantics.Expansion;

namespace Stagecraft.Tests.Semantics.Expansion;

public sealed class FindReferencesTests
{
    [Fact]
    public void Lists_references_in_order_with_offsets_including_nested_ones()
    {
        const string word = "$A-${B:-$C} '$D' \\$E \"${F##$G}\" ${H//x/$I}";

        var references = WordExpander.FindReferences(word);

        Assert.Equal(
            [
                new VariableReference("A", 0, 2, false, ""),
                new VariableReference("B", 3, 8, true, ":-"),
                new VariableReference("C", 8, 2, false, ""),
                new VariableReference("F", 22, 8, true, "##"),
                new VariableReference("G", 27, 2, false, ""),
                new VariableReference("H", 32, 10, true, "//"),
                new VariableReference("I", 39, 2, false, ""),
            ],
            references);
        foreach (var reference in references)
        {
            Assert.Equal('$', word[reference.Offset]);
            Assert.Equal(reference.Name, word.Substring(reference.NameOffset, reference.Name.Length));
        }
    }

    [Fact]
    public void Single_quotes_hide_references_unless_quotes_are_literal()
    {
        Assert.Empty(WordExpander.FindReferences("'$X'"));
        Assert.Equal(["X"], WordExpander.FindReferences("'$X'", ExpansionOptions.HeredocBody).Select(r => r.Name));
    }

    [Fact]
    public void Required_variables_do_not_stop_the_listing()
    {
        var names = WordExpander.FindReferences("${X:?set me} ${Y?} $Z").Select(r => r.Name);
        Assert.Equal(["X", "Y", "Z"], names);
    }

    [Fact]
    public void Stops_at_the_first_syntax_error()
    {
        var names = WordExpander.FindReferences("$A ${B=1} $C").Select(r => r.Name);
        Assert.Equal(["A"], names);
    }
}
