using System.Text.RegularExpressions;

namespace Stagecraft.Images.Facts.Tools;

/// <summary>
/// The programs that make an image a build image rather than a runtime one, by the name they are run by. A versioned
/// name (gcc-12, clang-16, pip3.12) counts as the tool it versions.
/// </summary>
internal static partial class BuildToolCatalog
{
    private static readonly Dictionary<string, BuildToolCategory> Programs = new(StringComparer.Ordinal)
    {
        ["gcc"] = BuildToolCategory.Compiler, ["g++"] = BuildToolCategory.Compiler, ["cc"] = BuildToolCategory.Compiler,
        ["c++"] = BuildToolCategory.Compiler, ["clang"] = BuildToolCategory.Compiler, ["clang++"] = BuildToolCategory.Compiler,
        ["gfortran"] = BuildToolCategory.Compiler, ["tcc"] = BuildToolCategory.Compiler, ["ld"] = BuildToolCategory.Compiler,
        ["go"] = BuildToolCategory.Compiler, ["rustc"] = BuildToolCategory.Compiler, ["javac"] = BuildToolCategory.Compiler,
        ["make"] = BuildToolCategory.BuildSystem, ["cmake"] = BuildToolCategory.BuildSystem,
        ["ninja"] = BuildToolCategory.BuildSystem, ["meson"] = BuildToolCategory.BuildSystem, ["autoconf"] = BuildToolCategory.BuildSystem,
        ["automake"] = BuildToolCategory.BuildSystem, ["libtool"] = BuildToolCategory.BuildSystem, ["pkg-config"] = BuildToolCategory.BuildSystem,
        ["cargo"] = BuildToolCategory.BuildSystem, ["mvn"] = BuildToolCategory.BuildSystem, ["gradle"] = BuildToolCategory.BuildSystem,
        ["ant"] = BuildToolCategory.BuildSystem,
        ["npm"] = BuildToolCategory.PackageManager, ["yarn"] = BuildToolCategory.PackageManager, ["pnpm"] = BuildToolCategory.PackageManager,
        ["pip"] = BuildToolCategory.PackageManager, ["pip3"] = BuildToolCategory.PackageManager, ["poetry"] = BuildToolCategory.PackageManager,
        ["uv"] = BuildToolCategory.PackageManager, ["composer"] = BuildToolCategory.PackageManager, ["gem"] = BuildToolCategory.PackageManager,
        ["bundle"] = BuildToolCategory.PackageManager,
        ["git"] = BuildToolCategory.VersionControl, ["hg"] = BuildToolCategory.VersionControl, ["svn"] = BuildToolCategory.VersionControl,
    };

    // Other names of a tool, reported as the tool itself.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal) { ["gmake"] = "make" };

    public const string DotnetSdk = "dotnet-sdk";

    /// <summary>The tool a program name stands for (gcc-12 → gcc), or null.</summary>
    public static string? ToolOf(ReadOnlySpan<char> program)
    {
        if (Programs.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(program, out var name, out _))
            return name;
        if (Aliases.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(program, out var tool))
            return tool;
        // Only gcc-12, g++-12, clang-16, gfortran-12 and pip3.12 shapes can match: skip the regex for libfoo.so.6 and friends.
        if (program.IsEmpty || !char.IsAsciiDigit(program[^1]) || program[0] is not ('g' or 'c' or 'p'))
            return null;
        var match = Versioned().Match(program.ToString());
        return match.Success ? match.Groups["tool"].Value : null;
    }

    public static BuildToolCategory CategoryOf(string tool) => tool == DotnetSdk ? BuildToolCategory.Sdk : Programs[tool];

    /// <summary>True for a name that is not the tool's own (gcc-12, pip3.12, gmake).</summary>
    public static bool IsVersionedName(ReadOnlySpan<char> program) => !Programs.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(program);

    [GeneratedRegex(@"^(?:(?<tool>gcc|g\+\+|clang|clang\+\+|gfortran)-[0-9]+(?:\.[0-9]+)*|(?<tool>pip3)\.[0-9]+)$")]
    private static partial Regex Versioned();
}
