using System.Text.Json.Nodes;
using Stagecraft.Images.Sources.Registry;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Sources.Registry;

/// <summary>The small pieces of the registry client: endpoints, challenges, config keys, backoff.</summary>
public sealed class RegistryPartsTests
{
    [Theory]
    [InlineData("docker.io", "registry-1.docker.io", false)]
    [InlineData("ghcr.io", "ghcr.io", false)]
    [InlineData("localhost:5000", "localhost:5000", true)]
    [InlineData("127.0.0.1:5001", "127.0.0.1:5001", true)]
    [InlineData("127.1.2.3", "127.1.2.3", true)]
    [InlineData("[::1]:5000", "[::1]:5000", true)]
    [InlineData("registry.local:5000", "registry.local:5000", false)]
    public void Registries_are_reached_at_their_API_host(string registry, string authority, bool loopback)
    {
        var endpoint = RegistryEndpoint.For(registry);
        Assert.Equal(authority, endpoint.Authority);
        Assert.Equal(loopback, endpoint.IsLoopback);
    }

    [Fact]
    public void Docker_hub_credentials_are_kept_under_its_v1_index_address()
    {
        Assert.Equal("https://index.docker.io/v1/", RegistryEndpoint.For("docker.io").CredentialKey);
        Assert.Equal("ghcr.io", RegistryEndpoint.For("ghcr.io").CredentialKey);
    }

    [Theory]
    [InlineData("https://index.docker.io/v1/", "docker.io")]
    [InlineData("index.docker.io", "docker.io")]
    [InlineData("http://registry.local:5000/v2/", "registry.local:5000")]
    [InlineData("registry.local:5000", "registry.local:5000")]
    public void Config_keys_match_their_registry_with_or_without_scheme_and_path(string key, string registry)
    {
        var entries = new Dictionary<string, string> { [key] = "entry", ["other.example"] = "other" };

        var found = DockerCredentialStore.Lookup(entries, RegistryEndpoint.For(registry));

        Assert.Equal(key, found?.Key);
    }

    [Fact]
    public void Challenge_parameters_keep_commas_inside_quotes()
    {
        var parameters = AuthChallenge.ParseParameters("realm=\"https://auth.example/token\",service=\"registry.example\",scope=\"repository:a/b:pull,push\", error=insufficient_scope");

        Assert.Equal("https://auth.example/token", parameters["realm"]);
        Assert.Equal("registry.example", parameters["service"]);
        Assert.Equal("repository:a/b:pull,push", parameters["scope"]);
        Assert.Equal("insufficient_scope", parameters["error"]);
    }

    [Fact]
    public void Challenge_values_may_escape_quotes()
    {
        Assert.Equal("a \"quoted\" realm", AuthChallenge.ParseParameters("realm=\"a \\\"quoted\\\" realm\"")["realm"]);
    }

    [Fact]
    public void Backoff_doubles_up_to_the_cap_with_half_of_each_wait_random()
    {
        var policy = RetryPolicy.Default with { FirstDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 50; i++)
        {
            Assert.InRange(policy.Backoff(1).TotalSeconds, 0.5, 1);
            Assert.InRange(policy.Backoff(3).TotalSeconds, 2, 4);
            Assert.InRange(policy.Backoff(10).TotalSeconds, 2.5, 5);
        }
        Assert.True(Enumerable.Range(0, 50).Select(_ => policy.Backoff(2)).Distinct().Count() > 1, "the waits should be jittered");
    }

    [Fact]
    public void Credentials_never_show_their_secrets_as_text()
    {
        var credentials = new RegistryCredentials("user", "hunter2", "refresh", "registry-token", "auths[\"x\"] in config.json");

        Assert.Equal("auths[\"x\"] in config.json", credentials.ToString());
    }

    [Fact]
    public void A_malformed_auth_value_is_reported_naming_the_entry_not_the_value()
    {
        using var temp = new TempDirectory();
        temp.Write("config.json", new JsonObject { ["auths"] = new JsonObject { ["ghcr.io"] = new JsonObject { ["auth"] = "not base64!" } } }.ToJsonString());
        var settings = RegistrySettings.Default with { DockerConfigDirectory = temp.FullPath };

        var error = Assert.Throws<RegistryCredentialsException>(() => DockerCredentialStore.Find(RegistryEndpoint.For("ghcr.io"), settings, "docker://ghcr.io/a/b:1"));

        Assert.Equal($"{temp.FullPath}/config.json: auths[\"ghcr.io\"].auth is not base64 of user:password", error.Message);
    }
}
