using System.Text.RegularExpressions;

namespace Stagecraft.Fixing.MultiStage;

/// <summary>Java: the jar Maven or Gradle packaged, on the Eclipse Temurin JRE of the builder's Java version.</summary>
internal sealed partial class JavaRecipe : StackRecipe
{
    public override string Ecosystem => "java";

    public override RecipeResult Plan(BuildFacts facts)
    {
        if (JavaVersion(facts) is not { } version)
            return RecipeResult.Refuse($"the Java version of {facts.Stage.Base.Reference} is not in its tag, so no JRE can be matched");
        var folder = facts.Step.Build.Description.StartsWith("mvn", StringComparison.Ordinal) ? "target" : "build/libs";
        var jars = facts.ResolveAtBuild(folder);
        var runtime = $"eclipse-temurin:{version}-jre";
        return new RuntimePlan(runtime, [new StageCopy(jars + "/*.jar", jars + "/")], "the packaged jar") { PackageManager = "apt" };
    }

    /// <summary>The Java major version a builder image's tag names: maven:3.9-eclipse-temurin-21, gradle:8-jdk17, openjdk:17, eclipse-temurin:21-jdk.</summary>
    private static string? JavaVersion(BuildFacts facts)
    {
        if (facts.BaseImage is not { } image)
            return null;
        var tag = image.EffectiveTag;
        Match match = image.OfficialName switch
        {
            "maven" or "gradle" => ToolTag().Match(tag),
            "openjdk" or "eclipse-temurin" or "amazoncorretto" => LeadingVersion().Match(tag),
            _ => Match.Empty,
        };
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"(?:jdk-?|temurin-|corretto-|openjdk-)([0-9]+)")]
    private static partial Regex ToolTag();

    [GeneratedRegex(@"^([0-9]+)")]
    private static partial Regex LeadingVersion();
}
