using System.Text;
using Stagecraft.Images.Layers;

namespace Stagecraft.Images.Sources.Registry;

/// <summary>
/// Finds a registry's credentials the way the docker CLI does: a per-registry credential helper (credHelpers), else
/// the default store (credsStore), else the "auths" entries of config.json. No config file means anonymous.
/// </summary>
internal static class DockerCredentialStore
{
    public static RegistryCredentials? Find(RegistryEndpoint endpoint, RegistrySettings settings, string where)
    {
        var file = Path.Combine(settings.ConfigDirectory, "config.json");
        if (!File.Exists(file))
            return null;
        byte[] bytes;
        try
        {
            var length = new FileInfo(file).Length;
            if (length > JsonBlobs.MaxBytes)
                throw new RegistryCredentialsException(file, $"is {ByteCount.Format(length)}, far too large for a Docker config file");
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RegistryCredentialsException(file, $"cannot be read: {e.Message}", e);
        }
        if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
            return null;
        var config = JsonBlobs.Parse(bytes, RegistryJsonContext.Default.DockerConfigFileJson, file, "Docker config file");

        if (Lookup(config.CredHelpers, endpoint) is { Value: { Length: > 0 } helper } perRegistry)
            return CredentialHelper.Get(helper, endpoint.CredentialKey, settings, where, $"credHelpers[\"{perRegistry.Key}\"] in {file}");
        if (config.CredsStore is { Length: > 0 } store)
            return CredentialHelper.Get(store, endpoint.CredentialKey, settings, where, $"credsStore in {file}");
        if (Lookup(config.Auths, endpoint) is { Value: { } entry, Key: var key })
            return FromAuthEntry(entry, key, file);
        return null;
    }

    private static RegistryCredentials? FromAuthEntry(DockerConfigAuthJson entry, string key, string file)
    {
        var source = $"auths[\"{key}\"] in {file}";
        string? username = entry.Username, password = entry.Password;
        if (entry.Auth is { Length: > 0 } auth)
        {
            var pair = DecodeBase64(auth);
            var colon = pair?.IndexOf(':') ?? -1;
            if (pair is null || colon <= 0)
                throw new RegistryCredentialsException(file, $"auths[\"{key}\"].auth is not base64 of user:password");
            (username, password) = (pair[..colon], pair[(colon + 1)..]);
        }
        if (string.IsNullOrEmpty(username) && entry.IdentityToken is not { Length: > 0 } && entry.RegistryToken is not { Length: > 0 })
            return null;
        return new RegistryCredentials(username, password, NullIfEmpty(entry.IdentityToken), NullIfEmpty(entry.RegistryToken), source);
    }

    /// <summary>The entry for the registry: its exact key, else one that names the same host once scheme and path are dropped ("https://index.docker.io/v1/").</summary>
    internal static KeyValuePair<string, T>? Lookup<T>(Dictionary<string, T>? entries, RegistryEndpoint endpoint)
    {
        if (entries is null || entries.Count == 0)
            return null;
        if (entries.TryGetValue(endpoint.CredentialKey, out var exact))
            return new(endpoint.CredentialKey, exact);
        string[] names = endpoint.IsDockerHub
            ? ["index.docker.io", "docker.io", RegistryEndpoint.DockerHubAuthority]
            : [endpoint.Name.ToLowerInvariant()];
        foreach (var (key, value) in entries.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (names.Contains(HostOfKey(key)))
                return new(key, value);
        }
        return null;
    }

    internal static string HostOfKey(string key)
    {
        var host = key;
        foreach (var scheme in (string[])["https://", "http://"])
        {
            if (host.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
                host = host[scheme.Length..];
        }
        var slash = host.IndexOf('/');
        return (slash < 0 ? host : host[..slash]).ToLowerInvariant();
    }

    private static string? DecodeBase64(string text)
    {
        var buffer = new byte[text.Length];
        if (!Convert.TryFromBase64String(text.Trim(), buffer, out var written))
            return null;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
