using System.Collections.Concurrent;
using Ardalis.GuardClauses;
using Debitor.Core.Interest;

namespace Debitor.Core.Ports;

/// <summary>Looks up interest schemes by id (R3.1); the host may keep them in its own configuration.</summary>
public interface IInterestSchemeProvider
{
    /// <summary>The scheme with the given id.</summary>
    /// <param name="id">The scheme id, e.g. a customer's <see cref="Customers.Customer.InterestScheme"/>.</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="ArgumentException">No scheme has that id.</exception>
    InterestScheme GetScheme(SchemeId id);
}

/// <summary>
/// The shipped scheme registry: default schemes exist from the start, can be replaced, and more can be added (R3.1).
/// Thread-safe.
/// </summary>
/// <remarks>
/// Built-in ids: <c>default</c> and <c>de-business</c> — German statutory rate between businesses (base rate + 9 points,
/// §288(2) BGB) with the €40 recovery compensation (§288(5)); <c>default-consumer</c> and <c>de-consumer</c> — base rate
/// + 5 points (§288(1)); <c>de-business-before-2014</c> — + 8 points for obligations that arose before 29 July 2014;
/// <c>at-civil</c> — 4 % (§1000 ABGB); <c>ch-statutory</c> — 5 % with 30/360 (Art. 104 OR).
/// </remarks>
public sealed class InterestSchemeRegistry : IInterestSchemeProvider
{
    /// <summary>The id of the scheme customers get unless set otherwise.</summary>
    public static readonly SchemeId Default = new("default");

    /// <summary>The id used instead of <see cref="Default"/> for consumers (<see cref="Customers.Customer.IsConsumer"/>).</summary>
    public static readonly SchemeId DefaultConsumer = new("default-consumer");

    private readonly ConcurrentDictionary<SchemeId, InterestScheme> _schemes = new();

    /// <summary>Creates a registry holding the built-in schemes.</summary>
    public InterestSchemeRegistry()
    {
        var business = InterestScheme.GermanStatutory(consumerInvolved: false).WithRecoveryCompensation(new Money(40m, Currency.EUR));
        var consumer = InterestScheme.GermanStatutory(consumerInvolved: true);
        _schemes[Default] = business;
        _schemes[new SchemeId("de-business")] = business;
        _schemes[DefaultConsumer] = consumer;
        _schemes[new SchemeId("de-consumer")] = consumer;
        _schemes[new SchemeId("de-business-before-2014")] = InterestScheme.GermanStatutoryBusinessBeforeJuly2014().WithRecoveryCompensation(new Money(40m, Currency.EUR));
        _schemes[new SchemeId("at-civil")] = InterestScheme.AustrianCivil();
        _schemes[new SchemeId("ch-statutory")] = InterestScheme.SwissStatutory();
    }

    /// <inheritdoc />
    public InterestScheme GetScheme(SchemeId id) =>
        _schemes.TryGetValue(id, out var scheme) ? scheme : throw new ArgumentException($"No interest scheme has the id '{id}'.", nameof(id));

    /// <summary>Adds a scheme or replaces the one with the same id (also a built-in one).</summary>
    /// <param name="id">The id.</param>
    /// <param name="scheme">The scheme.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="scheme"/> is <see langword="null"/>.</exception>
    public void Set(SchemeId id, InterestScheme scheme)
    {
        Guard.Against.Default(id);
        _schemes[id] = Guard.Against.Null(scheme);
    }

    /// <summary>The scheme for a customer: its own scheme, and for consumers on the default the consumer default.</summary>
    /// <param name="provider">Where schemes are looked up.</param>
    /// <param name="customer">The customer.</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The customer's scheme id is unknown.</exception>
    internal static InterestScheme For(IInterestSchemeProvider provider, Customers.Customer customer)
    {
        Guard.Against.Null(customer);
        var id = customer.IsConsumer && customer.InterestScheme == Default ? DefaultConsumer : customer.InterestScheme;
        return provider.GetScheme(id);
    }
}
