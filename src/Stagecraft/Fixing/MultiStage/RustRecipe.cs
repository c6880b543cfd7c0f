using System.Text.RegularExpressions;

namespace Stagecraft.Fixing.MultiStage;

/// <summary>
/// Rust: the binary cargo wrote, on the slim image of the builder's Debian release (it links glibc dynamically; distroless
/// cc would fit too, but has no version tag to pin).
/// </summary>
internal sealed partial class RustRecipe : StackRecipe
{
    public override string Ecosystem => "rust";

    public override RecipeResult Plan(BuildFacts facts)
    {
        var command = facts.Command;
        if (command.PositionalArguments.FirstOrDefault()?.Value != "build")
            return RecipeResult.Refuse("`cargo install` puts the binary where its --root or CARGO_HOME says");
        var name = command.GetOptionValue("--bin")
            ?? (facts.Context.ReadText("Cargo.toml") is { } manifest && PackageName().Match(manifest) is { Success: true } m ? m.Groups[1].Value : null);
        if (name is null)
            return RecipeResult.Refuse("the binary's name is not on the cargo command (--bin) and Cargo.toml is not in the build context");
        if (command.GetOptionValue("--target") is not null || facts.VariableAtBuild("CARGO_TARGET_DIR") is not null)
            return RecipeResult.Refuse("cargo builds for another target or into another folder, so the binary's path is not the default");
        var profile = command.HasOption("--release", "-r") ? "release" : "debug";
        var path = facts.ResolveAtBuild($"target/{profile}/{name}");
        var copy = new StageCopy(path, path);
        var tag = facts.BaseImage?.EffectiveTag ?? "";
        if (tag.Contains("alpine", StringComparison.Ordinal))
            return new RuntimePlan("alpine:3.20", [copy], "Rust binary (musl)") { PackageManager = "apk" };
        if (DebianRelease.Of(tag) is not { } codename)
            return RecipeResult.Refuse($"the tag `{tag}` names no Debian release, so the runtime's C library cannot be matched to the build's");
        return new RuntimePlan($"debian:{codename}-slim", [copy], "Rust binary") { PackageManager = "apt" };
    }

    [GeneratedRegex(@"(?ms)^\[package\][^\[]*?^name\s*=\s*""([^""]+)""")]
    private static partial Regex PackageName();
}
