using System.Globalization;
using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>
/// The non-root user a RUN runs as, with what the Dockerfile shows of it: its home and numeric ids, read from the
/// useradd/adduser/groupadd/addgroup commands of earlier RUNs (or a base image whose account is well known). Each of
/// <see cref="Home"/>, <see cref="Uid"/> and <see cref="Gid"/> is null when the file does not make it certain.
/// </summary>
internal sealed record RunAccount(string User, string? Home, int? Uid, int? Gid)
{
    /// <summary>Accounts the official images create, by image and user (name or uid).</summary>
    private static readonly (string Image, string Name, int Uid, int Gid, string Home)[] WellKnown =
    [
        ("node", "node", 1000, 1000, "/home/node"),
    ];

    /// <summary>The account of the last USER before <paramref name="run"/> in its stage and the stages below; null for root or no USER.</summary>
    public static RunAccount? At(RuleContext context, Stage stage, RunInstructionSyntax run)
    {
        if (StageChain.LastBefore<UserInstructionSyntax>(stage, run) is not { Value: { } value } instruction)
            return null;
        var written = context.Model.Expand(instruction, value.Value) is { Succeeded: true } r ? r.Value : value.Value;
        var parts = written.Split(':', 2);
        var user = parts[0];
        if (user is "root" or "0" || user.Length == 0)
            return null;
        int? groupId = parts.Length > 1 && Number(parts[1]) is { } g ? g : null;
        var groupName = parts.Length > 1 && groupId is null ? parts[1] : null;
        if (user.Contains('$'))
            return new RunAccount(user, null, null, null);

        // The latest account command for this user wins; commands are read oldest first (the walk gives nearest first).
        string? home = null;
        int? uid = Number(user), gid = groupId;
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var found = false;
        var earlierInstructions = new List<InstructionSyntax>();
        foreach (var earlierInstruction in StageChain.Earlier(stage, run))
            earlierInstructions.Add(earlierInstruction);
        for (var i = earlierInstructions.Count - 1; i >= 0; i--)
        {
            var instruction2 = earlierInstructions[i];
            if (instruction2 is not RunInstructionSyntax earlier || context.Script(earlier) is not { } script)
                continue;
            foreach (var written2 in script.Script.Commands)
            {
                var command = written2.Unwrap();
                if (command.IsNamed("groupadd", "addgroup") && Group(command) is { } group)
                    groups[group.Name] = group.Gid;
                else if (command.IsNamed("useradd", "adduser") && Created(command) is { } created
                         && (created.Name == user || (uid is { } wanted && created.Uid == wanted)))
                {
                    found = true;
                    home = created.Home;
                    uid = created.Uid ?? (Number(user) is { } n ? n : null);
                    if (groupId is null)
                        gid = created.Gid ?? (created.GroupName is { } name && groups.TryGetValue(name, out var id) ? id : null);
                }
            }
        }
        if (groupName is not null && groups.TryGetValue(groupName, out var named))
            gid = named;
        if (!found && OfficialBase(stage) is { } image)
        {
            foreach (var known in WellKnown)
            {
                if (known.Image == image && (known.Name == user || known.Uid.ToString(CultureInfo.InvariantCulture) == user))
                    return new RunAccount(user, known.Home, known.Uid, groupName is null ? groupId ?? known.Gid : gid);
            }
        }
        return new RunAccount(user, home, found ? uid : null, found ? gid : null);
    }

    /// <summary>The official image name (golang, rust, node …) of the image the stage is built on at the bottom of its chain, or null.</summary>
    public static string? OfficialBase(Stage stage)
    {
        // A stage's base always comes earlier in the file, so this ends.
        var bottom = stage;
        while (bottom.Base.Stage is { } below)
            bottom = below;
        return bottom.Base is { Kind: StageBaseKind.Image } root ? ImageReference.Parse(root.Reference)?.OfficialName : null;
    }

    private sealed record CreatedUser(string Name, string? Home, int? Uid, int? Gid, string? GroupName);

    /// <summary>
    /// The user a useradd or adduser command creates and the home it makes: useradd's -d, or /home/NAME with -m (not
    /// with -b); adduser's -h/--home, else /home/NAME unless -H, --no-create-home or --system say otherwise.
    /// </summary>
    private static CreatedUser? Created(ShellCommand command)
    {
        var positionals = PositionalsWithoutValues(command, command.IsNamed("useradd") ? UseraddValueOptions : AdduserValueOptions);
        // `adduser USER GROUP` adds an existing user to a group.
        if (positionals.Count == 0 || (positionals.Count > 1 && command.IsNamed("adduser")))
            return null;
        var name = positionals[^1];
        var uid = Number(command.GetOptionValue("-u", "--uid"));
        string? home;
        int? gid = null;
        string? groupName = null;
        if (command.IsNamed("useradd"))
        {
            var directory = command.GetOptionValue("-d", "--home-dir", "--home");
            var create = command.HasOption("-m", "--create-home");
            home = directory is not null ? Absolute(directory) : create && !command.HasOption("-b", "--base-dir") ? "/home/" + name : null;
            if (command.GetOptionValue("-g", "--gid") is { } group)
                (gid, groupName) = Number(group) is { } number ? (number, (string?)null) : ((int?)null, group);
        }
        else
        {
            var directory = command.GetOptionValue("-h", "--home");
            var noHome = command.HasOption("-H", "--no-create-home") || command.HasOption("--system") || command.HasOption("-S");
            home = directory is not null ? Absolute(directory) : noHome ? null : "/home/" + name;
            if (command.GetOptionValue("-G", "--ingroup") is { } group)
                groupName = group;
            if (Number(command.GetOptionValue("--gid")) is { } number)
                gid = number;
        }
        return new CreatedUser(name, home, uid, gid, groupName);
    }

    private static (string Name, int Gid)? Group(ShellCommand command)
    {
        var positionals = PositionalsWithoutValues(command, ["-g", "--gid", "-K", "--key", "-p", "--password", "-R", "--root", "-P", "--prefix"]);
        return positionals.Count > 0 && Number(command.GetOptionValue("-g", "--gid")) is { } gid ? (positionals[^1], gid) : null;
    }

    private static readonly string[] UseraddValueOptions =
        ["-d", "--home-dir", "--home", "-u", "--uid", "-g", "--gid", "-G", "--groups", "-s", "--shell", "-c", "--comment", "-b", "--base-dir",
         "-e", "--expiredate", "-f", "--inactive", "-k", "--skel", "-K", "--key", "-p", "--password", "-R", "--root", "-P", "--prefix", "-Z", "--selinux-user"];

    private static readonly string[] AdduserValueOptions =
        ["-h", "--home", "-u", "--uid", "-g", "--gecos", "-G", "--ingroup", "-s", "--shell", "-k", "--gid", "--firstuid", "--lastuid", "--conf", "--comment", "--add-extra-groups"];

    /// <summary>The arguments that are neither options nor the values of <paramref name="valueOptions"/>.</summary>
    private static List<string> PositionalsWithoutValues(ShellCommand command, string[] valueOptions)
    {
        var result = new List<string>();
        var arguments = command.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            var value = arguments[i].Value;
            if (value.Length > 1 && value[0] == '-')
            {
                if (Array.IndexOf(valueOptions, value) >= 0)
                    i++;
                continue;
            }
            result.Add(value);
        }
        return result;
    }

    private static string? Absolute(string path) => path.StartsWith('/') && !path.Contains('$') ? path.TrimEnd('/') is { Length: > 0 } p ? p : "/" : null;

    private static int? Number(string? text) =>
        text is { Length: > 0 } && text.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
