using Stagecraft.Images;
using Stagecraft.Images.Facts;

namespace Stagecraft.Tests.Images.Facts;

public class SecretTests
{
    private const string GitHubToken = "ghp_0123456789abcdefABCDEF0123456789wxyz";
    private const string Password = "hunter2-very-secret";
    private const string ServerPem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIE\n-----END ENCRYPTED PRIVATE KEY-----\n";
    private const string HostKey = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n";
    private const string ServiceAccount = $$"""{"type":"service_account","client_email":"x@y.iam.gserviceaccount.com","private_key":"{{Password}}"}""";
    private const string GitConfig = $"[remote \"origin\"]\n\turl = https://me:{Password}@github.com/me/repo.git\n";
    private const string DatabaseUrl = $"postgres://app:{Password}@db:5432/app";
    private const string RsaKey = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7secretkeymaterial\n-----END RSA PRIVATE KEY-----\n";

    private static InMemoryImageFiles SecretImage() => new InMemoryImageFiles()
        .File("/root/.ssh/id_rsa", RsaKey)
        .File("/root/.ssh/id_rsa.pub", "ssh-rsa AAAA user@host\n")
        .File("/etc/ssh/ssh_host_ed25519_key", HostKey)
        .File("/app/certs/server.pem", ServerPem)
        .File("/etc/ssl/certs/ca.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")
        .Sized("/app/keystore.jks", 2200)
        .File("/app/.env", $"# settings\nDEBUG=1\nDB_PASSWORD={Password}\nexport API_TOKEN=\"{GitHubToken}\"\nEMPTY=\n")
        .File("/app/.env.example", $"DB_PASSWORD={Password}\n")
        .File("/root/.aws/credentials", $"[default]\naws_access_key_id = AKIAABCDEFGHIJKLMNOP\naws_secret_access_key = {Password}\n[ci]\nregion = eu-west-1\n")
        .File("/root/.docker/config.json", """{"auths":{"ghcr.io":{"auth":"dXNlcjpodW50ZXIy"},"docker.io":{}},"credsStore":"desktop"}""")
        .File("/home/app/.docker/config.json", """{"credsStore":"pass","auths":{"registry.example.com":{}}}""")
        .File("/app/.npmrc", $"registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken={Password}\n//npm.pkg.github.com/:_authToken=${{GITHUB_TOKEN}}\n")
        .File("/root/.pypirc", $"[distutils]\nindex-servers = pypi\n[pypi]\nusername = __token__\npassword = {Password}\n")
        .File("/root/.netrc", $"machine github.com login me password {Password}\n")
        .File("/root/.git-credentials", $"https://me:{Password}@github.com\n")
        .File("/root/.kube/config", $"users:\n- name: admin\n  user:\n    token: {Password}\n")
        .File("/secrets/gcp-service-account.json", ServiceAccount)
        .Sized("/root/.config/gcloud/credentials.db", 12288)
        .Sized("/src/.git/objects/pack/pack-1.pack", 5000)
        .File("/src/.git/config", GitConfig)
        .Directory("/src/.git");

    private static readonly ImageConfig Config = new()
    {
        Env = ["PATH=/usr/bin", $"GITHUB_TOKEN={GitHubToken}", $"DB_PASSWORD={Password}", "PASSWORD_FILE=/run/secrets/db", "GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305",
            $"DATABASE_URL={DatabaseUrl}", "EMPTY_TOKEN="],
        History =
        [
            new ImageHistoryEntry(null, "/bin/sh -c #(nop)  ARG NPM_TOKEN", null, true),
            new ImageHistoryEntry(null, $"|2 NPM_TOKEN={Password} VERSION=1.0 /bin/sh -c npm ci", null, false),
            new ImageHistoryEntry(null, $"RUN |1 DEPLOY_KEY={GitHubToken} /bin/sh -c make # buildkit", null, false),
        ],
    };

    [Fact]
    public void Finds_each_kind_of_secret_with_a_hint_that_says_what_it_is()
    {
        var secrets = ImageFacts.Collect(SecretImage(), Config).Secrets;

        Assert.Equal([
            $"PrivateKey /app/certs/server.pem: ENCRYPTED PRIVATE KEY (PEM), {ServerPem.Length} bytes, encrypted",
            $"PrivateKey /etc/ssh/ssh_host_ed25519_key: SSH host key, shared by every container of this image: OPENSSH PRIVATE KEY (PEM), {HostKey.Length} bytes",
            $"PrivateKey /root/.ssh/id_rsa: RSA PRIVATE KEY (PEM), {RsaKey.Length} bytes",
            "Keystore /app/keystore.jks: .jks keystore, 2200 bytes; keystores usually hold a private key",
            "DotEnv /app/.env: 3 variables with values; named like secrets: DB_PASSWORD, API_TOKEN; 1 value shaped like tokens or password URLs",
            "CloudCredentials /root/.aws/credentials: AWS secret keys for 1 profile: default",
            "CloudCredentials /root/.config/gcloud/credentials.db: gcloud credential store, 12288 bytes",
            $"CloudCredentials /secrets/gcp-service-account.json: Google service-account key file with a private key, {ServiceAccount.Length} bytes",
            "RegistryCredentials /root/.docker/config.json: logins for 1 registry: ghcr.io",
            "PackageRegistryToken /app/.npmrc: 1 registry credential: //registry.npmjs.org/:_authToken",
            "PackageRegistryToken /root/.pypirc: passwords for 1 repository: pypi",
            "StoredPassword /root/.git-credentials: 1 stored login for: github.com",
            "StoredPassword /root/.kube/config: kubeconfig with token",
            "StoredPassword /root/.netrc: 1 password; machines: github.com",
            $"GitDirectory /src/.git: a git repository's history, 2 files, {5000 + GitConfig.Length} bytes; a remote URL in its config carries a password",
            $"EnvironmentVariable ENV DATABASE_URL: value shaped like a URL with a password in it, {DatabaseUrl.Length} characters",
            $"EnvironmentVariable ENV DB_PASSWORD: named like a secret; value of {Password.Length} characters",
            $"EnvironmentVariable ENV GITHUB_TOKEN: value shaped like a GitHub token, {GitHubToken.Length} characters",
            $"BuildArgument history step 2: ARG NPM_TOKEN: named like a secret; its value ({Password.Length} characters) is recorded in the image history",
            "BuildArgument history step 3: ARG DEPLOY_KEY: value shaped like a GitHub token, recorded in the image history",
        ], secrets.Select(s => $"{s.Kind} {s.Location}: {s.Hint}"));
    }

    [Fact]
    public void No_secret_value_appears_anywhere_in_the_facts()
    {
        var facts = ImageFacts.Collect(SecretImage(), Config);

        var text = string.Join("\n", facts.Secrets.Select(s => s.Location + " " + s.Hint)
            .Concat(facts.Config.Env.Select(e => $"{e.Name}={e.Value}"))
            .Concat(facts.Notes));
        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
        Assert.DoesNotContain(GitHubToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain("secretkeymaterial", text, StringComparison.Ordinal);
        Assert.DoesNotContain("dXNlcjpodW50ZXIy", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_config_env_keeps_public_values_and_redacts_secret_ones()
    {
        var env = ImageFacts.Collect(new InMemoryImageFiles(), Config).Config.Env.ToDictionary(e => e.Name, e => e.Value);

        Assert.Equal("/usr/bin", env["PATH"]);
        Assert.Equal("/run/secrets/db", env["PASSWORD_FILE"]);
        Assert.Equal("7169605F62C751356D054A26A821E680E5FA6305", env["GPG_KEY"]); // a key fingerprint is public (STG113's exception)
        Assert.Null(env["GITHUB_TOKEN"]);
        Assert.Null(env["DB_PASSWORD"]);
        Assert.Null(env["DATABASE_URL"]);
        Assert.Equal("", env["EMPTY_TOKEN"]);
    }

    [Fact]
    public void Files_without_credentials_in_them_are_not_secrets()
    {
        var files = new InMemoryImageFiles()
            .File("/app/.npmrc", "registry=https://registry.npmjs.org/\nsave-exact=true\n")
            .File("/root/.aws/credentials", "[default]\nsso_session = corp\n")
            .File("/app/.env", "# nothing set yet\nEMPTY=\n")
            .File("/etc/ssl/private/cert.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")
            .File("/app/config/credentials.json", """{"type":"external_account"}""")
            .Sized("/usr/lib/python3/dist-packages/certifi/cacert.pem", 300_000);

        Assert.Empty(ImageFacts.Collect(files, new ImageConfig()).Secrets);
    }

    [Fact]
    public void Keys_in_test_example_and_doc_folders_are_marked_as_test_data()
    {
        var files = new InMemoryImageFiles()
            .File("/usr/local/lib/python3.12/test/certdata/keycert.pem", RsaKey)
            .File("/usr/local/go/src/crypto/tls/testdata/example-key.pem", RsaKey)
            .File("/usr/share/doc/libxmlsec1-dev/examples/rsakey.pem", RsaKey)
            .File("/app/config/server.key", RsaKey)
            .File("/home/tester/.ssh/id_rsa", RsaKey);

        var marked = ImageFacts.Collect(files, new ImageConfig()).Secrets.ToDictionary(s => s.Location, s => s.InTestData);

        Assert.Equal(new Dictionary<string, bool>
        {
            ["/usr/local/lib/python3.12/test/certdata/keycert.pem"] = true,
            ["/usr/local/go/src/crypto/tls/testdata/example-key.pem"] = true,
            ["/usr/share/doc/libxmlsec1-dev/examples/rsakey.pem"] = true,
            ["/app/config/server.key"] = false,
            ["/home/tester/.ssh/id_rsa"] = false,
        }, marked);
    }

    [Theory]
    [InlineData("/root/_netrc", "machine h login u password p\n", SecretKind.StoredPassword)]
    [InlineData("/etc/npmrc", "//r.example.com/:_auth=abcdef\n", SecretKind.PackageRegistryToken)]
    [InlineData("/root/.pgpass", "db:5432:app:app:pw\n", SecretKind.StoredPassword)]
    [InlineData("/srv/.htpasswd", "admin:$apr1$x$y\n", SecretKind.StoredPassword)]
    [InlineData("/root/.vault-token", "hvs.abcdef", SecretKind.StoredPassword)]
    [InlineData("/root/.azure/msal_token_cache.json", "{}", SecretKind.CloudCredentials)]
    [InlineData("/root/.ssh/id_ed25519", "PuTTY-User-Key-File-3: ssh-ed25519\n", SecretKind.PrivateKey)]
    [InlineData("/app/.env.production", "SECRET_KEY_BASE=abc\n", SecretKind.DotEnv)]
    public void Each_remaining_rule_finds_its_file(string path, string content, SecretKind kind)
    {
        var secret = Assert.Single(ImageFacts.Collect(new InMemoryImageFiles().File(path, content), new ImageConfig()).Secrets);

        Assert.Equal((kind, path), (secret.Kind, secret.Location));
    }
}
