namespace Stagecraft.Images.Facts;

/// <summary>A guess of the image this one was built FROM, with what the guess rests on, in words.</summary>
/// <param name="Image">A reference-like name (debian:12-slim, alpine:3.19, gcr.io/distroless/base-debian12, python:3.12.1-slim-bookworm, scratch).</param>
public sealed record BaseImageGuess(string Image, string Reason);

/// <summary>
/// Guesses the base image from the os-release file, the package database, a few telling files and the ENV that official
/// language images set. Only clues inside the image are used; nothing is looked up.
/// </summary>
internal sealed class BaseImageClues : IEntryObserver
{
    private int _manualPages;

    // Official language images record the version they installed; their tags are "<version>[-slim]-<debian codename>" or "<version>-alpine<x.y>".
    private static readonly (string Variable, string Repository)[] LanguageImages =
    [
        ("PYTHON_VERSION", "python"), ("NODE_VERSION", "node"), ("GOLANG_VERSION", "golang"), ("RUBY_VERSION", "ruby"),
        ("PHP_VERSION", "php"), ("RUST_VERSION", "rust"), ("PERL_VERSION", "perl"),
    ];

    public void Observe(LayerEntry entry)
    {
        if (entry.Kind == LayerEntryKind.File && entry.Path.StartsWith("/usr/share/man/", StringComparison.Ordinal))
            _manualPages++;
    }

    public BaseImageGuess? Guess(OsRelease? os, PackageInventory packages, ImagePaths paths, ImageConfig config)
    {
        if (os is null)
            return GuessWithoutOsRelease(packages, paths);
        var id = os.Id?.ToLowerInvariant() ?? "";
        var version = os.VersionId ?? "";
        var said = $"{os.Path} says ID={os.Id}" + (version.Length > 0 ? $" VERSION_ID={version}" : "");
        if (IsDistroless(os))
            return Distroless(os, packages, said);
        var slim = id == "debian" && packages.Of(OsPackageManager.Dpkg) is not null && _manualPages == 0;
        var distribution = id switch
        {
            "debian" => $"debian:{(version.Length > 0 ? version : os.VersionCodename ?? "latest")}{(slim ? "-slim" : "")}",
            "ubuntu" => $"ubuntu:{version}",
            "alpine" => $"alpine:{MajorMinor(version)}",
            "fedora" => $"fedora:{version}",
            "centos" => $"quay.io/centos/centos:stream{Major(version)}",
            "rhel" => $"registry.access.redhat.com/ubi{Major(version)}{RedHatVariant(paths)}",
            "rocky" => $"rockylinux:{Major(version)}",
            "almalinux" => $"almalinux:{Major(version)}",
            "amzn" => $"amazonlinux:{version}",
            "opensuse-leap" => $"opensuse/leap:{version}",
            "opensuse-tumbleweed" => "opensuse/tumbleweed",
            "arch" => "archlinux",
            "wolfi" => "cgr.dev/chainguard/wolfi-base",
            "chainguard" => "a cgr.dev/chainguard image",
            "" => null,
            _ => version.Length > 0 ? $"{id}:{version}" : id,
        };
        if (distribution is null)
            return null;
        var reason = said + (slim ? "; /usr/share/man holds no manual pages, as in the -slim variants" : "");
        if (LanguageImage(config, os, slim) is { } language)
            return new BaseImageGuess(language.Image, $"{language.Reason}; {reason} ({distribution})");
        return new BaseImageGuess(distribution, reason);
    }

    private static bool IsDistroless(OsRelease os) =>
        string.Equals(os.PrettyName, "Distroless", StringComparison.OrdinalIgnoreCase)
        || (os.Fields.TryGetValue("HOME_URL", out var home) && home.Contains("distroless", StringComparison.OrdinalIgnoreCase));

    /// <summary>Distroless flavours differ by what their status.d lists: nothing but base files (static), libc (base), libgcc (cc), a runtime.</summary>
    private static BaseImageGuess Distroless(OsRelease os, PackageInventory packages, string said)
    {
        var names = packages.Of(OsPackageManager.Dpkg)?.Packages.Select(p => p.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        var (flavour, why) =
            names.Any(n => n.StartsWith("nodejs", StringComparison.Ordinal)) ? ("nodejs", "a nodejs package") :
            names.Any(n => n.StartsWith("python3", StringComparison.Ordinal)) ? ("python3", "a python3 package") :
            names.Any(n => n.StartsWith("openjdk", StringComparison.Ordinal) || n.StartsWith("temurin", StringComparison.Ordinal)) ? ("java", "a JRE package") :
            names.Any(n => n.StartsWith("libgcc", StringComparison.Ordinal) || n.StartsWith("libstdc++", StringComparison.Ordinal)) ? ("cc", "libgcc/libstdc++ without a language runtime") :
            names.Contains("libc6") ? ("base", "libc6 without libgcc") :
            ("static", "no libc6 package");
        var debian = os.VersionId is { Length: > 0 } v ? $"-debian{Major(v)}" : "";
        return new BaseImageGuess($"gcr.io/distroless/{flavour}{debian}", $"{said} with PRETTY_NAME=Distroless; the dpkg database has {why}");
    }

    private static BaseImageGuess? GuessWithoutOsRelease(PackageInventory packages, ImagePaths paths)
    {
        if (paths.Find("/bin/busybox") is { Kind: LayerEntryKind.File })
            return new BaseImageGuess("busybox", "no os-release file; /bin/busybox provides the commands");
        if (paths.Find("/bin/sh") is null && packages.Databases.Count == 0)
            return new BaseImageGuess("scratch", "no os-release file, no /bin/sh and no package database: built FROM scratch");
        return null;
    }

    private static (string Image, string Reason)? LanguageImage(ImageConfig config, OsRelease os, bool slim)
    {
        foreach (var variable in config.Env)
        {
            var equals = variable.IndexOf('=');
            if (equals <= 0)
                continue;
            var name = variable[..equals];
            foreach (var (known, repository) in LanguageImages)
            {
                if (name != known)
                    continue;
                var version = variable[(equals + 1)..];
                var suffix = os.Id switch
                {
                    "debian" => (slim ? "-slim" : "") + (os.VersionCodename is { Length: > 0 } codename ? "-" + codename : ""),
                    "alpine" => "-alpine" + MajorMinor(os.VersionId ?? ""),
                    _ => "",
                };
                return ($"{repository}:{version}{suffix}", $"ENV {name}={version}, which the official {repository} images set");
            }
        }
        return null;
    }

    /// <summary>UBI images differ by their package tool: dnf (standard), microdnf (minimal), none (micro).</summary>
    private static string RedHatVariant(ImagePaths paths) =>
        paths.Find("/usr/bin/dnf") is not null ? "" : paths.Find("/usr/bin/microdnf") is not null ? "-minimal" : "-micro";

    private static string Major(string version) => version.Split('.')[0];

    private static string MajorMinor(string version)
    {
        var parts = version.Split('.');
        return parts.Length >= 2 ? parts[0] + "." + parts[1] : version;
    }
}
