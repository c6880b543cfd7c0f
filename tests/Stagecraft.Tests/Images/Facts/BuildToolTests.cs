using Stagecraft.Images;
using Stagecraft.Images.Facts;

namespace Stagecraft.Tests.Images.Facts;

public class BuildToolTests
{
    private const int Executable = InMemoryImageFiles.ExecutableMode;

    /// <summary>A Debian 12 image after apt-get install gcc make: merged /usr, alternatives, dpkg file lists that still say /bin/….</summary>
    private static InMemoryImageFiles DebianWithGcc() => new InMemoryImageFiles().MergedUsr()
        .File("/var/lib/dpkg/status", "Package: gcc-12\nStatus: install ok installed\nVersion: 12.2.0-14\nArchitecture: amd64\n\n"
            + "Package: gcc\nStatus: install ok installed\nVersion: 4:12.2.0-3\nArchitecture: amd64\n\n"
            + "Package: make\nStatus: install ok installed\nVersion: 4.3-4.1\nArchitecture: amd64\n")
        .File("/var/lib/dpkg/info/gcc-12.list", "/.\n/usr\n/usr/bin\n/usr/bin/gcc-12\n/usr/bin/x86_64-linux-gnu-gcc-12\n")
        .File("/var/lib/dpkg/info/gcc.list", "/.\n/usr/bin/gcc\n/usr/bin/c89-gcc\n")
        .File("/var/lib/dpkg/info/make:amd64.list", "/.\n/bin/make\n")
        .Symlink("/usr/bin/cc", "/etc/alternatives/cc")
        .Symlink("/etc/alternatives/cc", "/usr/bin/gcc")
        .Symlink("/usr/bin/gcc", "gcc-12")
        .Symlink("/usr/bin/gcc-12", "x86_64-linux-gnu-gcc-12")
        .Sized("/usr/bin/x86_64-linux-gnu-gcc-12", 1_200_000, Executable)
        .Sized("/usr/bin/make", 240_000, Executable);

    [Fact]
    public void Gcc_is_reported_where_it_lives_with_its_links_and_the_dpkg_package_that_installed_it()
    {
        var facts = ImageFacts.Collect(DebianWithGcc(), new ImageConfig());

        var gcc = Assert.Single(facts.BuildTools, t => t.Name == "gcc");
        Assert.Equal(BuildToolCategory.Compiler, gcc.Category);
        var location = Assert.Single(gcc.Locations); // gcc-12 reaches the same file and is not repeated
        Assert.Equal("/usr/bin/gcc", location.Path);
        Assert.Equal(["/usr/bin/gcc-12"], location.Links);
        Assert.Equal("/usr/bin/x86_64-linux-gnu-gcc-12", location.RealPath);
        Assert.Equal("gcc-12", location.Package);
        Assert.True(location.OnPath);

        var cc = Assert.Single(facts.BuildTools, t => t.Name == "cc").Locations.Single();
        Assert.Equal(["/etc/alternatives/cc", "/usr/bin/gcc", "/usr/bin/gcc-12"], cc.Links);
        Assert.Equal("gcc-12", cc.Package);
    }

    [Fact]
    public void A_file_list_naming_the_old_bin_path_still_finds_the_owner_on_a_merged_usr_image()
    {
        var facts = ImageFacts.Collect(DebianWithGcc(), new ImageConfig());

        var make = Assert.Single(facts.BuildTools, t => t.Name == "make").Locations.Single();
        Assert.Equal("/usr/bin/make", make.Path);
        Assert.Equal("make", make.Package);
        Assert.Equal(BuildToolCategory.BuildSystem, facts.BuildTools.Single(t => t.Name == "make").Category);
    }

    [Fact]
    public void Tools_outside_any_package_are_found_on_the_image_PATH_and_in_bin_folders()
    {
        var files = new InMemoryImageFiles()
            .Sized("/usr/local/go/bin/go", 14_000_000, Executable)
            .Sized("/usr/lib/jvm/java-17-openjdk-amd64/bin/javac", 15_000, Executable)
            .Sized("/opt/tools/git", 3_000_000, Executable)
            .Sized("/usr/share/doc/make/README", 100)
            .Sized("/srv/make", 10);
        var config = new ImageConfig { Env = ["PATH=/usr/local/go/bin:/opt/tools:/usr/bin"] };

        var tools = ImageFacts.Collect(files, config).BuildTools.ToDictionary(t => t.Name);

        Assert.Equal(["go", "javac", "git"], tools.Keys);
        Assert.True(tools["go"].Locations.Single().OnPath);
        Assert.Null(tools["go"].Locations.Single().Package);
        Assert.False(tools["javac"].Locations.Single().OnPath);
        Assert.Equal("/opt/tools/git", tools["git"].Locations.Single().Path);
        Assert.Equal(BuildToolCategory.VersionControl, tools["git"].Category);
    }

    [Fact]
    public void A_dangling_link_is_not_a_tool_and_a_versioned_name_alone_counts_as_its_tool()
    {
        var files = new InMemoryImageFiles()
            .Symlink("/usr/bin/make", "/nowhere/make")
            .Sized("/usr/bin/clang-16", 100, Executable)
            .Sized("/usr/local/bin/pip3.12", 10, Executable)
            .Symlink("/usr/local/bin/pip", "pip3.12")
            .Sized("/usr/bin/gmake", 10, Executable);

        var tools = ImageFacts.Collect(files, new ImageConfig()).BuildTools;

        // pip3.12 is what pip runs, so it is not repeated under pip3; gmake is make under another name.
        Assert.Equal(["clang:/usr/bin/clang-16", "make:/usr/bin/gmake", "pip:/usr/local/bin/pip"], tools.Select(t => $"{t.Name}:{t.Locations.Single().Path}"));
    }

    [Fact]
    public void The_dotnet_sdk_is_a_folder_beside_the_runtime_with_its_version()
    {
        var files = new InMemoryImageFiles()
            .Sized("/usr/share/dotnet/dotnet", 70_000, Executable)
            .Sized("/usr/share/dotnet/sdk/8.0.204/dotnet.dll", 100)
            .Sized("/usr/share/dotnet/shared/Microsoft.NETCore.App/8.0.4/System.dll", 100)
            .Directory("/root/.dotnet/sdk/9.0.100");

        var sdk = Assert.Single(ImageFacts.Collect(files, new ImageConfig()).BuildTools);

        Assert.Equal("dotnet-sdk", sdk.Name);
        Assert.Equal(BuildToolCategory.Sdk, sdk.Category);
        Assert.Equal(["/root/.dotnet/sdk/9.0.100 9.0.100", "/usr/share/dotnet/sdk/8.0.204 8.0.204"], sdk.Locations.Select(l => $"{l.Path} {l.Version}"));
    }

    [Fact]
    public void A_runtime_only_image_has_no_build_tools()
    {
        var files = new InMemoryImageFiles().MergedUsr()
            .Sized("/usr/bin/python3.11", 6_000_000, Executable).Symlink("/usr/bin/python3", "python3.11")
            .Sized("/usr/share/dotnet/dotnet", 70_000, Executable)
            .Sized("/usr/share/dotnet/shared/Microsoft.NETCore.App/8.0.4/System.dll", 100);

        Assert.Empty(ImageFacts.Collect(files, new ImageConfig()).BuildTools);
    }

    [Fact]
    public void Apk_file_lists_name_the_owner_of_a_tool_and_of_a_setuid_file()
    {
        var files = new InMemoryImageFiles()
            .File("/lib/apk/db/installed", "P:make\nV:4.4.1-r2\nA:x86_64\nF:usr/bin\nR:make\n\nP:busybox\nV:1.36\nF:bin\nR:busybox\n")
            .Sized("/usr/bin/make", 200_000, Executable)
            .Sized("/bin/busybox", 900_000, 0x9ED);

        var facts = ImageFacts.Collect(files, new ImageConfig());

        Assert.Equal("make", facts.BuildTools.Single().Locations.Single().Package);
        var setuid = Assert.Single(facts.SetuidFiles);
        Assert.Equal(("/bin/busybox", "busybox", true, false), (setuid.Path, setuid.Package, setuid.SetUid, setuid.SetGid));
    }

    [Fact]
    public void Setuid_and_setgid_files_are_listed_with_their_owner_but_setgid_folders_are_not()
    {
        var files = new InMemoryImageFiles().MergedUsr()
            .File("/var/lib/dpkg/info/passwd.list", "/usr/bin/passwd\n/usr/bin/chage\n")
            .Sized("/usr/bin/passwd", 60_000, 0x9ED)     // 04755
            .Sized("/usr/bin/chage", 80_000, 0x5ED, gid: 42)  // 02755
            .Sized("/usr/bin/ls", 140_000, Executable)
            .Directory("/var/mail", 0x5FD);              // 02775

        var setuid = ImageFacts.Collect(files, new ImageConfig()).SetuidFiles;

        Assert.Equal(["/usr/bin/chage gid passwd", "/usr/bin/passwd uid passwd"],
            setuid.Select(f => $"{f.Path} {(f.SetUid ? "uid" : "gid")} {f.Package}"));
        Assert.Equal(42, setuid[0].Gid);
    }
}
