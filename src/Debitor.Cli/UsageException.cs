namespace Debitor.Cli;

/// <summary>Thrown for a command line the CLI does not understand, or a command that cannot run as asked (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);
