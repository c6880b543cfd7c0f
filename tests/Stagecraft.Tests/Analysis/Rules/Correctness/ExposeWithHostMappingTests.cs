using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class ExposeWithHostMappingTests
{
    private static readonly ExposeWithHostMapping Rule = new();

    [Fact]
    public void Keeps_only_the_container_port()
    {
        const string text = "FROM nginx:1.27\nEXPOSE 127.0.0.1:8443:443/tcp 8080:80 9000\n";
        var findings = RuleAssert.Lint(Rule, text);
        Assert.Equal(2, findings.Count);
        Assert.Equal("`EXPOSE 127.0.0.1:8443:443/tcp` maps a host address and port, which an image cannot do; BuildKit exposes only `443/tcp` and will refuse this form: write `EXPOSE 443/tcp` and publish with `docker run -p`",
            findings[0].Message);
        Assert.Equal("`EXPOSE 8080:80` maps a host port, which an image cannot do; BuildKit exposes only `80` and will refuse this form: write `EXPOSE 80` and publish with `docker run -p`",
            findings[1].Message);
        Assert.Equal("FROM nginx:1.27\nEXPOSE 443/tcp 80 9000\n", FixApplierForTests.ApplyAll(text, findings));
    }
}
