namespace Stagecraft.Images.Facts;

/// <summary>What a likely secret is.</summary>
public enum SecretKind
{
    /// <summary>A PEM, OpenSSH or PuTTY private key (SSH host keys included: every container of the image shares them).</summary>
    PrivateKey,
    /// <summary>A PKCS#12 or Java keystore (.p12, .pfx, .jks, .keystore), which usually holds a private key.</summary>
    Keystore,
    /// <summary>A .env file with assignments.</summary>
    DotEnv,
    /// <summary>AWS, Google Cloud or Azure credentials, including Google service-account key files.</summary>
    CloudCredentials,
    /// <summary>Container-registry logins stored in a Docker config.json.</summary>
    RegistryCredentials,
    /// <summary>Package-registry tokens or passwords (.npmrc, .pypirc).</summary>
    PackageRegistryToken,
    /// <summary>Passwords in .netrc, .git-credentials, .pgpass, .htpasswd, a kubeconfig or a Vault token file.</summary>
    StoredPassword,
    /// <summary>A .git folder: the repository's whole history, and sometimes credentials in its remote URL.</summary>
    GitDirectory,
    /// <summary>An ENV variable named like a secret or holding a value shaped like a token.</summary>
    EnvironmentVariable,
    /// <summary>A build argument recorded in the image history (docker history shows the ARG values RUN steps saw).</summary>
    BuildArgument,
}

/// <summary>A likely secret, never with its value: where it is and a hint that says what it is without revealing it.</summary>
/// <param name="Location">A path, "ENV NAME", or "history step N: NAME".</param>
/// <param name="InTestData">True for a file in a test, example or documentation folder (…/tests/…, …/testdata/…,
/// /usr/share/doc/…): most likely a fixture a library ships, such as the throwaway keys of Python's and Go's test suites.</param>
public sealed record LikelySecret(SecretKind Kind, string Location, string Hint, bool InTestData = false);
