namespace Stagecraft.Images.Sources.Registry;

/// <summary>
/// Who asks a registry (or its token service) for an image: a user name and password, an identity token (an OAuth2
/// refresh token) or a ready registry token. <see cref="Source"/> says where they came from, for messages;
/// <see cref="ToString"/> never shows a secret.
/// </summary>
internal sealed record RegistryCredentials(string? Username, string? Password, string? IdentityToken, string? RegistryToken, string Source)
{
    public bool HasPassword => !string.IsNullOrEmpty(Username) && Password is not null;

    public override string ToString() => Source;
}
