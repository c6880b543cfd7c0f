using System.Text.Json;

namespace Stagecraft.Generation.Detection;

/// <summary>
/// Detects a PHP application managed by Composer: the PHP version, Laravel or Symfony and the document root, Apache or
/// FPM, the extensions it requires beyond the php image's, port, health route and tests.
/// </summary>
internal static class PhpDetector
{
    // Compiled into the official php image already (php -m of the bookworm images).
    private static readonly HashSet<string> Bundled = new(StringComparer.Ordinal)
    {
        "ctype", "curl", "date", "dom", "fileinfo", "filter", "ftp", "hash", "iconv", "json", "libxml", "mbstring", "mysqlnd", "openssl", "pcre", "pdo",
        "pdo_sqlite", "phar", "posix", "random", "readline", "reflection", "session", "simplexml", "sodium", "spl", "sqlite3", "standard", "tokenizer",
        "xml", "xmlreader", "xmlwriter", "zlib",
    };

    // Extensions docker-php-ext-install builds, with the bookworm -dev packages they compile against and the libraries they load.
    private static readonly Dictionary<string, (string[] Build, string[] Runtime)> Buildable = new(StringComparer.Ordinal)
    {
        ["intl"] = (["libicu-dev=72.*"], ["libicu72=72.*"]),
        ["zip"] = (["libzip-dev=1.7.*"], ["libzip4=1.7.*"]),
        ["gd"] = (["libpng-dev=1.6.*", "libjpeg62-turbo-dev=1:2.1.*", "libfreetype-dev=2.12.*"], ["libpng16-16=1.6.*", "libjpeg62-turbo=1:2.1.*", "libfreetype6=2.12.*"]),
        ["pdo_pgsql"] = (["libpq-dev=15.*"], ["libpq5=15.*"]),
        ["pgsql"] = (["libpq-dev=15.*"], ["libpq5=15.*"]),
        ["xsl"] = (["libxslt1-dev=1.1.*"], ["libxslt1.1=1.1.*"]),
        ["bz2"] = (["libbz2-dev=1.0.*"], ["libbz2-1.0=1.0.*"]),
        ["gmp"] = (["libgmp-dev=2:6.2.*"], ["libgmp10=2:6.2.*"]),
        ["pdo_mysql"] = ([], []),
        ["mysqli"] = ([], []),
        ["bcmath"] = ([], []),
        ["pcntl"] = ([], []),
        ["sockets"] = ([], []),
        ["exif"] = ([], []),
        ["calendar"] = ([], []),
        ["opcache"] = ([], []),
        ["gettext"] = ([], []),
        ["sysvsem"] = ([], []),
        ["shmop"] = ([], []),
    };

    public static bool Matches(ProjectFolder folder) => folder.Exists("composer.json");

    public static ProjectPlan Detect(ProjectFolder folder, PlanOptions options)
    {
        var notes = new List<string>();
        var (require, requireDev, platformPhp) = ReadComposer(folder.Read("composer.json") ?? "{}");
        var locked = folder.Exists("composer.lock");
        if (!locked)
            notes.Add("no composer.lock: composer install resolves the newest versions composer.json allows; commit composer.lock");

        (string, string)? stated = platformPhp is not null ? (platformPhp, "composer.json config.platform.php")
            : require.TryGetValue("php", out var php) ? (php, "composer.json require.php") : null;
        var version = Versions.Decide(Stack.Php, options.Version, stated, notes);

        var laravel = folder.Exists("artisan") && require.ContainsKey("laravel/framework");
        var symfony = require.ContainsKey("symfony/framework-bundle");
        var framework = laravel ? new Decided<string>("Laravel", "artisan, composer.json laravel/framework")
            : symfony ? new Decided<string>("Symfony", "composer.json symfony/framework-bundle") : null;
        var docroot = folder.FolderExists("public")
            ? new Decided<string>("public", laravel || symfony ? $"{framework!.Value}'s public/" : "public/")
            : Decided<string>.ByDefault("");

        var fpm = options.BaseImage is { } requested && requested.Contains("fpm", StringComparison.Ordinal)
            ? Decided<bool>.ByFlag(true, "--base")
            : options.Start is { Count: > 0 } start && start[0] == "php-fpm" ? Decided<bool>.ByFlag(true, "--start") : new Decided<bool>(false, "default: Apache serves HTTP on its own");
        if (fpm.Value)
            notes.Add("PHP-FPM speaks FastCGI on port 9000: put nginx or Caddy in front of it, serving " + (docroot.Value.Length > 0 ? docroot.Value + "/" : "the app folder"));

        var extensions = require.Keys.Where(k => k.StartsWith("ext-", StringComparison.Ordinal)).Select(k => k[4..].ToLowerInvariant()).Where(e => !Bundled.Contains(e)).Order(StringComparer.Ordinal).ToList();
        var pecl = extensions.Where(e => !Buildable.ContainsKey(e)).ToList();
        if (pecl.Count > 0)
            notes.Add($"composer.json requires {string.Join(", ", pecl.Select(e => "ext-" + e))}, which docker-php-ext-install cannot build: add `pecl install` to the extensions stage");
        var build = extensions.Where(Buildable.ContainsKey).ToList();

        Decided<int> port = options.Port is { } p ? Decided<int>.ByFlag(p, "--port")
            : fpm.Value ? new Decided<int>(9000, "PHP-FPM's FastCGI port") : new Decided<int>(8080, "Apache moved from 80 to 8080 so it runs as www-data");
        var sources = folder.SourceFiles(".php");
        var health = fpm.Value ? null
            : laravel && folder.Read("bootstrap/app.php") is { } app && app.Contains("health: '/up'", StringComparison.Ordinal) ? new Decided<string>("/up", "bootstrap/app.php health route")
            : SourceScan.FindHealthPath(folder, sources);
        var writable = laravel ? new[] { "storage", "bootstrap/cache" } : symfony ? ["var"] : [];
        var environment = laravel ? new[] { "APP_ENV=production", "LOG_CHANNEL=stderr" } : symfony ? ["APP_ENV=prod", "APP_DEBUG=0"] : [];
        if (laravel)
            notes.Add("Laravel: pass APP_KEY and the database settings at run time; run php artisan config:cache and migrations at deploy time");

        var test = requireDev.ContainsKey("phpunit/phpunit") ? new Decided<string>("vendor/bin/phpunit", "composer.json require-dev phpunit/phpunit")
            : requireDev.ContainsKey("pestphp/pest") ? new Decided<string>("vendor/bin/pest", "composer.json require-dev pestphp/pest") : null;
        var flavour = fpm.Value ? "fpm" : "apache";
        return new ProjectPlan
        {
            AppDirectory = folder.FullPath,
            ContextDirectory = folder.FullPath,
            Stack = new Decided<Stack>(Stack.Php, "composer.json"),
            PackageManager = options.PackageManager is { } pm ? Decided<PackageManagerKind>.ByFlag(pm, "--package-manager") : new Decided<PackageManagerKind>(PackageManagerKind.Composer, locked ? "composer.lock" : "composer.json"),
            Version = version,
            Framework = framework,
            Start = options.Start is { } s ? Decided<IReadOnlyList<string>>.ByFlag(s, "--start")
                : new Decided<IReadOnlyList<string>>(fpm.Value ? ["php-fpm"] : ["apache2-foreground"], fpm.Value ? "the php-fpm image" : "the php apache image"),
            Port = port,
            HealthPath = health,
            Test = test,
            BuildImage = new Decided<string>(Images.Composer, "Composer with git and unzip; the vendor folder is copied onward"),
            RuntimeImage = options.BaseImage is { } image ? Decided<string>.ByFlag(image, "--base") : new Decided<string>($"php:{version.Value}-{flavour}-bookworm", $"PHP version, {(fpm.Value ? "PHP-FPM" : "Apache with mod_php")}, Debian"),
            Notes = notes,
            Php = new PhpProject(fpm, docroot, new Decided<IReadOnlyList<string>>(build, build.Count == 0 ? "no ext-* requirement beyond the image's" : "composer.json require ext-*"),
                [.. build.SelectMany(e => Buildable[e].Build).Distinct().Order(StringComparer.Ordinal)],
                [.. build.SelectMany(e => Buildable[e].Runtime).Distinct().Order(StringComparer.Ordinal)],
                writable.Where(w => folder.FolderExists(w.Split('/')[0])).ToArray(), locked, environment),
        };
    }

    /// <exception cref="StagecraftException">composer.json is not valid JSON (the message names the line).</exception>
    private static (Dictionary<string, string> Require, Dictionary<string, string> RequireDev, string? PlatformPhp) ReadComposer(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new StagecraftException("composer.json:1: not a JSON object");
            string? platform = root.TryGetProperty("config", out var config) && config.ValueKind == JsonValueKind.Object
                && config.TryGetProperty("platform", out var p) && p.ValueKind == JsonValueKind.Object
                && p.TryGetProperty("php", out var php) && php.ValueKind == JsonValueKind.String ? php.GetString() : null;
            return (Strings(root, "require"), Strings(root, "require-dev"), platform);
        }
        catch (JsonException e)
        {
            throw new StagecraftException($"composer.json:{(e.LineNumber ?? 0) + 1}: not valid JSON: {e.Message.Split(". ")[0]}", e);
        }
    }

    private static Dictionary<string, string> Strings(JsonElement root, string name)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty(name, out var table) && table.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in table.EnumerateObject())
                result[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() ?? "" : "";
        }
        return result;
    }
}
