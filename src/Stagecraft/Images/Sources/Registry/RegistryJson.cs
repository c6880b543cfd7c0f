using System.Text.Json.Serialization;

namespace Stagecraft.Images.Sources.Registry;

/// <summary>Docker's config.json: the parts that say where a registry's credentials are.</summary>
internal sealed class DockerConfigFileJson
{
    [JsonPropertyName("auths")] public Dictionary<string, DockerConfigAuthJson?>? Auths { get; set; }
    [JsonPropertyName("credHelpers")] public Dictionary<string, string?>? CredHelpers { get; set; }
    [JsonPropertyName("credsStore")] public string? CredsStore { get; set; }
}

/// <summary>One entry of config.json's "auths": base64 "user:password", or the parts separately, or tokens.</summary>
internal sealed class DockerConfigAuthJson
{
    [JsonPropertyName("auth")] public string? Auth { get; set; }
    [JsonPropertyName("username")] public string? Username { get; set; }
    [JsonPropertyName("password")] public string? Password { get; set; }
    [JsonPropertyName("identitytoken")] public string? IdentityToken { get; set; }
    [JsonPropertyName("registrytoken")] public string? RegistryToken { get; set; }
}

/// <summary>What <c>docker-credential-NAME get</c> prints.</summary>
internal sealed class CredentialHelperReplyJson
{
    [JsonPropertyName("ServerURL")] public string? ServerUrl { get; set; }
    [JsonPropertyName("Username")] public string? Username { get; set; }
    [JsonPropertyName("Secret")] public string? Secret { get; set; }
}

/// <summary>A token service's answer: Docker's "token" or OAuth2's "access_token".</summary>
internal sealed class TokenReplyJson
{
    [JsonPropertyName("token")] public string? Token { get; set; }
    [JsonPropertyName("access_token")] public string? AccessToken { get; set; }
    [JsonPropertyName("expires_in")] public int? ExpiresIn { get; set; }
}

/// <summary>The error body of the distribution API: <c>{"errors":[{"code":…,"message":…}]}</c>.</summary>
internal sealed class RegistryErrorsJson
{
    [JsonPropertyName("errors")] public List<RegistryErrorJson>? Errors { get; set; }
}

internal sealed class RegistryErrorJson
{
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
}

/// <summary>Source-generated readers for the registry's and Docker's JSON (no reflection, so the AOT binary works).</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(DockerConfigFileJson))]
[JsonSerializable(typeof(CredentialHelperReplyJson))]
[JsonSerializable(typeof(TokenReplyJson))]
[JsonSerializable(typeof(RegistryErrorsJson))]
internal sealed partial class RegistryJsonContext : JsonSerializerContext;
