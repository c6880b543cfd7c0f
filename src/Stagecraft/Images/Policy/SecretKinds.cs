using Stagecraft.Images.Facts;

namespace Stagecraft.Images.Policy;

/// <summary>The names secret kinds go by in reports (the same as <c>inspect --format json</c>'s).</summary>
public static class SecretKinds
{
    public static string Name(SecretKind kind) => kind switch
    {
        SecretKind.PrivateKey => "private-key",
        SecretKind.Keystore => "keystore",
        SecretKind.DotEnv => "dot-env",
        SecretKind.CloudCredentials => "cloud-credentials",
        SecretKind.RegistryCredentials => "registry-credentials",
        SecretKind.PackageRegistryToken => "package-registry-token",
        SecretKind.StoredPassword => "stored-password",
        SecretKind.GitDirectory => "git-directory",
        SecretKind.EnvironmentVariable => "environment-variable",
        SecretKind.BuildArgument => "build-argument",
        _ => kind.ToString(),
    };
}
