using Stagecraft.Analysis.Rules.Security;

namespace Stagecraft.Tests.Analysis.Rules.Security;

public class SecretInArgOrEnvTests
{
    private static readonly SecretInArgOrEnv Rule = new();

    [Fact]
    public void Arg_and_env_messages_say_where_the_value_leaks()
    {
        var findings = RuleAssert.Lint(Rule, "FROM node:22-slim\nARG NPM_TOKEN\nENV DB_PASSWORD=changeme\n");
        Assert.Equal("ARG `NPM_TOKEN` is named like a secret: its value is recorded in the build history of later RUN steps; pass it with `RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN` instead",
            findings[0].Message);
        Assert.Equal("ENV `DB_PASSWORD` is named like a secret: ENV values are stored in the image config for anyone who can pull it; use a secret mount while building, or set it when the container starts",
            findings[1].Message);
    }

    [Theory]
    [InlineData("SECRET_PASSPHRASE", true)]
    [InlineData("super_duper_secret_token", true)]
    [InlineData("auth", true)]
    [InlineData("apikey", true)]
    [InlineData("git_key", true)]
    [InlineData("PUBLIC_KEY", false)]
    [InlineData("SECRET_PASSPHRASE_FILE", false)]
    [InlineData("AUTH_MODULE_VERSION", false)]
    [InlineData("sunflower", false)]
    [InlineData("KEYRING", false)]
    public void Names_are_matched_by_whole_words_as_buildkit_does(string name, bool reported)
    {
        Assert.Equal(reported, RuleAssert.Lint(Rule, $"FROM scratch\nENV {name}=value\n").Count == 1);
    }

    [Theory]
    [InlineData("SSL_KEY=/run/secrets/tls.key")]
    [InlineData("API_TOKEN=./token")]
    [InlineData("DB_PASSWORD=C:\\secrets\\db")]
    public void A_file_path_names_where_the_secret_is(string assignment)
    {
        Assert.Empty(RuleAssert.Lint(Rule, $"FROM scratch\nENV {assignment}\n"));
    }

    [Fact]
    public void A_key_fingerprint_is_public()
    {
        Assert.Empty(RuleAssert.Lint(Rule, "FROM debian:12\nENV GPG_KEY A035C8C19219BA821ECEA86B64E628F8D684696D\n"));
        Assert.Single(RuleAssert.Lint(Rule, "FROM debian:12\nENV GPG_KEY not-a-fingerprint\n"));
    }
}
