namespace Debitor.Core;

/// <summary>
/// The common base of every exception the library throws when a domain rule is broken
/// (as opposed to a caller mistake, which throws the <see cref="ArgumentException"/> family).
/// </summary>
/// <remarks>
/// Catch this type to handle every rule violation of Debitor.Core in one place.
/// It derives from <see cref="InvalidOperationException"/>: the operation was refused
/// because of the state of the values involved, not because an argument was malformed.
/// </remarks>
public abstract class DebitorException : InvalidOperationException
{
    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What rule was broken and why.</param>
    protected DebitorException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What rule was broken and why.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    protected DebitorException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
