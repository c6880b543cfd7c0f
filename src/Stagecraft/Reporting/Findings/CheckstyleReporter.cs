using System.Globalization;
using Stagecraft.Analysis;

namespace Stagecraft.Reporting.Findings;

/// <summary>
/// <c>checkstyle</c>: the Checkstyle 4.3 XML that CI plugins and review bots read — a <c>file</c> element per linted
/// file (clean ones too) holding an <c>error</c> per finding with its start, severity (info and style are both
/// <c>info</c>), message and <c>source</c> <c>stagecraft.ID</c>.
/// </summary>
public sealed class CheckstyleReporter : IFindingsReporter
{
    public const string Name = "checkstyle";

    public string Format => Name;

    public void Write(LintReport report, Stream output)
    {
        using (var xml = XmlReports.CreateWriter(output))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("checkstyle");
            xml.WriteAttributeString("version", "4.3");
            foreach (var file in report.Files)
            {
                xml.WriteStartElement("file");
                xml.WriteAttributeString("name", XmlReports.Clean(file.Path));
                foreach (var finding in file.Findings)
                {
                    var range = ShownRange.Of(finding, file.Source);
                    xml.WriteStartElement("error");
                    xml.WriteAttributeString("line", range.Line.ToString(CultureInfo.InvariantCulture));
                    xml.WriteAttributeString("column", range.Column.ToString(CultureInfo.InvariantCulture));
                    xml.WriteAttributeString("severity", Severity(finding.Severity));
                    xml.WriteAttributeString("message", XmlReports.Clean(finding.Message));
                    xml.WriteAttributeString("source", "stagecraft." + finding.Rule.Id);
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        output.WriteByte((byte)'\n');
    }

    /// <summary>Checkstyle knows error, warning, info and ignore.</summary>
    internal static string Severity(Severity severity) => severity switch
    {
        Analysis.Severity.Error => "error",
        Analysis.Severity.Warning => "warning",
        _ => "info",
    };
}
