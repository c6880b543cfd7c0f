using System.Xml;
using System.Xml.Linq;

namespace Stagecraft.Generation.Detection;

/// <summary>The parts of a Maven pom.xml that detection reads, namespace-blind (poms with and without the POM namespace).</summary>
internal sealed class MavenPom
{
    private readonly XElement _project;

    private MavenPom(XElement project) => _project = project;

    /// <exception cref="StagecraftException">The file is not well-formed XML (one line, with its line number).</exception>
    public static MavenPom Parse(string text, string display)
    {
        try
        {
            return new MavenPom(XDocument.Parse(text, LoadOptions.SetLineInfo).Root ?? new XElement("project"));
        }
        catch (XmlException e)
        {
            throw new StagecraftException($"{display}:{e.LineNumber}: not valid XML: {e.Message.Split(" Line ")[0].TrimEnd('.', ' ')}", e);
        }
    }

    public string? ArtifactId => Child(_project, "artifactId")?.Value.Trim();

    public string? ParentArtifactId => Child(Child(_project, "parent"), "artifactId")?.Value.Trim();

    public string? ParentVersion => Child(Child(_project, "parent"), "version")?.Value.Trim();

    public IReadOnlyList<string> Modules => Children(Child(_project, "modules"), "module").Select(m => m.Value.Trim().TrimEnd('/')).ToArray();

    public string? Property(string name) => Child(Child(_project, "properties"), name)?.Value.Trim();

    /// <summary>The artifactIds of the dependencies (and of dependencyManagement's).</summary>
    public IEnumerable<string> DependencyIds => _project.Descendants().Where(e => e.Name.LocalName == "dependency")
        .Select(d => Child(d, "artifactId")?.Value.Trim() ?? "");

    /// <summary>A build plugin's element by artifactId, or null.</summary>
    public XElement? Plugin(string artifactId) => _project.Descendants().FirstOrDefault(e => e.Name.LocalName == "plugin" && Child(e, "artifactId")?.Value.Trim() == artifactId);

    /// <summary>A setting in a plugin's configuration (maven-compiler-plugin's release), or null.</summary>
    public string? PluginSetting(string artifactId, string setting) => Child(Child(Plugin(artifactId), "configuration"), setting)?.Value.Trim();

    private static XElement? Child(XElement? parent, string name) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static IEnumerable<XElement> Children(XElement? parent, string name) => parent?.Elements().Where(e => e.Name.LocalName == name) ?? [];
}
