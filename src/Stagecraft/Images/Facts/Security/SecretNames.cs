using Stagecraft.Analysis.Rules.Security;

namespace Stagecraft.Images.Facts.Security;

/// <summary>
/// Which variable names say they hold a secret, decided by the lint rules that already know (STG113, BuildKit's
/// SecretsUsedInArgOrEnv, and STG274, hadolint's DL3064), so an image and its Dockerfile are judged alike.
/// </summary>
internal static class SecretNames
{
    /// <summary>The indexes of the (name, value) pairs whose name marks a secret; the value only matters where the rules let a public value through (a key fingerprint, a file path).</summary>
    public static HashSet<int> Flag(IReadOnlyList<(string Name, string Value)> variables)
    {
        var flagged = new HashSet<int>();
        for (var i = 0; i < variables.Count; i++)
        {
            var (name, value) = variables[i];
            if (name.Length > 0 && (SecretInArgOrEnv.IsSecretName(name, value) || SensitiveArgOrEnvName.IsSensitive(name)))
                flagged.Add(i);
        }
        return flagged;
    }

    public static bool IsSecretName(string name) => Flag([(name, "")]).Count > 0;
}
