using System.CommandLine;
using Debitor.Cli.Portfolio;
using Debitor.Cli.Storage;
using Debitor.Core.Banking;

namespace Debitor.Cli.Commands;

/// <summary><c>debitor init</c>: a new database for a company with the default dunning and interest schemes.</summary>
internal static class InitCommand
{
    public static void AddTo(RootCommand root, Binder bind)
    {
        var company = new Option<string>("--company") { Description = "The company id", Required = true };
        var name = new Option<string?>("--name") { Description = "The company's name, printed as the sender" };
        var days = new Option<string?>("--days") { Description = "Days per dunning level for the whole company, e.g. 5,20,40 (default: the scheme's)" };
        var street = new Option<string?>("--street") { Description = "Letterhead: street" };
        var postalCode = new Option<string?>("--postal-code") { Description = "Letterhead: postal code" };
        var city = new Option<string?>("--city") { Description = "Letterhead: city" };
        var country = new Option<string>("--country") { Description = "Letterhead: ISO country code", DefaultValueFactory = _ => "DE" };
        var iban = new Option<string?>("--iban") { Description = "The bank account printed on documents" };
        var email = new Option<string?>("--email") { Description = "Our receivables e-mail address" };
        var phone = new Option<string?>("--phone") { Description = "Our receivables phone number" };
        var init = new Command("init", "Create a database for a company with the default schemes (default location: $DEBITOR_HOME/debitor.db; --db to choose)") { company, name, days, street, postalCode, city, country, iban, email, phone };
        bind.Action(init, async context =>
        {
            var path = context.DatabasePath();
            if (File.Exists(path))
            {
                throw new UsageException($"There is a database at {path} already; name another with --db.");
            }

            CompanyDetailsDocument? details = null;
            if (context.Value(iban) is { } account)
            {
                _ = Iban.Parse(account, System.Globalization.CultureInfo.InvariantCulture);
                details = new CompanyDetailsDocument
                {
                    Street = context.Value(street) ?? throw new UsageException("--iban needs --street, --postal-code and --city for the letterhead."),
                    PostalCode = context.Value(postalCode) ?? throw new UsageException("--iban needs --postal-code."),
                    City = context.Value(city) ?? throw new UsageException("--iban needs --city."),
                    Country = context.Value(country),
                    Iban = account,
                    Email = context.Value(email),
                    Phone = context.Value(phone),
                };
            }

            var settings = new PortfolioDocument
            {
                Company = context.Value(company),
                CompanyName = context.Value(name),
                CompanyDetails = details,
                AsOf = context.AsOf is { } asOf ? Output.Format.Date(asOf) : null,
                CompanyDays = context.Value(days) is { } list ? ParseDays(list) : null,
            };
            _ = PortfolioLoader.SettingsOf(settings);
            await using var host = await CliHost.CreateAsync(path, settings, context.AsOf, context.CancellationToken);
            await context.EmitAsync(new { database = path, company = settings.Company }, o =>
            {
                o.WriteLine(context.T($"Datenbank für {settings.CompanyName ?? settings.Company} angelegt: {path}", $"Database for {settings.CompanyName ?? settings.Company} created: {path}"));
                o.WriteLine(context.T("Weiter: debitor import datev <Stammdaten.csv>, debitor import portfolio <datei.json> oder debitor post invoice …", "Next: debitor import datev <master-data.csv>, debitor import portfolio <file.json> or debitor post invoice …"));
            });
            return ExitCode.Done;
        });
        root.Subcommands.Add(init);
    }

    private static int[] ParseDays(string list) =>
        [.. list.Split(',').Select(d => int.TryParse(d.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new UsageException($"--days takes whole numbers of days separated by commas, not '{list}'."))];
}
