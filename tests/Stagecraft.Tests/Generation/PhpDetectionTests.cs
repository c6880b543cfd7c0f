using Stagecraft.Generation;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Generation;

/// <summary>Composer: PHP version, Laravel and Symfony, Apache or FPM, extensions built in their own stage.</summary>
public sealed class PhpDetectionTests : IDisposable
{
    private readonly TempDirectory _temp = new TempDirectory().AsRepository();

    public void Dispose() => _temp.Dispose();

    private string Project(params (string Name, string Text)[] files) => _temp.WithFiles(files);

    [Fact]
    public void A_Laravel_app_installs_with_composer_builds_its_extensions_apart_and_serves_public_with_Apache()
    {
        var generated = Generated.For(Project(
            ("composer.json", """
                {
                  "require": { "php": "^8.2", "laravel/framework": "^12.0", "ext-intl": "*", "ext-pdo_pgsql": "*", "ext-mbstring": "*", "ext-redis": "*" },
                  "require-dev": { "phpunit/phpunit": "^11.0" }
                }
                """),
            ("composer.lock", "{}"),
            ("artisan", "#!/usr/bin/env php\n"),
            ("bootstrap/app.php", "->withRouting(web: __DIR__.'/../routes/web.php', health: '/up')\n"),
            ("public/index.php", "<?php\n"),
            ("storage/logs/.gitignore", "")));
        var plan = generated.Plan;

        Assert.Equal(new Decided<string>("8.4.15", "composer.json require.php (^8.2)"), plan.Version);
        Assert.Equal("Laravel", plan.Framework?.Value);
        Assert.Equal(["intl", "pdo_pgsql"], plan.Php!.Extensions.Value);
        Assert.Equal(new Decided<int>(8080, "Apache moved from 80 to 8080 so it runs as www-data"), plan.Port);
        Assert.Equal("/up", plan.HealthPath?.Value);
        Assert.Contains(plan.Notes, n => n.Contains("ext-redis", StringComparison.Ordinal));

        var dockerfile = generated.Files.Dockerfile;
        Assert.Contains("FROM composer:2.9.8 AS vendor\nWORKDIR /app\nCOPY composer.json composer.lock ./\n", dockerfile);
        Assert.Contains("composer install --no-dev --no-interaction --no-progress --no-scripts --no-autoloader --prefer-dist --ignore-platform-reqs\nCOPY . .\n", dockerfile);
        Assert.Contains("composer dump-autoload --no-dev --no-interaction --no-scripts --optimize --classmap-authoritative", dockerfile);
        var extensions = generated.Stage("extensions");
        Assert.Contains("apt-get install -y --no-install-recommends libicu-dev=72.* libpq-dev=15.*", extensions);
        Assert.Contains("docker-php-ext-install -j\"$(nproc)\" intl pdo_pgsql", extensions);
        var final = generated.FinalStage;
        Assert.Contains("FROM php:8.4.15-apache-bookworm AS runtime", final);
        Assert.Contains("libicu72=72.* libpq5=15.*", final);
        Assert.DoesNotContain("-dev", final);
        Assert.Contains("sed -i 's#/var/www/html#/var/www/html/public#'", final);
        Assert.Contains("COPY --from=extensions /usr/local/lib/php/extensions/ /usr/local/lib/php/extensions/", final);
        Assert.Contains("chown -R 33:33 storage bootstrap/cache", final);
        Assert.Contains("USER 33:33", final);
        Assert.Contains("http://127.0.0.1:8080/up", final);
        Assert.Contains("vendor/bin/phpunit", generated.Stage("test"));
        Assert.EndsWith("CMD [\"apache2-foreground\"]\n", dockerfile);
        Assert.Contains("\nvendor\n", generated.Files.DockerIgnore);
        generated.AssertLintsClean();
    }

    [Fact]
    public void An_fpm_base_runs_php_fpm_on_9000_with_a_connect_probe()
    {
        var generated = Generated.For(Project(
            ("composer.json", """{ "require": { "symfony/framework-bundle": "^7.3" }, "config": { "platform": { "php": "8.3.28" } } }"""),
            ("public/index.php", "<?php\n")), new PlanOptions { BaseImage = "php:8.3.28-fpm-bookworm" });

        Assert.Equal(new Decided<string>("8.3.28", "composer.json config.platform.php (8.3.28)"), generated.Plan.Version);
        Assert.Equal(new Decided<bool>(true, "--base"), generated.Plan.Php!.Fpm);
        Assert.Equal(9000, generated.Plan.Port?.Value);
        var final = generated.FinalStage;
        Assert.DoesNotContain("apache", final);
        Assert.Contains("ENV APP_ENV=prod \\\n    APP_DEBUG=0", final);
        Assert.Contains("fsockopen('127.0.0.1', 9000)", final);
        Assert.EndsWith("CMD [\"php-fpm\"]\n", generated.Files.Dockerfile);
        generated.AssertLintsClean();
    }

    [Fact]
    public void Broken_composer_json_is_reported_with_its_line()
    {
        Project(("composer.json", "{\n  \"require\": {\n    oops\n  }\n}"));

        var error = Assert.Throws<StagecraftException>(() => ProjectDetector.Detect(_temp.FullPath));

        Assert.StartsWith("composer.json:3: not valid JSON", error.Message);
    }
}
