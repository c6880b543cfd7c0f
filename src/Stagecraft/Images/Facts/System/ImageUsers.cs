using System.Text;

namespace Stagecraft.Images.Facts;

/// <summary>The accounts in <c>/etc/passwd</c>: name, uid and home, to tell whether USER is root and where home caches are.</summary>
internal sealed class ImageUsers
{
    public const string PasswdPath = "/etc/passwd";

    private readonly List<(string Name, int Uid, string Home)> _accounts = [];

    public bool HasPasswd { get; private set; }

    public static ImageUsers Read(ImagePaths paths)
    {
        var users = new ImageUsers();
        if (!paths.TryReadContent(PasswdPath, out var content))
            return users;
        users.HasPasswd = true;
        foreach (var line in Encoding.UTF8.GetString(content.Span).Split('\n'))
        {
            // name:password:uid:gid:gecos:home:shell
            var parts = line.TrimEnd('\r').Split(':');
            if (parts.Length >= 7 && int.TryParse(parts[2], out var uid))
                users._accounts.Add((parts[0], uid, parts[5]));
        }
        return users;
    }

    public int? UidOf(string name)
    {
        foreach (var account in _accounts)
        {
            if (account.Name == name)
                return account.Uid;
        }
        return null;
    }

    /// <summary>Home folders other than /root and /home/*, which the cache survey recognises by shape (/app, /home/node, /var/lib/postgresql, …).</summary>
    public IEnumerable<string> OtherHomes() => _accounts
        .Select(a => a.Home.TrimEnd('/'))
        .Where(h => h.Length > 1 && h[0] == '/' && h != "/root" && !h.StartsWith("/home/", StringComparison.Ordinal) && h != "/nonexistent")
        .Distinct(StringComparer.Ordinal);
}
