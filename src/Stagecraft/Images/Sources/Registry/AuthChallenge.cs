using System.Net.Http.Headers;
using System.Text;

namespace Stagecraft.Images.Sources.Registry;

/// <summary>
/// One challenge of a 401 answer's WWW-Authenticate header: its scheme (Bearer, Basic) and parameters
/// (realm, service, scope — quoted values may hold commas, as a scope of "pull,push" does).
/// </summary>
internal sealed record AuthChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    public string? this[string name] => Parameters.GetValueOrDefault(name);

    /// <summary>The challenges a response carries, Bearer first (it works anonymously and with any kind of credentials).</summary>
    public static IReadOnlyList<AuthChallenge> From(HttpResponseHeaders headers) =>
        headers.WwwAuthenticate
            .Select(value => new AuthChallenge(value.Scheme, ParseParameters(value.Parameter)))
            .OrderBy(challenge => challenge.IsBearer ? 0 : challenge.IsBasic ? 1 : 2)
            .ToArray();

    internal static Dictionary<string, string> ParseParameters(string? text)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(text))
            return parameters;
        var position = 0;
        while (position < text.Length)
        {
            while (position < text.Length && (text[position] == ',' || char.IsWhiteSpace(text[position])))
                position++;
            var equals = text.IndexOf('=', position);
            if (equals < 0)
                break;
            var name = text[position..equals].Trim();
            position = equals + 1;
            while (position < text.Length && char.IsWhiteSpace(text[position]))
                position++;
            string value;
            if (position < text.Length && text[position] == '"')
            {
                var builder = new StringBuilder();
                position++;
                while (position < text.Length && text[position] != '"')
                {
                    if (text[position] == '\\' && position + 1 < text.Length)
                        position++;
                    builder.Append(text[position++]);
                }
                position++;
                value = builder.ToString();
            }
            else
            {
                var comma = text.IndexOf(',', position);
                var end = comma < 0 ? text.Length : comma;
                value = text[position..end].Trim();
                position = end;
            }
            if (name.Length > 0)
                parameters[name] = value;
        }
        return parameters;
    }
}
