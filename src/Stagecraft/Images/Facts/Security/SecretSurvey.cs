using System.Text;

namespace Stagecraft.Images.Facts.Security;

/// <summary>
/// Finds likely secrets: files by name and place, read through <see cref="SecretFileRules"/> when the layer walk kept
/// their bytes; .git folders; ENV variables; and build arguments recorded in the history. No value leaves this class.
/// </summary>
internal sealed class SecretSurvey : IEntryObserver
{
    private const string GitFolder = "/.git";

    private readonly List<(SecretFileRule Rule, LayerEntry Entry)> _files = [];
    private readonly Dictionary<string, (long Bytes, int Files)> _gitFolders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Bytes, int Files)>.AlternateLookup<ReadOnlySpan<char>> _gitLookup;

    public SecretSurvey() => _gitLookup = _gitFolders.GetAlternateLookup<ReadOnlySpan<char>>();

    public void Observe(LayerEntry entry)
    {
        if (entry.Kind == LayerEntryKind.Directory && entry.Path.EndsWith(GitFolder, StringComparison.Ordinal))
        {
            _gitFolders.TryAdd(entry.Path, (0, 0));
            return;
        }
        if (entry.Kind != LayerEntryKind.File)
            return;
        var git = entry.Path.IndexOf(GitFolder + "/", StringComparison.Ordinal);
        if (git >= 0)
        {
            var root = entry.Path.AsSpan(0, git + GitFolder.Length);
            var (bytes, files) = _gitLookup.TryGetValue(root, out var total) ? total : (0, 0);
            _gitLookup[root] = (bytes + entry.Size, files + 1);
        }
        if (!SecretFileRules.MayMatch(entry.Path))
            return;
        foreach (var rule in SecretFileRules.All)
        {
            if (rule.Matches(entry.Path))
                _files.Add((rule, entry));
        }
    }

    public List<LikelySecret> Results(IImageFiles files, ImageConfig config)
    {
        var secrets = new List<LikelySecret>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (rule, entry) in _files)
        {
            if (reported.Contains(entry.Path))
                continue;
            ReadOnlyMemory<byte>? content = rule.ContentCap > 0 && files.TryReadContent(entry.Path, out var bytes) ? bytes : null;
            if (rule.Inspect(entry.Path, entry.Size, content) is { } hint)
            {
                secrets.Add(new LikelySecret(rule.Kind, entry.Path, hint, IsTestData(entry.Path)));
                reported.Add(entry.Path);
            }
        }
        foreach (var (folder, (bytes, count)) in _gitFolders)
        {
            var hint = $"a git repository's history, {count} files, {bytes} bytes";
            if (files.TryReadContent(folder + "/config", out var gitConfig) && RemoteUrlHasPassword(gitConfig))
                hint += "; a remote URL in its config carries a password";
            secrets.Add(new LikelySecret(SecretKind.GitDirectory, folder, hint));
        }
        secrets.AddRange(EnvironmentSecrets(config));
        secrets.AddRange(HistorySecrets(config));
        secrets.SortInPlace((a, b) => a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind) : string.CompareOrdinal(a.Location, b.Location));
        return secrets;
    }

    // Folder names under which libraries keep throwaway keys and sample credentials for their tests and docs.
    private static readonly HashSet<string> TestFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "test", "tests", "testdata", "test_data", "testing", "certdata", "fixtures", "fixture", "examples", "example",
        "samples", "sample", "dummyserver", "__tests__", "spec", "specs", "demo",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TestFolderLookup = TestFolders.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsTestData(string path)
    {
        if (path.StartsWith("/usr/share/doc/", StringComparison.Ordinal))
            return true;
        var folders = path.AsSpan(0, path.LastIndexOf('/'));
        foreach (var range in folders.Split('/'))
        {
            if (TestFolderLookup.Contains(folders[range]))
                return true;
        }
        return false;
    }

    private static bool RemoteUrlHasPassword(ReadOnlyMemory<byte> config)
    {
        foreach (var line in Encoding.UTF8.GetString(config.Span).Split('\n'))
        {
            if (SecretFileRules.KeyValue(line.Trim(), '=') is ("url", { } url) && TokenShapes.Describe(url) == "a URL with a password in it")
                return true;
        }
        return false;
    }

    private static IEnumerable<LikelySecret> EnvironmentSecrets(ImageConfig config)
    {
        var variables = Variables(config.Env);
        var named = SecretNames.Flag(variables);
        for (var i = 0; i < variables.Count; i++)
        {
            var (name, value) = variables[i];
            if (value.Length == 0)
                continue;
            if (TokenShapes.Describe(value) is { } shape)
                yield return new LikelySecret(SecretKind.EnvironmentVariable, "ENV " + name, $"value shaped like {shape}, {value.Length} characters");
            else if (named.Contains(i))
                yield return new LikelySecret(SecretKind.EnvironmentVariable, "ENV " + name, $"named like a secret; value of {value.Length} characters");
        }
    }

    /// <summary>
    /// A RUN step that saw build arguments is recorded as "|N NAME=value … /bin/sh -c …" (after "RUN " with BuildKit), so
    /// <c>docker history --no-trunc</c> shows every ARG value the step used.
    /// </summary>
    private static IEnumerable<LikelySecret> HistorySecrets(ImageConfig config)
    {
        for (var step = 0; step < config.History.Count; step++)
        {
            var createdBy = config.History[step].CreatedBy ?? "";
            if (createdBy.StartsWith("RUN ", StringComparison.Ordinal))
                createdBy = createdBy[4..];
            if (!createdBy.StartsWith('|'))
                continue;
            var words = createdBy[1..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0 || !int.TryParse(words[0], out var count))
                continue;
            var arguments = Variables(words.Skip(1).Take(count));
            var named = SecretNames.Flag(arguments);
            for (var i = 0; i < arguments.Count; i++)
            {
                var (name, value) = arguments[i];
                if (value.Length == 0)
                    continue;
                var location = $"history step {step + 1}: ARG {name}";
                if (TokenShapes.Describe(value) is { } shape)
                    yield return new LikelySecret(SecretKind.BuildArgument, location, $"value shaped like {shape}, recorded in the image history");
                else if (named.Contains(i))
                    yield return new LikelySecret(SecretKind.BuildArgument, location, $"named like a secret; its value ({value.Length} characters) is recorded in the image history");
            }
        }
    }

    private static List<(string Name, string Value)> Variables(IEnumerable<string> assignments)
    {
        var list = new List<(string, string)>();
        foreach (var assignment in assignments)
        {
            var equals = assignment.IndexOf('=');
            if (equals > 0)
                list.Add((assignment[..equals], assignment[(equals + 1)..]));
        }
        return list;
    }
}
