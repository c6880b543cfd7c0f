namespace Stagecraft.Analysis.Context;

/// <summary>One instruction of a compiled expression; jump targets are absolute once the program is built.</summary>
internal readonly record struct ExpressionStep(ExpressionOperation Operation, int Argument = 0);
