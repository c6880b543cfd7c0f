using System.Text.Encodings.Web;
using System.Text.Json;
using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Reporting.SyntaxJson;

/// <summary>Writes a parsed Dockerfile as the JSON described in docs/parse-json.md.</summary>
public static class SyntaxJsonWriter
{
    // Dockerfiles are full of '<', '>', '&' and '\'' (heredocs, shell); the default encoder would write them as
    // \u003C and friends. The output is never embedded in HTML, so the relaxed encoder keeps it readable.
    private static readonly SyntaxJsonContext Context = new(new JsonSerializerOptions(SyntaxJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Writes the document as UTF-8 JSON followed by a newline.</summary>
    public static void Write(SemanticModel model, Stream output, string? path = null)
    {
        JsonSerializer.Serialize(output, SyntaxJsonMapper.ToDocument(model, path), Context.SyntaxJsonDocument);
        output.WriteByte((byte)'\n');
    }

    public static string ToJson(SemanticModel model, string? path = null) =>
        JsonSerializer.Serialize(SyntaxJsonMapper.ToDocument(model, path), Context.SyntaxJsonDocument) + "\n";

    /// <summary>Builds the semantic model with default build settings, then writes it.</summary>
    public static string ToJson(SyntaxTree tree, string? path = null) => ToJson(SemanticModel.Build(tree), path);
}
