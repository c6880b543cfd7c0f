namespace Stagecraft.Syntax;

/// <summary>One <c>RUN --mount=type=…,key=value,…</c> flag, its options in order.</summary>
public sealed class MountSyntax
{
    private static readonly string[] Types = ["bind", "cache", "tmpfs", "secret", "ssh"];

    private MountSyntax(FlagSyntax flag, string type, IReadOnlyList<MountOption> options)
    {
        Flag = flag;
        Type = type;
        Options = options;
    }

    public FlagSyntax Flag { get; }

    /// <summary>bind (the default), cache, tmpfs, secret or ssh.</summary>
    public string Type { get; }

    public IReadOnlyList<MountOption> Options { get; }

    public string? Get(params string[] keys)
    {
        string? value = null;
        foreach (var option in Options)
        {
            if (keys.Contains(option.Key, StringComparer.OrdinalIgnoreCase))
                value = option.Value ?? "true";
        }
        return value;
    }

    public string? Target => Get("target", "dst", "destination");
    public string? Source => Get("source", "src");
    public string? From => Get("from");
    public string? Id => Get("id");
    public string? Sharing => Get("sharing");
    public string? Mode => Get("mode");
    public string? Env => Get("env");
    public bool ReadOnly => Get("readonly", "ro") is { } ro && !ro.Equals("false", StringComparison.OrdinalIgnoreCase);
    public bool Required => Get("required") is { } required && !required.Equals("false", StringComparison.OrdinalIgnoreCase);

    internal static MountSyntax Parse(FlagSyntax flag, List<SyntaxDiagnostic> diagnostics)
    {
        var options = new List<MountOption>();
        var type = "bind";
        foreach (var field in SplitCsv(flag.Value ?? ""))
        {
            var equals = field.IndexOf('=');
            var key = (equals < 0 ? field : field[..equals]).Trim();
            var value = equals < 0 ? null : field[(equals + 1)..];
            if (key.Length == 0)
                continue;
            options.Add(new MountOption(key.ToLowerInvariant(), value));
            if (key.Equals("type", StringComparison.OrdinalIgnoreCase))
            {
                type = (value ?? "").ToLowerInvariant();
                if (!Types.Contains(type))
                    diagnostics.Add(new SyntaxDiagnostic("invalid-mount", DiagnosticSeverity.Error, $"unsupported mount type \"{value}\"", flag.ValueSpan));
            }
        }
        if (flag.Value is null)
            diagnostics.Add(new SyntaxDiagnostic("invalid-mount", DiagnosticSeverity.Error, "--mount needs a value such as type=cache,target=/root/.cache", flag.Span));
        return new MountSyntax(flag, type, options);
    }

    /// <summary>Splits a CSV record as Go's encoding/csv does (double quotes group, "" is a quote).</summary>
    private static List<string> SplitCsv(string text)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                    inQuotes = false;
                else
                    current.Append(c);
            }
            else if (c == '"' && current.Length == 0)
                inQuotes = true;
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
                current.Append(c);
        }
        fields.Add(current.ToString());
        return fields;
    }
}

/// <summary>A <c>key=value</c> (or bare <c>key</c>) option of a mount.</summary>
public sealed record MountOption(string Key, string? Value);
