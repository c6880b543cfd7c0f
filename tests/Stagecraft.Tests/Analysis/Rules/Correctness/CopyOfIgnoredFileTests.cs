using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public sealed class CopyOfIgnoredFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Names_the_pattern_and_its_line()
    {
        _temp.Write(".dockerignore", "# output\ndist\nconfig/\n");
        var finding = Assert.Single(RuleAssert.Lint(new CopyOfIgnoredFile(), "FROM nginx:1.27\nCOPY ./config//nginx.conf /etc/nginx/\n", new BuildContext(_temp.FullPath, null)));
        Assert.Equal("COPY source `config/nginx.conf` is excluded by .dockerignore (line 3: `config/`), so it is not in the build context and the COPY fails: narrow the pattern or drop the source",
            finding.Message);
    }

    [Fact]
    public void A_dockerfile_specific_ignore_file_wins()
    {
        _temp.Write(".dockerignore", "config/\n");
        var dockerfile = _temp.Write("app.Dockerfile", "");
        _temp.Write("app.Dockerfile.dockerignore", "node_modules\n");
        Assert.Empty(RuleAssert.Lint(new CopyOfIgnoredFile(), "FROM nginx:1.27\nCOPY config/nginx.conf /etc/nginx/\n", new BuildContext(_temp.FullPath, dockerfile)));
    }
}
