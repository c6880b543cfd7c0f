using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Tests.Semantics;

public class ExpandedArgumentsTests
{
    private static IReadOnlyList<string>? Expanded(string text, int instructionIndex)
    {
        var model = SemanticModel.Build(SyntaxTree.Parse(text));
        return ExpandedArguments.Of(model, model.Tree.Root.Instructions[instructionIndex]);
    }

    private const string Prelude = "ARG BASE=alpine\nFROM $BASE\nARG DIR=/srv\nENV APP=\"my app\" PORT=8080\n";

    [Theory]
    [InlineData("WORKDIR $DIR/${APP}", new[] { "/srv/my app" })]
    [InlineData("COPY [\"$APP\", \"${DIR:-/x}/\"]", new[] { "my app", "/srv/" })]
    [InlineData("COPY src ${DIR}/", new[] { "src", "/srv/" })]
    [InlineData("EXPOSE $PORT 9000/udp", new[] { "8080", "9000/udp" })]
    [InlineData("USER ${USER:-nobody}", new[] { "nobody" })]
    [InlineData("LABEL dir=$DIR", new[] { "dir", "/srv" })]
    [InlineData("ARG X=${DIR}/x", new[] { "X=/srv/x" })]
    public void BuildKit_expands_these_instructions(string line, string[] expected) =>
        Assert.Equal(expected, Expanded(Prelude + line + "\n", 4));

    [Theory]
    [InlineData("RUN echo $DIR")]
    [InlineData("CMD [\"echo\", \"$DIR\"]")]
    [InlineData("ENTRYPOINT echo $DIR")]
    [InlineData("HEALTHCHECK CMD curl $PORT")]
    [InlineData("ONBUILD WORKDIR $DIR")]
    [InlineData("SHELL [\"/bin/$DIR\"]")]
    public void The_shell_expands_these_so_the_model_leaves_them(string line) => Assert.Null(Expanded(Prelude + line + "\n", 4));

    [Fact]
    public void From_is_expanded_with_meta_arguments() => Assert.Equal(["alpine"], Expanded(Prelude, 1));
}
