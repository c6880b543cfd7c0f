using System.Globalization;
using System.Xml;
using Stagecraft.Analysis;

namespace Stagecraft.Reporting.Findings;

/// <summary>
/// <c>junit</c>: JUnit XML for CI test views. One <c>testsuite</c> per linted file; each finding is a failing
/// <c>testcase</c> whose <c>failure</c> carries the message (attribute) and the gnu line, rule title and help link
/// (text); a clean file has one passing <c>testcase</c>, so it still shows up as checked.
/// </summary>
public sealed class JUnitReporter : IFindingsReporter
{
    public const string Name = "junit";

    /// <summary>The passing test case a clean file gets.</summary>
    public const string CleanTestName = "no findings";

    public string Format => Name;

    public void Write(LintReport report, Stream output)
    {
        var findings = report.Files.Sum(f => f.Findings.Count);
        var tests = report.Files.Sum(f => Math.Max(f.Findings.Count, 1));
        using (var xml = XmlReports.CreateWriter(output))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "stagecraft lint");
            WriteCounts(xml, tests, findings);
            foreach (var file in report.Files)
                WriteSuite(xml, file);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        output.WriteByte((byte)'\n');
    }

    private static void WriteSuite(XmlWriter xml, FileLintResult file)
    {
        var path = XmlReports.Clean(file.Path);
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", path);
        WriteCounts(xml, Math.Max(file.Findings.Count, 1), file.Findings.Count);
        if (file.Findings.Count == 0)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("name", CleanTestName);
            xml.WriteAttributeString("classname", path);
            xml.WriteEndElement();
        }
        foreach (var finding in file.Findings)
        {
            var range = ShownRange.Of(finding, file.Source);
            var position = string.Create(CultureInfo.InvariantCulture, $"{range.Line}:{range.Column}");
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("name", $"{finding.Rule.Id} {finding.Rule.Name} at {position}");
            xml.WriteAttributeString("classname", path);
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", XmlReports.Clean(finding.Message));
            xml.WriteAttributeString("type", Severities.Name(finding.Severity));
            xml.WriteString(XmlReports.Clean($"{GnuReporter.Line(finding, file.Source)}\n{finding.Rule.Title} ({finding.Rule.Name})\n{finding.Rule.HelpUri}"));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void WriteCounts(XmlWriter xml, int tests, int failures)
    {
        xml.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", "0");
    }
}
