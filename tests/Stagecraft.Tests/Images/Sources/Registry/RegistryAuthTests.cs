using System.Text;
using System.Text.Json.Nodes;
using Stagecraft.Images.Sources;
using Stagecraft.Images.Sources.Registry;
using Stagecraft.Tests.Images.Layers;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Sources.Registry;

/// <summary>Answering registry challenges: anonymous and credentialed Bearer tokens, Basic, Docker's config file and credential helpers.</summary>
public sealed class RegistryAuthTests : IDisposable
{
    private const string Reference = "docker://registry.test/team/app:1";

    private readonly TempDirectory _temp = new();
    private readonly FakeRegistry _registry = new();

    public RegistryAuthTests()
    {
        var files = new OciLayoutBuilder();
        var manifest = files.Image("linux/amd64", new LayerTar().File("hello", "world").Build());
        _registry.Push("team/app", "1", files, manifest);
    }

    public void Dispose()
    {
        _temp.Dispose();
        _registry.Dispose();
    }

    private OpenedImage Open(string? helperPath = null) =>
        ImageReader.Open(ImageReference.Parse(Reference), null, _registry.Environment(_temp.FullPath, helperPath: helperPath));

    private void WriteConfig(JsonObject config) => _temp.Write("config.json", config.ToJsonString());

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>A docker-credential-NAME shell script in its own folder; returns the folder, to be searched for helpers.</summary>
    private string Helper(string name, string script)
    {
        if (OperatingSystem.IsWindows())
            Assert.Skip("the credential helpers of these tests are shell scripts");
        var path = _temp.Write($"helpers/docker-credential-{name}", "#!/bin/sh\n" + script);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return Path.GetDirectoryName(path)!;
    }

    [Fact]
    public void A_bearer_challenge_is_answered_with_an_anonymous_token_for_the_repository()
    {
        _registry.Auth = FakeAuth.Bearer;

        Open();

        var token = Assert.Single(_registry.Requests, r => r.Uri.Authority == "auth.test");
        Assert.Equal("/token?service=registry.test&scope=repository%3Ateam%2Fapp%3Apull", token.PathAndQuery);
        Assert.Null(token.Authorization);
        var answered = _registry.RegistryRequests.Where(r => r.Authorization is not null).ToArray();
        Assert.NotEmpty(answered);
        Assert.All(answered, r => Assert.Equal("Bearer token-1", r.Authorization));
        Assert.Equal(1, _registry.TokensIssued);
    }

    [Fact]
    public void Credentials_from_config_auths_go_to_the_token_service_as_basic()
    {
        _registry.Auth = FakeAuth.Bearer;
        (_registry.User, _registry.Password) = ("ci", "s3cret:with-colon");
        WriteConfig(new JsonObject { ["auths"] = new JsonObject { ["https://registry.test/v1/"] = new JsonObject { ["auth"] = Base64("ci:s3cret:with-colon") } } });

        Open();

        var token = Assert.Single(_registry.Requests, r => r.Uri.Authority == "auth.test");
        Assert.Equal("Basic " + FakeRegistry.BasicValue("ci", "s3cret:with-colon"), token.Authorization);
    }

    [Fact]
    public void Refused_credentials_name_where_they_came_from_and_never_the_secret()
    {
        _registry.Auth = FakeAuth.Bearer;
        (_registry.User, _registry.Password) = ("ci", "right");
        WriteConfig(new JsonObject { ["auths"] = new JsonObject { ["registry.test"] = new JsonObject { ["username"] = "ci", ["password"] = "wrong-password" } } });

        var error = Assert.Throws<RegistryException>(() => Open());

        Assert.Equal($"{Reference}: the token service at auth.test refused the credentials from auths[\"registry.test\"] in {_temp.FullPath}/config.json (401 Unauthorized)", error.Message);
        Assert.DoesNotContain("wrong-password", error.ToString());
    }

    [Fact]
    public void A_repository_refused_to_anonymous_users_says_it_may_not_exist_or_need_a_login()
    {
        _registry.Auth = FakeAuth.Bearer;
        _registry.Intercept = request =>
        {
            if (request.RequestUri!.Authority != "registry.test" || request.Headers.Authorization is null)
                return null;
            var response = FakeRegistry.Error(System.Net.HttpStatusCode.Unauthorized, "UNAUTHORIZED", "authentication required");
            response.Headers.WwwAuthenticate.Add(new("Bearer", $"realm=\"{FakeRegistry.TokenRealm}\",service=\"registry.test\",scope=\"repository:team/app:pull\",error=\"insufficient_scope\""));
            return response;
        };

        var error = Assert.Throws<RegistryException>(() => Open());

        Assert.Equal($"{Reference}: registry.test refuses anonymous access to team/app (UNAUTHORIZED: authentication required): it may not exist, "
            + $"or it needs a login and {_temp.FullPath}/config.json has no credentials for registry.test (docker login registry.test)", error.Message);
    }

    [Fact]
    public void A_basic_challenge_is_answered_with_the_configured_user_and_password()
    {
        _registry.Auth = FakeAuth.Basic;
        (_registry.User, _registry.Password) = ("ci", "pw");
        WriteConfig(new JsonObject { ["auths"] = new JsonObject { ["registry.test"] = new JsonObject { ["username"] = "ci", ["password"] = "pw" } } });

        Open();

        Assert.Contains(_registry.RegistryRequests, r => r.Authorization == "Basic " + FakeRegistry.BasicValue("ci", "pw"));
        Assert.DoesNotContain(_registry.Requests, r => r.Uri.Authority == "auth.test");
    }

    [Fact]
    public void A_basic_challenge_without_credentials_says_how_to_log_in()
    {
        _registry.Auth = FakeAuth.Basic;
        (_registry.User, _registry.Password) = ("ci", "pw");

        var error = Assert.Throws<RegistryException>(() => Open());

        Assert.Equal($"{Reference}: registry.test needs a login; no credentials for it in {_temp.FullPath}/config.json (docker login registry.test)", error.Message);
    }

    [Fact]
    public void A_per_registry_credential_helper_is_asked_with_the_server_on_standard_input()
    {
        _registry.Auth = FakeAuth.Bearer;
        (_registry.User, _registry.Password) = ("robot", "from-helper");
        var helpers = Helper("fake", """
            read server
            if [ "$1" = get ] && [ "$server" = registry.test ]; then
              echo '{"ServerURL":"registry.test","Username":"robot","Secret":"from-helper"}'
            else
              echo "unexpected: $1 $server" >&2; exit 3
            fi
            """);
        WriteConfig(new JsonObject
        {
            ["auths"] = new JsonObject { ["registry.test"] = new JsonObject { ["auth"] = Base64("robot:stale") } },
            ["credHelpers"] = new JsonObject { ["registry.test"] = "fake" },
        });

        Open(helpers);

        var token = Assert.Single(_registry.Requests, r => r.Uri.Authority == "auth.test");
        Assert.Equal("Basic " + FakeRegistry.BasicValue("robot", "from-helper"), token.Authorization);
    }

    [Fact]
    public void An_identity_token_from_the_credential_store_is_exchanged_as_an_OAuth2_refresh_token()
    {
        _registry.Auth = FakeAuth.Bearer;
        _registry.RefreshToken = "refresh-me";
        var helpers = Helper("store", """echo '{"ServerURL":"registry.test","Username":"<token>","Secret":"refresh-me"}'""");
        WriteConfig(new JsonObject { ["credsStore"] = "store" });

        Open(helpers);

        var token = Assert.Single(_registry.Requests, r => r.Uri.Authority == "auth.test");
        Assert.Equal(HttpMethod.Post, token.Method);
        Assert.Contains("grant_type=refresh_token", token.Body);
        Assert.Contains("scope=repository%3Ateam%2Fapp%3Apull", token.Body);
        Assert.Contains("service=registry.test", token.Body);
    }

    [Fact]
    public void A_helper_that_has_no_credentials_for_the_registry_means_anonymous()
    {
        _registry.Auth = FakeAuth.Bearer;
        var helpers = Helper("empty", "echo 'credentials not found in native keychain'; exit 1");
        WriteConfig(new JsonObject { ["credsStore"] = "empty" });

        Open(helpers);

        Assert.Null(Assert.Single(_registry.Requests, r => r.Uri.Authority == "auth.test").Authorization);
    }

    [Fact]
    public void A_missing_credential_helper_is_a_clear_error()
    {
        _registry.Auth = FakeAuth.Bearer;
        WriteConfig(new JsonObject { ["credsStore"] = "desktop" });

        var error = Assert.Throws<RegistryCredentialsException>(() => Open(_temp.Folder("no-helpers")));

        Assert.Equal($"{Reference}: credsStore in {_temp.FullPath}/config.json names credential helper docker-credential-desktop, which is not on PATH; install it, or remove the entry to pull without credentials", error.Message);
    }

    [Fact]
    public void A_failing_credential_helper_is_reported_with_its_message()
    {
        _registry.Auth = FakeAuth.Bearer;
        var helpers = Helper("broken", "echo 'keychain is locked' >&2; exit 2");
        WriteConfig(new JsonObject { ["credHelpers"] = new JsonObject { ["registry.test"] = "broken" } });

        var error = Assert.Throws<RegistryCredentialsException>(() => Open(helpers));

        Assert.Equal($"{Reference}: docker-credential-broken get registry.test failed (exit code 2): keychain is locked", error.Message);
    }

    [Fact]
    public void An_invalid_config_file_is_reported_with_its_line()
    {
        _registry.Auth = FakeAuth.Bearer;
        _temp.Write("config.json", "{\n  \"auths\": {\n    \"registry.test\": [\n}");

        var error = Assert.Throws<ImageFormatException>(() => Open());

        Assert.StartsWith($"{_temp.FullPath}/config.json: is not a valid Docker config file: ", error.Message);
        Assert.Contains("(line 3, byte 23)", error.Message);
    }

    [Fact]
    public void Credentials_are_not_read_when_the_registry_asks_for_none()
    {
        WriteConfig(new JsonObject { ["credsStore"] = "desktop" });

        Open(_temp.Folder("no-helpers"));

        Assert.All(_registry.Requests, r => Assert.Null(r.Authorization));
    }

    [Fact]
    public void An_expired_token_is_renewed_once_and_the_read_goes_on()
    {
        _registry.Auth = FakeAuth.Bearer;
        var rejected = 0;
        _registry.Intercept = request =>
        {
            // The first token stops working after the manifest: the registry challenges again once.
            if (request.Headers.Authorization?.Parameter == "token-1" && request.RequestUri!.AbsolutePath.Contains("/blobs/", StringComparison.Ordinal)
                && Interlocked.Increment(ref rejected) == 1)
            {
                var response = FakeRegistry.Error(System.Net.HttpStatusCode.Unauthorized, "UNAUTHORIZED", "token expired");
                response.Headers.WwwAuthenticate.Add(new("Bearer", $"realm=\"{FakeRegistry.TokenRealm}\",service=\"registry.test\",scope=\"repository:team/app:pull\""));
                return response;
            }
            return null;
        };

        Open();

        Assert.Equal(2, _registry.TokensIssued);
    }
}
