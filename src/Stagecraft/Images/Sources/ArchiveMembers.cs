using Stagecraft.Images.Layers;

namespace Stagecraft.Images.Sources;

/// <summary>
/// The members of an image archive by normalised path ("/manifest.json"), following the symlink and hard-link members
/// <c>docker save</c> writes for a layer it saved once already — within the archive only.
/// </summary>
internal sealed class ArchiveMembers<T> where T : class
{
    private const int MaxLinkHops = 16;

    private readonly Dictionary<string, Member> _members = new(StringComparer.Ordinal);

    public int Count => _members.Count;

    public void Add(string name, T value) => _members[name] = new Member(value, null, false);

    public void AddLink(string name, string target, bool isSymlink) => _members[name] = new Member(null, target, isSymlink);

    /// <summary>The member at <paramref name="path"/> after following links, with its own name; null when there is none.</summary>
    /// <param name="where">Describes a path for messages about links that lead outside or round in circles.</param>
    public (string Name, T Value)? Find(string path, Func<string, string> where)
    {
        var name = LayerPath.Normalize(path);
        for (var hop = 0; name is not null && hop <= MaxLinkHops; hop++)
        {
            if (!_members.TryGetValue(name, out var member))
                return null;
            if (member.LinkTarget is not { } target)
                return (name, member.Value!);
            if (target.StartsWith('/'))
                throw new ImageFormatException(where(path), $"is a link to \"{target}\", outside the archive");
            name = LayerPath.Normalize(member.IsSymlink ? LayerPath.Parent(name) + "/" + target : target)
                ?? throw new ImageFormatException(where(path), $"is a link to \"{target}\", outside the archive");
        }
        throw new ImageFormatException(where(path), "is a chain of links that does not end");
    }

    private sealed record Member(T? Value, string? LinkTarget, bool IsSymlink);
}
