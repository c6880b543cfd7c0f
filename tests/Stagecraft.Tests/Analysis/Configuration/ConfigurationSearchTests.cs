using Stagecraft.Analysis;
using Stagecraft.Analysis.Configuration;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Analysis.Configuration;

/// <summary>Which settings a run uses: --config, .stagecraft.yaml, then hadolint's file where hadolint looks, under HADOLINT_*.</summary>
public sealed class ConfigurationSearchTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _home;
    private readonly string _project;
    private readonly Dictionary<string, string> _environment = [];

    public ConfigurationSearchTests()
    {
        _home = _temp.Folder("home");
        _temp.Write("work/repo/.git/HEAD", "ref: refs/heads/main\n");
        _project = _temp.Folder("work/repo/services/api");
        _environment["HOME"] = _home;
    }

    public void Dispose() => _temp.Dispose();

    private ConfigurationFile Search(string? explicitPath = null, bool windows = false) =>
        ConfigurationSearch.Load(_project, explicitPath, name => _environment.GetValueOrDefault(name), [TestRules.EveryRun, TestRules.EveryFrom], windows);

    /// <summary>Writes a hadolint file that ignores the given code, so the test can tell which file was read.</summary>
    private void Hadolint(string path, string code) => _temp.Write(path, $"ignored: [{code}]\n");

    [Fact]
    public void Without_any_file_or_variable_the_defaults_apply()
    {
        var file = Search();

        Assert.Equal(ConfigurationKind.None, file.Kind);
        Assert.Null(file.Settings.Source);
    }

    [Fact]
    public void The_projects_hadolint_file_is_found_from_a_subfolder_up_to_the_repository_root()
    {
        Hadolint("work/.hadolint.yaml", "DL0001");
        Hadolint("work/repo/.hadolint.yml", "DL0002");

        var file = Search();

        Assert.Equal(ConfigurationKind.Hadolint, file.Kind);
        Assert.Equal(Path.Combine("..", "..", ".hadolint.yml"), file.Settings.Source);
        Assert.Contains("DL0002", file.Settings.Ignored);
    }

    [Fact]
    public void The_search_does_not_leave_the_repository()
    {
        Hadolint("work/.hadolint.yaml", "DL0001");

        Assert.Equal(ConfigurationKind.None, Search().Kind);
    }

    [Fact]
    public void A_stagecraft_file_anywhere_up_to_the_root_wins_over_a_nearer_hadolint_file_and_the_variables()
    {
        _temp.Write("work/repo/.stagecraft.yaml", "ignored: [STG990]\n");
        Hadolint("work/repo/services/api/.hadolint.yaml", "DL0002");
        _environment["HADOLINT_NOFAIL"] = "1";

        var file = Search();

        Assert.Equal(ConfigurationKind.Stagecraft, file.Kind);
        Assert.Equal(["STG990"], file.Settings.Ignored);
        Assert.Equal(Severity.Warning, file.Settings.FailureThreshold);
    }

    [Fact]
    public void User_wide_files_are_read_in_hadolints_order()
    {
        var xdg = _temp.Folder("xdg");
        _environment["XDG_CONFIG_HOME"] = xdg;
        Hadolint("xdg/hadolint.yml", "DL0001");
        Hadolint("home/.config/hadolint.yaml", "DL0002");
        Hadolint("home/.hadolint/hadolint.yaml", "DL0003");
        Hadolint("home/.hadolint.yaml", "DL0004");
        string[] Read() => [.. Search().Settings.Ignored];

        Assert.Equal(["DL0001"], Read());
        // With XDG_CONFIG_HOME set, hadolint does not look in ~/.config.
        File.Delete(Path.Combine(xdg, "hadolint.yml"));
        Assert.Equal(["DL0003"], Read());
        _environment.Remove("XDG_CONFIG_HOME");
        Assert.Equal(["DL0002"], Read());
        File.Delete(Path.Combine(_home, ".config", "hadolint.yaml"));
        Assert.Equal(["DL0003"], Read());
        File.Delete(Path.Combine(_home, ".hadolint", "hadolint.yaml"));
        Hadolint("home/.hadolint/config.yml", "DL0005");
        Assert.Equal(["DL0005"], Read());
        File.Delete(Path.Combine(_home, ".hadolint", "config.yml"));
        Assert.Equal(["DL0004"], Read());
        Assert.Equal(Path.Combine(_home, ".hadolint.yaml"), Search().Settings.Source);
    }

    [Fact]
    public void A_relative_XDG_CONFIG_HOME_is_ignored_as_the_XDG_specification_says()
    {
        _environment["XDG_CONFIG_HOME"] = "xdg";
        Hadolint("work/repo/services/api/xdg/hadolint.yaml", "DL0001");
        Hadolint("home/.config/hadolint.yaml", "DL0002");

        Assert.Equal(["DL0002"], Search().Settings.Ignored);
    }

    [Fact]
    public void The_projects_file_wins_over_user_wide_files()
    {
        Hadolint("home/.config/hadolint.yaml", "DL0002");
        Hadolint("work/repo/.hadolint.yaml", "DL0001");

        Assert.Equal(["DL0001"], Search().Settings.Ignored);
    }

    [Fact]
    public void Without_HOME_no_user_wide_file_is_looked_for()
    {
        _environment.Remove("HOME");

        Assert.Empty(HadolintConfiguration.UserFiles(name => _environment.GetValueOrDefault(name), windows: false));
    }

    [Fact]
    public void On_Windows_hadolints_Windows_folders_are_used()
    {
        var places = HadolintConfiguration.UserFiles(
            name => name switch { "LOCALAPPDATA" => @"C:\Users\u\AppData\Local", "APPDATA" => @"C:\Users\u\AppData\Roaming", "USERPROFILE" => @"C:\Users\u", _ => null },
            windows: true);

        Assert.Equal(3, places.Count);
        Assert.Equal(Path.Combine(@"C:\Users\u\AppData\Local", "hadolint.yaml"), places[0][0]);
        Assert.Equal(Path.Combine(@"C:\Users\u\AppData\Roaming", "hadolint", "config.yml"), places[1][3]);
        Assert.Equal(Path.Combine(@"C:\Users\u", "Documents", ".hadolint.yaml"), places[2][0]);
    }

    [Fact]
    public void Two_files_in_one_place_are_an_error()
    {
        Hadolint("work/repo/.hadolint.yaml", "DL0001");
        Hadolint("work/repo/.hadolint.yml", "DL0002");

        var error = Assert.Throws<ConfigurationException>(() => Search());

        Assert.EndsWith(".hadolint.yaml: both .hadolint.yaml and .hadolint.yml are here; keep one", error.Message);
    }

    [Fact]
    public void Two_user_wide_files_in_one_place_are_an_error()
    {
        Hadolint("home/.hadolint/hadolint.yaml", "DL0001");
        Hadolint("home/.hadolint/config.yaml", "DL0002");

        var error = Assert.Throws<ConfigurationException>(() => Search());

        Assert.EndsWith("hadolint.yaml: both hadolint.yaml and config.yaml are here; keep one", error.Message);
    }

    [Fact]
    public void The_variables_apply_alone_when_no_file_is_found()
    {
        _environment["HADOLINT_IGNORE"] = "DL0009";

        var file = Search();

        Assert.Equal(ConfigurationKind.Hadolint, file.Kind);
        Assert.Equal(["DL0009"], file.Settings.Ignored);
        Assert.Equal("HADOLINT_IGNORE", file.Settings.Source);
    }

    [Theory]
    [InlineData("ci/.hadolint.yaml", ConfigurationKind.Hadolint)]
    [InlineData("ci/hadolint-strict.yml", ConfigurationKind.Hadolint)]
    [InlineData("ci/.hadolint/config.yaml", ConfigurationKind.Hadolint)]
    [InlineData("ci/lint.yaml", ConfigurationKind.Stagecraft)]
    public void An_explicit_file_is_read_in_the_format_its_name_says(string name, ConfigurationKind kind)
    {
        _temp.Write(Path.Combine("work/repo/services/api", name), "ignored: [STG990]\n");
        Hadolint("work/repo/.hadolint.yaml", "DL0001");

        var file = Search(name);

        Assert.Equal(kind, file.Kind);
        Assert.Equal(["STG990"], file.Settings.Ignored);
        Assert.Equal(name, file.Settings.Source);
    }

    [Fact]
    public void The_variables_apply_under_an_explicit_hadolint_file_only()
    {
        _temp.Write("work/repo/services/api/ci/.hadolint.yaml", "ignored: [STG990]\n");
        _temp.Write("work/repo/services/api/ci/lint.yaml", "ignored: [STG990]\n");
        _environment["HADOLINT_IGNORE"] = "DL0009";

        Assert.Contains("DL0009", Search("ci/.hadolint.yaml").Settings.Ignored);
        Assert.DoesNotContain("DL0009", Search("ci/lint.yaml").Settings.Ignored);
    }
}
