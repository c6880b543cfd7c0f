using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Security;

namespace Stagecraft.Tests.Analysis.Rules.Security;

public class SensitiveArgOrEnvNameTests
{
    private static readonly SensitiveArgOrEnvName Rule = new();

    [Fact]
    public void Arg_and_env_say_where_the_value_leaks()
    {
        var findings = RuleAssert.Marked(Rule, "FROM node:20\nARG [|NPM_TOKEN|]\nENV [|DB_PASSWORD|]=x\n");
        Assert.Equal("ARG `NPM_TOKEN` looks like a secret: its value shows in the image history; use `RUN --mount=type=secret` instead", findings[0].Message);
        Assert.Equal("ENV `DB_PASSWORD` looks like a secret: its value is stored in the image config; use `RUN --mount=type=secret` instead", findings[1].Message);
        Assert.All(findings, f => Assert.Equal(["DL3064"], f.Aliases));
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Severity));
    }

    [Theory]
    [InlineData("TOKENIZERS_PARALLELISM")]
    [InlineData("USERNAME")]
    [InlineData("SECRET_FILE")]
    [InlineData("PRIVATE_REGISTRY")]
    [InlineData("KEYCLOAK_VERSION")]
    public void Names_that_hold_no_secret(string name) => RuleAssert.Quiet(Rule, $"FROM node:20\nARG {name}=x\n");
}
