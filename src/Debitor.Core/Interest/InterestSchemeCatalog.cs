using Ardalis.GuardClauses;
using Debitor.Core.Customers;

namespace Debitor.Core.Interest;

/// <summary>
/// A company's interest schemes by id (R3.1), and the one rule that finds a customer's scheme: the single source every
/// use of interest reads — dunning letters, interest invoices, statements, the headline and hand-overs.
/// </summary>
/// <remarks>
/// <para><see cref="Default"/> holds the shipped schemes: <c>default</c> and <c>de-business</c> — German statutory default
/// interest between businesses (base rate + 9 points, §288(2) BGB) with the €40 recovery compensation (§288(5));
/// <c>default-consumer</c> and <c>de-consumer</c> — base rate + 5 points where a consumer is involved (§288(1));
/// <c>de-business-before-2014</c> — + 8 points for obligations that arose before 29 July 2014; <c>at-civil</c> — 4 %
/// (§1000 ABGB); <c>ch-statutory</c> — 5 % with 30/360 (Art. 104 OR).</para>
/// <para><b>Consumers</b> (<see cref="Customer.IsConsumer"/>, §13 BGB) whose scheme is one of the German business
/// schemes (<c>default</c>, <c>de-business</c>) are charged under <c>default-consumer</c>: §288(2) BGB applies only where
/// no consumer is involved, so the business rate is never charged to a consumer by default.</para>
/// <para>Immutable and thread-safe; <see cref="With"/> returns a new catalog.</para>
/// </remarks>
public sealed class InterestSchemeCatalog
{
    /// <summary>The id of the scheme customers get unless set otherwise.</summary>
    public static readonly SchemeId DefaultId = new("default");

    /// <summary>The id used instead of a German business scheme for consumers.</summary>
    public static readonly SchemeId DefaultConsumerId = new("default-consumer");

    private static readonly SchemeId BusinessId = new("de-business");

    private readonly Dictionary<SchemeId, InterestScheme> _schemes;

    private InterestSchemeCatalog(Dictionary<SchemeId, InterestScheme> schemes) => _schemes = schemes;

    /// <summary>The shipped schemes (see the remarks of the type).</summary>
    public static InterestSchemeCatalog Default { get; } = CreateDefault();

    /// <summary>The schemes by id.</summary>
    public IReadOnlyDictionary<SchemeId, InterestScheme> Schemes => _schemes;

    /// <summary>Returns the catalog with a scheme added or replaced (also a shipped one).</summary>
    /// <param name="id">The id customers name it by (<see cref="Customer.InterestScheme"/>).</param>
    /// <param name="scheme">The scheme.</param>
    /// <returns>A new catalog.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="scheme"/> is <see langword="null"/>.</exception>
    public InterestSchemeCatalog With(SchemeId id, InterestScheme scheme)
    {
        Guard.Against.Default(id, nameof(id));
        Guard.Against.Null(scheme);
        return new(new(_schemes) { [id] = scheme });
    }

    /// <summary>The id of the scheme that applies to a customer: its own, and for a consumer on a German business scheme the consumer default.</summary>
    /// <param name="customer">The customer.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customer"/> is <see langword="null"/>.</exception>
    public static SchemeId SchemeIdFor(Customer customer)
    {
        Guard.Against.Null(customer);
        var id = customer.InterestScheme;
        return customer.IsConsumer && (id == DefaultId || id == BusinessId) ? DefaultConsumerId : id;
    }

    /// <summary>Finds the scheme that applies to a customer (see <see cref="SchemeIdFor"/>).</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="scheme">The scheme, when found.</param>
    /// <returns><see langword="false"/> when the catalog has no scheme with that id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customer"/> is <see langword="null"/>.</exception>
    public bool TryGetFor(Customer customer, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out InterestScheme? scheme) =>
        _schemes.TryGetValue(SchemeIdFor(customer), out scheme);

    /// <summary>The scheme that applies to a customer (see <see cref="SchemeIdFor"/>).</summary>
    /// <param name="customer">The customer.</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The catalog has no scheme with the customer's scheme id.</exception>
    public InterestScheme For(Customer customer) =>
        TryGetFor(customer, out var scheme)
            ? scheme
            : throw new ArgumentException($"No interest scheme has the id '{SchemeIdFor(customer)}' (customer '{customer.Id}').", nameof(customer));

    private static InterestSchemeCatalog CreateDefault()
    {
        var business = InterestScheme.GermanStatutory(consumerInvolved: false).WithRecoveryCompensation(new Money(40m, Currency.EUR));
        var consumer = InterestScheme.GermanStatutory(consumerInvolved: true);
        return new(new()
        {
            [DefaultId] = business,
            [BusinessId] = business,
            [DefaultConsumerId] = consumer,
            [new SchemeId("de-consumer")] = consumer,
            [new SchemeId("de-business-before-2014")] = InterestScheme.GermanStatutoryBusinessBeforeJuly2014().WithRecoveryCompensation(new Money(40m, Currency.EUR)),
            [new SchemeId("at-civil")] = InterestScheme.AustrianCivil(),
            [new SchemeId("ch-statutory")] = InterestScheme.SwissStatutory(),
        });
    }
}
