using System.Text;
using System.Text.Json.Nodes;
using Stagecraft.Tests.Images.Layers;

namespace Stagecraft.Tests.Images.Inspection;

/// <summary>
/// A small Debian-like image made by the test, with something for every part of the report: three packages and the
/// file list that owns gcc, a compiler reached through a link, a setuid file, apt's lists left behind, a private key, a
/// secret in ENV, a 20,000-byte file shipped and then deleted, a non-root user, a port and a healthcheck.
/// </summary>
internal static class SampleImage
{
    public const int DeletedFileSize = 20_000;
    public const int AptListsSize = 8_000;
    public const int CompilerSize = 4_000;
    public const int ProgramSize = 3_000;
    public const int SuSize = 1_000;
    public const string GitHubToken = "ghp_0123456789abcdefABCDEF0123456789wxyz";
    public const string PrivateKey = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7secretkeymaterial\n-----END RSA PRIVATE KEY-----\n";

    public const string Dockerfile = """
        # syntax=docker/dockerfile:1
        FROM debian:12-slim
        RUN apt-get update && apt-get install -y make
        RUN rm /app/data.bin && echo hi > /app/main
        USER app
        EXPOSE 8080
        HEALTHCHECK --interval=30s CMD wget -q -O- http://localhost:8080/health || exit 1
        CMD ["/app/main"]
        """;

    private const string Status = """
        Package: base-files
        Status: install ok installed
        Architecture: amd64
        Version: 12.4+deb12u5
        Installed-Size: 390

        Package: gcc-12
        Status: install ok installed
        Architecture: amd64
        Version: 12.2.0-14
        Installed-Size: 70000

        Package: libc6
        Status: install ok installed
        Architecture: amd64
        Version: 2.36-9+deb12u4
        Installed-Size: 12000

        Package: make
        Status: deinstall ok config-files
        Architecture: amd64
        Version: 4.3-4.1

        """;

    // ustar headers carry no access or change time, which PAX headers fill with the clock: the digests stay the same from run to run.
    private static LayerTar Tar() => new(System.Formats.Tar.TarEntryFormat.Ustar);

    public static CraftedImage Create(bool gzip = false)
    {
        var image = new CraftedImage { Gzip = gzip }
            .Layer("/bin/sh -c #(nop) ADD file:0d5ac3a1bc7d1cf6e5aa9a8aeb7b8e1d2b1c76e0d6e4a4d71e7ab0e5f3b9e6a1 in / ", Tar()
                .Directory("etc").Directory("root").Directory("usr").Directory("usr/bin")
                .Directory("var").Directory("var/lib").Directory("var/lib/dpkg").Directory("var/lib/dpkg/info")
                .File("etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n")
                .File("etc/passwd", "root:x:0:0:root:/root:/bin/bash\napp:x:10001:10001::/home/app:/bin/sh\n")
                .File("var/lib/dpkg/status", Status.ReplaceLineEndings("\n"))
                .File("var/lib/dpkg/info/gcc-12.list", "/.\n/usr\n/usr/bin\n/usr/bin/gcc-12\n")
                .File("usr/bin/gcc-12", new byte[CompilerSize], (UnixFileMode)0b111_101_101)
                .Symlink("usr/bin/gcc", "gcc-12")
                .File("usr/bin/su", new byte[SuSize], (UnixFileMode)0b100_111_101_101))
            .Empty("/bin/sh -c #(nop)  CMD [\"bash\"]")
            .Layer("/bin/sh -c apt-get update && apt-get install -y make", Tar()
                .Directory("var/lib/apt").Directory("var/lib/apt/lists")
                .File("var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages", new byte[AptListsSize])
                .Directory("app")
                .File("app/data.bin", new byte[DeletedFileSize])
                .Directory("root/.ssh")
                .File("root/.ssh/id_rsa", PrivateKey, (UnixFileMode)0b110_000_000))
            .Layer("/bin/sh -c rm /app/data.bin && echo hi > /app/main", Tar()
                .File("app/.wh.data.bin", "")
                .File("app/main", Encoding.ASCII.GetBytes(new string('x', ProgramSize)), (UnixFileMode)0b111_101_101))
            .Empty("/bin/sh -c #(nop)  USER app")
            .Empty("/bin/sh -c #(nop)  EXPOSE 8080")
            .Empty("/bin/sh -c #(nop)  HEALTHCHECK &{[\"CMD-SHELL\" \"wget -q -O- http://localhost:8080/health || exit 1\"] \"30s\" \"0s\" \"0s\" '\\x00'}")
            .Empty("/bin/sh -c #(nop)  CMD [\"/app/main\"]");
        var config = image.ContainerConfig;
        config["User"] = "app";
        config["Env"] = new JsonArray("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "GITHUB_TOKEN=" + GitHubToken, "LANG=C.UTF-8");
        config["Cmd"] = new JsonArray("/app/main");
        config["WorkingDir"] = "/app";
        config["ExposedPorts"] = new JsonObject { ["8080/tcp"] = new JsonObject() };
        config["Healthcheck"] = new JsonObject
        {
            ["Test"] = new JsonArray("CMD-SHELL", "wget -q -O- http://localhost:8080/health || exit 1"),
            ["Interval"] = 30_000_000_000L,
        };
        config["Labels"] = new JsonObject { ["org.opencontainers.image.source"] = "https://example.com/app", ["maintainer"] = "team@example.com" };
        return image;
    }
}
