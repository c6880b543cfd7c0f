namespace Stagecraft.Images.Facts.Security;

/// <summary>
/// One kind of secret file: which paths it matches, how many bytes of them the layer walk keeps (0: judged by name
/// alone), and how the kept bytes are read into a redacted hint (null: not a secret after all, like a .npmrc without a token).
/// </summary>
/// <param name="Inspect">Gets the path, the file's size and its bytes (null when not kept); returns the hint or null.</param>
internal sealed record SecretFileRule(SecretKind Kind, Func<string, bool> Matches, int ContentCap, Func<string, long, ReadOnlyMemory<byte>?, string?> Inspect);
