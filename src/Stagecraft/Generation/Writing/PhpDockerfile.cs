namespace Stagecraft.Generation.Writing;

/// <summary>
/// The Dockerfile of a PHP plan: Composer installs the packages from composer.json and composer.lock alone, then
/// writes an authoritative class map from the source; extensions compile in their own stage (with the -dev packages)
/// and only their modules and runtime libraries reach the final Apache or PHP-FPM image, which runs as www-data.
/// </summary>
internal static class PhpDockerfile
{
    private const string User = "33:33"; // www-data in Debian's php images
    private static readonly string ComposerCache = DockerfileText.Cache("/tmp/cache"); // the composer image's COMPOSER_HOME is /tmp

    public static string Write(ProjectPlan plan)
    {
        var php = plan.Php!;
        var text = new DockerfileText();
        Header.Write(text, plan, [php.Fpm.Value ? "PHP-FPM" : "Apache", php.Extensions.Value.Count > 0 ? $"extensions: {string.Join(", ", php.Extensions.Value)}" : null]);

        text.Stage("vendor", plan.BuildImage.Value, "installs the Composer packages, then writes the class map from the source");
        text.Line("WORKDIR /app");
        text.Line(php.HasLockfile ? "COPY composer.json composer.lock ./" : "COPY composer.json ./");
        // The platform (PHP version, extensions) is the final image's, checked there by Composer's platform_check.php.
        text.Run([ComposerCache], "composer install --no-dev --no-interaction --no-progress --no-scripts --no-autoloader --prefer-dist --ignore-platform-reqs");
        text.Line("COPY . .");
        text.Run("composer dump-autoload --no-dev --no-interaction --no-scripts --optimize --classmap-authoritative");

        if (plan.Test is { } test)
        {
            text.Stage("test", "vendor", "installs the development packages and runs the tests: docker build --target test .");
            text.Run([ComposerCache], "composer install --no-interaction --no-progress --no-scripts --prefer-dist --ignore-platform-reqs");
            text.Run(test.Value);
        }

        var image = plan.RuntimeImage.Value;
        if (php.Extensions.Value.Count > 0)
        {
            text.Stage("extensions", image, "compiles the PHP extensions against their -dev packages, which stay out of the final image");
            var commands = new List<string>();
            if (php.BuildLibraries.Count > 0)
            {
                commands.Add("apt-get update");
                commands.Add($"apt-get install -y --no-install-recommends {string.Join(' ', php.BuildLibraries)}");
            }
            if (php.Extensions.Value.Contains("gd"))
                commands.Add("docker-php-ext-configure gd --with-freetype --with-jpeg");
            commands.Add($"docker-php-ext-install -j\"$(nproc)\" {string.Join(' ', php.Extensions.Value)}");
            text.Run(php.BuildLibraries.Count > 0 ? AptCaches : [], [.. commands]);
        }

        text.Stage("runtime", image, php.Fpm.Value ? "is PHP-FPM running the application" : "is Apache with mod_php serving the application");
        var setup = new List<string>();
        if (php.RuntimeLibraries.Count > 0)
        {
            setup.Add("apt-get update");
            setup.Add($"apt-get install -y --no-install-recommends {string.Join(' ', php.RuntimeLibraries)}");
        }
        setup.Add("cp /usr/local/etc/php/php.ini-production /usr/local/etc/php/php.ini");
        if (!php.Fpm.Value)
        {
            var site = "/etc/apache2/sites-available/000-default.conf";
            // www-data cannot bind port 80 under every runtime, so Apache listens on an unprivileged port.
            if (plan.Port is { } port)
            {
                setup.Add($"sed -i 's/^Listen 80$/Listen {port.Value}/' /etc/apache2/ports.conf");
                setup.Add($"sed -i 's/<VirtualHost \\*:80>/<VirtualHost *:{port.Value}>/' {site}");
            }
            if (php.DocumentRoot.Value.Length > 0)
                setup.Add($"sed -i 's#/var/www/html#/var/www/html/{php.DocumentRoot.Value}#' {site}");
            setup.Add("a2enmod rewrite");
        }
        text.Run(php.RuntimeLibraries.Count > 0 ? AptCaches : [], [.. setup]);
        if (php.Extensions.Value.Count > 0)
        {
            text.Line("COPY --from=extensions /usr/local/lib/php/extensions/ /usr/local/lib/php/extensions/");
            text.Line("COPY --from=extensions /usr/local/etc/php/conf.d/ /usr/local/etc/php/conf.d/");
        }
        if (php.Environment.Count > 0)
            text.Line("ENV " + string.Join(" \\\n    ", php.Environment));
        text.Line("WORKDIR /var/www/html");
        text.Line("COPY --from=vendor /app ./");
        if (php.WritableFolders.Count > 0)
            text.Run($"chown -R 33:33 {string.Join(' ', php.WritableFolders)}");
        RuntimeTail.Write(text, plan, User, Probe.Php(plan));
        return text.ToString();
    }

    private static readonly string[] AptCaches = [DockerfileText.Cache("/var/cache/apt", locked: true), DockerfileText.Cache("/var/lib/apt/lists", locked: true)];
}
