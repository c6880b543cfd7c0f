using Stagecraft.Generation;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Generation;

/// <summary>.NET: the executable project, restore from project files alone, chiseled runtimes, self-contained publishing, solutions.</summary>
public sealed class DotNetDetectionTests : IDisposable
{
    private const string Web = """
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="..\Shop.Core\Shop.Core.csproj" />
          </ItemGroup>
        </Project>
        """;

    private readonly TempDirectory _temp = new TempDirectory().AsRepository();

    public void Dispose() => _temp.Dispose();

    private string Project(params (string Name, string Text)[] files) => _temp.WithFiles(files);

    [Fact]
    public void A_solution_publishes_its_ASP_NET_project_onto_the_chiseled_aspnet_image()
    {
        var generated = Generated.For(Project(
            ("Shop.sln", ""),
            ("Directory.Packages.props", "<Project />"),
            ("src/Shop.Api/Shop.Api.csproj", Web),
            ("src/Shop.Api/Program.cs", "app.MapHealthChecks(\"/healthz\");\n"),
            ("src/Shop.Core/Shop.Core.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>"),
            ("tests/Shop.Tests/Shop.Tests.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"Microsoft.NET.Test.Sdk\" /></ItemGroup></Project>")));
        var plan = generated.Plan;

        Assert.Equal(new Decided<string>("10.0.12", "src/Shop.Api/Shop.Api.csproj TargetFramework (10.0)"), plan.Version);
        Assert.Equal("src/Shop.Api/Shop.Api.csproj", plan.DotNet!.Project.Value);
        Assert.Equal(["Directory.Packages.props", "src/Shop.Api/Shop.Api.csproj", "src/Shop.Core/Shop.Core.csproj"], plan.DotNet.RestoreFiles);
        Assert.Equal(new Decided<int>(8080, "ASPNETCORE_HTTP_PORTS of the aspnet image"), plan.Port);
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0.401-noble", plan.BuildImage.Value);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0.12-noble-chiseled", plan.RuntimeImage.Value);

        var dockerfile = generated.Files.Dockerfile;
        Assert.Contains("COPY Directory.Packages.props ./\nCOPY src/Shop.Api/Shop.Api.csproj src/Shop.Api/\nCOPY src/Shop.Core/Shop.Core.csproj src/Shop.Core/\n", dockerfile);
        Assert.Contains("RUN --mount=type=cache,target=/root/.nuget/packages \\\n    dotnet restore src/Shop.Api/Shop.Api.csproj\nCOPY . .\n", dockerfile);
        Assert.Contains("dotnet publish src/Shop.Api/Shop.Api.csproj -c Release -o /app --no-restore -p:UseAppHost=false", dockerfile);
        Assert.Contains("dotnet test Shop.sln", generated.Stage("test"));
        var final = generated.FinalStage;
        Assert.Contains("USER 1654:1654", final);
        Assert.Contains("http://127.0.0.1:8080/healthz", final);
        Assert.EndsWith("CMD [\"dotnet\", \"/app/Shop.Api.dll\"]\n", dockerfile);
        Assert.Contains("\n**/obj\n", generated.Files.DockerIgnore);
        generated.AssertLintsClean();
    }

    [Fact]
    public void A_project_inside_a_solution_builds_from_the_folder_with_the_build_wide_props()
    {
        var app = Project(
            ("Directory.Build.props", "<Project><PropertyGroup><TargetFramework>net9.0</TargetFramework></PropertyGroup></Project>"),
            ("src/Shop.Api/Shop.Api.csproj", Web.Replace("<TargetFramework>net10.0</TargetFramework>", "")),
            ("src/Shop.Core/Shop.Core.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />")) + "/src/Shop.Api";

        var generated = Generated.For(app, new PlanOptions { Port = 5000 });

        Assert.Equal(_temp.FullPath, generated.Plan.ContextDirectory);
        Assert.Equal(new Decided<string>("9.0.12", "Directory.Build.props TargetFramework (9.0)"), generated.Plan.Version);
        Assert.Contains("ENV ASPNETCORE_HTTP_PORTS=5000", generated.FinalStage);
        Assert.Contains("# Build: docker build -f src/Shop.Api/Dockerfile . (from ", generated.Files.Dockerfile);
        generated.AssertLintsClean();
    }

    [Fact]
    public void A_self_contained_console_app_runs_on_runtime_deps()
    {
        var generated = Generated.For(Project(
            ("Worker.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><PublishTrimmed>true</PublishTrimmed><AssemblyName>worker</AssemblyName><InvariantGlobalization>true</InvariantGlobalization></PropertyGroup></Project>"),
            ("Program.cs", "")));

        Assert.Equal(new Decided<bool>(true, "Worker.csproj PublishTrimmed"), generated.Plan.DotNet!.SelfContained);
        Assert.Equal("mcr.microsoft.com/dotnet/runtime-deps:10.0.12-noble-chiseled", generated.Plan.RuntimeImage.Value);
        Assert.Contains("dotnet restore Worker.csproj --use-current-runtime", generated.Files.Dockerfile);
        Assert.Contains("--self-contained --use-current-runtime", generated.Files.Dockerfile);
        Assert.Null(generated.Plan.Port);
        Assert.DoesNotContain(generated.Plan.Notes, n => n.Contains("ICU", StringComparison.Ordinal));
        Assert.EndsWith("CMD [\"/app/worker\"]\n", generated.Files.Dockerfile);
        generated.AssertLintsClean();
    }

    [Fact]
    public void A_folder_of_test_projects_only_is_an_error()
    {
        Project(("Shop.Tests.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"Microsoft.NET.Test.Sdk\" /></ItemGroup></Project>"));

        var error = Assert.Throws<NoStackDetectedException>(() => ProjectDetector.Detect(_temp.FullPath));

        Assert.EndsWith(": no application project here: the project files are test projects", error.Message);
    }
}
