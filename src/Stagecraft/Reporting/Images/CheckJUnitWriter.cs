using System.Globalization;
using Stagecraft.Images.Policy;
using Stagecraft.Reporting.Findings;

namespace Stagecraft.Reporting.Images;

/// <summary>
/// <c>check --format junit</c>: one test suite for the image, one test case per rule (named by the rule id), a
/// <c>failure</c> for each failed rule — so CI test views (GitLab, Jenkins, GitHub test reporters) list every budget.
/// </summary>
public static class CheckJUnitWriter
{
    public static void Write(PolicyReport report, Stream output)
    {
        using var xml = XmlReports.CreateWriter(output);
        var suite = "stagecraft check " + report.Reference;
        var tests = report.Checks.Count.ToString(CultureInfo.InvariantCulture);
        var failures = report.FailedCount.ToString(CultureInfo.InvariantCulture);
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "stagecraft check");
        xml.WriteAttributeString("tests", tests);
        xml.WriteAttributeString("failures", failures);
        xml.WriteAttributeString("errors", "0");
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", XmlReports.Clean(suite));
        xml.WriteAttributeString("tests", tests);
        xml.WriteAttributeString("failures", failures);
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", "0");
        foreach (var check in report.Checks)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", XmlReports.Clean(suite));
            xml.WriteAttributeString("name", check.Rule);
            xml.WriteAttributeString("time", "0");
            if (!check.Passed)
            {
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("message", XmlReports.Clean($"{check.Rule}: {CheckText.Message(check)}"));
                xml.WriteAttributeString("type", check.Rule);
                var lines = new List<string> { $"{check.Measure}", $"measured: {CheckText.Measured(check)}", $"limit: {CheckText.Limit(check)}", $"set by: {check.Source}" };
                if (check.Detail is { } detail)
                    lines.Add(detail);
                lines.AddRange(check.Violations.Select(CheckText.Violation));
                xml.WriteString(XmlReports.Clean(string.Join('\n', lines)));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }
}
