using Stagecraft.Images;
using Stagecraft.Images.Facts;

namespace Stagecraft.Tests.Images.Facts;

public class OsPackageTests
{
    private const string Status = """
        Package: libc6
        Status: install ok installed
        Priority: optional
        Installed-Size: 12987
        Architecture: amd64
        Multi-Arch: same
        Version: 2.36-9+deb12u4
        Description: GNU C Library: Shared libraries
         Contains the standard libraries that are used by nearly all programs on
         the system.

        Package: libc6
        Status: install ok installed
        Architecture: i386
        Installed-Size: 12000
        Version: 2.36-9+deb12u4

        Package: gcc-12
        Status: hold ok installed
        Installed-Size: 68130
        Architecture: amd64
        Version: 12.2.0-14

        Package: old-tool
        Status: deinstall ok config-files
        Architecture: amd64
        Version: 1.0

        Package: half
        Status: install reinstreq half-installed
        Architecture: amd64
        Version: 2.0

        Package: base-files
        Status: install ok installed
        Architecture: amd64
        Version: 12.4+deb12u5

        """;

    [Fact]
    public void Dpkg_lists_installed_packages_only_with_sizes_in_bytes()
    {
        var files = new InMemoryImageFiles().File("/var/lib/dpkg/status", Status);

        var facts = ImageFacts.Collect(files, new ImageConfig());

        var dpkg = Assert.Single(facts.Packages.Databases);
        Assert.Equal(OsPackageManager.Dpkg, dpkg.Manager);
        Assert.Equal(["libc6/amd64", "libc6/i386", "gcc-12/amd64", "base-files/amd64"], dpkg.Packages.Select(p => $"{p.Name}/{p.Architecture}"));
        Assert.Equal(12987L * 1024, dpkg.Packages[0].InstalledSize);
        Assert.Equal("2.36-9+deb12u4", dpkg.Packages[0].Version);
        Assert.Null(dpkg.Packages[3].InstalledSize);
        Assert.Equal((12987L + 12000 + 68130) * 1024, facts.Packages.TotalInstalledSize);
        Assert.Empty(facts.Notes);
    }

    [Fact]
    public void Distroless_status_d_files_count_as_the_dpkg_database_and_md5sums_are_skipped()
    {
        var files = new InMemoryImageFiles()
            .File("/var/lib/dpkg/status.d/base", "Package: base-files\nVersion: 12.4+deb12u5\nArchitecture: amd64\nInstalled-Size: 340\n")
            .File("/var/lib/dpkg/status.d/base.md5sums", "d41d8cd98f00b204e9800998ecf8427e  etc/debian_version\n")
            .File("/var/lib/dpkg/status.d/tzdata", "Package: tzdata\nVersion: 2024a-0+deb12u1\nArchitecture: all\n");

        var dpkg = Assert.Single(ImageFacts.Collect(files, new ImageConfig()).Packages.Databases);

        Assert.Equal("/var/lib/dpkg/status.d", dpkg.Path);
        Assert.Equal(["base-files", "tzdata"], dpkg.Packages.Select(p => p.Name));
        Assert.Equal(340 * 1024, dpkg.TotalInstalledSize);
    }

    [Fact]
    public void A_malformed_status_file_gives_notes_with_file_and_line_and_keeps_the_rest()
    {
        var files = new InMemoryImageFiles().File("/var/lib/dpkg/status",
            " continuation first\nPackage: ok-one\nStatus: install ok installed\nVersion: 1\nthis line has no colon\n\nStatus: install ok installed\nVersion: 2\n");

        var facts = ImageFacts.Collect(files, new ImageConfig());

        Assert.Equal(["ok-one"], facts.Packages.Databases.Single().Packages.Select(p => p.Name));
        Assert.Equal([
            "/var/lib/dpkg/status:1: a continuation line with no field before it; skipped",
            "/var/lib/dpkg/status:5: a line that is neither 'Field: value' nor a continuation; skipped",
            "/var/lib/dpkg/status:7: a paragraph without a Package field; skipped",
        ], facts.Notes);
    }

    [Fact]
    public void Apk_lists_packages_with_sizes_in_bytes_and_notes_bad_blocks()
    {
        var files = new InMemoryImageFiles().File("/lib/apk/db/installed", """
            C:Q1abc=
            P:musl
            V:1.2.4_git20230717-r4
            A:x86_64
            S:407139
            I:663552
            o:musl
            F:lib
            R:ld-musl-x86_64.so.1

            P:busybox
            V:1.36.1-r15
            A:x86_64
            I:950272
            F:bin
            R:busybox

            V:9.9
            A:x86_64
            garbage

            """);

        var facts = ImageFacts.Collect(files, new ImageConfig());

        var apk = Assert.Single(facts.Packages.Databases);
        Assert.Equal(OsPackageManager.Apk, apk.Manager);
        Assert.Equal(["musl 1.2.4_git20230717-r4 x86_64 663552", "busybox 1.36.1-r15 x86_64 950272"],
            apk.Packages.Select(p => $"{p.Name} {p.Version} {p.Architecture} {p.InstalledSize}"));
        Assert.Equal([
            "/lib/apk/db/installed:20: a line that is not 'X:value'; skipped",
            "/lib/apk/db/installed:18: a package block without a P: (name) line; skipped",
        ], facts.Notes);
    }

    [Fact]
    public void The_apk_database_is_found_through_a_merged_usr_lib_link()
    {
        var files = new InMemoryImageFiles().Symlink("/lib", "usr/lib").File("/usr/lib/apk/db/installed", "P:wolfi-baselayout\nV:20230201-r7\nA:x86_64\nI:1\n");

        var apk = Assert.Single(ImageFacts.Collect(files, new ImageConfig()).Packages.Databases);

        Assert.Equal(("/lib/apk/db/installed", "wolfi-baselayout"), (apk.Path, apk.Packages.Single().Name));
    }

    [Fact]
    public void BerkeleyDB_rpm_databases_are_reported_as_present_but_not_read()
    {
        var files = new InMemoryImageFiles().Sized("/var/lib/rpm/Packages", 5_000_000);

        var facts = ImageFacts.Collect(files, new ImageConfig());

        Assert.Empty(facts.Packages.Databases);
        Assert.Equal(["/var/lib/rpm/Packages: an rpm database in the BerkeleyDB format, which is not read; its packages are not listed"], facts.Notes);
    }

    [Fact]
    public void A_database_too_large_to_keep_is_noted_rather_than_read_as_empty()
    {
        var files = new InMemoryImageFiles().Sized("/var/lib/dpkg/status", 100L * 1024 * 1024);

        var facts = ImageFacts.Collect(files, new ImageConfig());

        Assert.Empty(facts.Packages.Databases);
        Assert.Equal(["/var/lib/dpkg/status: present (104857600 bytes) but its content was not kept by the layer walk; not read"], facts.Notes);
    }

    [Fact]
    public void A_non_empty_write_ahead_log_beside_the_rpmdb_is_noted()
    {
        var files = new InMemoryImageFiles().File("/var/lib/rpm/rpmdb.sqlite", new byte[200]).Sized("/var/lib/rpm/rpmdb.sqlite-wal", 32768);

        var notes = ImageFacts.Collect(files, new ImageConfig()).Notes;

        Assert.Equal([
            "/var/lib/rpm/rpmdb.sqlite-wal: 32768 bytes of changes not yet written back to rpmdb.sqlite; the packages installed last may be missing",
            "/var/lib/rpm/rpmdb.sqlite: not an SQLite 3 database (no 'SQLite format 3' header); rpm packages not read",
        ], notes);
    }
}
