namespace Stagecraft.Semantics.Expansion;

/// <summary>An <see cref="IVariableLookup"/> over a dictionary; the dictionary's own comparer decides whether names are case-sensitive.</summary>
public sealed class DictionaryVariableLookup : IVariableLookup
{
    private readonly IReadOnlyDictionary<string, string> _values;

    public DictionaryVariableLookup(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values;
    }

    /// <summary>A lookup in which no variable is set.</summary>
    public static DictionaryVariableLookup Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    public bool TryGetValue(string name, out string value)
    {
        if (_values.TryGetValue(name, out var found))
        {
            value = found;
            return true;
        }
        value = "";
        return false;
    }
}
