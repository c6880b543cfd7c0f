using Stagecraft.Generation;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Generation;

/// <summary>Bundler: Ruby and Bundler versions, Rails assets and server, gems that load system libraries, Rack apps.</summary>
public sealed class RubyDetectionTests : IDisposable
{
    private const string RailsLock = """
        GEM
          remote: https://rubygems.org/
          specs:
            nokogiri (1.18.2-x86_64-linux-gnu)
            pg (1.5.9)
            propshaft (1.1.0)
            puma (6.6.0)
            rails (8.0.2)
            rspec-rails (7.1.1)

        PLATFORMS
          x86_64-linux

        RUBY VERSION
           ruby 3.3.6p108

        BUNDLED WITH
           2.6.2
        """;

    private readonly TempDirectory _temp = new TempDirectory().AsRepository();

    public void Dispose() => _temp.Dispose();

    private string Project(params (string Name, string Text)[] files) => _temp.WithFiles(files);

    [Fact]
    public void A_Rails_app_installs_gems_on_the_full_image_precompiles_assets_and_runs_on_slim_with_libpq()
    {
        var generated = Generated.For(Project(
            ("Gemfile", "source \"https://rubygems.org\"\nruby \"~> 3.3.0\"\ngem \"rails\"\ngem \"pg\"\ngem \"puma\"\n"),
            ("Gemfile.lock", RailsLock),
            ("config/application.rb", "module Shop; class Application < Rails::Application; end; end\n"),
            ("config/routes.rb", "Rails.application.routes.draw do\n  get \"up\" => \"rails/health#show\", as: :rails_health_check\nend\n"),
            ("config/puma.rb", "port ENV.fetch(\"PORT\", 3000)\n"),
            ("bin/rails", "#!/usr/bin/env ruby\n"),
            ("app/assets/config/manifest.js", "")));
        var plan = generated.Plan;

        Assert.Equal(new Decided<string>("3.3.11", "Gemfile ruby (~> 3.3.0)"), plan.Version);
        Assert.Equal("Rails", plan.Framework?.Value);
        Assert.Equal(new Decided<int>(3000, "config/puma.rb:1"), plan.Port);
        Assert.Equal(new Decided<string>("/up", "config/routes.rb rails/health#show"), plan.HealthPath);
        Assert.Equal(["pg"], plan.Ruby!.NativeGems.Value);
        Assert.Equal("2.6.2", plan.Ruby.BundlerVersion);

        var dockerfile = generated.Files.Dockerfile;
        Assert.Contains("FROM ruby:3.3.11-bookworm AS build", dockerfile);
        Assert.Contains("RUN gem install bundler -v 2.6.2 --no-document\nCOPY Gemfile Gemfile.lock ./\n", dockerfile);
        Assert.Contains("BUNDLE_DEPLOYMENT=1", dockerfile);
        Assert.Contains("bundle install \\\n    && rm -rf /usr/local/bundle/ruby/*/cache", dockerfile);
        Assert.Contains("RUN SECRET_KEY_BASE_DUMMY=1 bundle exec rails assets:precompile", dockerfile);
        Assert.Contains("bundle exec rspec", generated.Stage("test"));
        var final = generated.FinalStage;
        Assert.Contains("apt-get install -y --no-install-recommends libpq5=15.*", final);
        Assert.Contains("chown -R 10001:10001 tmp log storage", final);
        Assert.Contains("USER 10001:10001", final);
        Assert.Contains("http://127.0.0.1:3000/up", final);
        Assert.EndsWith("CMD [\"bin/rails\", \"server\", \"-b\", \"0.0.0.0\"]\n", dockerfile);
        Assert.Contains("FROM ruby:3.3.11-slim-bookworm AS base", dockerfile);
        generated.AssertLintsClean();
    }

    [Fact]
    public void A_Rack_app_with_puma_listens_on_rackups_port_and_probes_it()
    {
        var generated = Generated.For(Project(
            (".ruby-version", "ruby-3.4.2\n"),
            ("Gemfile", "gem 'sinatra'\ngem 'puma'\n"),
            ("config.ru", "run App\n")));

        Assert.Equal(new Decided<string>("3.4.2", ".ruby-version (3.4.2)"), generated.Plan.Version);
        Assert.Equal(new Decided<int>(9292, "config.ru (rackup's default port)"), generated.Plan.Port);
        Assert.Contains(generated.Plan.Notes, n => n.StartsWith("no Gemfile.lock", StringComparison.Ordinal));
        var dockerfile = generated.Files.Dockerfile;
        Assert.Contains("COPY Gemfile ./\n", dockerfile);
        Assert.DoesNotContain("BUNDLE_DEPLOYMENT=1", dockerfile);
        Assert.Contains("TCPSocket.new('127.0.0.1', 9292).close", dockerfile);
        Assert.EndsWith("CMD [\"bundle\", \"exec\", \"puma\", \"-b\", \"tcp://0.0.0.0:9292\"]\n", dockerfile);
        generated.AssertLintsClean();
    }

    [Fact]
    public void A_Rails_app_with_a_package_json_is_a_Ruby_app_with_a_note()
    {
        Project(("Gemfile", "gem 'rails'\n"), ("config/application.rb", ""), ("package.json", "{}"));

        var plan = ProjectDetector.Detect(_temp.FullPath);

        Assert.Equal(Stack.Ruby, plan.Stack.Value);
        Assert.Contains(plan.Notes, n => n.StartsWith("package.json is taken for the front-end assets of the Ruby app", StringComparison.Ordinal));
    }
}
