using Stagecraft.Semantics.Shell;
using static Stagecraft.Tests.Semantics.Shell.ShellTestHelpers;

namespace Stagecraft.Tests.Semantics.Shell;

public sealed class ShellCommandHelperTests
{
    private static ShellCommand Command(string text) => ParseClean(text).Commands[0];

    [Theory]
    [InlineData("apt-get install -y curl", true)]
    [InlineData("apt-get install -qy curl", true)]
    [InlineData("apt-get install -yq curl", true)]
    [InlineData("apt-get install --yes curl", true)]
    [InlineData("apt-get install --assume-yes curl", true)]
    [InlineData("apt-get install --assume-yes=true curl", true)]
    [InlineData("apt-get install curl", false)]
    [InlineData("apt-get install -q curl", false)]
    [InlineData("apt-get install -- -y", false)]
    [InlineData("apt-get install -oDebug::pkg=yes curl", false)]
    [InlineData("apt-get install yes", false)]
    [InlineData("apt-get install \"-y\" curl", true)]
    public void HasOptionUnderstandsClustersAndLongForms(string text, bool expected)
    {
        Assert.Equal(expected, Command(text).HasOption("-y", "--yes", "--assume-yes"));
    }

    [Fact]
    public void HasOptionMatchesLongOptionsExactlyNotByPrefix()
    {
        var command = Command("pip install --no-cache-dir-x requests");
        Assert.False(command.HasOption("--no-cache-dir"));
        Assert.True(Command("pip install --no-cache-dir requests").HasOption("--no-cache-dir"));
    }

    [Fact]
    public void SingleDashLongOptionsMatchOnlyExactly()
    {
        var command = Command("find / -name '*.pyc' -delete");
        Assert.True(command.HasOption("-name"));
        Assert.True(command.HasOption("-delete"));
        Assert.False(command.HasOption("-nam"));
        Assert.True(command.HasOption("-e")); // -delete is taken as a cluster of letters; documented.
    }

    [Fact]
    public void GetOptionValueForms()
    {
        var command = Command("curl -o out.tar --retry 3 --connect-timeout=5 -Lfs -H'X: y' url");
        Assert.Equal("out.tar", command.GetOptionValue("-o", "--output"));
        Assert.Equal("3", command.GetOptionValue("--retry"));
        Assert.Equal("5", command.GetOptionValue("--connect-timeout"));
        Assert.Equal("X: y", command.GetOptionValue("-H", "--header"));
        Assert.Null(command.GetOptionValue("--user"));
        Assert.Null(Command("curl -o").GetOptionValue("-o"));
    }

    [Fact]
    public void PositionalArgumentsExcludeOptionsAndIncludeEverythingAfterDoubleDash()
    {
        var command = Command("apt-get -y install --no-install-recommends curl - -- -weird");
        Assert.Equal(["install", "curl", "-", "-weird"], command.PositionalArguments.Select(w => w.Value).ToArray());
        Assert.True(command.HasArgument("curl"));
        Assert.False(command.HasArgument("wget"));
    }

    [Fact]
    public void BaseNameStripsDirectories()
    {
        var command = Command("/usr/bin/apt-get update");
        Assert.Equal("/usr/bin/apt-get", command.Name);
        Assert.Equal("apt-get", command.BaseName);
        Assert.True(command.IsNamed("apt", "apt-get"));
        Assert.Equal("./", Command("./ x").BaseName);
    }

    [Theory]
    [InlineData("sudo apt-get install -y x", "apt-get", "install -y x")]
    [InlineData("sudo -E -u root apt-get update", "apt-get", "update")]
    [InlineData("sudo -uroot apt-get update", "apt-get", "update")]
    [InlineData("sudo --user=root apt-get update", "apt-get", "update")]
    [InlineData("sudo --user root -- apt-get update", "apt-get", "update")]
    [InlineData("exec gosu app node server.js", "node", "server.js")]
    [InlineData("env -i PATH=/bin HOME=/ sh -c true", "sh", "-c true")]
    [InlineData("timeout -s KILL 30s curl -f url", "curl", "-f url")]
    [InlineData("nohup nice -n 10 time -p make all", "make", "all")]
    [InlineData("command apt-get update", "apt-get", "update")]
    [InlineData("stdbuf -oL python app.py", "python", "app.py")]
    [InlineData("eatmydata apt-get install x", "apt-get", "install x")]
    [InlineData("/usr/bin/sudo apt-get update", "apt-get", "update")]
    public void UnwrapFindsTheWrappedCommand(string text, string name, string arguments)
    {
        var command = Command(text);
        var inner = command.Unwrap();
        Assert.Equal(name, inner.Name);
        Assert.Equal(arguments, string.Join(' ', inner.Args()));
        Assert.Same(command, inner.WrappedBy);
        Assert.Equal(command.Span, inner.Span);
        Assert.Same(inner, command.Unwrap());
    }

    [Theory]
    [InlineData("command -v curl")]
    [InlineData("sudo")]
    [InlineData("sudo -u root")]
    [InlineData("apt-get install sudo")]
    [InlineData("env")]
    [InlineData("env A=1")]
    public void UnwrapReturnsTheCommandWhenNothingIsWrapped(string text)
    {
        var command = Command(text);
        Assert.Same(command, command.Unwrap());
        Assert.Null(command.WrappedBy);
    }

    [Fact]
    public void UnwrapCarriesEnvAssignments()
    {
        var inner = Command("X=1 env DEBIAN_FRONTEND=noninteractive apt-get install -y x").Unwrap();
        Assert.Equal(["X", "DEBIAN_FRONTEND"], inner.Assignments.Select(a => a.Name).ToArray());
        Assert.True(inner.HasOption("-y"));
    }

    [Fact]
    public void FindCommandsLooksThroughWrappers()
    {
        var script = ParseClean("sudo apt-get update && apt-get install -y x; echo apt-get");
        var found = script.FindCommands("apt-get");
        Assert.Equal(2, found.Count);
        Assert.NotNull(found[0].WrappedBy);
        Assert.Null(found[1].WrappedBy);
        Assert.Empty(script.FindCommands("yum", "dnf"));
    }

    [Fact]
    public void RuleShapedQueriesWork()
    {
        const string text = "apt-get update && apt-get install -y --no-install-recommends a b && rm -rf /var/lib/apt/lists/*\n"
            + "pip install --no-cache-dir -r requirements.txt && cd /app && curl -fsSL https://get.example.sh | bash -";
        var script = ParseClean(text);

        var installs = script.FindCommands("apt-get").Where(c => c.PositionalArguments.FirstOrDefault()?.Value == "install").ToList();
        Assert.Single(installs);
        Assert.True(installs[0].HasOption("--no-install-recommends"));
        Assert.Contains(script.FindCommands("rm"), c => c.HasOption("-r") && c.PositionalArguments.Any(w => w.Value.StartsWith("/var/lib/apt/lists", StringComparison.Ordinal)));
        Assert.True(script.FindCommands("pip").Single().HasOption("--no-cache-dir"));
        Assert.Contains(script.FindCommands("cd"), c => c.Depth == 0 && (c.Context & ShellContext.Subshell) == 0);
        var curl = script.FindCommands("curl").Single();
        Assert.Equal(ShellOperator.Pipe, curl.Connector);
        Assert.True(curl.Next!.IsNamed("sh", "bash"));
    }
}
