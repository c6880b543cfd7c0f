using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class InstructionRepeatedInStageTests
{
    private static readonly InstructionRepeatedInStage Rule = new();

    [Fact]
    public void Reports_the_overridden_one_and_removes_it()
    {
        const string text = "FROM python:3.12-slim\nCMD [\"python\", \"app.py\"]\nCOPY . /app\ncmd [\"gunicorn\", \"app:app\"]\n";
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal(2, finding.Line);
        Assert.Equal("this CMD has no effect: the CMD on line 4 replaces it (an image keeps only the last one); remove this one", finding.Message);
        Assert.Equal("FROM python:3.12-slim\nCOPY . /app\ncmd [\"gunicorn\", \"app:app\"]\n", FixApplierForTests.ApplyAndRecheck(Rule, text, finding));
    }
}
