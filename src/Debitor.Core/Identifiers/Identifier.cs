namespace Debitor.Core;

/// <summary>The one validation rule every textual identifier shares.</summary>
internal static class Identifier
{
    /// <summary>The longest identifier accepted; hosts' keys are short.</summary>
    internal const int MaxLength = 200;

    /// <summary>Returns the value when it is a usable identifier; throws otherwise.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, white space, longer than 200 characters or has surrounding white space or control characters.</exception>
    internal static string Require(string value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (value.Length == 0 || string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("An identifier must not be empty or white space.", parameterName);
        }

        if (value.Length > MaxLength)
        {
            throw new ArgumentException($"An identifier must not be longer than {MaxLength} characters.", parameterName);
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) || HasControl(value))
        {
            throw new ArgumentException("An identifier must not have surrounding white space or control characters.", parameterName);
        }

        return value;
    }

    /// <summary>Whether any character is a control character (<see cref="char.IsControl(char)"/>), without an enumerator per call.</summary>
    private static bool HasControl(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
