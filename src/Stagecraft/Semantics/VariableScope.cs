using Stagecraft.Semantics.Expansion;

namespace Stagecraft.Semantics;

/// <summary>How a variable got its value in a scope.</summary>
public enum VariableOrigin
{
    /// <summary>A built-in platform argument such as TARGETARCH.</summary>
    BuiltIn,
    /// <summary>An ARG declaration (its default or a --build-arg).</summary>
    Arg,
    /// <summary>An ENV instruction (in this stage or a stage it is built on).</summary>
    Env,
}

/// <summary>One declared variable: its name, value (null when declared without one), and where it came from.</summary>
public sealed record Variable(string Name, string? Value, VariableOrigin Origin, Syntax.InstructionSyntax? DeclaredBy);

/// <summary>
/// The ARG and ENV variables visible at one point of a Dockerfile. Immutable: each declaration makes a new scope that
/// points at the previous one, so every instruction keeps the scope it saw at no copying cost.
/// </summary>
public sealed class VariableScope : IVariableLookup
{
    private readonly VariableScope? _parent;
    private readonly Variable? _variable;

    private VariableScope(VariableScope? parent, Variable? variable)
    {
        _parent = parent;
        _variable = variable;
    }

    public static VariableScope Empty { get; } = new(null, null);

    public VariableScope With(Variable variable) => new(this, variable);

    /// <summary>Finds a variable; ENV wins over ARG of the same name, as in BuildKit, whatever their order.</summary>
    public Variable? Find(string name)
    {
        Variable? arg = null;
        for (var scope = this; scope is not null; scope = scope._parent)
        {
            if (scope._variable is { } v && v.Name == name)
            {
                if (v.Origin == VariableOrigin.Env)
                    return v;
                arg ??= v;
            }
        }
        return arg;
    }

    /// <summary>True when the name was declared (an ARG without a value is declared but unset).</summary>
    public bool IsDeclared(string name) => Find(name) is not null;

    public bool TryGetValue(string name, out string value)
    {
        if (Find(name) is { Value: { } found })
        {
            value = found;
            return true;
        }
        value = "";
        return false;
    }

    /// <summary>Every visible variable, the winning declaration for each name.</summary>
    public IReadOnlyList<Variable> All()
    {
        var names = new List<string>();
        for (var scope = this; scope is not null; scope = scope._parent)
        {
            if (scope._variable is { } v && !names.Contains(v.Name))
                names.Add(v.Name);
        }
        names.Reverse();
        return names.Select(n => Find(n)!).ToArray();
    }
}
