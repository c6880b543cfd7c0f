using System.Runtime.InteropServices;
using CpuArchitecture = System.Runtime.InteropServices.Architecture;

namespace Stagecraft.Images.Sources;

/// <summary>An image platform as <c>--platform</c> writes it: <c>os/arch[/variant]</c> (linux/amd64, linux/arm64, linux/arm/v7).</summary>
public sealed record ImagePlatform(string Os, string Architecture, string? Variant = null)
{
    /// <summary>The platform images are chosen for by default: Linux on this machine's CPU (Windows on Windows).</summary>
    public static ImagePlatform Host { get; } = new(
        OperatingSystem.IsWindows() ? "windows" : "linux",
        RuntimeInformation.OSArchitecture switch
        {
            CpuArchitecture.X64 => "amd64",
            CpuArchitecture.Arm64 => "arm64",
            CpuArchitecture.Arm => "arm",
            CpuArchitecture.X86 => "386",
            CpuArchitecture.S390x => "s390x",
            CpuArchitecture.Ppc64le => "ppc64le",
            CpuArchitecture.RiscV64 => "riscv64",
            CpuArchitecture.LoongArch64 => "loong64",
            var other => other.ToString().ToLowerInvariant(),
        },
        RuntimeInformation.OSArchitecture == CpuArchitecture.Arm ? "v7" : null);

    public override string ToString() => Variant is null ? Os + "/" + Architecture : Os + "/" + Architecture + "/" + Variant;

    /// <summary>Parses <c>os/arch[/variant]</c>; common architecture aliases (x86_64, aarch64) are accepted.</summary>
    public static ImagePlatform Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length == 0 || p.Any(char.IsWhiteSpace)))
            throw new ImageReferenceException(text, "a platform is written os/arch[/variant], for example linux/amd64 or linux/arm/v7");
        return new ImagePlatform(parts[0].ToLowerInvariant(), parts[1].ToLowerInvariant(), parts.Length == 3 ? parts[2].ToLowerInvariant() : null).Normalized();
    }

    /// <summary>The same platform in the spelling registries use: x86_64 → amd64, aarch64 → arm64, arm64/v8 → arm64, arm → arm/v7.</summary>
    public ImagePlatform Normalized()
    {
        var (architecture, variant) = (Architecture.ToLowerInvariant(), Variant?.ToLowerInvariant()) switch
        {
            ("x86_64" or "x86-64", var v) => ("amd64", v),
            ("aarch64", var v) => ("arm64", v),
            ("arm64", "v8") => ("arm64", null),
            ("armhf", _) => ("arm", "v7"),
            ("armel", _) => ("arm", "v6"),
            ("arm", null) => ("arm", "v7"),
            ("i386" or "i686", var v) => ("386", v),
            var same => same,
        };
        return new ImagePlatform(Os.ToLowerInvariant(), architecture, variant is { Length: 0 } ? null : variant);
    }

    /// <summary>True when this (an image's platform) satisfies <paramref name="wanted"/>; a wanted platform without a variant accepts any.</summary>
    public bool Satisfies(ImagePlatform wanted)
    {
        var self = Normalized();
        var other = wanted.Normalized();
        return self.Os == other.Os && self.Architecture == other.Architecture
            && (wanted.Variant is null || self.Variant == other.Variant);
    }
}
