using System.Text.RegularExpressions;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>
/// A platform such as <c>linux/amd64</c> or <c>linux/arm/v7</c> read the way containerd's platforms package reads it:
/// a lone word is an OS or an architecture, and architecture aliases (<c>x86_64</c>, <c>aarch64</c>) are normalized.
/// </summary>
internal sealed partial record PlatformSpecifier(string OS, string Architecture, string? Variant)
{
    private static readonly string[] KnownOS =
        ["aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "windows", "zos", "wasip1"];

    private static readonly string[] KnownArchitectures =
        ["386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "ppc64", "ppc64le", "loong64", "mips", "mipsle", "mips64", "mips64le", "mips64p32",
         "mips64p32le", "ppc", "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm"];

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex Component();

    /// <summary>Parses a specifier; null when BuildKit would refuse it.</summary>
    public static PlatformSpecifier? Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length is < 1 or > 3 || parts.Any(p => !Component().IsMatch(p)))
            return null;
        var first = NormalizeOS(parts[0]);
        if (parts.Length == 1)
        {
            if (KnownOS.Contains(first))
                return new PlatformSpecifier(first, "amd64", null);
            var (arch, variant) = NormalizeArchitecture(parts[0].ToLowerInvariant(), null);
            return KnownArchitectures.Contains(arch) ? new PlatformSpecifier("linux", arch, variant) : null;
        }
        var (architecture, normalizedVariant) = NormalizeArchitecture(parts[1].ToLowerInvariant(), parts.Length == 3 ? parts[2].ToLowerInvariant() : null);
        return new PlatformSpecifier(first, architecture, normalizedVariant);
    }

    private static string NormalizeOS(string os) => os.ToLowerInvariant() switch
    {
        "macos" => "darwin",
        var lower => lower,
    };

    private static (string Architecture, string? Variant) NormalizeArchitecture(string arch, string? variant) => arch switch
    {
        "i386" => ("386", null),
        "x86_64" or "x86-64" or "amd64" => ("amd64", variant == "v1" ? null : variant),
        "aarch64" or "arm64" => ("arm64", variant is "8" or "v8" ? null : variant),
        "armhf" => ("arm", "v7"),
        "armel" => ("arm", "v6"),
        "arm" => ("arm", variant switch { null or "" or "7" => "v7", "5" or "6" or "8" => "v" + variant, _ => variant }),
        _ => (arch, variant),
    };
}
