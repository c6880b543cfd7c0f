using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Stagecraft.Images.Sources.Registry;

/// <summary>
/// Answers a registry's 401 challenges for one open. Bearer: a token from the realm the challenge names (anonymously,
/// with Basic credentials, or with an identity token as an OAuth2 refresh token), for the challenge's scope or
/// "repository:NAME:pull". Basic: the credentials themselves. Credentials are looked up only when a challenge comes,
/// and are sent to a token service only over HTTPS (or to a loopback one, or with --insecure).
/// </summary>
internal sealed class RegistryAuthenticator(RegistryClient client, RegistryEndpoint endpoint, string repository, RegistrySettings settings, string where)
{
    private const string ClientId = "stagecraft";

    private readonly Lock _lock = new();
    private AuthenticationHeaderValue? _current;
    private int _generation;
    private RegistryCredentials? _credentials;
    private bool _credentialsLoaded;

    /// <summary>The Authorization to send to the registry now; null until a challenge has been answered.</summary>
    public AuthenticationHeaderValue? Current => Volatile.Read(ref _current);

    /// <summary>Counts answered challenges, so a worker whose 401 another worker already answered simply tries again.</summary>
    public int Generation => Volatile.Read(ref _generation);

    /// <summary>Where the credentials in use came from; null when none were used.</summary>
    public string? CredentialSource { get; private set; }

    public string ConfigFile => Path.Combine(settings.ConfigDirectory, "config.json");

    public void Answer(HttpResponseMessage unauthorized, int seenGeneration)
    {
        lock (_lock)
        {
            if (_generation != seenGeneration)
                return;
            var challenges = AuthChallenge.From(unauthorized.Headers);
            var challenge = challenges.FirstOrDefault(c => c.IsBearer || c.IsBasic) ?? throw new RegistryException(where, challenges.Count == 0
                ? $"{endpoint.Name} answered 401 Unauthorized without saying how to authenticate (no WWW-Authenticate header)"
                : $"{endpoint.Name} asks for {challenges[0].Scheme} authentication, which this reader does not support (Bearer and Basic are)");
            Volatile.Write(ref _current, challenge.IsBearer ? Bearer(challenge) : Basic());
            Volatile.Write(ref _generation, _generation + 1);
        }
    }

    private AuthenticationHeaderValue Basic()
    {
        var credentials = Credentials();
        if (credentials is not { HasPassword: true })
        {
            throw new RegistryException(where, credentials is null
                ? $"{endpoint.Name} needs a login; no credentials for it in {ConfigFile} (docker login {endpoint.Name})"
                : $"{endpoint.Name} wants a user name and password, but {credentials.Source} holds only a token");
        }
        CredentialSource = credentials.Source;
        return new AuthenticationHeaderValue("Basic", BasicValue(credentials));
    }

    private AuthenticationHeaderValue Bearer(AuthChallenge challenge)
    {
        if (challenge["realm"] is not { Length: > 0 } realmText || !Uri.TryCreate(realmText, UriKind.Absolute, out var realm) || realm.Scheme is not ("https" or "http"))
            throw new RegistryException(where, $"{endpoint.Name} asks for a Bearer token but names no usable token service (realm \"{challenge["realm"]}\")");
        var scope = challenge["scope"] is { Length: > 0 } asked ? asked : $"repository:{repository}:pull";
        var credentials = Credentials();
        if (credentials?.RegistryToken is { } registryToken)
        {
            CredentialSource = credentials.Source;
            return new AuthenticationHeaderValue("Bearer", registryToken);
        }
        if (credentials is not null && realm.Scheme == "http" && !client.PlainHttpAllowed && !RegistryEndpoint.IsLoopbackHost(realm.Host))
        {
            throw new RegistryException(where, $"{endpoint.Name} sends its token service at plain-HTTP {realm.Host}; credentials are not sent there (use --insecure to allow it)");
        }
        CredentialSource = credentials?.Source;
        var token = credentials?.IdentityToken is { } refreshToken
            ? RequestToken(realm, () => OAuthRequest(realm, challenge["service"], scope, refreshToken), credentials)
            : RequestToken(realm, () => TokenRequest(realm, challenge["service"], scope, credentials), credentials);
        return new AuthenticationHeaderValue("Bearer", token);
    }

    private string RequestToken(Uri realm, Func<HttpRequestMessage> build, RegistryCredentials? credentials) =>
        client.Send(build, where, response =>
        {
            using (response)
            {
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    throw new RegistryException(where, credentials is null
                        ? $"the token service at {realm.Host} refuses anonymous access to {repository} ({RegistryClient.Status(response)}); log in with docker login {endpoint.Name}"
                        : $"the token service at {realm.Host} refused the credentials from {credentials.Source} ({RegistryClient.Status(response)})");
                }
                if (!response.IsSuccessStatusCode)
                    throw new RegistryException(where, $"the token service at {realm.Host} answered {RegistryClient.Status(response)}");
                var bytes = client.ReadSmallBody(response, where, "token answer");
                var reply = JsonBlobs.Parse(bytes, RegistryJsonContext.Default.TokenReplyJson, $"{where}: the token from {realm.Host}", "token answer");
                return reply.Token is { Length: > 0 } token ? token
                    : reply.AccessToken is { Length: > 0 } access ? access
                    : throw new RegistryException(where, $"the token service at {realm.Host} answered without a token");
            }
        }, authenticate: false);

    private static HttpRequestMessage TokenRequest(Uri realm, string? service, string scope, RegistryCredentials? credentials)
    {
        var query = new StringBuilder(realm.Query.Length > 1 ? realm.Query[1..] + "&" : "");
        if (service is { Length: > 0 })
            query.Append("service=").Append(Uri.EscapeDataString(service)).Append('&');
        query.Append("scope=").Append(Uri.EscapeDataString(scope));
        var request = new HttpRequestMessage(HttpMethod.Get, new UriBuilder(realm) { Query = query.ToString() }.Uri);
        if (credentials is { HasPassword: true })
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", BasicValue(credentials));
        return request;
    }

    /// <summary>An identity token (what <c>docker login</c> stores for some registries) is exchanged as an OAuth2 refresh token.</summary>
    private static HttpRequestMessage OAuthRequest(Uri realm, string? service, string scope, string refreshToken)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "refresh_token"),
            new("refresh_token", refreshToken),
            new("client_id", ClientId),
            new("scope", scope),
        };
        if (service is { Length: > 0 })
            form.Add(new("service", service));
        return new HttpRequestMessage(HttpMethod.Post, realm) { Content = new FormUrlEncodedContent(form) };
    }

    private static string BasicValue(RegistryCredentials credentials) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials.Username + ":" + credentials.Password));

    private RegistryCredentials? Credentials()
    {
        if (!_credentialsLoaded)
        {
            _credentials = DockerCredentialStore.Find(endpoint, settings, where);
            _credentialsLoaded = true;
        }
        return _credentials;
    }
}
