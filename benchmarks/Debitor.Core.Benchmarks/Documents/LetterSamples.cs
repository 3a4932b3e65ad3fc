using Debitor.Core.Application;
using Debitor.Core.Banking;
using Debitor.Core.Customers;
using Debitor.Core.Documents;
using Debitor.Core.Documents.Rendering;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Core.Benchmarks.Documents;

/// <summary>The dunning letters the document benchmarks render: customers posted in memory, then one preview run.</summary>
internal static class LetterSamples
{
    public static readonly ReceivablesContact Contact = new("Erika Berger", "+49 40 3344-70", "forderungen@example.de");

    public static CompanyProfile Company { get; } = new("Sonnenschein Reisen GmbH", new PostalAddress(AddressKind.Main, "Sonnenschein Reisen GmbH", "Jungfernstieg 7", "20354", "Hamburg", "DE"), Iban.Parse("DE89370400440532013000"))
    {
        Bic = Bic.Parse("COBADEFFXXX"),
        RegisterCourt = "Amtsgericht Hamburg",
        RegisterNumber = "HRB 123456",
        ManagingDirectors = "Jana Sommer, Tim Winter",
    };

    /// <summary>
    /// Registers <paramref name="customers"/> customers (number <paramref name="firstNumber"/> + i, named by
    /// <paramref name="name"/>), posts <paramref name="entries"/> to each and previews the run of 23 November 2026.
    /// </summary>
    public static List<(DunningLetter Letter, LetterRecipient Recipient)> Letters(int customers, int firstNumber, Func<int, string> name, Func<CustomerId, int, JournalEntry[]> entries, string street)
    {
        var company = new CompanyId("bench");
        var clock = new FixedClock(Instant.FromUtc(2026, 11, 23, 9, 0));
        var store = new InMemoryCustomerAccountStore();
        var options = new DebitorCoreOptions { ReceivablesContact = Contact };
        var accounts = new CustomerAccountService(store, new RoleBasedAuthorization(), clock, options);
        var dunning = new DunningService(store, new RoleBasedAuthorization(), new InMemoryDunningSettingsProvider(), new InterestSchemeRegistry(), new InMemoryDunningLetterOutput(), clock, options);
        var actor = new Actor(new UserId("bench"), Roles.Accountant);
        for (var i = 1; i <= customers; i++)
        {
            var id = new CustomerId($"K-{firstNumber + i}");
            accounts.RegisterCustomerAsync(actor, new Customer(id, $"{firstNumber + i}", name(i), company)).GetAwaiter().GetResult();
            accounts.PostAllAsync(actor, id, entries(id, i)).GetAwaiter().GetResult();
        }

        var proposal = dunning.PreviewAsync(actor, new DunningRunRequest(new DunningRunId("MR-2026-11-23"), company, new LocalDate(2026, 11, 23))).GetAwaiter().GetResult();
        return [.. proposal.Letters.Select(l => (l, new LetterRecipient(l.Recipient.Name, [street, "20095 Hamburg"]) { CustomerNumber = l.Recipient.Number }))];
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
