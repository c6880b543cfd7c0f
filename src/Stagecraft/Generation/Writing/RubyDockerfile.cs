namespace Stagecraft.Generation.Writing;

/// <summary>
/// The Dockerfile of a Ruby plan: gems installed by Bundler (deployment mode, without development and test groups) on
/// the full image, which has the compilers C extensions need; Rails assets precompiled there too; a slim final stage
/// with the installed gems, the runtime libraries they load and the application.
/// </summary>
internal static class RubyDockerfile
{
    private const string User = "10001:10001";
    private static readonly string GemCache = DockerfileText.Cache("/root/.bundle/cache");

    public static string Write(ProjectPlan plan)
    {
        var ruby = plan.Ruby!;
        var text = new DockerfileText();
        Header.Write(text, plan, [ruby.NativeGems.Value.Count > 0 ? $"native gems: {string.Join(", ", ruby.NativeGems.Value)}" : null]);
        var environment = ruby.Rails ? "RAILS_ENV=production" : "RACK_ENV=production \\\n    APP_ENV=production";

        text.Stage("base", plan.RuntimeImage.Value, "is the Ruby image the application runs on");
        text.Line("WORKDIR /app");
        text.Line($"ENV BUNDLE_PATH=/usr/local/bundle \\\n    BUNDLE_WITHOUT=development:test \\\n    {environment}" + (ruby.HasLockfile ? " \\\n    BUNDLE_DEPLOYMENT=1" : ""));

        text.Stage("build", plan.BuildImage.Value, "has the compilers for gems with C extensions; it installs the gems" + (ruby.PrecompileAssets ? " and precompiles the assets" : ""));
        text.Line("WORKDIR /app");
        // The download cache lives outside BUNDLE_PATH, on a mount, so the installed gems copied onward carry no .gem files.
        text.Line($"ENV BUNDLE_PATH=/usr/local/bundle \\\n    BUNDLE_WITHOUT=development:test \\\n    BUNDLE_GLOBAL_GEM_CACHE=true \\\n    {environment}" + (ruby.HasLockfile ? " \\\n    BUNDLE_DEPLOYMENT=1" : ""));
        if (ruby.BundlerVersion is { } bundler)
            text.Run($"gem install bundler -v {bundler} --no-document");
        text.Line(ruby.HasLockfile ? "COPY Gemfile Gemfile.lock ./" : "COPY Gemfile ./");
        text.Run([GemCache], "bundle install", "rm -rf /usr/local/bundle/ruby/*/cache /usr/local/bundle/ruby/*/bundler/gems/*/.git");
        text.Line("COPY . .");
        if (ruby.PrecompileAssets)
            text.Run("SECRET_KEY_BASE_DUMMY=1 bundle exec rails assets:precompile");

        if (plan.Test is { } test)
        {
            text.Stage("test", "build", "installs the development and test gems and runs the tests: docker build --target test .");
            text.Line("ENV BUNDLE_WITHOUT=\"\" \\\n    BUNDLE_DEPLOYMENT=false" + (ruby.Rails ? " \\\n    RAILS_ENV=test" : ""));
            text.Run([GemCache], "bundle install");
            text.Run(test.Value);
        }

        text.Stage("runtime", "base", "is the image that runs the application");
        var user = "groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home --no-log-init app";
        if (ruby.RuntimeLibraries.Count > 0)
        {
            text.Run([DockerfileText.Cache("/var/cache/apt", locked: true), DockerfileText.Cache("/var/lib/apt/lists", locked: true)],
                "apt-get update",
                $"apt-get install -y --no-install-recommends {string.Join(' ', ruby.RuntimeLibraries)}",
                user);
        }
        else
        {
            text.Run(user);
        }
        text.Line("COPY --from=build /usr/local/bundle /usr/local/bundle");
        text.Line("COPY --from=build /app /app");
        // Rails writes its pid file, logs and uploads; nothing else in the app belongs to the user it runs as.
        if (ruby.Rails)
            text.Run("mkdir -p tmp log storage", "chown -R 10001:10001 tmp log storage");
        RuntimeTail.Write(text, plan, User, Probe.Ruby(plan));
        return text.ToString();
    }
}
