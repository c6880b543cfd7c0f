using Stagecraft.Generation;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Generation;

/// <summary>Choosing the stack: what was looked for when nothing is found, and what to pass when two stacks are found.</summary>
public sealed class ProjectDetectorTests : IDisposable
{
    private readonly TempDirectory _temp = new TempDirectory().AsRepository();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void An_empty_folder_names_what_was_looked_for()
    {
        _temp.Write("README.md", "hi");

        var error = Assert.Throws<NoStackDetectedException>(() => ProjectDetector.Detect(_temp.FullPath));

        Assert.StartsWith($"{Path.GetFileName(_temp.FullPath)}: no supported project found: looked for Node.js: package.json; Python: requirements.txt", error.Message);
        Assert.Contains("; Go: go.mod; Rust: Cargo.toml; Java: pom.xml, build.gradle or build.gradle.kts; .NET: *.csproj", error.Message);
        Assert.EndsWith("PHP: composer.json", error.Message);
    }

    [Fact]
    public void Two_stacks_need_the_stack_flag()
    {
        _temp.Write("package.json", "{}");
        _temp.Write("go.mod", "module m\n\ngo 1.24\n");
        _temp.Write("main.go", "package main\n");

        var error = Assert.Throws<AmbiguousProjectException>(() => ProjectDetector.Detect(_temp.FullPath));
        Assert.EndsWith("found a Node.js and a Go project: pass --stack node or --stack go", error.Message);

        var plan = ProjectDetector.Detect(_temp.FullPath, new PlanOptions { Stack = Stack.Go });
        Assert.Equal(new Decided<Stack>(Stack.Go, "--stack"), plan.Stack);
    }

    [Fact]
    public void A_stack_flag_for_a_stack_that_is_not_there_says_what_was_looked_for()
    {
        _temp.Write("package.json", "{}");

        var error = Assert.Throws<NoStackDetectedException>(() => ProjectDetector.Detect(_temp.FullPath, new PlanOptions { Stack = Stack.Go }));

        Assert.EndsWith("no Go project here: looked for go.mod", error.Message);
    }

    [Fact]
    public void A_package_manager_of_another_stack_is_refused()
    {
        _temp.Write("package.json", "{}");

        var error = Assert.Throws<StagecraftException>(() => ProjectDetector.Detect(_temp.FullPath, new PlanOptions { Stack = Stack.Node, PackageManager = PackageManagerKind.Poetry }));

        Assert.Equal("--package-manager poetry is not a Node.js package manager", error.Message);
    }

    [Fact]
    public void Python_files_beside_a_package_json_do_not_make_it_a_Python_project()
    {
        _temp.Write("package.json", "{}");
        _temp.Write("build.py", "");

        Assert.Equal(Stack.Node, ProjectDetector.Detect(_temp.FullPath).Stack.Value);
    }

    [Fact]
    public void Broken_package_json_is_reported_with_its_line()
    {
        _temp.Write("package.json", "{\n  \"name\": \"x\",\n  oops\n}");

        var error = Assert.Throws<StagecraftException>(() => ProjectDetector.Detect(_temp.FullPath));

        Assert.StartsWith("package.json:3: not valid JSON", error.Message);
    }
}
