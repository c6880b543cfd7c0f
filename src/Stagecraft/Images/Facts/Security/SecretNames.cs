using System.Text;
using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Security;
using Stagecraft.Syntax;

namespace Stagecraft.Images.Facts.Security;

/// <summary>
/// Which variable names say they hold a secret, decided by the lint rules that already know (STG113, BuildKit's
/// SecretsUsedInArgOrEnv, and STG274, hadolint's DL3064) so an image and its Dockerfile are judged alike. The rules keep
/// their knowledge private, so the variables are handed to them as the ENV lines of a one-stage Dockerfile.
/// </summary>
internal static class SecretNames
{
    private static readonly Linter Rules = new([.. RuleCatalog.All.Where(r => r.Descriptor == SecretInArgOrEnv.Id || r.Descriptor == SensitiveArgOrEnvName.Id)]);

    private static readonly LintConfiguration BothEnabled = new()
    {
        Enabled = new HashSet<string>([SecretInArgOrEnv.Id.Id, SensitiveArgOrEnvName.Id.Id], StringComparer.OrdinalIgnoreCase),
        AllowInlineIgnores = false,
    };

    /// <summary>The indexes of the (name, value) pairs whose name marks a secret; the value only matters where the rules let a public value through (a key fingerprint, a file path).</summary>
    public static HashSet<int> Flag(IReadOnlyList<(string Name, string Value)> variables)
    {
        var flagged = new HashSet<int>();
        if (variables.Count == 0)
            return flagged;
        var dockerfile = new StringBuilder("FROM scratch\n");
        var lineToIndex = new Dictionary<int, int>();
        for (var i = 0; i < variables.Count; i++)
        {
            var (name, value) = variables[i];
            if (!IsPlainName(name))
                continue;
            lineToIndex[lineToIndex.Count + 2] = i;
            dockerfile.Append("ENV ").Append(name).Append("=\"").Append(Quoted(value)).Append("\"\n");
        }
        foreach (var finding in Rules.Lint(SyntaxTree.Parse(dockerfile.ToString(), "image config"), "image config", configuration: BothEnabled))
        {
            if (lineToIndex.TryGetValue(finding.Line, out var index))
                flagged.Add(index);
        }
        return flagged;
    }

    public static bool IsSecretName(string name) => Flag([(name, "")]).Count > 0;

    /// <summary>Names that fit on an ENV line as they are; any other name is judged by its value's shape only.</summary>
    private static bool IsPlainName(string name)
    {
        if (name.Length == 0)
            return false;
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
                return false;
        }
        return true;
    }

    /// <summary>The value inside double quotes; one that cannot sit on one line is replaced, since the rules only look at short public values.</summary>
    private static string Quoted(string value)
    {
        if (value.Length > 4096 || value.Any(char.IsControl))
            return "value";
        return value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("$", "\\$", StringComparison.Ordinal);
    }
}
