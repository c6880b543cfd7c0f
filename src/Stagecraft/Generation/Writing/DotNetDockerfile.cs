namespace Stagecraft.Generation.Writing;

/// <summary>
/// The Dockerfile of a .NET plan: <c>dotnet restore</c> from the project files alone (the NuGet cache on a mount),
/// <c>dotnet publish</c> from the source, and a chiseled final stage (aspnet, runtime, or runtime-deps for a
/// self-contained app) that has no shell and runs as its built-in non-root user.
/// </summary>
internal static class DotNetDockerfile
{
    private const string User = "1654:1654"; // the "app" user of Microsoft's .NET images
    private static readonly string NuGetCache = DockerfileText.Cache("/root/.nuget/packages");

    public static string Write(ProjectPlan plan)
    {
        var dotnet = plan.DotNet!;
        var project = dotnet.Project.Value;
        var text = new DockerfileText();
        Header.Write(text, plan, [project, dotnet.SelfContained.Value ? "self-contained" : null]);
        var runtimeSwitch = dotnet.SelfContained.Value ? " --use-current-runtime" : "";

        text.Stage("build", plan.BuildImage.Value, "restores the packages from the project files alone, then publishes the application");
        text.Line("WORKDIR /src");
        RustDockerfile.CopyManifests(text, dotnet.RestoreFiles);
        text.Run([NuGetCache], $"dotnet restore {project}{runtimeSwitch}");
        text.Line("COPY . .");
        var publish = $"dotnet publish {project} -c Release -o /app --no-restore"
            + (dotnet.SelfContained.Value ? " --self-contained --use-current-runtime" : " -p:UseAppHost=false")
            + (dotnet.SelfContained.Evidence.EndsWith("PublishAot", StringComparison.Ordinal) ? " -p:PublishAot=false" : "");
        text.Run([NuGetCache], publish);

        if (plan.Test is { } test)
        {
            text.Stage("test", "build", "runs the tests: docker build --target test .");
            text.Run([NuGetCache], test.Value);
        }

        var probe = Probe.StaticWgetStage(text, plan, "the chiseled image has no shell or tools");

        text.Stage("runtime", plan.RuntimeImage.Value, "is the image that runs the application");
        text.Line("WORKDIR /app");
        if (dotnet.Web && plan.Port is { } port && port.Value != 8080)
            text.Line($"ENV ASPNETCORE_HTTP_PORTS={port.Value}");
        Probe.CopyStaticWget(text, probe);
        text.Line("COPY --from=build /app ./");
        RuntimeTail.Write(text, plan, User, probe);
        return text.ToString();
    }
}
