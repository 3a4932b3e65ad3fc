using Debitor.Core.Ledger;

namespace Debitor.Core.Credit;

/// <summary>Checks the credit-control journal entries before they are appended (called by <see cref="LedgerRules"/>).</summary>
internal static class CreditEntryRules
{
    /// <exception cref="ArgumentException">The entry does not fit the account.</exception>
    internal static void Check(CustomerAccount account, JournalEntry entry, string parameterName)
    {
        switch (entry)
        {
            case CreditBlockSet set:
                Text(set.Reason, "a reason", parameterName);
                if (!Enum.IsDefined(set.Level) || set.Level == CreditBlockLevel.None)
                {
                    throw Refuse($"{set.Level} is not a block level; lift the block instead of setting None.", parameterName);
                }

                break;
            case CreditBlockLifted:
                if (CreditBlock.Current(account) is null)
                {
                    throw Refuse($"customer '{account.Id}' has no block to lift.", parameterName);
                }

                break;
            case CreditControlOverridden overridden:
                Text(overridden.Note, "a note (mandatory for an override, R2.5)", parameterName);
                if (!Enum.IsDefined(overridden.Document))
                {
                    throw Refuse($"{overridden.Document} is not a valid {nameof(SalesDocumentKind)}.", parameterName);
                }

                if (overridden.Reasons is null || overridden.Reasons.Count == 0 || overridden.Reasons.Any(r => !Enum.IsDefined(r)))
                {
                    throw Refuse("an override names at least one valid reason.", parameterName);
                }

                if (overridden.Amount is { } amount && (amount.Currency.Code.Length == 0 || amount.IsNegative))
                {
                    throw Refuse($"the document amount must be zero or more, in a currency; it is {amount.ToString()}.", parameterName);
                }

                break;
        }
    }

    private static void Text(string? text, string what, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Refuse($"it needs {what}.", parameterName);
        }
    }

    private static ArgumentException Refuse(string reason, string parameterName) => new($"The entry is refused: {reason}", parameterName);
}
