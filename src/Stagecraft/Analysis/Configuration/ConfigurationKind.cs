namespace Stagecraft.Analysis.Configuration;

/// <summary>Which format a run's settings were read in.</summary>
public enum ConfigurationKind
{
    /// <summary>No file and no <c>HADOLINT_*</c> variable: the defaults.</summary>
    None,

    /// <summary><c>.stagecraft.yaml</c>.</summary>
    Stagecraft,

    /// <summary>hadolint's file and/or its <c>HADOLINT_*</c> variables.</summary>
    Hadolint,
}
