using Stagecraft.Analysis.Rules.Maintainability;

namespace Stagecraft.Tests.Analysis.Rules.Maintainability;

public class ExposeWithoutHealthcheckTests
{
    private static readonly ExposeWithoutHealthcheck Rule = new();

    [Fact]
    public void Message_lists_the_expanded_ports()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM nginx\nARG PORT=8080\n[|EXPOSE ${PORT} 8443/tcp|]\n"));
        Assert.Equal("the image exposes 8080, 8443/tcp but has no HEALTHCHECK: add one (or `HEALTHCHECK NONE` to say it is deliberate) so Docker can tell a hung server from a healthy one", finding.Message);
    }

    [Fact]
    public void A_healthcheck_only_in_an_onbuild_trigger_does_not_count()
    {
        RuleAssert.Marked(Rule, "FROM nginx\n[|EXPOSE 80|]\nONBUILD HEALTHCHECK CMD curl -f http://localhost/\n");
    }
}
