using System.Text.RegularExpressions;

namespace Stagecraft.Generation.Detection;

/// <summary>The web framework of a Python application and the command that serves it in production.</summary>
internal static partial class PythonEntryPoint
{
    public const int DefaultPort = 8000;

    /// <summary>The framework (null for a plain script), the start command and the port it listens on.</summary>
    public static (Decided<string>? Framework, Decided<IReadOnlyList<string>> Start, Decided<int>? Port) Find(
        ProjectFolder folder, IReadOnlySet<string> dependencies, IReadOnlyList<string> sources, List<string> notes)
    {
        var bind = $"0.0.0.0:{DefaultPort}";
        if (dependencies.Contains("django") || folder.Exists("manage.py"))
        {
            var framework = new Decided<string>("Django", dependencies.Contains("django") ? "dependency django" : "manage.py");
            var settings = folder.Read("manage.py") is { } manage && SettingsModule().Match(manage) is { Success: true } m ? m.Groups[1].Value : null;
            var project = settings?.Split('.')[0] ?? Path.GetFileName(folder.FullPath);
            var evidence = settings is null ? "default: project folder name" : "manage.py DJANGO_SETTINGS_MODULE";
            if (!dependencies.Contains("gunicorn") && dependencies.Contains("uvicorn"))
                return (framework, new(["uvicorn", $"{project}.asgi:application", "--host", "0.0.0.0", "--port", $"{DefaultPort}"], evidence + ", uvicorn"), ServerPort("uvicorn"));
            NeedServer(dependencies, "gunicorn", notes);
            return (framework, new(["gunicorn", "--bind", bind, $"{project}.wsgi:application"], evidence + ", gunicorn"), ServerPort("gunicorn"));
        }
        if (dependencies.Contains("fastapi") || dependencies.Contains("starlette"))
        {
            var (module, app, where) = Application(folder, sources, FastApiApp()) ?? ("main", "app", "default");
            if (!dependencies.Contains("uvicorn"))
                NeedServer(dependencies, "uvicorn", notes);
            return (new Decided<string>("FastAPI", "dependency fastapi"), new(["uvicorn", $"{module}:{app}", "--host", "0.0.0.0", "--port", $"{DefaultPort}"], where + ", uvicorn"), ServerPort("uvicorn"));
        }
        if (dependencies.Contains("flask"))
        {
            var (module, app, where) = Application(folder, sources, FlaskApp()) ?? Factory(folder, sources) ?? ("app", "app", "default");
            NeedServer(dependencies, "gunicorn", notes);
            return (new Decided<string>("Flask", "dependency flask"), new(["gunicorn", "--bind", bind, $"{module}:{app}"], where + ", gunicorn"), ServerPort("gunicorn"));
        }
        var script = folder.FirstExisting("app.py", "main.py", "server.py", "run.py", "wsgi.py", "__main__.py");
        Decided<IReadOnlyList<string>> start;
        if (script is not null)
            start = new(["python", script], script);
        else
        {
            notes.Add("no app.py, main.py or server.py: pass --start");
            start = Decided<IReadOnlyList<string>>.ByDefault(["python", "main.py"]);
        }
        return (null, start, SourceScan.FindPort(folder, sources, EnvPortDefault(), RunPort()));
    }

    private static Decided<int> ServerPort(string server) => new(DefaultPort, $"{server} --bind in the start command");

    private static void NeedServer(IReadOnlySet<string> dependencies, string server, List<string> notes)
    {
        if (!dependencies.Contains(server))
            notes.Add($"{server} is not among the dependencies: add it, the image starts the app with it");
    }

    // "app = Flask(__name__)" in app/main.py is module app.main, variable app.
    private static (string Module, string App, string Evidence)? Application(ProjectFolder folder, IReadOnlyList<string> sources, Regex pattern)
    {
        foreach (var file in sources)
        {
            if (folder.Read(file) is { } text && pattern.Match(text) is { Success: true } m)
                return (ModuleOf(file), m.Groups[1].Value, file);
        }
        return null;
    }

    private static (string, string, string)? Factory(ProjectFolder folder, IReadOnlyList<string> sources)
    {
        foreach (var file in sources)
        {
            if (folder.Read(file) is { } text && text.Contains("def create_app(", StringComparison.Ordinal))
                return (ModuleOf(file), "create_app()", $"{file} create_app");
        }
        return null;
    }

    private static string ModuleOf(string file)
    {
        var module = file[..^3].Replace('/', '.');
        if (module.EndsWith(".__init__", StringComparison.Ordinal))
            module = module[..^9];
        return module.StartsWith("src.", StringComparison.Ordinal) ? module[4..] : module;
    }

    [GeneratedRegex(@"DJANGO_SETTINGS_MODULE['""]\s*,\s*['""]([\w.]+)['""]")]
    private static partial Regex SettingsModule();

    [GeneratedRegex(@"(?m)^(\w+)\s*(?::\s*\w+\s*)?=\s*(?:fastapi\.)?FastAPI\(")]
    private static partial Regex FastApiApp();

    [GeneratedRegex(@"(?m)^(\w+)\s*(?::\s*\w+\s*)?=\s*(?:flask\.)?Flask\(")]
    private static partial Regex FlaskApp();

    [GeneratedRegex(@"(?:environ\.get|getenv)\(\s*['""]PORT['""]\s*,\s*['""]?(\d{2,5})")]
    private static partial Regex EnvPortDefault();

    [GeneratedRegex(@"\.run\([^)]*\bport\s*=\s*(\d{2,5})")]
    private static partial Regex RunPort();
}
