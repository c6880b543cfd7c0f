namespace Stagecraft.Semantics.Shell;

/// <summary>Knows the commands that run another command given as their arguments, for <see cref="ShellCommand.Unwrap"/>.</summary>
internal static class ShellCommandWrappers
{
    private static readonly Dictionary<string, ShellWrapperSpec> Specs = new(StringComparer.Ordinal)
    {
        ["sudo"] = new("ugpCDrtUT", ["--user", "--group", "--prompt", "--close-from", "--chdir", "--role", "--type", "--other-user", "--command-timeout", "--host"]),
        ["doas"] = new("uC", []),
        ["env"] = new("uCS", ["--unset", "--chdir", "--split-string"], TakesAssignments: true),
        ["exec"] = new("a", []),
        ["command"] = new("", [], QueryOptions: "vV"),
        ["builtin"] = new("", []),
        ["nohup"] = new("", []),
        ["time"] = new("fo", ["--format", "--output"]),
        ["nice"] = new("n", ["--adjustment"]),
        ["timeout"] = new("sk", ["--signal", "--kill-after"], LeadingOperands: 1),
        ["stdbuf"] = new("ioe", ["--input", "--output", "--error"]),
        ["eatmydata"] = new("", []),
        ["gosu"] = new("", [], LeadingOperands: 1),
        ["su-exec"] = new("", [], LeadingOperands: 1),
        ["chroot"] = new("", ["--userspec", "--groups"], LeadingOperands: 1),
    };

    /// <summary>Returns the command wrapped by <paramref name="command"/>, or null when it is not a known wrapper or wraps nothing.</summary>
    public static ShellCommand? TryUnwrapOnce(ShellCommand command)
    {
        var baseName = command.BaseName;
        if (baseName is null || !Specs.TryGetValue(baseName, out var spec))
            return null;

        var words = command.Words;
        List<ShellAssignment>? extra = null;
        var i = 1;
        while (i < words.Count)
        {
            // A span: the words scanned here are mostly options no one reads as strings.
            var value = words[i].ValueSpan;
            if (value is "--")
            {
                i++;
                break;
            }
            if (value is "-" && spec.TakesAssignments)
            {
                i++; // `env -` means `env -i`.
                continue;
            }
            if (value.Length > 1 && value[0] == '-')
            {
                if (value[1] == '-')
                {
                    var hasInlineValue = value.Contains('=');
                    i += !hasInlineValue && IsOneOf(value, spec.LongValueOptions) ? 2 : 1;
                    continue;
                }
                var step = 1;
                for (var j = 1; j < value.Length; j++)
                {
                    if (spec.QueryOptions.Contains(value[j]))
                        return null;
                    if (spec.ShortValueOptions.Contains(value[j]))
                    {
                        // The rest of the cluster is the value, or the next word is when nothing follows the letter.
                        if (j == value.Length - 1)
                            step = 2;
                        break;
                    }
                }
                i += step;
                continue;
            }
            if (spec.TakesAssignments && ShellAssignment.TryCreate(words[i]) is { } assignment)
            {
                (extra ??= new List<ShellAssignment>()).Add(assignment);
                i++;
                continue;
            }
            break;
        }
        i += spec.LeadingOperands;
        if (i >= words.Count)
            return null;

        var assignments = command.AssignmentArray;
        if (extra is not null)
            assignments = [.. assignments, .. extra];
        return command.WithWords(i, assignments, command);
    }

    private static bool IsOneOf(ReadOnlySpan<char> value, string[] options)
    {
        foreach (var option in options)
        {
            if (value.SequenceEqual(option))
                return true;
        }
        return false;
    }
}
