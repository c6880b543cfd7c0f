using System.Text;
using System.Text.Json;

namespace Stagecraft.Images.Facts.Security;

/// <summary>
/// The secret files the facts know, by name and place, and what in their content makes them a secret. Hints count and
/// name what is there (profiles, registries, hosts, variable names) and never quote a value.
/// </summary>
internal static class SecretFileRules
{
    private const int Small = 64 * 1024;

    private static readonly string[] SshKeyNames = ["id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk", "id_ed25519_sk", "identity"];
    private static readonly string[] TemplateSuffixes = [".example", ".sample", ".template", ".dist", ".defaults", ".default", ".tpl", ".schema", ".local.example"];
    private static readonly string[] GcloudFiles = ["credentials.db", "access_tokens.db", "application_default_credentials.json", "adc.json"];
    private static readonly string[] AzureFiles = ["accessTokens.json", "msal_token_cache.json", "msal_token_cache.bin", "service_principal_entries.json", "service_principal_entries.bin"];

    public static IReadOnlyList<SecretFileRule> All { get; } =
    [
        new(SecretKind.PrivateKey, IsKeyFile, Small, PrivateKeyHint),
        new(SecretKind.Keystore, p => HasExtension(p, ".p12", ".pfx", ".jks", ".keystore", ".bks"), 0,
            (p, size, _) => $"{Extension(p)} keystore, {size} bytes; keystores usually hold a private key"),
        new(SecretKind.DotEnv, IsDotEnv, 256 * 1024, DotEnvHint),
        new(SecretKind.CloudCredentials, p => p.EndsWith("/.aws/credentials", StringComparison.Ordinal), Small, AwsHint),
        new(SecretKind.CloudCredentials, p => p.Contains("/.config/gcloud/", StringComparison.Ordinal) && NameIs(p, GcloudFiles), 0,
            (_, size, _) => $"gcloud credential store, {size} bytes"),
        new(SecretKind.CloudCredentials, p => p.Contains("/.azure/", StringComparison.Ordinal) && NameIs(p, AzureFiles), 0,
            (_, size, _) => $"Azure CLI token cache, {size} bytes"),
        new(SecretKind.CloudCredentials, IsServiceAccountCandidate, Small, ServiceAccountHint),
        new(SecretKind.RegistryCredentials, p => p.EndsWith("/.docker/config.json", StringComparison.Ordinal), 1024 * 1024, DockerConfigHint),
        new(SecretKind.PackageRegistryToken, p => NameIs(p, ".npmrc") || p is "/etc/npmrc" or "/usr/local/etc/npmrc", Small, NpmrcHint),
        new(SecretKind.PackageRegistryToken, p => NameIs(p, ".pypirc"), Small, PypircHint),
        new(SecretKind.StoredPassword, p => NameIs(p, ".netrc", "_netrc"), Small, NetrcHint),
        new(SecretKind.StoredPassword, p => NameIs(p, ".git-credentials"), Small, GitCredentialsHint),
        new(SecretKind.StoredPassword, p => NameIs(p, ".pgpass"), Small, (_, _, c) => Lines(c, l => l.Split(':').Length >= 5 && !l.StartsWith('#')) is var n and > 0 ? $"{Count(n, "stored PostgreSQL password")}" : null),
        new(SecretKind.StoredPassword, p => NameIs(p, ".htpasswd"), Small, (_, _, c) => Lines(c, l => l.Contains(':')) is var n and > 0 ? $"password hashes for {Count(n, "user")}" : null),
        new(SecretKind.StoredPassword, p => p.EndsWith("/.kube/config", StringComparison.Ordinal), Small, KubeconfigHint),
        new(SecretKind.StoredPassword, p => NameIs(p, ".vault-token"), Small, (_, size, _) => size > 0 ? $"a Vault token, {size} bytes" : null),
    ];

    /// <summary>
    /// A cheap first look at a file name that every rule's match implies (dot files, key and JSON extensions, SSH key
    /// names, credentials/config/npmrc), so the rules run for a few files in a thousand, not for each of them.
    /// </summary>
    public static bool MayMatch(string path)
    {
        var name = Name(path);
        if (name.IsEmpty)
            return false;
        switch (name[0])
        {
            case '.':
                return true;
            case 'i' when name.StartsWith("id_") || name.StartsWith("identity"):
            case 's' when name.StartsWith("ssh_host_"):
            case 'c' when name.SequenceEqual("credentials") || name.SequenceEqual("config"):
            case 'n' when name.SequenceEqual("npmrc"):
            case '_' when name.SequenceEqual("_netrc"):
                return true;
        }
        var dot = name.LastIndexOf('.');
        if (dot < 0 || name.Length - dot > 9)
            return false;
        Span<char> extension = stackalloc char[9];
        var length = name[dot..].ToLowerInvariant(extension);
        return extension[..length] is ".pem" or ".key" or ".ppk" or ".json" or ".db" or ".bin" or ".p12" or ".pfx" or ".jks" or ".keystore" or ".bks";
    }

    /// <summary>Bytes the layer walk should keep for <paramref name="path"/> so a rule can read it (0: none).</summary>
    public static int ContentCap(string path)
    {
        if (!MayMatch(path))
            return 0;
        var cap = 0;
        foreach (var rule in All)
        {
            if (rule.ContentCap > cap && rule.Matches(path))
                cap = rule.ContentCap;
        }
        return cap;
    }

    private static bool IsKeyFile(string path)
    {
        var name = Name(path);
        return NameIs(path, SshKeyNames)
            || (name.StartsWith("ssh_host_") && name.EndsWith("_key"))
            || HasExtension(path, ".pem", ".key", ".ppk");
    }

    private static string? PrivateKeyHint(string path, long size, ReadOnlyMemory<byte>? content)
    {
        var hostKey = Name(path).StartsWith("ssh_host_") ? "SSH host key, shared by every container of this image: " : "";
        if (content is not { } bytes)
            return HasExtension(path, ".pem", ".key") ? null : $"{hostKey}private key file, {size} bytes (content not kept)";
        var text = Encoding.ASCII.GetString(bytes.Span);
        if (text.StartsWith("PuTTY-User-Key-File", StringComparison.Ordinal))
            return $"{hostKey}PuTTY private key, {size} bytes";
        var begin = text.IndexOf("-----BEGIN ", StringComparison.Ordinal);
        while (begin >= 0)
        {
            var end = text.IndexOf("-----", begin + 11, StringComparison.Ordinal);
            if (end < 0)
                break;
            var label = text[(begin + 11)..end];
            if (label.EndsWith("PRIVATE KEY", StringComparison.Ordinal) && label.Length <= 40)
            {
                var encrypted = label.StartsWith("ENCRYPTED", StringComparison.Ordinal) || text.Contains("Proc-Type: 4,ENCRYPTED", StringComparison.Ordinal);
                return $"{hostKey}{label} (PEM), {size} bytes{(encrypted ? ", encrypted" : "")}";
            }
            begin = text.IndexOf("-----BEGIN ", end, StringComparison.Ordinal);
        }
        return null;
    }

    private static bool IsDotEnv(string path)
    {
        var name = Name(path);
        if (name.SequenceEqual(".env"))
            return true;
        if (!name.StartsWith(".env."))
            return false;
        foreach (var suffix in TemplateSuffixes)
        {
            if (name.EndsWith(suffix))
                return false;
        }
        return true;
    }

    private static string? DotEnvHint(string path, long size, ReadOnlyMemory<byte>? content)
    {
        if (content is not { } bytes)
            return $".env file, {size} bytes (content not kept)";
        var variables = new List<(string, string)>();
        foreach (var raw in Encoding.UTF8.GetString(bytes.Span).Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("export ", StringComparison.Ordinal))
                line = line[7..].TrimStart();
            var equals = line.IndexOf('=');
            if (line.StartsWith('#') || equals <= 0)
                continue;
            var value = line[(equals + 1)..].Trim().Trim('"', '\'');
            if (value.Length > 0)
                variables.Add((line[..equals].Trim(), value));
        }
        if (variables.Count == 0)
            return null;
        var named = SecretNames.Flag(variables).Order().Select(i => variables[i].Item1).ToList();
        var shaped = variables.Count(v => TokenShapes.Describe(v.Item2) is not null);
        var hint = $"{Count(variables.Count, "variable")} with values";
        if (named.Count > 0)
            hint += $"; named like secrets: {string.Join(", ", named.Take(5))}{(named.Count > 5 ? ", …" : "")}";
        if (shaped > 0)
            hint += $"; {Count(shaped, "value")} shaped like tokens or password URLs";
        return hint;
    }

    private static string? AwsHint(string path, long size, ReadOnlyMemory<byte>? content)
    {
        if (content is not { } bytes)
            return $"AWS credentials file, {size} bytes (content not kept)";
        var profiles = new List<string>();
        var profile = "default";
        var keys = 0;
        foreach (var raw in Encoding.UTF8.GetString(bytes.Span).Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('[') && line.EndsWith(']'))
                profile = line[1..^1].Trim();
            else if (KeyValue(line, '=') is ("aws_secret_access_key" or "aws_session_token", { Length: > 0 }))
            {
                keys++;
                if (!profiles.Contains(profile))
                    profiles.Add(profile);
            }
        }
        return keys == 0 ? null : $"AWS secret keys for {Count(profiles.Count, "profile")}: {string.Join(", ", profiles)}";
    }

    private static bool IsServiceAccountCandidate(string path)
    {
        if (!path.EndsWith(".json", StringComparison.Ordinal))
            return false;
        var name = Name(path).ToString().ToLowerInvariant();
        return name.Contains("service-account") || name.Contains("serviceaccount") || name.Contains("service_account")
            || name.Contains("credentials") || name.Contains("sa-key") || name.Contains("gcp-key") || name.Contains("keyfile");
    }

    private static string? ServiceAccountHint(string path, long size, ReadOnlyMemory<byte>? content)
    {
        if (path.Contains("/.config/gcloud/", StringComparison.Ordinal) && NameIs(path, GcloudFiles))
            return null; // the gcloud rule reports these
        if (content is not { } bytes || Json(bytes) is not { } json)
            return null;
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
                return null;
            return type.GetString() switch
            {
                "service_account" when root.TryGetProperty("private_key", out _) => $"Google service-account key file with a private key, {size} bytes",
                "authorized_user" => $"Google user credentials with a refresh token, {size} bytes",
                _ => null,
            };
        }
    }

    private static string? DockerConfigHint(string path, long size, ReadOnlyMemory<byte>? content)
    {
        if (content is not { } bytes)
            return $"Docker config.json, {size} bytes (content not kept)";
        if (Json(bytes) is not { } json)
            return null;
        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("auths", out var auths) || auths.ValueKind != JsonValueKind.Object)
                return null;
            var registries = new List<string>();
            foreach (var registry in auths.EnumerateObject())
            {
                if (registry.Value.ValueKind != JsonValueKind.Object)
                    continue;
                foreach (var field in registry.Value.EnumerateObject())
                {
                    if (field.Name is "auth" or "identitytoken" or "password" or "registrytoken" && field.Value.ValueKind == JsonValueKind.String && field.Value.GetString() is { Length: > 0 })
                    {
                        registries.Add(registry.Name);
                        break;
                    }
                }
            }
            return registries.Count == 0 ? null : $"logins for {Count(registries.Count, "registry", "registries")}: {string.Join(", ", registries)}";
        }
    }

    private static string? NpmrcHint(string path, long size, ReadOnlyMemory<byte>? content)
    {
        if (content is not { } bytes)
            return null;
        var keys = new List<string>();
        foreach (var raw in Encoding.UTF8.GetString(bytes.Span).Split('\n'))
        {
            if (KeyValue(raw.Trim(), '=') is not ({ } key, { Length: > 0 } value) || value.StartsWith("${", StringComparison.Ordinal))
                continue;
            if (key.EndsWith("_authToken", StringComparison.Ordinal) || key.EndsWith("_auth", StringComparison.Ordinal) || key.EndsWith("_password", StringComparison.Ordinal))
                keys.Add(key);
        }
        return keys.Count == 0 ? null : $"{Count(keys.Count, "registry credential")}: {string.Join(", ", keys)}";
    }

    private static string? PypircHint(string path, long size, ReadOnlyMemory<byte>? content)
    {
        if (content is not { } bytes)
            return null;
        var sections = new List<string>();
        var section = "";
        foreach (var raw in Encoding.UTF8.GetString(bytes.Span).Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('[') && line.EndsWith(']'))
                section = line[1..^1];
            else if (KeyValue(line, '=') is ("password", { Length: > 0 } value) && !value.StartsWith('$'))
                sections.Add(section);
        }
        return sections.Count == 0 ? null : $"passwords for {Count(sections.Count, "repository", "repositories")}: {string.Join(", ", sections)}";
    }

    private static string? NetrcHint(string path, long size, ReadOnlyMemory<byte>? content)
    {
        if (content is not { } bytes)
            return null;
        var words = Encoding.UTF8.GetString(bytes.Span).Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        var machines = new List<string>();
        var passwords = 0;
        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (words[i] == "machine")
                machines.Add(words[i + 1]);
            else if (words[i] == "password")
                passwords++;
        }
        return passwords == 0 ? null : $"{Count(passwords, "password")}; machines: {string.Join(", ", machines)}";
    }

    private static string? GitCredentialsHint(string path, long size, ReadOnlyMemory<byte>? content)
    {
        if (content is not { } bytes)
            return null;
        var hosts = new List<string>();
        foreach (var raw in Encoding.UTF8.GetString(bytes.Span).Split('\n'))
        {
            var line = raw.Trim();
            var at = line.LastIndexOf('@');
            var scheme = line.IndexOf("://", StringComparison.Ordinal);
            if (scheme > 0 && at > scheme)
                hosts.Add(line[(at + 1)..].TrimEnd('/'));
        }
        return hosts.Count == 0 ? null : $"{Count(hosts.Count, "stored login")} for: {string.Join(", ", hosts)}";
    }

    private static string? KubeconfigHint(string path, long size, ReadOnlyMemory<byte>? content)
    {
        if (content is not { } bytes)
            return null;
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in Encoding.UTF8.GetString(bytes.Span).Split('\n'))
        {
            if (KeyValue(raw.Trim(), ':') is ({ } key and ("token" or "client-key-data" or "password"), { Length: > 0 }))
                found.Add(key);
        }
        return found.Count == 0 ? null : $"kubeconfig with {string.Join(", ", found)}";
    }

    internal static (string Key, string Value)? KeyValue(string line, char separator)
    {
        var at = line.IndexOf(separator);
        if (at <= 0 || line.StartsWith('#') || line.StartsWith(';'))
            return null;
        return (line[..at].Trim(), line[(at + 1)..].Trim().Trim('"', '\''));
    }

    private static int Lines(ReadOnlyMemory<byte>? content, Func<string, bool> counts) =>
        content is { } bytes ? Encoding.UTF8.GetString(bytes.Span).Split('\n').Select(l => l.Trim()).Count(l => l.Length > 0 && counts(l)) : 0;

    private static JsonDocument? Json(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            return JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static string Count(int count, string noun, string? plural = null) => $"{count} {(count == 1 ? noun : plural ?? noun + "s")}";

    private static ReadOnlySpan<char> Name(string path) => PathParts.Name(path);

    private static bool NameIs(string path, params string[] names)
    {
        var name = Name(path);
        foreach (var candidate in names)
        {
            if (name.SequenceEqual(candidate))
                return true;
        }
        return false;
    }

    private static string Extension(string path) => Path.GetExtension(path);

    private static bool HasExtension(string path, params string[] extensions)
    {
        foreach (var extension in extensions)
        {
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase) && path.Length > extension.Length + 1 && path[^(extension.Length + 1)] != '/')
                return true;
        }
        return false;
    }
}
