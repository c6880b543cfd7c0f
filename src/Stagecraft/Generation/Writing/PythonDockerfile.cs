namespace Stagecraft.Generation.Writing;

/// <summary>
/// The Dockerfile of a Python plan: dependencies installed into a virtual environment in a build stage (on the full
/// image, with compilers, only when a package needs them), and a slim final stage that gets the environment and the source.
/// </summary>
internal static class PythonDockerfile
{
    private const string Venv = "/opt/venv";
    private const string User = "10001:10001";
    private static readonly string PipCache = DockerfileText.Cache("/root/.cache/pip");

    public static string Write(ProjectPlan plan)
    {
        var python = plan.Python!;
        var manager = plan.PackageManager.Value;
        var text = new DockerfileText();
        var native = python.NativePackages.Value;
        Header.Write(text, plan, [native.Count > 0 ? $"C extensions: {string.Join(", ", native)}" : null]);
        var hasDependencies = python.Manifests.Count > 0 || File.Exists(Path.Combine(plan.AppDirectory, "pyproject.toml")) || File.Exists(Path.Combine(plan.AppDirectory, "setup.py"));
        var runtimeBase = plan.RuntimeImage.Value;

        if (manager == PackageManagerKind.Uv && hasDependencies)
            text.Stage("uv", Detection.Images.Uv, "provides the uv binary for the build");

        text.Stage("base", runtimeBase, "is the Python image the application runs on");
        text.Line("ENV PYTHONDONTWRITEBYTECODE=1 \\\n    PYTHONUNBUFFERED=1");
        text.Line("WORKDIR /app");

        var testFrom = "base";
        if (hasDependencies)
        {
            if (native.Count > 0)
            {
                text.Stage("build", plan.BuildImage.Value, $"has the compilers and headers to build {string.Join(", ", native)}; it installs the dependencies into a virtual environment");
                text.Line("ENV PYTHONDONTWRITEBYTECODE=1");
                text.Line("WORKDIR /app");
            }
            else
            {
                text.Stage("build", "base", "installs the dependencies into a virtual environment");
            }
            text.Line($"ENV VIRTUAL_ENV={Venv} \\\n    PATH={Venv}/bin:$PATH");
            Install(text, plan, python, manager);
            testFrom = "build";
        }

        if (plan.Test is { } test)
        {
            text.Stage("test", testFrom, "runs the tests: docker build --target test .");
            InstallDev(text, python, manager);
            text.Line("COPY . .");
            text.Run(test.Value);
        }

        text.Stage("runtime", "base", "is the image that runs the application");
        var user = "groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home --no-log-init app";
        if (python.RuntimeLibraries.Count > 0)
        {
            text.Run([DockerfileText.Cache("/var/cache/apt", locked: true), DockerfileText.Cache("/var/lib/apt/lists", locked: true)],
                "apt-get update",
                $"apt-get install -y --no-install-recommends {string.Join(' ', python.RuntimeLibraries)}",
                user);
        }
        else
        {
            text.Run(user);
        }
        if (hasDependencies)
        {
            text.Line($"COPY --from=build {Venv} {Venv}");
            text.Line($"ENV VIRTUAL_ENV={Venv} \\\n    PATH={Venv}/bin:$PATH");
        }
        text.Line("COPY . .");
        RuntimeTail.Write(text, plan, User, Probe.Python(plan));
        return text.ToString();
    }

    private static void Install(DockerfileText text, ProjectPlan plan, PythonProject python, PackageManagerKind manager)
    {
        var copy = python.Manifests.Count > 0 ? $"COPY {string.Join(' ', python.Manifests)} ./" : null;
        switch (manager)
        {
            case PackageManagerKind.Poetry:
                // Poetry lives in its own environment so it never reaches the application's.
                text.Run([PipCache], $"python -m venv /opt/poetry", $"/opt/poetry/bin/pip install poetry=={Detection.Images.PoetryVersion}", $"python -m venv {Venv}");
                text.Line(copy!);
                text.Run([DockerfileText.Cache("/root/.cache/pypoetry")], "/opt/poetry/bin/poetry install --only main --no-root --no-interaction");
                break;
            case PackageManagerKind.Uv:
                text.Line("COPY --from=uv /uv /usr/local/bin/uv");
                text.Line($"ENV UV_PROJECT_ENVIRONMENT={Venv} \\\n    UV_LINK_MODE=copy \\\n    UV_PYTHON_DOWNLOADS=never");
                text.Line(copy!);
                text.Run([DockerfileText.Cache("/root/.cache/uv")], "uv sync " + (python.Manifests.Contains("uv.lock") ? "--locked " : "") + "--no-dev --no-install-project");
                break;
            case PackageManagerKind.Pipenv:
                text.Run([PipCache], "python -m venv /opt/pipenv", $"/opt/pipenv/bin/pip install pipenv=={Detection.Images.PipenvVersion}", $"python -m venv {Venv}");
                text.Line(copy!);
                text.Run([PipCache], "/opt/pipenv/bin/pipenv requirements > /tmp/requirements.txt", "pip install -r /tmp/requirements.txt");
                break;
            default:
                text.Run($"python -m venv {Venv}");
                if (copy is not null)
                {
                    text.Line(copy);
                    text.Run([PipCache], $"pip install -r {python.Manifests[0]}");
                }
                else
                {
                    // Without a requirements file the project itself lists its dependencies, so the source comes first.
                    text.Line("COPY . .");
                    text.Run([PipCache], "pip install .");
                }
                break;
        }
    }

    private static void InstallDev(DockerfileText text, PythonProject python, PackageManagerKind manager)
    {
        switch (manager)
        {
            case PackageManagerKind.Poetry:
                text.Run([DockerfileText.Cache("/root/.cache/pypoetry")], "/opt/poetry/bin/poetry install --no-root --no-interaction");
                break;
            case PackageManagerKind.Uv:
                text.Run([DockerfileText.Cache("/root/.cache/uv")], "uv sync " + (python.Manifests.Contains("uv.lock") ? "--locked " : "") + "--no-install-project");
                break;
            case PackageManagerKind.Pipenv:
                text.Run([PipCache], "/opt/pipenv/bin/pipenv requirements --dev > /tmp/requirements-dev.txt", "pip install -r /tmp/requirements-dev.txt");
                break;
            default:
                if (python.DevRequirements is { } dev)
                {
                    text.Line($"COPY {dev} ./{(dev.Contains('/') ? dev[..(dev.LastIndexOf('/') + 1)] : "")}");
                    text.Run([PipCache], $"pip install -r {dev}");
                }
                break;
        }
    }
}
