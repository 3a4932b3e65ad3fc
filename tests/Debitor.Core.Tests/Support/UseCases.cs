using Debitor.Core.Agreements;
using Debitor.Core.Application;
using Debitor.Core.Collections;
using Debitor.Core.Communication;
using Debitor.Core.Credit;
using Debitor.Core.Customers;
using Debitor.Core.Dunning;
using Debitor.Core.FollowUps;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests;

/// <summary>
/// One mutating use case for the fault-injection matrix and the authorization-order test: what it needs beyond the base
/// portfolio, and the call itself (by an actor, on a target customer).
/// </summary>
/// <param name="Name">The use case.</param>
/// <param name="Target">The customer it acts on.</param>
/// <param name="Arrange">What it needs beyond <see cref="UseCases.ArrangeBaseAsync"/>.</param>
/// <param name="Act">The call.</param>
internal sealed record UseCase(string Name, CustomerId Target, Func<FaultHarness, Task> Arrange, Func<FaultHarness, Actor, CustomerId, Task> Act)
{
    public override string ToString() => Name;
}

/// <summary>
/// Every mutating use case of the application layer, the dunning run and the due-date changes included (issue 12,
/// phase 2), the saved-approval processing and the letter cancellation (phase 3). <c>DocumentDelivery.RetryUndeliveredAsync</c>
/// has no actor and appends nothing; <c>DocumentDeliveryTests</c> covers it.
/// </summary>
internal static class UseCases
{
    public static readonly CustomerId Payer = new("C-2000");
    public static readonly CustomerId Other = new("C-3000");
    public static readonly CustomerId Fresh = new("C-4000");
    public static readonly Actor Supervisor = new(new UserId("sue"), Roles.Supervisor);

    private static readonly Func<FaultHarness, Task> Nothing = _ => Task.CompletedTask;

    public static IReadOnlyList<UseCase> All { get; } =
    [
        new("RegisterCustomer", Fresh, Nothing, (h, a, c) => h.Accounts.RegisterCustomerAsync(a, NewCustomer(c.Value, "Neu GmbH"))),
        new("ChangeSettings", CustomerA, Nothing, (h, a, c) => h.Accounts.ChangeSettingsAsync(a, Id("settings-1"), NewCustomer(c.Value) with { Payer = Payer, IsProblematic = true })),
        new("ArchiveCustomer", Other, Nothing, (h, a, c) => h.Accounts.ArchiveCustomerAsync(a, c, Id("archive-1"), "Geschäftsaufgabe")),
        new("DeleteCustomer", Fresh, h => h.Accounts.RegisterCustomerAsync(Accountant, NewCustomer(Fresh.Value, "Neu GmbH")), (h, a, c) => h.Accounts.DeleteCustomerAsync(a, c)),
        new("PostAll", CustomerA, Nothing, (h, a, c) => h.Accounts.PostAllAsync(a, c, [Invoice("inv-9", 250m, Date(2026, 4, 15), Date(2026, 3, 15)), Invoice("inv-10", 10m, Date(2026, 4, 15), Date(2026, 3, 15))])),
        new("Reverse", CustomerA, Nothing, (h, a, c) => h.Accounts.ReverseAsync(a, c, Id("storno-1"), Id("inv-2"), "falsch gebucht")),
        new("ChangeDueDate", CustomerA, Nothing, (h, a, c) => h.Accounts.ChangeDueDateAsync(a, c, Id("due-1"), Id("inv-1"), Date(2026, 4, 30), "Kulanz")),
        new("ChangeItemDueDate", CustomerA, Nothing, (h, a, c) => h.Accounts.ChangeItemDueDateAsync(a, c, Id("due-2"), Id("inv-2"), Date(2026, 5, 15), "Zahlungsziel verlängert")),
        new("ProcessDunningRun", CustomerA, Nothing, async (h, a, c) => await h.Dunning.ProcessAsync(a, await h.Dunning.PreviewAsync(a, new DunningRunRequest(new DunningRunId("run-1"), Company, Date(2026, 3, 15)) { PostFees = true }))),
        new("ChangeInstallmentDueDate", CustomerA, Nothing, (h, a, c) => h.Accounts.ChangeInstallmentDueDateAsync(a, c, Id("due-3"), [new InstallmentRef(Id("inv-1"))], Date(2026, 4, 30), "Rate verschoben")),
        new("Post", CustomerA, Nothing, (h, a, c) => h.Accounts.PostAsync(a, c, Invoice("inv-11", 75m, Date(2026, 4, 15), Date(2026, 3, 15)))),
        new("ProcessSavedApproval", CustomerA, Nothing, async (h, a, c) => await h.Dunning.ProcessApprovalAsync(a, DunningApproval.FromJson(DunningApproval.Of(await h.Dunning.PreviewAsync(a, new DunningRunRequest(new DunningRunId("run-2"), Company, Date(2026, 3, 15)) { PostFees = true })).ToJson()))),
        new("CancelLetter", CustomerA, IssuedLetterAsync, (h, a, c) => h.Dunning.CancelLetterAsync(a, h.Letters.Letters.First(l => l.RunId == new DunningRunId("run-0")).Id, [c], "Zahlung übersehen")),
        new("PauseItem", CustomerA, Nothing, (h, a, c) => h.Accounts.PauseItemAsync(a, c, Id("pause-1"), Id("inv-1"), "Reklamation", Date(2026, 4, 30))),
        new("ResumeItem", CustomerA, h => h.Accounts.PauseItemAsync(Accountant, CustomerA, Id("pause-0"), Id("inv-1"), "Reklamation"), (h, a, c) => h.Accounts.ResumeItemAsync(a, c, Id("resume-1"), Id("inv-1"), "geklärt")),
        new("RecordCommunication", CustomerA, Nothing, (h, a, c) => h.Accounts.RecordCommunicationAsync(a, c, new CommunicationRecorded(Id("call-1"), CommunicationKind.PhoneCall, "Rückruf", "zahlt Freitag"))),
        new("ApplyPaymentFromPayer", Payer, Nothing, (h, a, c) => h.Payments.ApplyPaymentAsync(a, c, new IncomingPayment(Id("pay-9"), Eur(120m), Date(2026, 3, 14)))),
        new("ReturnPayment", CustomerA, h => h.Payments.ApplyPaymentAsync(Accountant, CustomerA, new IncomingPayment(Id("pay-8"), Eur(30m), Date(2026, 3, 14), PaymentMethod.DirectDebit)), (h, a, c) => h.Payments.ReturnPaymentAsync(a, c, new PaymentReturn(Id("pay-8"), Date(2026, 3, 15), ReturnKind.DirectDebit, "AC04", Eur(3.5m)))),
        new("DelegateToPayer", CustomerA, Nothing, (h, a, c) => h.Delegations.DelegateAsync(a, c, Id("deleg-1"), Date(2026, 3, 14), "Zentrale zahlt")),
        new("ApplyCreditNote", CustomerA, h => h.Accounts.PostAsync(Accountant, CustomerA, new CreditNotePosted(Id("cn-1"), "GS-1", Date(2026, 3, 10), Eur(49.50m), Id("inv-2"))), (h, a, c) => h.Accounts.ApplyCreditNoteAsync(a, c, Id("cn-1/apply"), Id("cn-1"), new InstallmentRef(Id("inv-2")))),
        new("WriteOffResiduals", Other, Nothing, (h, a, c) => h.Payments.WriteOffResidualsAsync(a, new ResidualWriteOffRun(Id("small-1"), Date(2026, 3, 15), [Eur(0.10m)], "Kleinbetrag", [c]))),
        new("IssueInterestInvoice", CustomerA, Nothing, (h, a, c) => h.Interest.IssueAsync(a, c, "ZR-1")),
        new("MakeAgreement", CustomerA, Nothing, (h, a, c) => h.Collections.MakeAgreementAsync(a, c, Id("agr-1"), [Id("inv-1")], PaymentAgreementTerms.ByCount(2, Date(2026, 4, 1)), "Ratenzahlung")),
        new("CheckAgreements", CustomerA, BreachedAgreementAsync, (h, a, c) => h.Collections.CheckAgreementsAsync(a, c)),
        new("DeleteAgreement", CustomerA, h => h.Collections.MakeAgreementAsync(Accountant, CustomerA, Id("agr-0"), [Id("inv-1")], PaymentAgreementTerms.ByCount(2, Date(2026, 4, 1))), (h, a, c) => h.Collections.DeleteAgreementAsync(a, c, Id("agr-del"), Id("agr-0"), "neu verhandelt")),
        new("AmendAgreement", CustomerA, h => h.Collections.MakeAgreementAsync(Accountant, CustomerA, Id("agr-0"), [Id("inv-1")], PaymentAgreementTerms.ByCount(2, Date(2026, 4, 1))), (h, a, c) => h.Collections.AmendAgreementAsync(a, c, Id("agr-0/edit-1"), Id("agr-0"), PaymentAgreementTerms.ByAmounts([Eur(60m), Eur(40m)], Date(2026, 4, 15)), "später")),
        new("HandOver", CustomerA, Nothing, (h, a, c) => h.Collections.HandOverAsync(a, c, Id("case-1"), [Id("inv-1")], HandOverKind.CollectionAgency, "Inkasso AG")),
        new("CloseHandOver", CustomerA, h => h.Collections.HandOverAsync(Accountant, CustomerA, Id("case-0"), [Id("inv-1")], HandOverKind.Lawyer, "Kanzlei Recht"), (h, a, c) => h.Collections.CloseHandOverAsync(a, c, Id("close-1"), Id("case-0"), HandOverOutcome.Paid)),
        new("RecordEmailStatus", CustomerA, Nothing, (h, a, c) => h.Collections.RecordEmailStatusAsync(a, c, Id("status-1"), Id("mail-1"), EmailStatus.Sent)),
        new("PinComment", CustomerA, Nothing, (h, a, c) => h.Collections.PinCommentAsync(a, c, Id("pin-1"), Id("comment-1"))),
        new("CreateFollowUp", CustomerA, Nothing, (h, a, c) => h.Collections.CreateFollowUpAsync(a, c, new FollowUpCreated(Id("fu-1"), FollowUpKind.FollowUp, Date(2026, 3, 20), "Zahlung prüfen"))),
        new("CompleteFollowUp", CustomerA, Nothing, (h, a, c) => h.Collections.CompleteFollowUpAsync(a, c, Id("fu-done"), Id("fu-0"))),
        new("AttachFile", CustomerA, Nothing, (h, a, c) => h.Collections.AttachFileAsync(a, c, Id("file-1"), "Lieferschein", "ls.pdf", "application/pdf", "%PDF-1.7 Lieferschein"u8.ToArray())),
        new("ChangeMasterData", CustomerA, Nothing, (h, a, c) => h.Collections.ChangeMasterDataAsync(a, c, Id("md-1"), CustomerMasterData.Empty with { Emails = [new EmailAddress("buchhaltung@mueller.de", UseForSending: true)] })),
        new("SetCreditBlock", CustomerA, Nothing, (h, a, c) => h.Credit.SetBlockAsync(a, c, Id("block-1"), CreditBlockLevel.Delivery, "Zahlungsverzug")),
        new("LiftCreditBlock", CustomerA, h => h.Credit.SetBlockAsync(Accountant, CustomerA, Id("block-0"), CreditBlockLevel.Delivery, "Zahlungsverzug"), (h, a, c) => h.Credit.LiftBlockAsync(a, c, Id("lift-1"), "bezahlt")),
        new("MarkInsolvent", CustomerA, Nothing, (h, a, c) => h.Recovery.MarkInsolventAsync(a, c, Id("insolvency-1"), Date(2026, 3, 15), "AG Hamburg", "67c IN 123/26", "RA Dr. Verwalter, Hamburg")),
        new("HandOverToCourtDunning", CustomerA, Nothing, (h, a, c) => h.Collections.HandOverAsync(a, c, Id("case-court"), [Id("inv-1")], HandOverKind.CourtDunning, "Mahngericht Hamburg")),
        new("CancelDunningRun", CustomerA, async h => await h.Dunning.ProcessAsync(Accountant, await h.Dunning.PreviewAsync(Accountant, new DunningRunRequest(new DunningRunId("run-0"), Company, Date(2026, 3, 15)) { PostFees = true })), (h, a, c) => h.Dunning.CancelRunAsync(a, Company, new DunningRunId("run-0"), "falscher Lauf")),
        new("SendCourtesyReminders", CustomerA, CourtesyReminderDueAsync, async (h, a, c) => await h.Dunning.SendCourtesyRemindersAsync(a, await h.Dunning.PreviewAsync(a, new DunningRunRequest(new DunningRunId("courtesy-1"), Company, Date(2026, 3, 15)) { Customer = c }))),
        new("DunNow", CustomerA, Nothing, (h, a, c) => h.Dunning.DunNowAsync(a, c, new DunningRunId("now-1"), Date(2026, 3, 15), postFees: true)),
        new("OverrideCreditControl", CustomerA, h => h.Credit.SetBlockAsync(Accountant, CustomerA, Id("block-0"), CreditBlockLevel.Delivery, "Zahlungsverzug"), (h, a, c) => h.Credit.OverrideAsync(a, c, Id("override-1"), SalesDocumentKind.Order, "Chef genehmigt")),
    ];

    /// <summary>A scheme with courtesy reminders 7 days before the due date (Odoo) and an invoice of customer A due in 3 days.</summary>
    private static async Task CourtesyReminderDueAsync(FaultHarness harness)
    {
        harness.DunningSettings.Set(Company, DunningData.Settings(DunningData.Scheme() with { CourtesyReminderDays = 7 }));
        await harness.Accounts.PostAsync(Accountant, CustomerA, Invoice("inv-soon", 80m, Date(2026, 3, 18)));
    }

    /// <summary>A letter with fees issued to customer A today (run "run-0"), for the cancellation row.</summary>
    private static async Task IssuedLetterAsync(FaultHarness harness) =>
        await harness.Dunning.ProcessAsync(Accountant, await harness.Dunning.PreviewAsync(Accountant, new DunningRunRequest(new DunningRunId("run-0"), Company, Date(2026, 3, 15)) { PostFees = true, Customer = CustomerA }));

    /// <summary>An agreement made on 12 February whose first installment (1 March) is unpaid today, past its grace days.</summary>
    private static async Task BreachedAgreementAsync(FaultHarness harness)
    {
        var now = harness.Clock.Now;
        harness.Clock.Now = Instant.FromUtc(2026, 2, 12, 9, 0);
        await harness.Collections.MakeAgreementAsync(Accountant, CustomerA, Id("agr-0"), [Id("inv-1")], PaymentAgreementTerms.ByCount(2, Date(2026, 3, 1)) with { GraceDays = 3 });
        harness.Clock.Now = now;
    }

    /// <summary>The actor each use case runs as: a supervisor may do everything.</summary>
    public static Actor Actor => Supervisor;

    /// <summary>
    /// The base portfolio: customer A (paid for by payer P) with an overdue and a not-yet-due invoice, an e-mail, a comment
    /// and a follow-up; P; and another customer with a residual of 5 cents.
    /// </summary>
    public static async Task ArrangeBaseAsync(FaultHarness harness)
    {
        var accounts = harness.Accounts;
        await accounts.RegisterCustomerAsync(Accountant, NewCustomer(Payer.Value, "Zentrale AG"));
        await accounts.RegisterCustomerAsync(Accountant, NewCustomer() with { Payer = Payer });
        await accounts.RegisterCustomerAsync(Accountant, NewCustomer(Other.Value, "Klein KG"));
        await accounts.PostAllAsync(Accountant, CustomerA, [Invoice("inv-1", 100m, Date(2026, 2, 10), Date(2026, 1, 10)), Invoice("inv-2", 50m, Date(2026, 4, 30), Date(2026, 3, 1))]);
        await accounts.RecordCommunicationAsync(Accountant, CustomerA, new CommunicationRecorded(Id("mail-1"), CommunicationKind.Email, "Erinnerung", "…"));
        await accounts.RecordCommunicationAsync(Accountant, CustomerA, new CommunicationRecorded(Id("comment-1"), CommunicationKind.Comment, "Hinweis", "nur schriftlich"));
        await harness.Collections.CreateFollowUpAsync(Accountant, CustomerA, new FollowUpCreated(Id("fu-0"), FollowUpKind.FollowUp, Date(2026, 3, 16), "Anrufen"));
        await accounts.PostAllAsync(Accountant, Other, [Invoice("inv-o", 100m, Date(2026, 3, 1), Date(2026, 2, 1)), Payment("pay-o", 99.95m, Date(2026, 3, 2)), Apply("app-o", "pay-o", "inv-o", 99.95m)]);
    }
}
