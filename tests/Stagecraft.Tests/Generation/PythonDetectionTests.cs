using Stagecraft.Generation;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Generation;

/// <summary>Python projects: pip, poetry, uv and pipenv; Django, Flask and FastAPI start commands; C extensions; versions.</summary>
public sealed class PythonDetectionTests : IDisposable
{
    private readonly TempDirectory _temp = new TempDirectory().AsRepository();

    public void Dispose() => _temp.Dispose();

    private string Project(params (string Name, string Text)[] files) => _temp.WithFiles(files);

    [Fact]
    public void A_Flask_app_with_requirements_runs_under_gunicorn_and_tests_with_the_dev_requirements()
    {
        var generated = Generated.For(Project(
            ("requirements.txt", "flask==3.1.0\ngunicorn==23.0.0  # the server\n-r requirements/extra.txt\n"),
            ("requirements/extra.txt", "requests==2.32.3\n"),
            ("requirements-dev.txt", "pytest==8.3.4\n"),
            (".python-version", "3.12\n"),
            ("web/app.py", "from flask import Flask\napp = Flask(__name__)\n\n@app.get('/health')\ndef health():\n    return 'ok'\n"),
            ("tests/test_app.py", "def test_ok():\n    assert True\n")));
        var plan = generated.Plan;

        Assert.Equal(new Decided<PackageManagerKind>(PackageManagerKind.Pip, "requirements.txt"), plan.PackageManager);
        Assert.Equal(new Decided<string>("3.12.11", ".python-version (3.12)"), plan.Version);
        Assert.Equal("Flask", plan.Framework?.Value);
        Assert.Equal(["gunicorn", "--bind", "0.0.0.0:8000", "web.app:app"], plan.Start.Value);
        Assert.Equal("web/app.py, gunicorn", plan.Start.Evidence);
        Assert.Equal(8000, plan.Port?.Value);
        Assert.Equal(new Decided<string>("/health", "web/app.py:4"), plan.HealthPath);
        Assert.Equal(new Decided<string>("python -m pytest", "dependency pytest"), plan.Test);
        Assert.Equal(["requirements.txt", "requirements/extra.txt"], plan.Python!.Manifests);
        Assert.Empty(plan.Notes);

        var build = generated.Stage("build");
        Assert.Contains("RUN python -m venv /opt/venv", build);
        Assert.Contains("COPY requirements.txt requirements/extra.txt ./", build);
        Assert.Contains("--mount=type=cache,target=/root/.cache/pip \\\n    pip install -r requirements.txt", build);
        Assert.Contains("pip install -r requirements-dev.txt", generated.Stage("test"));
        var final = generated.FinalStage;
        Assert.Contains("FROM base AS runtime", final);
        Assert.Contains("COPY --from=build /opt/venv /opt/venv", final);
        Assert.Contains("USER 10001:10001", final);
        Assert.DoesNotContain("pytest", final);
        Assert.Contains("FROM python:3.12.11-slim-bookworm AS base", generated.Files.Dockerfile);
        generated.AssertLintsClean();
    }

    [Fact]
    public void A_Django_project_serves_its_wsgi_module_named_in_manage_py()
    {
        var generated = Generated.For(Project(
            ("requirements.txt", "Django==5.1.4\ngunicorn==23.0.0\n"),
            ("manage.py", "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n"),
            ("mysite/wsgi.py", "application = get_wsgi_application()\n")));

        Assert.Equal(new Decided<string>("Django", "dependency django"), generated.Plan.Framework);
        Assert.Equal(["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi:application"], generated.Plan.Start.Value);
        Assert.Null(generated.Plan.HealthPath);
        Assert.Contains("socket.create_connection(('127.0.0.1', 8000)", generated.FinalStage);
        generated.AssertLintsClean();
    }

    [Fact]
    public void A_FastAPI_app_with_uv_syncs_the_locked_environment_without_dev_dependencies()
    {
        var generated = Generated.For(Project(
            ("pyproject.toml", """
                [project]
                name = "svc"
                requires-python = ">=3.10,<3.13"
                dependencies = [
                    "fastapi[standard]>=0.115",  # brings uvicorn
                    "psycopg2==2.9.10",
                ]

                [dependency-groups]
                dev = ["pytest>=8"]
                """),
            ("uv.lock", "version = 1\n"),
            ("app/main.py", "from fastapi import FastAPI\n\napi = FastAPI()\n")));
        var plan = generated.Plan;

        Assert.Equal(new Decided<PackageManagerKind>(PackageManagerKind.Uv, "uv.lock"), plan.PackageManager);
        Assert.Equal(new Decided<string>("3.12.11", "pyproject.toml requires-python (>=3.10,<3.13)"), plan.Version);
        Assert.Equal(["uvicorn", "app.main:api", "--host", "0.0.0.0", "--port", "8000"], plan.Start.Value);
        Assert.DoesNotContain(plan.Notes, n => n.Contains("uvicorn", StringComparison.Ordinal));
        Assert.Equal(["psycopg2"], plan.Python!.NativePackages.Value);
        Assert.Equal(["libpq5=15.*"], plan.Python.RuntimeLibraries);
        Assert.Equal("python:3.12.11-bookworm", plan.BuildImage.Value);

        var build = generated.Stage("build");
        Assert.Contains("FROM python:3.12.11-bookworm AS build", build);
        Assert.Contains("COPY --from=uv /uv /usr/local/bin/uv", build);
        Assert.Contains("COPY pyproject.toml uv.lock ./", build);
        Assert.Contains("uv sync --locked --no-dev --no-install-project", build);
        Assert.Contains("uv sync --locked --no-install-project", generated.Stage("test"));
        var final = generated.FinalStage;
        Assert.Contains("apt-get install -y --no-install-recommends libpq5=15.*", final);
        Assert.Contains("--mount=type=cache,target=/var/lib/apt/lists,sharing=locked", final);
        Assert.DoesNotContain("uv", final.Replace("uvicorn", ""));
        generated.AssertLintsClean();
    }

    [Fact]
    public void Poetry_installs_only_the_main_group_with_poetry_kept_out_of_the_application_environment()
    {
        var generated = Generated.For(Project(
            ("pyproject.toml", """
                [tool.poetry]
                name = "svc"

                [tool.poetry.dependencies]
                python = "^3.11"
                flask = "^3.1"
                gunicorn = { version = "^23.0" }
                mysqlclient = "^2.2"
                """),
            ("poetry.lock", "# poetry\n"),
            ("svc/__init__.py", "from flask import Flask\n\ndef create_app():\n    return Flask(__name__)\n")));
        var plan = generated.Plan;

        Assert.Equal(new Decided<PackageManagerKind>(PackageManagerKind.Poetry, "poetry.lock"), plan.PackageManager);
        Assert.Equal(new Decided<string>("3.13.7", "pyproject.toml [tool.poetry.dependencies] python (^3.11)"), plan.Version);
        Assert.Equal(["gunicorn", "--bind", "0.0.0.0:8000", "svc:create_app()"], plan.Start.Value);
        Assert.Equal(["libmariadb3=1:10.11.*"], plan.Python!.RuntimeLibraries);
        var build = generated.Stage("build");
        Assert.Contains("/opt/poetry/bin/pip install poetry==", build);
        Assert.Contains("/opt/poetry/bin/poetry install --only main --no-root --no-interaction", build);
        Assert.DoesNotContain("poetry", generated.FinalStage);
        generated.AssertLintsClean();
    }

    [Fact]
    public void Pipenv_installs_the_requirements_of_its_lockfile()
    {
        var generated = Generated.For(Project(
            ("Pipfile", "[packages]\nflask = \"*\"\n\n[requires]\npython_version = \"3.11\"\n"),
            ("Pipfile.lock", """{ "default": { "flask": {} } }"""),
            ("app.py", "from flask import Flask\napp = Flask(__name__)\n")));

        Assert.Equal(PackageManagerKind.Pipenv, generated.Plan.PackageManager.Value);
        Assert.Equal(new Decided<string>("3.11.13", "Pipfile [requires] python_version (3.11)"), generated.Plan.Version);
        Assert.Contains("COPY Pipfile Pipfile.lock ./", generated.Stage("build"));
        Assert.Contains("/opt/pipenv/bin/pipenv requirements > /tmp/requirements.txt", generated.Stage("build"));
        Assert.Contains(generated.Plan.Notes, n => n.StartsWith("gunicorn is not among the dependencies", StringComparison.Ordinal));
        generated.AssertLintsClean();
    }

    [Fact]
    public void A_script_without_dependencies_gets_no_build_stage()
    {
        var generated = Generated.For(Project(
            ("app.py", "port = int(os.environ.get(\"PORT\", \"8000\"))\nif path == \"/health\":\n    pass\n"),
            ("test_app.py", "import unittest\n"),
            ("runtime.txt", "python-3.11.4\n")));

        Assert.Equal(new Decided<string>("3.11.4", "runtime.txt (3.11.4)"), generated.Plan.Version);
        Assert.Equal(["python", "app.py"], generated.Plan.Start.Value);
        Assert.Equal(new Decided<int>(8000, "app.py:1"), generated.Plan.Port);
        Assert.Equal(new Decided<string>("python -m unittest", "test_app.py (unittest)"), generated.Plan.Test);
        Assert.DoesNotContain(" AS build", generated.Files.Dockerfile);
        Assert.DoesNotContain("venv", generated.Files.Dockerfile);
        generated.AssertLintsClean();
    }

    [Fact]
    public void Two_lockfiles_are_an_error_naming_both()
    {
        var folder = Project(("pyproject.toml", "[project]\nname = \"x\"\n"), ("uv.lock", ""), ("poetry.lock", ""));

        var error = Assert.Throws<AmbiguousProjectException>(() => ProjectDetector.Detect(folder));

        Assert.EndsWith("conflicting lockfiles uv.lock (uv) and poetry.lock (poetry): delete the stale one or pass --package-manager", error.Message);
    }

    [Fact]
    public void A_pyproject_without_lockfile_or_requirements_installs_the_project_after_its_source()
    {
        var generated = Generated.For(Project(("pyproject.toml", "[project]\nname = \"x\"\ndependencies = [\"flask\", \"gunicorn\"]\n"), ("app.py", "app = Flask(__name__)\n")));

        Assert.Contains(generated.Plan.Notes, n => n.StartsWith("no requirements.txt or lockfile", StringComparison.Ordinal));
        Assert.Contains("COPY . .\nRUN --mount=type=cache,target=/root/.cache/pip \\\n    pip install .\n", generated.Stage("build"));
        generated.AssertLintsClean();
    }
}
