using System.Text.RegularExpressions;

namespace Stagecraft.Generation.Detection;

/// <summary>
/// Detects a Ruby application: Bundler and its version, the Ruby version, Rails or a Rack app, gems that load system
/// libraries, port, health route and tests.
/// </summary>
internal static partial class RubyDetector
{
    // Gems whose extension loads a Debian library at run time; bookworm's soname lines, so security updates still apply.
    private static readonly Dictionary<string, string[]> RuntimeLibraries = new(StringComparer.Ordinal)
    {
        ["pg"] = ["libpq5=15.*"],
        ["mysql2"] = ["libmariadb3=1:10.11.*"],
        ["sqlite3"] = ["libsqlite3-0=3.40.*"],
        ["nokogiri"] = ["libxml2=2.9.*", "libxslt1.1=1.1.*"],
        ["ruby-vips"] = ["libvips42=8.14.*"],
    };

    public static bool Matches(ProjectFolder folder) => folder.Exists("Gemfile");

    public static ProjectPlan Detect(ProjectFolder folder, PlanOptions options)
    {
        var notes = new List<string>();
        var gemfile = folder.Read("Gemfile") ?? "";
        var lockText = folder.Read("Gemfile.lock");
        if (lockText is null)
            notes.Add("no Gemfile.lock: bundle install resolves the newest versions the Gemfile allows and BUNDLE_DEPLOYMENT cannot be set; commit Gemfile.lock");
        var specs = lockText is null ? [] : LockSpec().Matches(lockText).Select(m => (Name: m.Groups[1].Value, Version: m.Groups[2].Value)).ToList();
        var gems = specs.Select(s => s.Name).Concat(GemLine().Matches(gemfile).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
        var bundler = lockText is not null && BundledWith().Match(lockText) is { Success: true } bw ? bw.Groups[1].Value : null;

        var version = Versions.Decide(Stack.Ruby, options.Version, StatedVersion(folder, gemfile, lockText), notes);
        var rails = gems.Contains("rails") && folder.Exists("config/application.rb");
        var rack = folder.Exists("config.ru");
        var sources = folder.SourceFiles(".rb");
        var framework = rails ? new Decided<string>("Rails", "Gemfile rails, config/application.rb")
            : gems.Contains("sinatra") ? new Decided<string>("Sinatra", "Gemfile sinatra")
            : gems.Contains("hanami") ? new Decided<string>("Hanami", "Gemfile hanami") : null;

        Decided<int>? port = options.Port is { } p ? Decided<int>.ByFlag(p, "--port")
            : SourceScan.FindPort(folder, ["config/puma.rb", .. sources], PortFetch(), SetPort())
              ?? (rails ? new Decided<int>(3000, "Rails' default port")
                  : rack ? new Decided<int>(9292, "config.ru (rackup's default port)")
                  : framework?.Value == "Sinatra" ? new Decided<int>(4567, "Sinatra's default port") : null);
        if (port is null)
            notes.Add("no port found: pass --port to get EXPOSE and a HEALTHCHECK");
        var health = port is null ? null
            : folder.Read("config/routes.rb") is { } routes && RailsHealth().Match(routes) is { Success: true } up
                ? new Decided<string>("/" + up.Groups[1].Value.TrimStart('/'), "config/routes.rb rails/health#show")
                : SourceScan.FindHealthPath(folder, sources);

        var start = Start(folder, gems, rails, rack, port?.Value);
        var native = RuntimeLibraries.Keys.Where(gems.Contains)
            .Where(g => !specs.Any(s => s.Name == g && PrecompiledPlatform().IsMatch(s.Version)))
            .Order(StringComparer.Ordinal).ToList();
        var nativeEvidence = native.Count == 0 ? "no gem that loads a system library" : $"Gemfile.lock: {string.Join(", ", native)}";
        var test = gems.Contains("rspec-rails") || gems.Contains("rspec") ? new Decided<string>("bundle exec rspec", "Gemfile rspec")
            : rails && folder.FolderExists("test") ? new Decided<string>("bin/rails test", "test/ (Rails)")
            : folder.FolderExists("test") && gems.Contains("rake") ? new Decided<string>("bundle exec rake test", "test/ and rake") : null;
        if (rails)
            notes.Add("Rails: the image needs SECRET_KEY_BASE (or RAILS_MASTER_KEY) and the database settings at run time; migrations are not run at start");

        return new ProjectPlan
        {
            AppDirectory = folder.FullPath,
            ContextDirectory = folder.FullPath,
            Stack = new Decided<Stack>(Stack.Ruby, "Gemfile"),
            PackageManager = options.PackageManager is { } pm ? Decided<PackageManagerKind>.ByFlag(pm, "--package-manager") : new Decided<PackageManagerKind>(PackageManagerKind.Bundler, lockText is null ? "Gemfile" : "Gemfile.lock"),
            Version = version,
            Framework = framework,
            Start = options.Start is { } s ? Decided<IReadOnlyList<string>>.ByFlag(s, "--start") : start,
            Port = port,
            HealthPath = health,
            Test = test,
            BuildImage = new Decided<string>($"ruby:{version.Value}-bookworm", "compilers and headers for gems with C extensions (full image)"),
            RuntimeImage = options.BaseImage is { } image ? Decided<string>.ByFlag(image, "--base") : new Decided<string>($"ruby:{version.Value}-slim-bookworm", "Ruby version, Debian slim"),
            Notes = notes,
            Ruby = new RubyProject(bundler, rails, rails && (folder.FolderExists("app/assets") || gems.Contains("propshaft") || gems.Contains("sprockets")),
                new Decided<IReadOnlyList<string>>(native, nativeEvidence), [.. native.SelectMany(n => RuntimeLibraries[n]).Distinct().Order(StringComparer.Ordinal)], lockText is not null),
        };
    }

    private static Decided<IReadOnlyList<string>> Start(ProjectFolder folder, HashSet<string> gems, bool rails, bool rack, int? port)
    {
        if (rails)
        {
            return folder.Exists("bin/rails")
                ? new Decided<IReadOnlyList<string>>(["bin/rails", "server", "-b", "0.0.0.0"], "bin/rails")
                : new Decided<IReadOnlyList<string>>(["bundle", "exec", "rails", "server", "-b", "0.0.0.0"], "Gemfile rails");
        }
        if (rack)
        {
            var bind = $"tcp://0.0.0.0:{port ?? 9292}";
            return gems.Contains("puma")
                ? new Decided<IReadOnlyList<string>>(["bundle", "exec", "puma", "-b", bind], "config.ru and Gemfile puma")
                : new Decided<IReadOnlyList<string>>(["bundle", "exec", "rackup", "-o", "0.0.0.0", "-p", $"{port ?? 9292}"], "config.ru");
        }
        var script = folder.FirstExisting("app.rb", "main.rb", "server.rb", "bin/server");
        return script is not null
            ? new Decided<IReadOnlyList<string>>(["bundle", "exec", "ruby", script], script)
            : new Decided<IReadOnlyList<string>>(["bundle", "exec", "ruby", "app.rb"], Decided<string>.Default + ": no config.ru or app.rb; pass --start");
    }

    private static (string, string)? StatedVersion(ProjectFolder folder, string gemfile, string? lockText)
    {
        if (folder.Read(".ruby-version") is { } file && file.Trim().Split('\n')[0].Trim() is { Length: > 0 } line)
            return (line.StartsWith("ruby-", StringComparison.Ordinal) ? line[5..] : line, ".ruby-version");
        if (GemfileRuby().Match(gemfile) is { Success: true } ruby)
            return (ruby.Groups[1].Value, "Gemfile ruby");
        if (lockText is not null && LockRuby().Match(lockText) is { Success: true } locked)
            return (locked.Groups[1].Value, "Gemfile.lock RUBY VERSION");
        return null;
    }

    [GeneratedRegex(@"(?m)^    ([A-Za-z0-9_.-]+) \(([^)]+)\)\s*$")]
    private static partial Regex LockSpec();

    [GeneratedRegex(@"(?m)^\s*gem\s+[""']([A-Za-z0-9_.-]+)[""']")]
    private static partial Regex GemLine();

    [GeneratedRegex(@"BUNDLED WITH\s*\n\s+(\d+\.\d+\.\d+)")]
    private static partial Regex BundledWith();

    [GeneratedRegex(@"(?m)^\s*ruby\s+[""']([^""']+)[""']")]
    private static partial Regex GemfileRuby();

    [GeneratedRegex(@"RUBY VERSION\s*\n\s+ruby (\d+\.\d+\.\d+)")]
    private static partial Regex LockRuby();

    [GeneratedRegex(@"-(?:x86_64|aarch64|arm64)-linux")]
    private static partial Regex PrecompiledPlatform();

    // port ENV.fetch("PORT", 3000) in config/puma.rb, ENV.fetch("PORT") { 3000 }
    [GeneratedRegex(@"""PORT""\s*\)?\s*(?:,|\{)\s*[""']?(\d{2,5})")]
    private static partial Regex PortFetch();

    [GeneratedRegex(@"set\s+:port,\s*(\d{2,5})")]
    private static partial Regex SetPort();

    [GeneratedRegex(@"get\s+[""']([^""']+)[""']\s*(?:=>|,\s*to:)\s*[""']rails/health#show")]
    private static partial Regex RailsHealth();
}
