using Stagecraft.Analysis.Rules.Size;

namespace Stagecraft.Tests.Analysis.Rules.Size;

public class FilesRemovedInLaterLayerTests
{
    private static readonly FilesRemovedInLaterLayer Rule = new();

    [Fact]
    public void Message_names_the_path_and_the_earlier_instruction()
    {
        var text = "FROM debian:bookworm-slim\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\nRUN [|rm /tmp/app.tar.gz|]\n";
        var finding = Assert.Single(RuleAssert.Marked(Rule, text));
        Assert.Equal("`rm` deletes /tmp/app.tar.gz, which COPY on line 2 added in an earlier layer: its bytes stay in that layer; delete it in the same RUN that creates it, or use a mount", finding.Message);
        Assert.Null(finding.Fix);
    }

    [Fact]
    public void Downloads_and_caches_name_the_command_that_wrote_them()
    {
        var text = "FROM debian:bookworm-slim\nWORKDIR /opt\nRUN wget -qO tool.deb https://example.com/tool.deb\nRUN apt-get update\nRUN [|rm -rf /var/lib/apt/lists/*|] && [|rm tool.deb|]\n";
        var findings = RuleAssert.Marked(Rule, text);
        Assert.Contains("which `apt-get update` on line 4 added", findings[0].Message);
        Assert.Contains("deletes /opt/tool.deb, which `wget -qO tool.deb https://example.com...` on line 3 added", findings[1].Message);
    }

    [Fact]
    public void Wget_to_standard_output_and_curl_without_output_write_no_file()
    {
        RuleAssert.Quiet(Rule, "FROM alpine\nRUN wget -qO- https://example.com/x.sh | sh\nRUN curl -fsSL https://example.com/y.sh | sh\nRUN rm -f /x.sh /y.sh\n");
    }

    [Fact]
    public void A_file_copied_onto_a_path_does_not_own_what_is_below_it()
    {
        RuleAssert.Quiet(Rule, "FROM nginx\nCOPY app.conf /etc/nginx/conf.d\nRUN rm /etc/nginx/conf.d/default.conf\n");
        RuleAssert.Marked(Rule, "FROM nginx\nCOPY app.conf /etc/nginx/conf.d/\nRUN [|rm -rf /etc/nginx/conf.d/*|]\n");
    }

    [Fact]
    public void Package_caches_come_from_the_shared_package_manager_model()
    {
        // yarn's cache and a pip cache moved by PIP_CACHE_DIR are known; apt-get install writes no lists.
        var findings = RuleAssert.Marked(Rule, "FROM node:22\nENV PIP_CACHE_DIR=/pipcache\nRUN yarn install\nRUN pip install flask\n"
            + "RUN [|rm -rf /usr/local/share/.cache/yarn|] && [|rm -rf /pipcache|]\n");
        Assert.Contains("which `yarn install` on line 3 added", findings[0].Message);
        RuleAssert.Quiet(Rule, "FROM debian:bookworm-slim\nRUN apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n");
    }
}
