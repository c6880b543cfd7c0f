using System.Text.RegularExpressions;
using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Generation.Detection;

/// <summary>
/// Detects a Java (or Kotlin) application built by Maven or Gradle: the build (and the module in a multi-module
/// build), the wrapper, the Java version, Spring Boot or Gradle's application plugin, port, health endpoint and tests.
/// </summary>
internal static partial class JavaDetector
{
    public static bool Matches(ProjectFolder folder) => folder.FirstExisting("pom.xml", "build.gradle", "build.gradle.kts") is not null;

    /// <summary>What the Maven or Gradle files say; paths relative to <see cref="Root"/>.</summary>
    private sealed record Build(string Root, string? Module, IReadOnlyList<string> Manifests, bool Wrapper, string ArtifactName, string BuildFile,
        (string, string)? StatedVersion, string? SpringBoot, string? SpringBootVersion, bool Actuator, bool ApplicationPlugin);

    public static ProjectPlan Detect(ProjectFolder folder, PlanOptions options)
    {
        var notes = new List<string>();
        var hasPom = folder.Exists("pom.xml");
        var gradleFile = folder.FirstExisting("build.gradle.kts", "build.gradle");
        var manager = options.PackageManager switch
        {
            PackageManagerKind.Maven or PackageManagerKind.Gradle => Decided<PackageManagerKind>.ByFlag(options.PackageManager.Value, "--package-manager"),
            _ when hasPom && gradleFile is not null => throw new AmbiguousProjectException($"{Path.GetFileName(folder.FullPath)}: found pom.xml (maven) and {gradleFile} (gradle): pass --package-manager maven or --package-manager gradle"),
            _ => hasPom ? new Decided<PackageManagerKind>(PackageManagerKind.Maven, "pom.xml") : new Decided<PackageManagerKind>(PackageManagerKind.Gradle, gradleFile!),
        };
        var build = manager.Value == PackageManagerKind.Maven ? Maven(folder, notes) : Gradle(folder, notes);
        var moduleFolder = new ProjectFolder(build.Module is null ? build.Root : Path.Combine(build.Root, build.Module));
        var toRoot = Ancestors.Relative(folder.FullPath, build.Root);
        var prefix = toRoot == "." ? "" : toRoot + "/";
        var version = Versions.Decide(Stack.Java, options.Version, build.StatedVersion, notes);
        var major = version.Value.Split('.')[0];

        var kind = build.SpringBoot is { } spring
            ? new Decided<JavaAppKind>(JavaAppKind.SpringBoot, spring)
            : build.ApplicationPlugin
                ? new Decided<JavaAppKind>(JavaAppKind.Application, $"{build.BuildFile} application plugin")
                : Decided<JavaAppKind>.ByDefault(JavaAppKind.PlainJar);
        if (kind.Value == JavaAppKind.PlainJar)
            notes.Add("a plain jar runs with java -jar only if it bundles its dependencies (shade or assembly plugin) and names its Main-Class; otherwise pass --start");
        var legacy = build.SpringBootVersion is { } bootVersion && ReleaseVersion.Parse(bootVersion) is { } boot && (boot.Major < 3 || boot is { Major: 3, Minor: < 3 });
        string? launcher = legacy ? (ReleaseVersion.Parse(build.SpringBootVersion!) is { Major: 3, Minor: 2 } ? "org.springframework.boot.loader.launch.JarLauncher" : "org.springframework.boot.loader.JarLauncher") : null;

        var sources = moduleFolder.SourceFiles(".java", ".kt");
        Decided<int>? port = options.Port is { } p ? Decided<int>.ByFlag(p, "--port") : null;
        port ??= kind.Value == JavaAppKind.SpringBoot
            ? SpringPort(moduleFolder) ?? new Decided<int>(8080, "Spring Boot's default server.port")
            : SourceScan.FindPort(moduleFolder, sources, SocketAddress(), PortCall(), PortDefault());
        if (port is null)
            notes.Add("no port found in the source: pass --port to get EXPOSE and a HEALTHCHECK");
        var health = port is null ? null
            : build.Actuator ? new Decided<string>("/actuator/health", "spring-boot-starter-actuator")
            : SourceScan.FindHealthPath(moduleFolder, sources);
        if (port is not null && health is null)
            notes.Add(kind.Value == JavaAppKind.SpringBoot
                ? "no spring-boot-starter-actuator: no HEALTHCHECK; add it for /actuator/health"
                : "no health route (/health, /healthz, …) found in the source: no HEALTHCHECK");

        var maven = manager.Value == PackageManagerKind.Maven;
        var tool = build.Wrapper ? (maven ? "./mvnw" : "./gradlew") : maven ? "mvn" : "gradle";
        var test = moduleFolder.FolderExists("src/test")
            ? new Decided<string>(maven ? $"{tool} -B test" + (build.Module is { } m ? $" -pl {m} -am" : "") : $"{tool} {Task(build.Module, "test")} --no-daemon", "src/test")
            : null;
        var buildImage = build.Wrapper
            ? new Decided<string>($"eclipse-temurin:{KnownVersions.TemurinTag(version.Value)}-jdk-noble", $"Java version, {(maven ? "mvnw" : "gradlew")} builds")
            : maven
                ? new Decided<string>($"maven:{Images.MavenVersion}-eclipse-temurin-{major}", "Java version, no mvnw")
                : new Decided<string>($"gradle:{Images.GradleVersion}-jdk{major}", "Java version, no gradlew");
        var start = kind.Value switch
        {
            JavaAppKind.SpringBoot when launcher is not null => ["java", launcher],
            JavaAppKind.Application => [$"/app/bin/{build.ArtifactName}"],
            _ => (IReadOnlyList<string>)["java", "-jar", "app.jar"],
        };

        return new ProjectPlan
        {
            AppDirectory = folder.FullPath,
            ContextDirectory = build.Root,
            ContextReason = maven ? "the Maven reactor root" : "the Gradle build root (settings.gradle)",
            Stack = new Decided<Stack>(Stack.Java, prefix + (maven ? "pom.xml" : build.BuildFile)),
            PackageManager = manager,
            Version = version,
            Framework = kind.Value == JavaAppKind.SpringBoot ? new Decided<string>("Spring Boot", kind.Evidence) : null,
            Start = options.Start is { } s ? Decided<IReadOnlyList<string>>.ByFlag(s, "--start") : new Decided<IReadOnlyList<string>>(start, kind.Value == JavaAppKind.SpringBoot ? "Spring Boot's extracted layout" : kind.Evidence),
            Port = port,
            HealthPath = health,
            Test = test,
            BuildImage = buildImage,
            RuntimeImage = options.BaseImage is { } image ? Decided<string>.ByFlag(image, "--base") : new Decided<string>($"eclipse-temurin:{KnownVersions.TemurinTag(version.Value)}-jre-noble", "Java version, JRE only"),
            Notes = notes,
            Java = new JavaProject(kind, build.Manifests, build.Module, build.Wrapper, build.ArtifactName, legacy, launcher),
        };
    }

    /// <summary>A Gradle task, qualified with the project path inside a multi-project build (<c>:api:bootJar</c>).</summary>
    internal static string Task(string? module, string task) => module is null ? task : $":{module.Replace('/', ':')}:{task}";

    private static Build Maven(ProjectFolder folder, List<string> notes)
    {
        var pom = MavenPom.Parse(folder.Read("pom.xml") ?? "", "pom.xml");
        var root = folder.FullPath;
        string? module = null;
        var rootPom = pom;
        // A module of a reactor builds from the root, which lists it among its modules.
        if (Ancestors.Find(folder.FullPath, dir => File.Exists(Path.Combine(dir, "pom.xml"))
                && MavenPom.Parse(File.ReadAllText(Path.Combine(dir, "pom.xml")), Path.Combine(dir, "pom.xml")).Modules.Contains(Ancestors.Relative(dir, folder.FullPath))) is { } above)
        {
            root = above;
            module = Ancestors.Relative(above, folder.FullPath);
            rootPom = MavenPom.Parse(File.ReadAllText(Path.Combine(above, "pom.xml")), "pom.xml");
        }
        else if (pom.Modules.Count > 0)
        {
            // An aggregator: build the module that makes the application.
            var withBoot = pom.Modules.FirstOrDefault(m => folder.Read($"{m}/pom.xml") is { } t && t.Contains("spring-boot-maven-plugin", StringComparison.Ordinal));
            module = withBoot ?? pom.Modules[0];
            notes.Add(withBoot is not null ? $"builds the module {module}, the one with spring-boot-maven-plugin" : $"builds the module {module}, the first of {pom.Modules.Count}; run init in the module you want");
            pom = MavenPom.Parse(folder.Read($"{module}/pom.xml") ?? "", $"{module}/pom.xml");
        }
        var rootFolder = new ProjectFolder(root);
        var prefix = module is null ? "" : module + "/";
        var wrapper = rootFolder.Exists("mvnw");
        var manifests = new List<string> { "pom.xml" };
        if (wrapper)
            manifests.AddRange(["mvnw", ".mvn"]);
        manifests.AddRange(rootPom.Modules.Where(m => rootFolder.Exists($"{m}/pom.xml")).Select(m => $"{m}/pom.xml"));

        string? Property(string name) => pom.Property(name) ?? rootPom.Property(name);
        (string, string)? stated = PluginRelease(pom) ?? PluginRelease(rootPom)
            ?? (Property("maven.compiler.release") is { } release ? (release, "pom.xml maven.compiler.release")
            : Property("java.version") is { } java ? (java, "pom.xml java.version")
            : Property("maven.compiler.source") is { } source ? (source, "pom.xml maven.compiler.source") : null);
        if (stated is var (value, evidence) && value.StartsWith("1.", StringComparison.Ordinal))
            stated = (value[2..], evidence);

        var bootParent = pom.ParentArtifactId == "spring-boot-starter-parent" ? pom : rootPom.ParentArtifactId == "spring-boot-starter-parent" ? rootPom : null;
        var boot = bootParent is not null ? $"{prefix}pom.xml parent spring-boot-starter-parent"
            : pom.Plugin("spring-boot-maven-plugin") is not null ? $"{prefix}pom.xml spring-boot-maven-plugin" : null;
        var bootVersion = bootParent?.ParentVersion ?? Property("spring-boot.version");
        return new Build(root, module, manifests, wrapper, pom.ArtifactId ?? Path.GetFileName(folder.FullPath), "pom.xml", stated, boot, bootVersion,
            pom.DependencyIds.Contains("spring-boot-starter-actuator"), false);

        static (string, string)? PluginRelease(MavenPom p) =>
            p.PluginSetting("maven-compiler-plugin", "release") is { } r && !r.StartsWith('$') ? (r, "pom.xml maven-compiler-plugin release") : null;
    }

    private static Build Gradle(ProjectFolder folder, List<string> notes)
    {
        var root = folder.FullPath;
        string? module = null;
        if (folder.FirstExisting("settings.gradle.kts", "settings.gradle") is null
            && Ancestors.Find(folder.FullPath, dir => File.Exists(Path.Combine(dir, "settings.gradle.kts")) || File.Exists(Path.Combine(dir, "settings.gradle"))) is { } above)
        {
            root = above;
            module = Ancestors.Relative(above, folder.FullPath);
        }
        var rootFolder = new ProjectFolder(root);
        var settingsFile = rootFolder.FirstExisting("settings.gradle.kts", "settings.gradle");
        var settings = settingsFile is null ? "" : rootFolder.Read(settingsFile) ?? "";
        var included = Include().Matches(settings).SelectMany(m => QuotedName().Matches(m.Groups[1].Value).Select(q => q.Groups[1].Value.TrimStart(':').Replace(':', '/'))).Distinct().ToList();
        var appFolder = folder;
        if (module is null && included.Count > 0)
        {
            // A root project that only aggregates: build the included project that is the application.
            var own = folder.Read(folder.FirstExisting("build.gradle.kts", "build.gradle") ?? "") ?? "";
            if (!IsApplication(own) && !folder.FolderExists("src/main"))
            {
                var app = included.FirstOrDefault(i => BuildText(new ProjectFolder(Path.Combine(root, i))) is var t && IsApplication(t)) ?? included[0];
                module = app;
                appFolder = new ProjectFolder(Path.Combine(root, app));
                notes.Add($"builds the project {app} of {settingsFile}" + (included.Count > 1 ? $" (of {included.Count}); run init in the project you want" : ""));
            }
        }
        var buildFile = appFolder.FirstExisting("build.gradle.kts", "build.gradle") ?? "build.gradle";
        var text = appFolder.Read(buildFile) ?? "";
        var rootText = BuildText(rootFolder);
        var prefix = module is null ? "" : module + "/";

        var manifests = new List<string>();
        // buildSrc holds build logic the build files need before any dependency can be resolved.
        foreach (var file in (string[])["settings.gradle.kts", "settings.gradle", "build.gradle.kts", "build.gradle", "gradle.properties", "gradlew", "gradle", "buildSrc"])
        {
            if (rootFolder.Exists(file) || rootFolder.FolderExists(file))
                manifests.Add(file);
        }
        foreach (var project in included)
        {
            if (rootFolder.FirstExisting($"{project}/build.gradle.kts", $"{project}/build.gradle") is { } projectBuild)
                manifests.Add(projectBuild);
        }

        (string, string)? stated = null;
        foreach (var (source, at) in new[] { (text, prefix + buildFile), (rootText, rootFolder.FirstExisting("build.gradle.kts", "build.gradle") ?? "build.gradle") })
        {
            if (Toolchain().Match(source) is { Success: true } toolchain)
                stated ??= (toolchain.Groups[1].Value, $"{at} toolchain languageVersion");
            else if (SourceCompatibility().Match(source) is { Success: true } compatibility)
                stated ??= (compatibility.Groups[1].Value.Replace('_', '.').Replace("1.", "", StringComparison.Ordinal), $"{at} sourceCompatibility");
        }
        var bootMatch = SpringBootPlugin().Match(text);
        var rootBoot = SpringBootPlugin().Match(rootText);
        var boot = bootMatch.Success ? $"{prefix}{buildFile} plugin org.springframework.boot" : null;
        var bootVersion = bootMatch.Success && bootMatch.Groups[1].Success ? bootMatch.Groups[1].Value : rootBoot.Success && rootBoot.Groups[1].Success ? rootBoot.Groups[1].Value : null;
        var name = module is not null ? Path.GetFileName(module) : RootName().Match(settings) is { Success: true } rn ? rn.Groups[1].Value : Path.GetFileName(root);
        return new Build(root, module, manifests, rootFolder.Exists("gradlew"), name, buildFile, stated, boot, bootVersion,
            text.Contains("spring-boot-starter-actuator", StringComparison.Ordinal), boot is null && ApplicationPlugin().IsMatch(text));
    }

    private static string BuildText(ProjectFolder folder) => folder.Read(folder.FirstExisting("build.gradle.kts", "build.gradle") ?? "build.gradle") ?? "";

    private static bool IsApplication(string buildText) => SpringBootPlugin().IsMatch(buildText) || ApplicationPlugin().IsMatch(buildText);

    /// <summary>server.port in application.properties or application.yml of src/main/resources.</summary>
    private static Decided<int>? SpringPort(ProjectFolder folder)
    {
        foreach (var (file, pattern) in new[] { ("src/main/resources/application.properties", PropertiesPort()), ("src/main/resources/application.yml", YamlPort()), ("src/main/resources/application.yaml", YamlPort()) })
        {
            if (folder.Read(file) is { } text && pattern.Match(text) is { Success: true } m && int.TryParse(m.Groups[1].Value, out var port) && port is > 0 and < 65536)
                return new Decided<int>(port, $"{file} server.port");
        }
        return null;
    }

    [GeneratedRegex(@"(?m)^\s*include\b\s*\(?([^\n]*)")]
    private static partial Regex Include();

    [GeneratedRegex(@"[""']([^""']+)[""']")]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"rootProject\.name\s*=\s*[""']([^""']+)[""']")]
    private static partial Regex RootName();

    [GeneratedRegex(@"(?:languageVersion(?:\.set\(|\s*=)\s*JavaLanguageVersion\.of\(\s*|jvmToolchain\(\s*)[""']?(\d+)")]
    private static partial Regex Toolchain();

    [GeneratedRegex(@"sourceCompatibility\s*=\s*(?:JavaVersion\.VERSION_)?[""']?(1[._]\d+|\d+)")]
    private static partial Regex SourceCompatibility();

    // id 'org.springframework.boot' version '3.4.1', id("org.springframework.boot") version "3.4.1", apply plugin: 'org.springframework.boot'
    [GeneratedRegex(@"[""']org\.springframework\.boot[""']\)?(?:\s+version\s+[""']([^""']+)[""'])?")]
    private static partial Regex SpringBootPlugin();

    [GeneratedRegex(@"(?m)^\s*(?:id\s*\(?\s*[""']application[""']\s*\)?|application\s*$|apply\s+plugin:\s*[""']application[""'])")]
    private static partial Regex ApplicationPlugin();

    [GeneratedRegex(@"(?m)^\s*server\.port\s*[=:]\s*(\d{2,5})\s*$")]
    private static partial Regex PropertiesPort();

    [GeneratedRegex(@"(?m)^server:\s*\n(?:[ \t]+.*\n)*?[ \t]+port:\s*(\d{2,5})\s*$")]
    private static partial Regex YamlPort();

    [GeneratedRegex(@"new\s+InetSocketAddress\(\s*(?:""[^""]*""\s*,\s*)?(\d{2,5})\s*\)")]
    private static partial Regex SocketAddress();

    // Javalin.create().start(7070), Spark's port(4567), Vert.x listen(8080)
    [GeneratedRegex(@"\.(?:start|port|listen)\(\s*(\d{2,5})\s*[,)]")]
    private static partial Regex PortCall();

    [GeneratedRegex(@"""PORT""[^\n]*?""(\d{2,5})""")]
    private static partial Regex PortDefault();
}
