using Ardalis.GuardClauses;
using Debitor.Core.Ledger;

namespace Debitor.Core.Payments;

/// <summary>A payment as it arrives from the bank (or the cash desk), before it is applied.</summary>
/// <remarks>
/// <para>The amount is taken as given: a zero, negative or unrounded amount is not a caller mistake here but a
/// business answer: the application layer refuses it (<see cref="PaymentRefusalReason"/>) and nothing changes.</para>
/// <para>The payer's designation (BGB §366(1)) is read from <see cref="Reference"/> (document numbers found in the
/// text) and from <see cref="DesignatedItems"/> (items named explicitly, e.g. by a host's matching screen).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record IncomingPayment
{
    private readonly ValueList<EntryId> _designatedItems = ValueList<EntryId>.Empty;
    private readonly ValueList<LateDiscountDecision> _lateDiscountDecisions = ValueList<LateDiscountDecision>.Empty;
    private readonly Money _amount;

    /// <summary>Creates a payment.</summary>
    /// <param name="id">The payment's key; the journal entries it produces derive their ids from it. At most 150 characters.</param>
    /// <param name="amount">The amount received; must have a currency.</param>
    /// <param name="valueDate">The value date: the date the money counts as received (cash discount, due dates).</param>
    /// <param name="method">How it was paid.</param>
    /// <param name="reference">The reference text (German <em>Verwendungszweck</em>), or <see langword="null"/>.</param>
    /// <param name="designatedItems">Items the payer named explicitly; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default</c> or longer than 150 characters,
    /// <paramref name="amount"/> has no currency or is beyond <see cref="Bounds.MaxAmount"/>, <paramref name="method"/> is undefined, or a designated item is <c>default</c>.</exception>
    public IncomingPayment(EntryId id, Money amount, LocalDate valueDate, PaymentMethod method = PaymentMethod.Transfer, string? reference = null, IEnumerable<EntryId>? designatedItems = null)
    {
        Id = Guard.Against.Default(id, nameof(id));
        if (id.Value.Length > MaxIdLength)
        {
            throw new ArgumentException($"A payment id must not be longer than {MaxIdLength} characters: the ids of its entries are derived from it.", nameof(id));
        }

        GuardClauseExtensions.RequireCurrency(amount, nameof(amount));
        Amount = Bounds.Amount(amount, nameof(amount));
        ValueDate = valueDate;
        Method = Guard.Against.EnumOutOfRange(method, nameof(method));
        Reference = reference;
        DesignatedItems = designatedItems is null ? ValueList<EntryId>.Empty : ValueList<EntryId>.From(designatedItems);
    }

    /// <summary>The longest payment id accepted: entries derived from it append a suffix of up to 50 characters.</summary>
    public const int MaxIdLength = 150;

    /// <summary>The payment's key.</summary>
    public EntryId Id { get; }

    /// <summary>The amount received.</summary>
    /// <exception cref="ArgumentException">Set to an amount without a currency or beyond <see cref="Bounds.MaxAmount"/>.</exception>
    public Money Amount
    {
        get => _amount;
        init
        {
            GuardClauseExtensions.RequireCurrency(value, nameof(Amount));
            _amount = Bounds.Amount(value, nameof(Amount));
        }
    }

    /// <summary>The value date.</summary>
    public LocalDate ValueDate { get; }

    /// <summary>How it was paid.</summary>
    public PaymentMethod Method { get; }

    /// <summary>The reference text, or <see langword="null"/>.</summary>
    public string? Reference { get; }

    /// <summary>
    /// The accountant's (or a host rule's) decisions on late cash discounts, per invoice: a discount claimed within the
    /// customer's tolerance days after the discount date is granted or refused as decided here; invoices not named follow
    /// <see cref="AllocationSettings.LateDiscount"/>. Compared by content.
    /// </summary>
    /// <exception cref="ArgumentException">Set with a missing decision, a decision without an item, or two decisions for one item.</exception>
    public IReadOnlyList<LateDiscountDecision> LateDiscountDecisions
    {
        get => _lateDiscountDecisions;
        init
        {
            var list = ValueList<LateDiscountDecision>.From(Guard.Against.Null(value, nameof(LateDiscountDecisions)));
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is null || list[i].Item.IsEmpty)
                {
                    throw new ArgumentException("A late-discount decision needs an item.", nameof(LateDiscountDecisions));
                }

                for (var k = 0; k < i; k++)
                {
                    if (list[k].Item == list[i].Item)
                    {
                        throw new ArgumentException($"Two late-discount decisions for item '{list[i].Item}'.", nameof(LateDiscountDecisions));
                    }
                }
            }

            _lateDiscountDecisions = list;
        }
    }

    /// <summary>Items the payer named explicitly (BGB §366(1)), compared by content.</summary>
    /// <exception cref="ArgumentException">Set with a <c>default</c> id.</exception>
    public IReadOnlyList<EntryId> DesignatedItems
    {
        get => _designatedItems;
        init
        {
            var list = ValueList<EntryId>.From(Guard.Against.Null(value, nameof(DesignatedItems)));
            foreach (var item in list)
            {
                if (item.IsEmpty)
                {
                    throw new ArgumentException("A designated item needs an id.", nameof(DesignatedItems));
                }
            }

            _designatedItems = list;
        }
    }
}
