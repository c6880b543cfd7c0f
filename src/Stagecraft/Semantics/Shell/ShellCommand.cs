namespace Stagecraft.Semantics.Shell;

/// <summary>One simple command of a script: its assignments, name, arguments and redirections, with where and how it runs.</summary>
/// <remarks>
/// Option helpers work on the words as written. The reader cannot know which options of a program take a value, so
/// <c>-o file</c> leaves <c>file</c> among the positional arguments, and a short-option cluster such as <c>-qy</c> is
/// taken to hold every letter in it.
/// </remarks>
public sealed class ShellCommand
{
    private readonly string _source;
    private readonly ShellWord[] _words;
    // Arrays rather than ItemLists: a corpus pass builds thousands of commands, and each ItemList is three times a reference.
    private readonly ShellAssignment[] _assignments;
    private readonly ShellRedirection[] _redirections;
    private ShellWord[]? _positionals;
    private ShellCommand? _unwrapped;
    private string? _baseName;

    internal ShellCommand(
        string source,
        ShellWord[] words,
        ShellAssignment[] assignments,
        ShellRedirection[] redirections,
        ShellSpan span,
        ShellContext context,
        int depth)
    {
        _source = source;
        _words = words;
        _assignments = assignments;
        _redirections = redirections;
        Span = span;
        Context = context;
        Depth = depth;
    }

    /// <summary>The <see cref="ShellWord.Value"/> of the first word that is not an assignment; null for a command of assignments (and redirections) only.</summary>
    public string? Name => _words.Length > 0 ? _words[0].Value : null;

    /// <summary>The name without any directory part: <c>/usr/bin/apt-get</c> gives <c>apt-get</c>.</summary>
    public string? BaseName
    {
        get
        {
            // Rules ask every command for its base name many times; cut the path off once.
            if (_baseName is null && Name is { } name)
            {
                var slash = name.LastIndexOf('/');
                _baseName = slash < 0 || slash == name.Length - 1 ? name : name.Substring(slash + 1);
            }
            return _baseName;
        }
    }

    /// <summary>The word that gives the name, or null when there is none.</summary>
    public ShellWord? NameWord => _words.Length > 0 ? _words[0] : null;

    /// <summary>The name word followed by the arguments.</summary>
    public ItemList<ShellWord> Words => _words;

    /// <summary>The words after the name.</summary>
    public ItemList<ShellWord> Arguments => _words.Length <= 1 ? ItemList<ShellWord>.Empty : new(_words, 1, _words.Length - 1);

    /// <summary>The <c>NAME=value</c> words before the name.</summary>
    public ItemList<ShellAssignment> Assignments => _assignments;

    /// <summary>The redirections, wherever they are written among the words.</summary>
    public ItemList<ShellRedirection> Redirections => _redirections;

    /// <summary>From the first token to the last token of the command (a here-document body is not included).</summary>
    public ShellSpan Span { get; }

    /// <summary>The command's text as written, from <see cref="Span"/>.</summary>
    public string Text => _source.Substring(Span.Start, Span.Length);

    /// <summary>The operator written after this command at its own nesting level; <see cref="ShellOperator.None"/> when none is.</summary>
    public ShellOperator Connector { get; internal set; }

    /// <summary>The simple command that <see cref="Connector"/> leads to, or null when what follows is a compound command (or nothing).</summary>
    public ShellCommand? Next { get; internal set; }

    /// <summary>The simple command whose connector leads to this one, or null when what precedes is a compound command (or nothing).</summary>
    public ShellCommand? Previous { get; internal set; }

    /// <summary>Whether this command is itself an element of a pipeline of two or more commands.</summary>
    public bool IsInPipeline { get; internal set; }

    /// <summary>Whether its pipeline is negated with <c>!</c>.</summary>
    public bool IsNegated { get; internal set; }

    /// <summary>Whether the command is followed by <c>&amp;</c> and so runs in the background.</summary>
    public bool IsBackground => Connector == ShellOperator.Background;

    /// <summary>The constructs the command is nested in.</summary>
    public ShellContext Context { get; }

    /// <summary>How many constructs (subshell, group, if, loop, case, function, substitution) enclose the command; 0 at top level.</summary>
    public int Depth { get; }

    /// <summary>Whether the command is inside a command substitution.</summary>
    public bool IsInSubstitution => (Context & ShellContext.CommandSubstitution) != 0;

    /// <summary>For a command returned by <see cref="Unwrap"/>, the wrapper command it came from (e.g. the <c>sudo …</c> command); otherwise null.</summary>
    public ShellCommand? WrappedBy { get; private init; }

    /// <summary>Whether the command's base name is one of <paramref name="names"/> (ordinal comparison).</summary>
    public bool IsNamed(params ReadOnlySpan<string> names)
    {
        var baseName = BaseName;
        if (baseName is null)
            return false;
        foreach (var name in names)
        {
            // Rules ask every command this, a quarter of a million times over a large repository; most names differ at once.
            if (name.Length == baseName.Length && name.Length > 0 && name[0] == baseName[0] && string.Equals(baseName, name, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    /// <summary>Whether an argument's value equals <paramref name="value"/> exactly.</summary>
    public bool HasArgument(string value)
    {
        for (var i = 1; i < _words.Length; i++)
        {
            if (_words[i].ValueEquals(value))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Whether any of <paramref name="names"/> is given as an option before a <c>--</c> argument.
    /// <c>--long</c> names also match <c>--long=value</c>; single-letter names (<c>-y</c>) also match inside a
    /// cluster of letters and digits (<c>-qy</c>); other single-dash names (<c>-name</c>) match only exactly.
    /// </summary>
    public bool HasOption(params ReadOnlySpan<string> names)
    {
        // Spans, not Value: rules ask this of every command, and most arguments are never read as strings.
        for (var i = 1; i < _words.Length; i++)
        {
            var arg = _words[i].ValueSpan;
            if (arg is "--")
                return false;
            if (arg.Length < 2 || arg[0] != '-')
                continue;
            foreach (var name in names)
            {
                if (OptionMatches(arg, name))
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The value given to the first of <paramref name="names"/> found before <c>--</c>: from <c>--name=value</c>, from
    /// <c>-xVALUE</c> when <c>-x</c> leads the cluster, else the next word (<c>--name value</c>, <c>-x value</c>).
    /// Returns null when the option is absent or is the last word. Only meaningful for options known to take a value.
    /// </summary>
    public string? GetOptionValue(params ReadOnlySpan<string> names)
    {
        for (var i = 1; i < _words.Length; i++)
        {
            var arg = _words[i].ValueSpan;
            if (arg is "--")
                return null;
            if (arg.Length < 2 || arg[0] != '-')
                continue;
            foreach (var name in names)
            {
                if (name.Length < 2 || name[0] != '-')
                    continue;
                if (arg.SequenceEqual(name))
                    return i + 1 < _words.Length ? _words[i + 1].Value : null;
                if (name.StartsWith("--", StringComparison.Ordinal))
                {
                    if (arg.Length > name.Length && arg[name.Length] == '=' && arg.StartsWith(name, StringComparison.Ordinal))
                        return arg[(name.Length + 1)..].ToString();
                }
                else if (name.Length == 2 && arg[1] == name[1] && arg[1] != '-')
                {
                    return arg[2..].ToString();
                }
            }
        }
        return null;
    }

    /// <summary>
    /// The arguments that are not options: those not starting with <c>-</c> (a lone <c>-</c> counts as positional), and every
    /// argument after <c>--</c>. Values of options written apart (<c>-o file</c>) are included, since the reader cannot tell them apart.
    /// </summary>
    public ItemList<ShellWord> PositionalArguments => _positionals ??= ComputePositionals();

    /// <summary>
    /// The command that a known wrapper runs: <c>sudo -E apt-get install x</c> gives a view named <c>apt-get</c> with
    /// arguments <c>install x</c>, and <c>env A=1 make</c> gives <c>make</c> with assignment <c>A=1</c>. Nested wrappers
    /// are all removed. Returns this command when it is not a known wrapper or wraps nothing. Known wrappers:
    /// sudo, doas, env, exec, command (not with -v/-V), builtin, nohup, time, nice, timeout, stdbuf, eatmydata, gosu, su-exec, chroot.
    /// </summary>
    public ShellCommand Unwrap()
    {
        if (_unwrapped is not null)
            return _unwrapped;
        var current = this;
        // Each step drops at least the wrapper word, so this ends; the cap only bounds pathological inputs.
        for (var guard = 0; guard < 64; guard++)
        {
            var inner = ShellCommandWrappers.TryUnwrapOnce(current);
            if (inner is null)
                break;
            current = inner;
        }
        return _unwrapped = current;
    }

    /// <summary>The assignments as stored, for <see cref="ShellCommandWrappers"/> to pass on or extend without copying.</summary>
    internal ShellAssignment[] AssignmentArray => _assignments;

    internal ShellCommand WithWords(int firstWord, ShellAssignment[] assignments, ShellCommand wrapper)
    {
        var words = _words.AsSpan(firstWord).ToArray();
        return new ShellCommand(_source, words, assignments, _redirections, Span, Context, Depth)
        {
            Connector = Connector,
            Next = Next,
            Previous = Previous,
            IsInPipeline = IsInPipeline,
            IsNegated = IsNegated,
            WrappedBy = wrapper.WrappedBy ?? wrapper,
        };
    }

    private ShellWord[] ComputePositionals()
    {
        List<ShellWord>? result = null;
        var afterDoubleDash = false;
        for (var i = 1; i < _words.Length; i++)
        {
            var word = _words[i];
            var value = word.ValueSpan;
            if (!afterDoubleDash && value is "--")
            {
                afterDoubleDash = true;
                continue;
            }
            if (afterDoubleDash || value.Length < 2 || value[0] != '-')
                (result ??= new List<ShellWord>()).Add(word);
        }
        return result is null ? [] : [.. result];
    }

    private static bool OptionMatches(ReadOnlySpan<char> arg, string name)
    {
        if (name.Length < 2 || name[0] != '-')
            return false;
        if (arg.SequenceEqual(name))
            return true;
        if (name[1] == '-')
            return arg.Length > name.Length && arg[name.Length] == '=' && arg.StartsWith(name, StringComparison.Ordinal);
        if (name.Length != 2 || arg[1] == '-')
            return false;
        // A cluster like -qy or -fsSL; words such as -oDebug::x=y are not clusters, which avoids most option-value false hits.
        for (var i = 1; i < arg.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(arg[i]))
                return false;
        }
        return arg[1..].Contains(name[1]);
    }

    /// <inheritdoc/>
    public override string ToString() => Text;
}
