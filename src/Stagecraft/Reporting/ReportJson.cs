using System.Text.Encodings.Web;
using System.Text.Json;

namespace Stagecraft.Reporting;

/// <summary>How every hand-written JSON report is laid out: indented, and text kept readable (no \u escapes for quotes or non-ASCII).</summary>
internal static class ReportJson
{
    public static JsonWriterOptions WriterOptions { get; } = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Utf8JsonWriter Writer(Stream output) => new(output, WriterOptions);
}
