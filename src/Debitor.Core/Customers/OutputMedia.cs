namespace Debitor.Core.Customers;

/// <summary>The one rule choosing how a customer receives a kind of document (R3.5).</summary>
internal static class OutputMedia
{
    /// <summary>
    /// The medium set for the kind in the customer's master data; without one the customer's preferred channel, and post
    /// for a customer who prefers the phone (a document cannot be phoned).
    /// </summary>
    internal static OutputMedium For(Customer customer, CustomerMasterData data, DocumentKind kind) =>
        data.MediumFor(kind, customer.PreferredChannel == ContactChannel.Phone ? ContactChannel.Post : customer.PreferredChannel);
}
