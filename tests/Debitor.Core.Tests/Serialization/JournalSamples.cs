using System.Globalization;
using Debitor.Core.Agreements;
using Debitor.Core.Banking;
using Debitor.Core.Collections;
using Debitor.Core.Communication;
using Debitor.Core.Credit;
using Debitor.Core.Customers;
using Debitor.Core.Files;
using Debitor.Core.FollowUps;
using Debitor.Core.Ledger;

namespace Debitor.Core.Tests.Serialization;

/// <summary>
/// Builds a valid entry of any kind from a random source: used with a fixed seed for the golden files and with
/// FsCheck-drawn seeds for the round-trip property. A new entry kind needs one case in <see cref="Build"/>.
/// </summary>
internal static class JournalSamples
{
    private static readonly string[] Texts =
    [
        "Mahnung", "Zahlungserinnerung zur Rechnung 2026-0815", "Müller & Söhne GmbH", "Straße \"Am Hafen\" 7",
        "Teilzahlung vereinbart\nRest folgt", "ÄÖÜ äöü ß €", "Reisebüro Nord", "x",
    ];

    private static readonly Currency[] Currencies = [Currency.EUR, Currency.CHF, Currency.USD, Currency.JPY];

    /// <summary>Every concrete entry kind of the library (by reflection), so a new kind cannot be forgotten.</summary>
    public static IReadOnlyList<Type> AllKinds { get; } =
    [
        .. typeof(JournalEntry).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(JournalEntry)) && !t.IsAbstract)
            .OrderBy(t => t.Name, StringComparer.Ordinal),
    ];

    public static JournalEntry Build(Type kind, Random r) => kind.Name switch
    {
        nameof(CustomerRegistered) => new CustomerRegistered(Id(r), Customer(r)),
        nameof(CustomerSettingsChanged) => new CustomerSettingsChanged(Id(r), Customer(r)),
        nameof(CustomerArchived) => new CustomerArchived(Id(r), Text(r)),
        nameof(InvoicePosted) => Invoice(r),
        nameof(ChargePosted) => new ChargePosted(Id(r), Pick<ChargeKind>(r), Text(r), Date(r), Date(r), Money(r), Maybe(r, Id))
        {
            InterestThrough = Maybe(r, Date),
            DelegatedFrom = Maybe(r, Delegated),
        },
        nameof(CreditNotePosted) => new CreditNotePosted(Id(r), Text(r), Date(r), Money(r), Maybe(r, Id)),
        nameof(PaymentReceived) => new PaymentReceived(Id(r), Money(r), Date(r), Pick<PaymentMethod>(r), Maybe(r, CustomerId), MaybeText(r)),
        nameof(RefundPosted) => new RefundPosted(Id(r), Id(r), Money(r), Date(r)),
        nameof(WriteOffPosted) => new WriteOffPosted(Id(r), Ref(r), Money(r), Date(r), Text(r)) { ReasonData = JournalTextSample(r, nested: false) },
        nameof(PaymentApplied) => new PaymentApplied(Id(r), Id(r), Ref(r), Money(r), Date(r)),
        nameof(PaymentReturned) => new PaymentReturned(Id(r), Id(r), Date(r), Pick<ReturnKind>(r), MaybeText(r)),
        nameof(EntryReversed) => new EntryReversed(Id(r), Id(r), Date(r), Text(r)),
        nameof(ItemPaused) => new ItemPaused(Id(r), Id(r), Text(r), Maybe(r, Date)),
        nameof(ItemResumed) => new ItemResumed(Id(r), Id(r), MaybeText(r)),
        nameof(DueDateChanged) => new DueDateChanged(Id(r), Id(r), Date(r), Text(r)) { Installments = [.. Enumerable.Range(1, r.Next(0, 4))] },
        nameof(CommunicationRecorded) => new CommunicationRecorded(Id(r), Pick<CommunicationKind>(r), Text(r), Text(r), Maybe(r, Id))
        {
            SubjectData = JournalTextSample(r, nested: true),
            TextData = Maybe(r, q => JournalTextSample(q, nested: false)),
        },
        nameof(DunningNoticeIssued) => new DunningNoticeIssued(Id(r), Text(r), Date(r), List(r, 1, 4, x => new DunningNotice(Ref(x), x.Next(1, 5)))),
        nameof(DunningLetterCancelled) => new DunningLetterCancelled(Id(r), Text(r), Date(r), Text(r)),
        nameof(PaymentAgreementMade) => new PaymentAgreementMade(
            Id(r), List(r, 1, 3, Id), Date(r), List(r, 1, 4, x => new AgreementInstallment(x.Next(1, 12), Date(x), Money(x))), r.Next(0, 15), MaybeText(r)),
        nameof(PaymentAgreementBroken) => new PaymentAgreementBroken(Id(r), Id(r), Date(r), r.Next(1, 12)),
        nameof(PaymentAgreementDeleted) => new PaymentAgreementDeleted(Id(r), Id(r), Text(r)),
        nameof(ItemsHandedOver) => new ItemsHandedOver(Id(r), List(r, 1, 3, Id), Pick<HandOverKind>(r), Text(r), Date(r)),
        nameof(HandOverClosed) => new HandOverClosed(Id(r), Id(r), Pick<HandOverOutcome>(r), Date(r)),
        nameof(EmailStatusChanged) => new EmailStatusChanged(Id(r), Id(r), Pick<EmailStatus>(r)),
        nameof(CommentPinned) => new CommentPinned(Id(r), Maybe(r, Id)),
        nameof(FollowUpCreated) => new FollowUpCreated(Id(r), Pick<FollowUpKind>(r), Date(r), Text(r), Maybe(r, User), MaybeText(r)),
        nameof(FollowUpDone) => new FollowUpDone(Id(r), Id(r)),
        nameof(FileAttached) => new FileAttached(Id(r), new StoredFile(Text(r), "brief.pdf", "application/pdf", r.Next(1, 1_000_000), new string('a', 64), "files/" + r.Next())),
        nameof(MasterDataChanged) => new MasterDataChanged(Id(r), MasterData(r)),
        nameof(CreditBlockSet) => new CreditBlockSet(Id(r), Pick<CreditBlockLevel>(r), Text(r)),
        nameof(CreditBlockLifted) => new CreditBlockLifted(Id(r), MaybeText(r)),
        nameof(CreditControlOverridden) => new CreditControlOverridden(
            Id(r), Pick<SalesDocumentKind>(r), List(r, 1, 3, Pick<CreditRefusalReason>), Text(r), MaybeText(r), r.Next(2) == 0 ? null : Money(r)),
        nameof(CreditWrittenOff) => new CreditWrittenOff(Id(r), Id(r), Money(r), Date(r), Text(r)) { Related = Maybe(r, Ref), ReasonData = Maybe(r, q => JournalTextSample(q, nested: false)) },
        nameof(ClaimDelegated) => new ClaimDelegated(Id(r), Ref(r), Money(r), Date(r), CustomerId(r), Id(r), Text(r)),
        nameof(PaymentAgreementAmended) => new PaymentAgreementAmended(
            Id(r), Id(r), Date(r), List(r, 1, 4, x => new AgreementInstallment(x.Next(1, 12), Date(x), Money(x))), r.Next(0, 15), Text(r)),
        _ => throw new ArgumentException($"No sample for entry kind {kind.Name}: add a case to {nameof(JournalSamples)}.", nameof(kind)),
    };

    private static InvoicePosted Invoice(Random r)
    {
        var currency = Currencies[r.Next(Currencies.Length)];
        var parts = List(r, 1, 4, x => global::Debitor.Core.Money.FromMinorUnits(x.Next(1, 1_000_000), currency));
        var installments = parts.Select((m, i) => new Installment(m, i == 0 ? null : Date(r), i == 0 ? InstallmentKind.Regular : Pick<InstallmentKind>(r))).ToList();
        var total = parts.Aggregate((a, b) => a + b);
        return new InvoicePosted(Id(r), Text(r), Date(r), Date(r), total, installments)
        {
            CashDiscounts = r.Next(3) switch
            {
                0 => null,
                1 => [],
                _ => [new CashDiscountStage(3m, new LocalDate(2026, 3, 10)), new CashDiscountStage(2.5m, new LocalDate(2026, 3, 20))],
            },
            DelegatedFrom = Maybe(r, Delegated),
        };
    }

    private static Customer Customer(Random r)
    {
        var net = r.Next(10, 60);
        return new Customer(CustomerId(r), "K" + r.Next(10000, 99999), Text(r), new CompanyId("firma-" + r.Next(1, 4)))
        {
            Branch = Maybe(r, x => new BranchId("filiale-" + x.Next(1, 5))),
            IsConsumer = r.Next(2) == 0,
            IsProblematic = r.Next(2) == 0,
            ProblematicNote = MaybeText(r),
            IsDunningBlocked = r.Next(2) == 0,
            FavouriteOf = List(r, 0, 3, User),
            Workflow = new WorkflowSettings(r.Next(2) == 0, r.Next(2) == 0, r.Next(2) == 0, r.Next(2) == 0),
            PreferredChannel = Pick<ContactChannel>(r),
            DunningScheme = new SchemeId("mahn-" + r.Next(1, 3)),
            InterestScheme = new SchemeId("zins-" + r.Next(1, 3)),
            DunningDays = [.. Enumerable.Range(1, r.Next(0, 4)).Select(level => new DunningDaysOverride(level, r.Next(0, 30)))],
            PaymentTerms = new PaymentTerms(net, r.Next(2) == 0 ? null : [new CashDiscountTier(3m, 7), new CashDiscountTier(2.25m, 10)]),
            PaymentTolerance = new PaymentTolerance(r.Next(0, 3) * 0.5m, r.Next(0, 20)),
            CashDiscountToleranceDays = r.Next(0, 5),
            CreditLimit = Maybe(r, x => new CreditLimit(Money(x), Maybe(x, Date), null)),
            InternalCreditLimit = Maybe(r, x => new CreditLimit(Money(x))),
            CreditInsurance = Pick<CreditInsuranceStatus>(r),
            Payer = Maybe(r, CustomerId),
            PayerRouting = new PayerRouting(Pick<DocumentRecipient>(r), Pick<DocumentRecipient>(r)),
        };
    }

    private static CustomerMasterData MasterData(Random r) => new()
    {
        Addresses = [new PostalAddress(AddressKind.Main, Text(r), Text(r), "20095", "Hamburg", "DE"), new PostalAddress(AddressKind.Billing, Text(r), "Postfach 12", "80331", "München", "DE")],
        Emails = [new EmailAddress("buchhaltung@example.de", true), new EmailAddress("info@example.de")],
        Phones = r.Next(2) == 0 ? [] : [new PhoneNumber("+49 40 123456", true)],
        ReceivablesContact = Maybe(r, x => new ContactPerson(Text(x), MaybeText(x), MaybeText(x))),
        OutputMedia = [new DocumentOutput(Pick<DocumentKind>(r), Pick<OutputMedium>(r))],
        CustomFields = [new CustomField(r.Next(1, 8), Text(r))],
        Groups = List(r, 0, 3, Text),
        BankAccounts = [new BankAccount(PaymentMethodKind.SepaDirectDebit, Text(r), Iban.Parse("DE89370400440532013000"), Bic.Parse("COBADEFFXXX"), bankName: MaybeText(r))],
        VatId = r.Next(2) == 0 ? null : VatId.Parse("DE136695976"),
        Mandates = [new SepaMandate("MANDAT-" + r.Next(1000), Pick<SepaScheme>(r), Date(r), Maybe(r, Date), null, Maybe(r, Date))],
    };

    private static EntryId Id(Random r) => new("e-" + r.Next(1, 1_000_000));

    private static CustomerId CustomerId(Random r) => new("kunde-" + r.Next(1, 100_000));

    private static UserId User(Random r) => new("benutzer-" + r.Next(1, 50));

    private static InstallmentRef Ref(Random r) => new(Id(r), r.Next(1, 4));

    private static DelegatedClaim Delegated(Random r) => new(CustomerId(r), Ref(r), Id(r)) { Date = Maybe(r, Date) };

    private static LocalDate Date(Random r) => new LocalDate(2020, 1, 1).PlusDays(r.Next(0, 3000));

    private static Money Money(Random r)
    {
        var currency = Currencies[r.Next(Currencies.Length)];
        return global::Debitor.Core.Money.FromMinorUnits(r.Next(1, int.MaxValue), currency);
    }

    private static string Text(Random r) => Texts[r.Next(Texts.Length)];

    /// <summary>A text stored as data: a key, and arguments of every kind (a list only at the top).</summary>
    private static JournalText JournalTextSample(Random r, bool nested)
    {
        string[] keys = ["history.dueDate.changed", "history.dunning.subject", "history.credit.overridden", "history.pause"];
        var kinds = Enum.GetValues<JournalTextArgumentKind>().Where(k => nested || k != JournalTextArgumentKind.List).ToArray();
        var arguments = Enumerable.Range(0, r.Next(nested ? 2 : 0, 4)).Select(i => kinds[r.Next(kinds.Length)] switch
        {
            JournalTextArgumentKind.Number => new JournalTextArgument("n" + i, JournalTextArgumentKind.Number, r.Next(0, 100).ToString(CultureInfo.InvariantCulture), []),
            JournalTextArgumentKind.Date => new JournalTextArgument("d" + i, JournalTextArgumentKind.Date, Date(r).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), []),
            JournalTextArgumentKind.Money => new JournalTextArgument("m" + i, JournalTextArgumentKind.Money, Money(r).ToString(null, CultureInfo.InvariantCulture), []),
            JournalTextArgumentKind.Key => new JournalTextArgument("k" + i, JournalTextArgumentKind.Key, "history.channel.post", []),
            JournalTextArgumentKind.List => new JournalTextArgument("l" + i, JournalTextArgumentKind.List, string.Empty, List(r, 1, 2, q => JournalTextSample(q, nested: false))),
            _ => new JournalTextArgument("t" + i, JournalTextArgumentKind.Text, Text(r), []),
        });
        return new JournalText(keys[r.Next(keys.Length)], [.. arguments]);
    }

    private static string? MaybeText(Random r) => r.Next(3) == 0 ? null : Text(r);

    private static T? Maybe<T>(Random r, Func<Random, T> value)
        where T : struct => r.Next(3) == 0 ? null : value(r);

    private static T? Maybe<T>(Random r, Func<Random, T> value, bool reference = true)
        where T : class => r.Next(3) == 0 || !reference ? null : value(r);

    private static T Pick<T>(Random r)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        return values[r.Next(values.Length)];
    }

    private static List<T> List<T>(Random r, int min, int max, Func<Random, T> item) =>
        [.. Enumerable.Range(0, r.Next(min, max + 1)).Select(_ => item(r))];
}
