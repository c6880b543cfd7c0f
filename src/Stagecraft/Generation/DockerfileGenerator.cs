using Stagecraft.Generation.Writing;

namespace Stagecraft.Generation;

/// <summary>The files <c>stagecraft init</c> writes for a plan.</summary>
/// <param name="DockerIgnoreFileName">.dockerignore, or Dockerfile.dockerignore when the build context is a folder above the Dockerfile.</param>
public sealed record GeneratedFiles(string Dockerfile, string DockerIgnore, string DockerIgnoreFileName);

/// <summary>Writes the Dockerfile and .dockerignore of a <see cref="ProjectPlan"/>: pure text, nothing touches the disk.</summary>
public static class DockerfileGenerator
{
    public static GeneratedFiles Generate(ProjectPlan plan)
    {
        var dockerfile = plan.Stack.Value switch
        {
            Stack.Node => NodeDockerfile.Write(plan),
            Stack.Python => PythonDockerfile.Write(plan),
            Stack.Go => GoDockerfile.Write(plan),
            Stack.Rust => RustDockerfile.Write(plan),
            Stack.Java => JavaDockerfile.Write(plan),
            Stack.DotNet => DotNetDockerfile.Write(plan),
            Stack.Ruby => RubyDockerfile.Write(plan),
            _ => PhpDockerfile.Write(plan),
        };
        return new GeneratedFiles(dockerfile, DockerIgnoreWriter.Write(plan), plan.DockerIgnoreFileName);
    }
}
