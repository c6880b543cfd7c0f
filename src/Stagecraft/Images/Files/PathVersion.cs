namespace Stagecraft.Images.Files;

/// <summary>One entry a layer holds for a path (whiteouts and opaque markers included), as kept in the index.</summary>
public readonly record struct PathVersion(int Layer, LayerEntry Entry);
