namespace Stagecraft.Images.Facts;

/// <summary>What kind of build tool a program is.</summary>
public enum BuildToolCategory
{
    /// <summary>Compilers and linkers: gcc, g++, cc, c++, clang, gfortran, ld, go, rustc, javac.</summary>
    Compiler,

    /// <summary>Build drivers: make, cmake, ninja, meson, autoconf, automake, libtool, pkg-config, cargo, mvn, gradle, ant.</summary>
    BuildSystem,

    /// <summary>Language package managers that download and build dependencies: npm, yarn, pnpm, pip, pip3, poetry, uv, composer, gem, bundle.</summary>
    PackageManager,

    /// <summary>Version control: git, hg, svn.</summary>
    VersionControl,

    /// <summary>A whole SDK: the .NET SDK (a dotnet/sdk/VERSION folder beside the runtime).</summary>
    Sdk,
}

/// <summary>A build tool present in the image and everywhere it lives.</summary>
/// <param name="Name">The program's usual name (gcc, make, npm, dotnet-sdk).</param>
public sealed record BuildTool(string Name, BuildToolCategory Category, IReadOnlyList<ToolLocation> Locations);

/// <summary>One place a build tool lives.</summary>
/// <param name="Path">Where it was found (/usr/bin/cc).</param>
/// <param name="Links">The symlinks followed from <see cref="Path"/> to <see cref="RealPath"/>, after Path itself (/etc/alternatives/cc, /usr/bin/gcc, /usr/bin/gcc-12).</param>
/// <param name="RealPath">The file that runs (/usr/bin/x86_64-linux-gnu-gcc-12).</param>
/// <param name="Package">The OS package that installed <see cref="RealPath"/> (else <see cref="Path"/>), from the package database's file lists; null when no database lists it (copied in, or from a tarball).</param>
/// <param name="OnPath">True when the folder of <see cref="Path"/> is on the image's PATH.</param>
/// <param name="Version">Only for SDK folders, whose name is the version.</param>
public sealed record ToolLocation(string Path, IReadOnlyList<string> Links, string RealPath, string? Package, bool OnPath, string? Version = null);
