using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stagecraft.Reporting.SyntaxJson;

/// <summary>
/// Writes a position as <c>{ "line": 2, "column": 5, "offset": 22 }</c> on one line, even in indented output:
/// positions are most of the document, and five lines each would bury the structure.
/// </summary>
internal sealed class PositionJsonConverter : JsonConverter<PositionJson>
{
    public override PositionJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("A position must be an object.");
        int line = 0, column = 0, offset = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "line": line = reader.GetInt32(); break;
                case "column": column = reader.GetInt32(); break;
                case "offset": offset = reader.GetInt32(); break;
                default: reader.Skip(); break;
            }
        }
        return new PositionJson(line, column, offset);
    }

    public override void Write(Utf8JsonWriter writer, PositionJson value, JsonSerializerOptions options)
    {
        if (writer.Options.Indented)
        {
            writer.WriteRawValue(string.Create(CultureInfo.InvariantCulture,
                $"{{ \"line\": {value.Line}, \"column\": {value.Column}, \"offset\": {value.Offset} }}"), skipInputValidation: true);
            return;
        }
        writer.WriteStartObject();
        writer.WriteNumber("line", value.Line);
        writer.WriteNumber("column", value.Column);
        writer.WriteNumber("offset", value.Offset);
        writer.WriteEndObject();
    }
}
