using System.Text;
using Stagecraft.Images;
using Stagecraft.Images.Facts;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Facts;

/// <summary>
/// A real rpmdb.sqlite, made at test time: rpmbuild builds a package with many subpackages (one with hundreds of files,
/// so its header spills to overflow pages, and enough rows for interior pages), and <c>rpm --justdb</c> installs them
/// into an empty database. What rpm itself prints for that database is the expected answer.
/// </summary>
public class RpmDatabaseTests
{
    private static readonly Lazy<RpmFixture> Fixture = new(RpmFixture.Build);

    private sealed record RpmFixture(byte[] Database, string[] Expected, int PageCount)
    {
        public static RpmFixture Build()
        {
            using var folder = new TempDirectory();
            var top = folder.Folder("top");
            var spec = folder.Write("facts.spec", RpmSpec.Write(subpackages: 45));
            ExternalCommand.Run("rpmbuild", ["--define", "_topdir " + top, "--define", "_build_id_links none", "--quiet", "-bb", spec]);
            var database = folder.Folder("db");
            var packages = Directory.GetFiles(Path.Combine(top, "RPMS"), "*.rpm", SearchOption.AllDirectories);
            ExternalCommand.Run("rpm", ["--dbpath", database, "--initdb"]);
            ExternalCommand.Run("rpm", ["--dbpath", database, "-i", "--justdb", "--nodeps", .. packages]);
            var expected = ExternalCommand.Run("rpm", ["--dbpath", database, "-qa", "--qf", "%{NAME}\t%|EPOCH?{%{EPOCH}:}:{}|%{VERSION}-%{RELEASE}\t%{ARCH}\t%{LONGSIZE}\n"])
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();
            var bytes = File.ReadAllBytes(Path.Combine(database, "rpmdb.sqlite"));
            return new RpmFixture(bytes, expected, Stagecraft.Images.Facts.Sqlite.SqliteDatabase.Open(bytes, "rpmdb.sqlite").PageCount);
        }
    }

    [Fact]
    public void Lists_every_package_as_rpm_does_with_epoch_release_arch_and_size()
    {
        var fixture = Require();
        var files = FedoraLayout(fixture.Database);

        var facts = ImageFacts.Collect(files, new ImageConfig());

        var rpm = Assert.Single(facts.Packages.Databases);
        Assert.Equal(OsPackageManager.Rpm, rpm.Manager);
        Assert.Equal("/var/lib/rpm/rpmdb.sqlite", rpm.Path);
        var listed = rpm.Packages.Select(p => $"{p.Name}\t{p.Version}\t{p.Architecture}\t{p.InstalledSize}").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(fixture.Expected, listed);
        Assert.Equal(fixture.Expected.Length, facts.Packages.Count);
        Assert.Empty(facts.Notes);
    }

    [Fact]
    public void Names_the_rpm_package_that_installed_a_build_tool_and_a_setuid_file()
    {
        var files = FedoraLayout(Require().Database)
            .Sized("/usr/bin/gcc", 1000, InMemoryImageFiles.ExecutableMode)
            .Sized("/usr/bin/elevate", 100, 0x9ED); // 04755

        var facts = ImageFacts.Collect(files, new ImageConfig());

        var gcc = Assert.Single(facts.BuildTools, t => t.Name == "gcc");
        Assert.Equal("facts-toolchain", Assert.Single(gcc.Locations).Package);
        Assert.Equal("facts-toolchain", Assert.Single(facts.SetuidFiles).Package);
    }

    [Fact]
    public void A_corrupt_rpmdb_becomes_a_note_naming_the_file()
    {
        var bytes = (byte[])Require().Database.Clone();
        Array.Clear(bytes, 4096, bytes.Length - 4096); // every page after the first is zeroed

        var facts = ImageFacts.Collect(FedoraLayout(bytes), new ImageConfig());

        Assert.Empty(facts.Packages.Databases);
        var note = Assert.Single(facts.Notes);
        Assert.StartsWith("/var/lib/rpm/rpmdb.sqlite: page ", note, StringComparison.Ordinal);
        Assert.EndsWith("; rpm packages not read", note, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fixture_is_big_enough_to_exercise_interior_and_overflow_pages()
    {
        var fixture = Require();

        Assert.True(fixture.PageCount > 20, $"{fixture.PageCount} pages");
        Assert.True(fixture.Expected.Length >= 40);
    }

    [Fact]
    public void Damaged_header_blobs_give_fields_or_nothing_never_a_crash()
    {
        var blobs = Stagecraft.Images.Facts.Sqlite.SqliteDatabase.Open(Require().Database, "rpmdb.sqlite").ReadTable("Packages")
            .Select(r => (byte[])r.Values[1]!).ToList();
        var random = new Random(7);
        var parsed = 0;
        for (var trial = 0; trial < 3000; trial++)
        {
            var blob = (byte[])blobs[trial % blobs.Count].Clone();
            for (var flips = random.Next(1, 8); flips > 0; flips--)
            {
                // Aim at the index (where offsets and counts live) more often than at the data.
                var at = random.Next(2) == 0 ? random.Next(Math.Min(blob.Length, 8 + 16 * 12)) : random.Next(blob.Length);
                blob[at] = (byte)random.Next(256);
            }
            if (Stagecraft.Images.Facts.Packages.RpmHeader.Parse(blob) is not { } header)
                continue;
            parsed++;
            _ = (header.Name, header.Version, header.Release, header.Architecture, header.Epoch, header.InstalledSize, header.FilePaths().Count());
        }
        Assert.InRange(parsed, 1, 3000);
        Assert.Null(Stagecraft.Images.Facts.Packages.RpmHeader.Parse([0, 0, 0, 1]));
        Assert.Null(Stagecraft.Images.Facts.Packages.RpmHeader.Parse([0x7F, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0]));
    }

    /// <summary>Fedora 36+ keeps the database in /usr/lib/sysimage/rpm and links /var/lib/rpm to it.</summary>
    private static InMemoryImageFiles FedoraLayout(byte[] database) => new InMemoryImageFiles()
        .File("/usr/lib/sysimage/rpm/rpmdb.sqlite", database)
        .Sized("/usr/lib/sysimage/rpm/rpmdb.sqlite-wal", 0)
        .Symlink("/var/lib/rpm", "../../usr/lib/sysimage/rpm")
        .File("/etc/os-release", "ID=fedora\nVERSION_ID=40\n");

    private static RpmFixture Require()
    {
        ExternalCommand.Require("rpmbuild", "rpm");
        ExternalCommand.Require("rpm", "rpm");
        return Fixture.Value;
    }
}

internal static class RpmSpec
{
    /// <summary>A spec whose main package has an epoch and whose subpackages vary in size and file count.</summary>
    public static string Write(int subpackages)
    {
        var spec = new StringBuilder("""
            Name: facts
            Epoch: 3
            Version: 1.2.3
            Release: 4.fc40
            Summary: Stagecraft facts fixture
            License: MIT
            BuildArch: noarch
            %description
            Fixture.

            """);
        var install = new StringBuilder("%install\nmkdir -p %{buildroot}/usr/share/facts %{buildroot}/usr/bin\nhead -c 1234 /dev/zero > %{buildroot}/usr/share/facts/main\n");
        var files = new StringBuilder("%files\n/usr/share/facts/main\n");
        install.Append("head -c 1000 /dev/zero > %{buildroot}/usr/bin/gcc\nhead -c 100 /dev/zero > %{buildroot}/usr/bin/elevate\n");
        spec.Append("%package toolchain\nSummary: compiler\nVersion: 12.3\nRelease: 1\n%description toolchain\nCompiler.\n");
        files.Append("%files toolchain\n%attr(0755,root,root) /usr/bin/gcc\n%attr(4755,root,root) /usr/bin/elevate\n");
        for (var i = 0; i < subpackages; i++)
        {
            spec.Append($"%package part{i}\nSummary: part {i}\n%description part{i}\nPart {i}.\n");
            install.Append($"mkdir -p %{{buildroot}}/usr/share/facts/part{i}\n");
            // Part 0 has hundreds of files, so its header is far larger than a page.
            var count = i == 0 ? 400 : 1 + i % 3;
            install.Append($"for n in $(seq 1 {count}); do head -c {10 + i} /dev/zero > %{{buildroot}}/usr/share/facts/part{i}/file-with-a-long-name-$n; done\n");
            files.Append($"%files part{i}\n/usr/share/facts/part{i}\n");
        }
        return spec.Append(install).Append(files).ToString();
    }
}

