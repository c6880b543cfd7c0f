using Stagecraft.Generation;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Generation;

/// <summary>Maven and Gradle: Java version, dependencies resolved before the source, Spring Boot layers, modules of a larger build.</summary>
public sealed class JavaDetectionTests : IDisposable
{
    private const string SpringPom = """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <parent>
            <groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-parent</artifactId>
            <version>3.5.6</version>
          </parent>
          <artifactId>orders</artifactId>
          <properties>
            <java.version>17</java.version>
          </properties>
          <dependencies>
            <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency>
            <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-actuator</artifactId></dependency>
          </dependencies>
          <build><plugins><plugin><groupId>org.springframework.boot</groupId><artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build>
        </project>
        """;

    private readonly TempDirectory _temp = new TempDirectory().AsRepository();

    public void Dispose() => _temp.Dispose();

    private string Project(params (string Name, string Text)[] files) => _temp.WithFiles(files);

    [Fact]
    public void A_Spring_Boot_Maven_app_goes_offline_first_and_runs_its_extracted_layers_on_the_JRE()
    {
        var generated = Generated.For(Project(
            ("pom.xml", SpringPom),
            ("mvnw", "#!/bin/sh\n"),
            (".mvn/wrapper/maven-wrapper.properties", "distributionUrl=https://example.invalid/maven.zip\n"),
            ("src/main/resources/application.properties", "spring.application.name=orders\nserver.port=8081\n"),
            ("src/main/java/com/example/App.java", "class App {}\n"),
            ("src/test/java/com/example/AppTest.java", "class AppTest {}\n")));
        var plan = generated.Plan;

        Assert.Equal(new Decided<string>("17.0.15", "pom.xml java.version (17)"), plan.Version);
        Assert.Equal(new Decided<string>("Spring Boot", "pom.xml parent spring-boot-starter-parent"), plan.Framework);
        Assert.Equal(new Decided<int>(8081, "src/main/resources/application.properties server.port"), plan.Port);
        Assert.Equal(new Decided<string>("/actuator/health", "spring-boot-starter-actuator"), plan.HealthPath);
        Assert.Equal("eclipse-temurin:17.0.15_6-jdk-noble", plan.BuildImage.Value);
        Assert.Equal("eclipse-temurin:17.0.15_6-jre-noble", plan.RuntimeImage.Value);

        var dockerfile = generated.Files.Dockerfile;
        Assert.Contains("COPY pom.xml mvnw ./\nCOPY .mvn ./.mvn\nRUN --mount=type=cache,target=/root/.m2 \\\n    ./mvnw -B dependency:go-offline\nCOPY . .\n", dockerfile);
        Assert.Contains("./mvnw -B package -DskipTests", dockerfile);
        Assert.Contains("java -Djarmode=tools -jar /out/app.jar extract --layers --destination /out/extracted", dockerfile);
        Assert.Contains("./mvnw -B test", generated.Stage("test"));
        var final = generated.FinalStage;
        Assert.Contains("COPY --from=build /out/extracted/dependencies/ ./\nCOPY --from=build /out/extracted/spring-boot-loader/ ./\nCOPY --from=build /out/extracted/snapshot-dependencies/ ./\nCOPY --from=build /out/extracted/application/ ./\n", final);
        Assert.Contains("USER 10001:10001", final);
        Assert.Contains("http://127.0.0.1:8081/actuator/health", final);
        Assert.EndsWith("CMD [\"java\", \"-jar\", \"app.jar\"]\n", dockerfile);
        generated.AssertLintsClean();
    }

    [Fact]
    public void A_Gradle_subproject_builds_from_the_settings_root_with_the_toolchain_version()
    {
        var app = Project(
            ("settings.gradle.kts", "rootProject.name = \"shop\"\ninclude(\"api\", \"core\")\n"),
            ("gradlew", "#!/bin/sh\n"),
            ("gradle/wrapper/gradle-wrapper.properties", "distributionUrl=x\n"),
            ("api/build.gradle.kts", "plugins {\n    id(\"org.springframework.boot\") version \"3.2.5\"\n    java\n}\njava { toolchain { languageVersion = JavaLanguageVersion.of(21) } }\n"),
            ("api/src/main/resources/application.yml", "server:\n  port: 9090\n"),
            ("core/build.gradle.kts", "plugins { java }\n")) + "/api";

        var generated = Generated.For(app);
        var plan = generated.Plan;

        Assert.Equal(_temp.FullPath, plan.ContextDirectory);
        Assert.Equal(new Decided<string>("21.0.9", "api/build.gradle.kts toolchain languageVersion (21)"), plan.Version);
        Assert.Equal(9090, plan.Port?.Value);
        Assert.True(plan.Java!.LegacyLayerTools);
        var dockerfile = generated.Files.Dockerfile;
        Assert.Contains("COPY settings.gradle.kts gradlew ./\nCOPY api/build.gradle.kts api/\nCOPY core/build.gradle.kts core/\nCOPY gradle ./gradle\n", dockerfile);
        Assert.Contains("./gradlew :api:dependencies --no-daemon", dockerfile);
        Assert.Contains("./gradlew :api:bootJar --no-daemon", dockerfile);
        Assert.Contains("find api/build/libs -maxdepth 1 -name '*.jar' ! -name '*-plain.jar'", dockerfile);
        Assert.Contains("java -Djarmode=layertools -jar /out/app.jar extract --destination /out/extracted", dockerfile);
        Assert.EndsWith("CMD [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]\n", dockerfile);
        Assert.Contains(plan.Notes, n => n.StartsWith("no spring-boot-starter-actuator", StringComparison.Ordinal));
        generated.AssertLintsClean();
    }

    [Fact]
    public void A_Gradle_application_without_a_wrapper_uses_the_gradle_image_and_installDist()
    {
        var generated = Generated.For(Project(
            ("build.gradle", "plugins {\n    id 'application'\n}\nsourceCompatibility = JavaVersion.VERSION_21\napplication { mainClass = 'app.Main' }\n"),
            ("settings.gradle", "rootProject.name = 'tool'\n"),
            ("src/main/java/app/Main.java", "class Main { void run() { server.start(7070); } }\n")));

        Assert.Equal("gradle:9.5.1-jdk21", generated.Plan.BuildImage.Value);
        Assert.Equal(7070, generated.Plan.Port?.Value);
        Assert.Contains("gradle installDist --no-daemon", generated.Files.Dockerfile);
        Assert.Contains("cp -r build/install/tool /out/app", generated.Files.Dockerfile);
        Assert.EndsWith("CMD [\"/app/bin/tool\"]\n", generated.Files.Dockerfile);
        generated.AssertLintsClean();
    }

    [Fact]
    public void A_pom_and_a_gradle_build_in_one_folder_need_the_package_manager_flag()
    {
        Project(("pom.xml", SpringPom), ("build.gradle", ""));

        var error = Assert.Throws<AmbiguousProjectException>(() => ProjectDetector.Detect(_temp.FullPath));

        Assert.EndsWith("found pom.xml (maven) and build.gradle (gradle): pass --package-manager maven or --package-manager gradle", error.Message);
        Assert.Equal(PackageManagerKind.Gradle, ProjectDetector.Detect(_temp.FullPath, new PlanOptions { PackageManager = PackageManagerKind.Gradle }).PackageManager.Value);
    }

    [Fact]
    public void A_broken_pom_is_reported_with_its_line()
    {
        Project(("pom.xml", "<project>\n  <artifactId>x</artifactId>\n  <oops>\n</project>\n"));

        var error = Assert.Throws<StagecraftException>(() => ProjectDetector.Detect(_temp.FullPath));

        Assert.StartsWith("pom.xml:4: not valid XML", error.Message);
    }

    [Fact]
    public void A_module_of_a_Maven_reactor_builds_from_the_root_with_every_module_pom()
    {
        var app = Project(
            ("pom.xml", "<project><artifactId>parent</artifactId><packaging>pom</packaging><modules><module>api</module><module>core</module></modules><properties><maven.compiler.release>25</maven.compiler.release></properties></project>"),
            ("api/pom.xml", "<project><artifactId>api</artifactId></project>"),
            ("core/pom.xml", "<project><artifactId>core</artifactId></project>")) + "/api";

        var generated = Generated.For(app);

        Assert.Equal(_temp.FullPath, generated.Plan.ContextDirectory);
        Assert.Equal(new Decided<string>("25.0.3", "pom.xml maven.compiler.release (25)"), generated.Plan.Version);
        Assert.Equal("maven:3.9.11-eclipse-temurin-25", generated.Plan.BuildImage.Value);
        var dockerfile = generated.Files.Dockerfile;
        Assert.Contains("COPY pom.xml ./\nCOPY api/pom.xml api/\nCOPY core/pom.xml core/\nCOPY . .\n", dockerfile);
        Assert.DoesNotContain("go-offline", dockerfile);
        Assert.Contains("mvn -B package -DskipTests -pl api -am", dockerfile);
        Assert.Contains("find api/target -maxdepth 1", dockerfile);
        Assert.Contains(generated.Plan.Notes, n => n.StartsWith("a plain jar runs with java -jar only if", StringComparison.Ordinal));
        generated.AssertLintsClean();
    }

    [Fact]
    public void A_Java_line_older_than_the_table_is_named_as_older()
    {
        Project(("pom.xml", "<project><artifactId>old</artifactId><properties><java.version>1.8</java.version></properties></project>"));

        var plan = ProjectDetector.Detect(_temp.FullPath);

        Assert.Equal("8", plan.Version.Value);
        Assert.Equal("eclipse-temurin:8-jre-noble", plan.RuntimeImage.Value);
        Assert.Contains(plan.Notes, n => n.StartsWith("pom.xml java.version asks for 8, older than the releases Stagecraft knows", StringComparison.Ordinal));
    }
}
