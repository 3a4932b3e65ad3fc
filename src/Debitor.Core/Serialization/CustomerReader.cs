using System.Text.Json;
using Debitor.Core.Credit;
using Debitor.Core.Customers;

namespace Debitor.Core.Serialization;

/// <summary>
/// Reads a customer's settings (the <c>settings</c> of a registration) by hand, a shortcut of the source-generated general
/// path that costs a registration most of its reading time (D13.112). Members are taken in any order (the written order and
/// PostgreSQL's <c>jsonb</c> order alike), each exactly once, all of them required, with the values the general path
/// accepts built through the same constructors and setters. Anything else — an unknown, repeated or missing member, a
/// value of another JSON type, a credit limit (rare; left to the general path) — makes it decline, and the caller reads
/// the value with the general path, which gives the result or names the problem. A value a constructor refuses throws as
/// it would there; the document's reader then falls back to the general path as a whole.
/// </summary>
internal static class CustomerReader
{
    private static readonly PaymentTermsConverter Terms = new();

    /// <summary>The members of a customer's settings, as bits of the set read so far.</summary>
    [Flags]
    private enum Members
    {
        None = 0,
        Id = 1 << 0,
        Number = 1 << 1,
        Name = 1 << 2,
        Company = 1 << 3,
        Branch = 1 << 4,
        IsConsumer = 1 << 5,
        IsProblematic = 1 << 6,
        ProblematicNote = 1 << 7,
        IsDunningBlocked = 1 << 8,
        FavouriteOf = 1 << 9,
        Workflow = 1 << 10,
        PreferredChannel = 1 << 11,
        DunningScheme = 1 << 12,
        InterestScheme = 1 << 13,
        DunningDays = 1 << 14,
        PaymentTerms = 1 << 15,
        PaymentTolerance = 1 << 16,
        CashDiscountToleranceDays = 1 << 17,
        CreditLimit = 1 << 18,
        InternalCreditLimit = 1 << 19,
        CreditInsurance = 1 << 20,
        Payer = 1 << 21,
        PayerRouting = 1 << 22,
        All = (1 << 23) - 1,
    }

    /// <summary>
    /// Reads the settings object the reader stands on (its <c>{</c>) up to its <c>}</c>; <see langword="false"/> when it
    /// declines, with the reader to be reset by the caller.
    /// </summary>
    /// <exception cref="ArgumentException">A value is one the customer's types refuse (as on the general path).</exception>
    /// <exception cref="JsonException">The text is not JSON, or payment terms do not have their shape.</exception>
    public static bool TryRead(ref Utf8JsonReader r, out Customer? customer)
    {
        customer = null;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string? id = null, number = null, name = null, company = null, branch = null, note = null, dunningScheme = null, interestScheme = null, payer = null;
        bool isConsumer = false, isProblematic = false, isBlocked = false;
        List<UserId>? favourites = null;
        List<DunningDaysOverride>? days = null;
        WorkflowSettings? workflow = null;
        ContactChannel channel = default;
        PaymentTerms? terms = null;
        PaymentTolerance? tolerance = null;
        var toleranceDays = 0;
        CreditInsuranceStatus insurance = default;
        PayerRouting? routing = null;
        var seen = Members.None;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var member = MemberOf(ref r);
            if (member == Members.None || (seen & member) != 0 || !r.Read())
            {
                return false;
            }

            seen |= member;
            var ok = member switch
            {
                Members.Id => Text(ref r, out id),
                Members.Number => Text(ref r, out number),
                Members.Name => Text(ref r, out name),
                Members.Company => Text(ref r, out company),
                Members.Branch => NullableText(ref r, out branch),
                Members.IsConsumer => Bool(ref r, out isConsumer),
                Members.IsProblematic => Bool(ref r, out isProblematic),
                Members.ProblematicNote => NullableText(ref r, out note),
                Members.IsDunningBlocked => Bool(ref r, out isBlocked),
                Members.FavouriteOf => Favourites(ref r, out favourites),
                Members.Workflow => Workflow(ref r, out workflow),
                Members.PreferredChannel => r.TokenType == JsonTokenType.String && JsonFields.EnumValue(ref r, out channel),
                Members.DunningScheme => Text(ref r, out dunningScheme),
                Members.InterestScheme => Text(ref r, out interestScheme),
                Members.DunningDays => Days(ref r, out days),
                Members.PaymentTerms => r.TokenType == JsonTokenType.StartObject && (terms = Terms.Read(ref r, typeof(PaymentTerms), JournalJsonContext.Strict)) is not null,
                Members.PaymentTolerance => Tolerance(ref r, out tolerance),
                Members.CashDiscountToleranceDays => r.TokenType == JsonTokenType.Number && r.TryGetInt32(out toleranceDays),
                Members.CreditLimit or Members.InternalCreditLimit => r.TokenType == JsonTokenType.Null,
                Members.CreditInsurance => r.TokenType == JsonTokenType.String && JsonFields.EnumValue(ref r, out insurance),
                Members.Payer => NullableText(ref r, out payer),
                _ => Routing(ref r, out routing),
            };
            if (!ok)
            {
                return false;
            }
        }

        if (r.TokenType != JsonTokenType.EndObject || seen != Members.All)
        {
            return false;
        }

        customer = new Customer(new CustomerId(id!), number!, name!, new CompanyId(company!))
        {
            Branch = branch is null ? null : new BranchId(branch),
            IsConsumer = isConsumer,
            IsProblematic = isProblematic,
            ProblematicNote = note,
            IsDunningBlocked = isBlocked,
            FavouriteOf = favourites!,
            Workflow = workflow!,
            PreferredChannel = channel,
            DunningScheme = new SchemeId(dunningScheme!),
            InterestScheme = new SchemeId(interestScheme!),
            DunningDays = days!,
            PaymentTerms = terms!,
            PaymentTolerance = tolerance!,
            CashDiscountToleranceDays = toleranceDays,
            CreditLimit = null,
            InternalCreditLimit = null,
            CreditInsurance = insurance,
            Payer = payer is null ? null : new CustomerId(payer),
            PayerRouting = routing!,
        };
        return true;
    }

    private static Members MemberOf(ref Utf8JsonReader r) =>
        r.ValueTextEquals("id"u8) ? Members.Id
        : r.ValueTextEquals("number"u8) ? Members.Number
        : r.ValueTextEquals("name"u8) ? Members.Name
        : r.ValueTextEquals("company"u8) ? Members.Company
        : r.ValueTextEquals("branch"u8) ? Members.Branch
        : r.ValueTextEquals("isConsumer"u8) ? Members.IsConsumer
        : r.ValueTextEquals("isProblematic"u8) ? Members.IsProblematic
        : r.ValueTextEquals("problematicNote"u8) ? Members.ProblematicNote
        : r.ValueTextEquals("isDunningBlocked"u8) ? Members.IsDunningBlocked
        : r.ValueTextEquals("favouriteOf"u8) ? Members.FavouriteOf
        : r.ValueTextEquals("workflow"u8) ? Members.Workflow
        : r.ValueTextEquals("preferredChannel"u8) ? Members.PreferredChannel
        : r.ValueTextEquals("dunningScheme"u8) ? Members.DunningScheme
        : r.ValueTextEquals("interestScheme"u8) ? Members.InterestScheme
        : r.ValueTextEquals("dunningDays"u8) ? Members.DunningDays
        : r.ValueTextEquals("paymentTerms"u8) ? Members.PaymentTerms
        : r.ValueTextEquals("paymentTolerance"u8) ? Members.PaymentTolerance
        : r.ValueTextEquals("cashDiscountToleranceDays"u8) ? Members.CashDiscountToleranceDays
        : r.ValueTextEquals("creditLimit"u8) ? Members.CreditLimit
        : r.ValueTextEquals("internalCreditLimit"u8) ? Members.InternalCreditLimit
        : r.ValueTextEquals("creditInsurance"u8) ? Members.CreditInsurance
        : r.ValueTextEquals("payer"u8) ? Members.Payer
        : r.ValueTextEquals("payerRouting"u8) ? Members.PayerRouting
        : Members.None;

    private static bool Text(ref Utf8JsonReader r, out string? value)
    {
        value = r.TokenType == JsonTokenType.String ? JsonFields.TextValue(ref r) : null;
        return value is not null;
    }

    private static bool NullableText(ref Utf8JsonReader r, out string? value)
    {
        value = null;
        return r.TokenType == JsonTokenType.Null || Text(ref r, out value);
    }

    private static bool Bool(ref Utf8JsonReader r, out bool value)
    {
        value = r.TokenType == JsonTokenType.True;
        return r.TokenType is JsonTokenType.True or JsonTokenType.False;
    }

    private static bool BoolMember(ref Utf8JsonReader r, ReadOnlySpan<byte> name, out bool value)
    {
        value = false;
        return JsonFields.Member(ref r, name) && Bool(ref r, out value);
    }

    /// <summary><c>["user", …]</c>, each a user id.</summary>
    private static bool Favourites(ref Utf8JsonReader r, out List<UserId>? value)
    {
        value = null;
        if (r.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var list = new List<UserId>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (!Text(ref r, out var user))
            {
                return false;
            }

            list.Add(new UserId(user!));
        }

        value = list;
        return true;
    }

    /// <summary><c>[{"level":…,"days":…}, …]</c>, in the written member order or <c>jsonb</c>'s (days first).</summary>
    private static bool Days(ref Utf8JsonReader r, out List<DunningDaysOverride>? value)
    {
        value = null;
        if (r.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var list = new List<DunningDaysOverride>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var start = r;
            int level, days;
            if (!(JsonFields.Int(ref r, "level"u8, out level) && JsonFields.Int(ref r, "days"u8, out days) && JsonFields.End(ref r)))
            {
                r = start;
                if (!(JsonFields.Int(ref r, "days"u8, out days) && JsonFields.Int(ref r, "level"u8, out level) && JsonFields.End(ref r)))
                {
                    return false;
                }
            }

            list.Add(new DunningDaysOverride(level, days));
        }

        value = list;
        return true;
    }

    /// <summary>The four switches, in the written order or <c>jsonb</c>'s (by length, then bytes).</summary>
    private static bool Workflow(ref Utf8JsonReader r, out WorkflowSettings? value)
    {
        value = null;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var start = r;
        if (BoolMember(ref r, "includeInAutomaticWorkflows"u8, out var automatic) && BoolMember(ref r, "attachDunningLetter"u8, out var letter)
            && BoolMember(ref r, "attachFullStatement"u8, out var full) && BoolMember(ref r, "attachOpenItemsStatement"u8, out var openItems) && JsonFields.End(ref r))
        {
            value = new WorkflowSettings(automatic, letter, full, openItems);
            return true;
        }

        r = start;
        if (BoolMember(ref r, "attachDunningLetter"u8, out letter) && BoolMember(ref r, "attachFullStatement"u8, out full)
            && BoolMember(ref r, "attachOpenItemsStatement"u8, out openItems) && BoolMember(ref r, "includeInAutomaticWorkflows"u8, out automatic) && JsonFields.End(ref r))
        {
            value = new WorkflowSettings(automatic, letter, full, openItems);
            return true;
        }

        return false;
    }

    /// <summary><c>{"percent":…,"maximumAmount":…}</c> (the same order in <c>jsonb</c>), each a JSON number read as the general path reads a decimal.</summary>
    private static bool Tolerance(ref Utf8JsonReader r, out PaymentTolerance? value)
    {
        value = null;
        if (r.TokenType != JsonTokenType.StartObject
            || !JsonFields.Member(ref r, "percent"u8) || r.TokenType != JsonTokenType.Number || !r.TryGetDecimal(out var percent)
            || !JsonFields.Member(ref r, "maximumAmount"u8) || r.TokenType != JsonTokenType.Number || !r.TryGetDecimal(out var maximum)
            || !JsonFields.End(ref r))
        {
            return false;
        }

        value = new PaymentTolerance(percent, maximum);
        return true;
    }

    /// <summary><c>{"dunningLetters":…,"interestInvoices":…}</c> (the same order in <c>jsonb</c>).</summary>
    private static bool Routing(ref Utf8JsonReader r, out PayerRouting? value)
    {
        value = null;
        if (r.TokenType != JsonTokenType.StartObject
            || !JsonFields.Enum(ref r, "dunningLetters"u8, out DocumentRecipient letters)
            || !JsonFields.Enum(ref r, "interestInvoices"u8, out DocumentRecipient invoices)
            || !JsonFields.End(ref r))
        {
            return false;
        }

        value = new PayerRouting(letters, invoices);
        return true;
    }
}
