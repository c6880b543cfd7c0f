namespace Stagecraft.Generation.Writing;

/// <summary>
/// The Dockerfile of a Java plan: dependencies resolved from the build files alone (Maven's or Gradle's cache on a
/// mount), the jar built from the source, and a JRE final stage; a Spring Boot jar is extracted into its layers so a
/// code change replaces only the application layer.
/// </summary>
internal static class JavaDockerfile
{
    private const string User = "10001:10001";
    private const string Out = "/out";

    public static string Write(ProjectPlan plan)
    {
        var java = plan.Java!;
        var maven = plan.PackageManager.Value == PackageManagerKind.Maven;
        var tool = java.Wrapper ? (maven ? "./mvnw" : "./gradlew") : maven ? "mvn" : "gradle";
        var cache = DockerfileText.Cache(maven ? "/root/.m2" : "/root/.gradle");
        var text = new DockerfileText();
        Header.Write(text, plan, [java.Kind.Value switch
        {
            JavaAppKind.SpringBoot => "layered jar",
            JavaAppKind.Application => "application plugin",
            _ => "jar",
        }, java.Module is { } m ? $"module {m}" : null]);

        text.Stage("build", plan.BuildImage.Value, "resolves the dependencies from the build files alone, then builds the application");
        if (!maven)
            text.Line("ENV GRADLE_USER_HOME=/root/.gradle");
        text.Line("WORKDIR /src");
        RustDockerfile.CopyManifests(text, java.Manifests.Where(f => f is not ".mvn" and not "gradle" and not "buildSrc").ToArray());
        foreach (var folder in java.Manifests.Where(f => f is ".mvn" or "gradle" or "buildSrc"))
            text.Line($"COPY {folder} ./{folder}");
        // A multi-module Maven build cannot resolve its own modules before they are built, so only a single module goes offline first.
        if (!maven)
            text.Run([cache], $"{tool} {JavaTask(java, "dependencies")} --no-daemon");
        else if (java.Module is null)
            text.Run([cache], $"{tool} -B dependency:go-offline");
        text.Line("COPY . .");
        var moduleDir = java.Module is { } module ? module + "/" : "";
        var steps = new List<string>();
        switch (java.Kind.Value)
        {
            case JavaAppKind.Application:
                steps.Add($"{tool} {JavaTask(java, "installDist")} --no-daemon");
                steps.Add($"mkdir -p {Out}");
                steps.Add($"cp -r {moduleDir}build/install/{java.ArtifactName} {Out}/app");
                break;
            default:
                steps.Add(maven ? $"{tool} -B package -DskipTests" + (java.Module is { } mm ? $" -pl {mm} -am" : "") : $"{tool} {JavaTask(java, java.Kind.Value == JavaAppKind.SpringBoot ? "bootJar" : "jar")} --no-daemon");
                steps.Add($"mkdir -p {Out}");
                var jars = maven ? $"{moduleDir}target" : $"{moduleDir}build/libs";
                steps.Add($"find {jars} -maxdepth 1 -name '*.jar' ! -name '*-plain.jar' ! -name '*-sources.jar' ! -name '*-javadoc.jar' -exec cp {{}} {Out}/app.jar \\;");
                if (java.Kind.Value == JavaAppKind.SpringBoot)
                {
                    steps.Add(java.LegacyLayerTools
                        ? $"java -Djarmode=layertools -jar {Out}/app.jar extract --destination {Out}/extracted"
                        : $"java -Djarmode=tools -jar {Out}/app.jar extract --layers --destination {Out}/extracted");
                }
                break;
        }
        text.Run([cache], [.. steps]);

        if (plan.Test is { } test)
        {
            text.Stage("test", "build", "runs the tests: docker build --target test .");
            text.Run([cache], test.Value);
        }

        var probe = Probe.StaticWgetStage(text, plan, "the JRE image has no HTTP client");

        text.Stage("runtime", plan.RuntimeImage.Value, "is the JRE that runs the application");
        text.Run("groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home --no-log-init app");
        // The JVM sizes its heap from the container's memory limit rather than the host's.
        text.Line("ENV JAVA_TOOL_OPTIONS=\"-XX:MaxRAMPercentage=75.0\"");
        text.Line("WORKDIR /app");
        Probe.CopyStaticWget(text, probe);
        switch (java.Kind.Value)
        {
            case JavaAppKind.SpringBoot:
                // Least to most often changed, so a code change leaves the dependency layers cached.
                foreach (var layer in (string[])["dependencies", "spring-boot-loader", "snapshot-dependencies", "application"])
                    text.Line($"COPY --from=build {Out}/extracted/{layer}/ ./");
                break;
            case JavaAppKind.Application:
                text.Line($"COPY --from=build {Out}/app/ ./");
                break;
            default:
                text.Line($"COPY --from=build {Out}/app.jar ./app.jar");
                break;
        }
        RuntimeTail.Write(text, plan, User, probe);
        return text.ToString();
    }

    private static string JavaTask(JavaProject java, string task) => Detection.JavaDetector.Task(java.Module, task);
}
