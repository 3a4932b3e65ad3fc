namespace Debitor.Core.Documents.Rendering;

/// <summary>A document template does not parse, or names a field the document does not have; raised when it is loaded.</summary>
public sealed class DocumentTemplateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DocumentTemplateException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public DocumentTemplateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public DocumentTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for one template and field.</summary>
    /// <param name="template">The template's name.</param>
    /// <param name="field">The field, or <see langword="null"/> when the template does not parse.</param>
    /// <param name="message">What is wrong.</param>
    public DocumentTemplateException(string template, string? field, string message)
        : base(message)
    {
        Template = template;
        Field = field;
    }

    /// <summary>The template's name (e.g. "dunning-letter").</summary>
    public string? Template { get; }

    /// <summary>The unknown field (e.g. "recipient.zip"), or <see langword="null"/>.</summary>
    public string? Field { get; }
}
