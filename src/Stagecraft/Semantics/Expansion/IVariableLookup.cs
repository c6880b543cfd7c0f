namespace Stagecraft.Semantics.Expansion;

/// <summary>The variables in scope for an expansion (ARG and ENV values); a name can be set to an empty value.</summary>
public interface IVariableLookup
{
    /// <summary>Returns true and the value when <paramref name="name"/> is set, even to an empty string.</summary>
    bool TryGetValue(string name, out string value);
}
