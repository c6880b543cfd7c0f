using Stagecraft.Analysis.Rules.Cache;

namespace Stagecraft.Tests.Analysis.Rules.Cache;

public class WholeContextCopiedTooEarlyTests
{
    private static readonly WholeContextCopiedTooEarly Rule = new();

    [Fact]
    public void Message_names_the_install_and_its_line()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule,
            "FROM python:3.12-slim\n[|COPY . /app|]\nRUN pip install --no-cache-dir -r /app/requirements.txt\nRUN apt-get update && apt-get install -y curl\n"));
        Assert.Equal("`apt-get install` on line 4 does not need the source copied here: move it above this copy so code changes keep its layer cached", finding.Message);
        Assert.Null(finding.Fix);
    }

    [Fact]
    public void Only_the_first_whole_copy_of_a_stage_is_reported()
    {
        RuleAssert.Marked(Rule, "FROM alpine:3.20\n[|COPY . /a|]\nCOPY . /b\nRUN apk add --no-cache curl\nRUN apk add --no-cache git\n");
    }
}
