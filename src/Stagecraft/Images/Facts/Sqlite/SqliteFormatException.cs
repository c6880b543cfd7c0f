namespace Stagecraft.Images.Facts.Sqlite;

/// <summary>A database file that does not follow the SQLite file format (truncated, corrupt or hostile); the message names the file and page.</summary>
public sealed class SqliteFormatException(string message) : StagecraftException(message);
