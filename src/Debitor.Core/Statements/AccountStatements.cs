using System.Globalization;
using Ardalis.GuardClauses;
using Debitor.Core.Credit;
using Debitor.Core.Documents;
using Debitor.Core.Interest;
using Debitor.Core.Ledger;

namespace Debitor.Core.Statements;

/// <summary>
/// Builds the two account statements (R0.3): the open-items statement and the full statement of the fiscal year.
/// <c>docs/credit-and-statements.md</c> states which entries are movements and which date each uses.
/// </summary>
/// <remarks>Pure functions over the account view; thread-safe.</remarks>
public static class AccountStatements
{
    /// <summary>The open-items statement as of a date.</summary>
    /// <param name="account">The account.</param>
    /// <param name="asOf">The statement date: days overdue and interest are computed for it.</param>
    /// <param name="interestScheme">The customer's interest scheme; <see langword="null"/> to show no interest.</param>
    /// <param name="contact">Our receivables contact (R3.5).</param>
    /// <returns>The statement.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> or <paramref name="contact"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An interest period starts before the scheme's base-rate table.</exception>
    public static OpenItemsStatement OpenItems(CustomerAccount account, LocalDate asOf, InterestScheme? interestScheme, ReceivablesContact contact)
    {
        Guard.Against.Null(account);
        Guard.Against.Null(contact);
        var interest = interestScheme is null
            ? []
            : AccountInterest.ForAccount(account, interestScheme, asOf).ToDictionary(i => i.Item, i => i.Total);
        var claims = new CurrencySums();
        var credits = new CurrencySums();
        var overdue = new CurrencySums();
        var listedInterest = new CurrencySums();
        var otherInterest = new CurrencySums();
        var lines = new List<(OpenItemsStatementLine Line, int Order)>();
        for (var i = 0; i < account.Items.Count; i++)
        {
            var item = account.Items[i];
            var itemInterest = interest.GetValueOrDefault(item.Id, Money.Zero(item.Currency));
            if (item.Status != ItemStatus.Open)
            {
                otherInterest.Add(item.Currency, itemInterest.Amount);
                continue;
            }

            var line = new OpenItemsStatementLine(account, item, asOf, itemInterest);
            lines.Add((line, i));
            listedInterest.Add(item.Currency, itemInterest.Amount);
            if (item.IsClaim)
            {
                claims.Add(item.Currency, item.OpenValue);
                foreach (var installment in line.Installments)
                {
                    if (installment.DaysOverdue > 0)
                    {
                        overdue.Add(item.Currency, installment.OpenAmount.Amount);
                    }
                }
            }
            else
            {
                credits.Add(item.Currency, item.OpenValue);
            }
        }

        var currencies = claims.Currencies.Concat(credits.Currencies).Concat(otherInterest.Currencies)
            .Where(c => claims.Get(c) != 0m || credits.Get(c) != 0m || otherInterest.Get(c) != 0m)
            .Distinct()
            .OrderBy(c => c.Code, StringComparer.Ordinal);
        var totals = new List<OpenItemsStatementTotal>();
        foreach (var currency in currencies)
        {
            var balance = claims.Get(currency) - credits.Get(currency);
            totals.Add(new OpenItemsStatementTotal(
                currency,
                new Money(claims.Get(currency), currency),
                new Money(credits.Get(currency), currency),
                new Money(balance, currency),
                new Money(overdue.Get(currency), currency),
                new Money(listedInterest.Get(currency), currency),
                new Money(otherInterest.Get(currency), currency),
                new Money(balance + listedInterest.Get(currency) + otherInterest.Get(currency), currency)));
        }

        var ordered = lines.OrderBy(l => l.Line.DocumentDate).ThenBy(l => l.Order).Select(l => l.Line).ToList();
        var customer = account.Customer;
        return new OpenItemsStatement(DocumentId(customer.Id, "open-items-statement", asOf), asOf, customer.Id, customer.Number, customer.Name, contact, ordered, totals);
    }

    /// <summary>The full statement of the fiscal year up to a date.</summary>
    /// <param name="account">The account.</param>
    /// <param name="asOf">The statement date: the last day covered.</param>
    /// <param name="fiscalYearStart">When the company's fiscal year starts.</param>
    /// <param name="contact">Our receivables contact (R3.5).</param>
    /// <returns>The statement: per currency the opening balance (every movement dated before the fiscal year), every
    /// movement from the start of the fiscal year to the statement date in date order with the running balance, and the closing balance.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static AccountStatement Full(CustomerAccount account, LocalDate asOf, FiscalYearStart fiscalYearStart, ReceivablesContact contact)
    {
        Guard.Against.Null(account);
        Guard.Against.Null(fiscalYearStart);
        Guard.Against.Null(contact);
        var year = fiscalYearStart.YearContaining(asOf);
        var opening = new CurrencySums();
        var inPeriod = new List<LedgerMovement>();
        foreach (var movement in LedgerMovements.Of(account))
        {
            if (movement.Date < year.Start)
            {
                opening.Add(movement.Currency, movement.Amount);
            }
            else if (movement.Date <= asOf)
            {
                inPeriod.Add(movement);
            }
        }

        inPeriod.Sort((a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date) : a.Version.CompareTo(b.Version));
        var currencies = opening.Currencies.Where(c => opening.Get(c) != 0m)
            .Concat(inPeriod.Select(m => m.Currency))
            .Distinct()
            .OrderBy(c => c.Code, StringComparer.Ordinal);
        var sections = new List<AccountStatementSection>();
        foreach (var currency in currencies)
        {
            var balance = opening.Get(currency);
            decimal debits = 0m, credits = 0m;
            var lines = new List<AccountStatementLine>();
            foreach (var movement in inPeriod)
            {
                if (!movement.Currency.Equals(currency))
                {
                    continue;
                }

                balance += movement.Amount;
                if (movement.Amount > 0m)
                {
                    debits += movement.Amount;
                }
                else
                {
                    credits += movement.Amount;
                }

                lines.Add(new AccountStatementLine(
                    movement.Date, movement.Kind, movement.DocumentNumber, movement.Entry.Id, movement.Item, movement.Note, new Money(movement.Amount, currency), new Money(balance, currency)));
            }

            sections.Add(new AccountStatementSection(
                currency, new Money(opening.Get(currency), currency), lines, new Money(debits, currency), new Money(credits, currency), new Money(balance, currency)));
        }

        var customer = account.Customer;
        return new AccountStatement(DocumentId(customer.Id, "account-statement", asOf), asOf, customer.Id, customer.Number, customer.Name, contact, year, sections);
    }

    /// <summary>Days past a due date on a date; 0 when not past it.</summary>
    internal static int DaysOverdue(LocalDate dueDate, LocalDate asOf) => dueDate < asOf ? Period.DaysBetween(dueDate, asOf) : 0;

    private static string DocumentId(CustomerId customer, string kind, LocalDate date) =>
        string.Create(CultureInfo.InvariantCulture, $"{customer}/{kind}/{date:uuuu-MM-dd}");
}
