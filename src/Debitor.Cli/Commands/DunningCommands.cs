using System.CommandLine;
using Debitor.Cli.Output;
using Debitor.Cli.Storage;
using Debitor.Core;
using Debitor.Core.Dunning;

namespace Debitor.Cli.Commands;

/// <summary><c>debitor dunning preview|process|cancel|explain</c>.</summary>
internal static class DunningCommands
{
    public static void AddTo(RootCommand root, Binder bind)
    {
        var dunning = new Command("dunning", "Dunning runs: preview, process (stored), cancel a processed run, explain a customer");
        var branch = new Option<string?>("--branch") { Description = "Only customers of one branch" };
        var customer = new Option<string?>("--customer") { Description = "Only one customer" };
        var level = new Option<int?>("--level") { Description = "Only notices of this level" };
        var automatic = new Option<bool>("--automatic") { Description = "An automatic run: skips customers outside automatic workflows and problematic ones" };
        var creditLimit = new Option<bool>("--credit-limit-exceeded") { Description = "Only customers whose balance exceeds their credit limit" };
        var noFees = new Option<bool>("--no-fees") { Description = "When processing, do not post the fees" };
        var output = DocumentOptions.Out();
        var html = DocumentOptions.Html();

        var preview = new Command("preview", "Preview the run: print the proposal, change nothing; with --out write the letters as PDF") { branch, customer, level, automatic, creditLimit, output, html };
        bind.Action(preview, async context =>
        {
            await using var host = await context.OpenAsync();
            var request = Request(host, await host.DunningSettingsAsync(context.CancellationToken), context.Value(branch), context.Value(customer), context.Value(level), context.Value(automatic), context.Value(creditLimit), true);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var proposal = await host.Dunning.PreviewAsync(host.Actor, request, context.CancellationToken);
            context.Stage(context.T("Vorschau, Schreiben", "Preview, letters"), proposal.Letters.Count, clock.Elapsed);
            var files = context.Value(output) is { } directory ? new DocumentFiles(host, directory, context.Culture, context.Value(html)) : null;
            if (files is not null)
            {
                await WriteLettersAsync(context, files, proposal.Letters);
            }

            await context.EmitAsync(
                json =>
                {
                    json.WriteStartObject();
                    json.WriteString("asOf", Format.Date(host.Today));
                    json.WritePropertyName("proposal");
                    DunningJson.Proposal(json, proposal);
                    DunningJson.String(json, "documents", files?.Directory);
                    json.WriteEndObject();
                },
                o =>
            {
                o.WriteLine(context.T($"Mahnlauf zum {Format.Date(host.Today)} — Vorschau, es wurde nichts geändert", $"Dunning run as of {Format.Date(host.Today)} — preview, nothing was changed"));
                o.WriteLine();
                ProposalPrinter.Print(proposal, o, context.Culture);
                Unreadable(o, context, proposal.UnreadableAccounts);
                if (files is not null)
                {
                    o.WriteLine(context.T($"{files.Written.Count} Dateien in {files.Directory}", $"{files.Written.Count} files in {files.Directory}"));
                }
            });
            return proposal.UnreadableAccounts.Count == 0 ? ExitCode.Done : ExitCode.PartlyFailed;
        });
        dunning.Subcommands.Add(preview);

        var process = new Command("process", "Process the run: issue the letters and store them (notices, fees, history); writes the issued letters as PDF. The same day again issues nothing new") { branch, customer, level, automatic, creditLimit, noFees, output, html };
        bind.Action(process, async context =>
        {
            await using var host = await context.OpenAsync();
            var runs = await host.Database.ReadRunsAsync(context.CancellationToken);
            var request = Request(host, await host.DunningSettingsAsync(context.CancellationToken), context.Value(branch), context.Value(customer), context.Value(level), context.Value(automatic), context.Value(creditLimit), !context.Value(noFees), RunId(host.Today, runs));
            var directory = context.Value(output) ?? Path.Combine(CliContext.Home, "documents", request.RunId.Value);

            // The letters must be printable before anything is issued: a company without letterhead is refused here, unchanged.
            var files = new DocumentFiles(host, directory, context.Culture, context.Value(html));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var (approval, letters) = await ApproveAllAsync(host, request, context.CancellationToken);
            context.Stage(context.T("Vorschau, Schreiben", "Preview, letters"), letters, clock.Elapsed);

            // Each letter the processing delivers (its notices stored) is written as a file while the processing goes on
            // (D16.230). The run is recorded only when every letter it issued has its file, so a fault while writing leaves
            // it unrecorded, and running the command again completes it and writes the letters (D16.231).
            var progress = context.Progress(context.T("Schreiben", "Letters"), letters);
            host.Letters.Start(files, progress, Environment.ProcessorCount, context.CancellationToken);
            clock.Restart();
            var result = await host.Dunning.ProcessApprovalAsync(host.Actor, approval, context.CancellationToken);
            var processed = clock.Elapsed;
            await host.Letters.CompleteAsync();
            progress.Done();
            context.Stage(context.T("Verarbeitet, Schreiben", "Processed, letters"), result.Issued.Count, processed);
            context.Stage(context.T("Dateien geschrieben, Schreiben", "Files written, letters"), letters, clock.Elapsed);

            // Processing a run again is the library's retry: letters the run issued before are completed, never issued twice,
            // and come back in the result, undelivered. Only the letters this run had not recorded yet are new.
            var earlier = runs.FirstOrDefault(r => r.Id == result.RunId.Value)?.Letters.Select(l => l.Id).ToHashSet() ?? [];
            var issued = result.Issued.Where(l => !earlier.Contains(l.Id)).ToList();
            if (issued.Where(l => !host.Letters.Wrote(l.Id)).ToList() is { Count: > 0 } unwritten)
            {
                await WriteLettersAsync(context, files, unwritten);
            }

            await host.Database.RecordRunAsync(result.RunId.Value, Format.Date(host.Today), [.. issued.Select(l => new StoredLetter(l.Id, [.. l.Customers.Append(l.RecipientId).Distinct().Select(c => c.Value)]))], context.CancellationToken);

            var notices = issued.Sum(l => l.Lines.Count(n => n.IssuesNotice));
            var fees = issued.Sum(l => l.Fees.Count);
            var already = result.Issued.Count - issued.Count;
            await context.EmitAsync(
                json =>
                {
                    json.WriteStartObject();
                    json.WriteString("run", result.RunId.Value);
                    json.WriteString("asOf", Format.Date(host.Today));
                    json.WriteNumber("issued", issued.Count);
                    json.WriteNumber("alreadyIssued", already);
                    json.WriteNumber("notices", notices);
                    json.WriteNumber("fees", fees);
                    json.WriteNumber("removed", result.Removed.Count);
                    DunningJson.Messages(json, "unreadable", result.UnreadableAccounts);
                    json.WriteStartArray("letters");
                    foreach (var letter in issued)
                    {
                        DunningJson.Letter(json, letter);
                    }

                    json.WriteEndArray();
                    DunningJson.String(json, "documents", issued.Count > 0 ? files.Directory : null);
                    json.WriteEndObject();
                },
                o =>
                {
                    o.WriteLine(context.T(
                        $"Lauf {result.RunId}: {issued.Count} Schreiben ausgestellt mit {notices} Mahnungen und {fees} Gebühren; {result.Removed.Count} Mahnungen der Vorschau nicht ausgestellt. Gespeichert.",
                        $"Run {result.RunId}: {issued.Count} letters issued with {notices} notices and {fees} fees; {result.Removed.Count} previewed notices not issued. Stored."));
                    if (already > 0)
                    {
                        o.WriteLine(context.T($"{already} Schreiben dieses Laufs waren bereits ausgestellt und wurden nicht erneut ausgestellt.", $"{already} letters of this run were issued before and were not issued again."));
                    }

                    if (issued.Count == 0)
                    {
                        o.WriteLine(context.T("Nichts Neues auszustellen (ein Lauf an diesem Tag ist bereits verarbeitet, oder nichts ist fällig).", "Nothing new to issue (a run of this day was processed already, or nothing is due)."));
                    }

                    Unreadable(o, context, result.UnreadableAccounts);
                    if (issued.Count > 0)
                    {
                        o.WriteLine(context.T($"{files.Written.Count} Dateien in {files.Directory}", $"{files.Written.Count} files in {files.Directory}"));
                    }

                    o.WriteLine(context.T($"Rückgängig machen: debitor dunning cancel {result.RunId}", $"To reverse it: debitor dunning cancel {result.RunId}"));
                });
            return result.UnreadableAccounts.Count == 0 ? ExitCode.Done : ExitCode.PartlyFailed;
        });
        dunning.Subcommands.Add(process);

        var run = new Argument<string>("run") { Description = "The run id printed by 'dunning process' (e.g. run-2026-11-23)" };
        var reason = new Option<string>("--reason") { Description = "Why the run is cancelled", DefaultValueFactory = _ => "cancelled with debitor dunning cancel" };
        var cancel = new Command("cancel", "Cancel a processed run: every letter of the run is cancelled on every account it was issued on (notices and fees reversed)") { run, reason };
        bind.Action(cancel, async context =>
        {
            await using var host = await context.OpenAsync();
            var id = context.Value(run);
            var runs = await host.Database.ReadRunsAsync(context.CancellationToken);
            var stored = runs.FirstOrDefault(r => r.Id == id)
                ?? throw new FormatException($"There is no processed run '{id}'. Processed runs: {(runs.Count == 0 ? "none" : string.Join(", ", runs.Select(r => r.Id + (r.Cancelled ? " (cancelled)" : string.Empty))))}.");
            var cancelled = await CancelRunAsync(host, stored, context.Value(reason), context.CancellationToken);
            await host.Database.MarkCancelledAsync(id, context.CancellationToken);
            await context.EmitAsync(new { run = id, letters = cancelled }, o => o.WriteLine(context.T($"Lauf {id} storniert: {cancelled} Schreiben.", $"Run {id} cancelled: {cancelled} letters.")));
            return ExitCode.Done;
        });
        dunning.Subcommands.Add(cancel);

        var who = new Argument<string>("customer") { Description = "The customer id" };
        var explain = new Command("explain", "The forward dunning calendar of a customer: where each open item stands, why, and the notices still to come") { who };
        bind.Action(explain, async context =>
        {
            await using var host = await context.OpenAsync();
            var account = await host.AccountAsync(context.Value(who), context.CancellationToken);
            var lines = await host.Dunning.ExplainAsync(host.Actor, account.Id, host.Today, context.CancellationToken);
            await context.EmitAsync(
                new { customer = account.Id.Value, asOf = Format.Date(host.Today), items = lines.Select(l => new { document = l.DocumentNumber, installment = l.Installment.Number, due = Format.Date(l.DueDate), open = Format.Amount(l.OpenAmount), currency = l.OpenAmount.Currency.Code, level = l.Level, explanation = l.Explanation, toCome = l.Forecast().Select(n => new { level = n.Level, date = Format.Date(n.Date) }) }) },
                o =>
                {
                    o.WriteLine(context.T($"MAHNKALENDER von {account.Id} ({account.Customer.Name}) zum {Format.Date(host.Today)}", $"FORWARD DUNNING CALENDAR of {account.Id} ({account.Customer.Name}) as of {Format.Date(host.Today)}"));
                    foreach (var line in lines)
                    {
                        var forecast = line.Forecast();
                        o.WriteLine($"  {line.DocumentNumber}/{line.Installment.Number}, {context.T("fällig", "due")} {Format.Date(line.DueDate)}, {context.T("offen", "open")} {Format.Money(line.OpenAmount)}, {ProposalPrinter.Text(context.Culture, line.LevelTextKey)}");
                        o.WriteLine($"    {line.Explanation}");
                        o.WriteLine(forecast.Count == 0
                            ? context.T("    keine weitere Mahnung", "    no further notice")
                            : context.T("    folgt: ", "    to come: ") + string.Join(", ", forecast.Select(n => $"{context.T("Stufe", "level")} {n.Level} {context.T("ab", "from")} {Format.Date(n.Date)}")));
                    }
                });
            return ExitCode.Done;
        });
        dunning.Subcommands.Add(explain);
        root.Subcommands.Add(dunning);
    }

    /// <summary>
    /// Previews a run and approves every letter of it (what <c>ProcessAsync</c> of the proposal processes), returning the
    /// approval and the number of letters but not the proposal: its letters hold every account's view, and the processing
    /// lets go of the views slice by slice only once nothing else holds them (D16.251).
    /// </summary>
    private static async Task<(DunningApproval Approval, int Letters)> ApproveAllAsync(CliHost host, DunningRunRequest request, CancellationToken cancellationToken)
    {
        var proposal = await host.Dunning.PreviewAsync(host.Actor, request, cancellationToken);
        return (DunningApproval.Of(proposal), proposal.Letters.Count);
    }

    /// <summary>The run request of the CLI's filters; a level beyond the company's scheme or an unknown branch is refused.</summary>
    public static DunningRunRequest Request(CliHost host, DunningSettings settings, string? branch, string? customer, int? level, bool automatic, bool creditLimitExceeded, bool postFees, DunningRunId? runId = null)
    {
        if (branch is not null && host.Settings.Branches.All(b => b.Id != branch))
        {
            throw new FormatException($"--branch: there is no branch '{branch}' (branches: {(host.Settings.Branches.Count == 0 ? "none" : string.Join(", ", host.Settings.Branches.Select(b => b.Id)))}).");
        }

        var levels = settings.Schemes.Values.Max(s => s.Levels.Count);
        if (level is { } l && (l < 1 || l > levels))
        {
            throw new FormatException($"--level: {l} is not a level of the company's dunning scheme (1 to {levels}).");
        }

        return new DunningRunRequest(runId ?? new DunningRunId("run-" + Format.Date(host.Today)), host.Company, host.Today)
        {
            Branch = branch is null ? null : new BranchId(branch),
            Customer = customer is null ? null : new CustomerId(customer),
            Level = level,
            Mode = automatic ? DunningRunMode.Automatic : DunningRunMode.Manual,
            OnlyWhenCreditLimitExceeded = creditLimitExceeded,
            PostFees = postFees,
        };
    }

    /// <summary>
    /// The run of a day is <c>run-yyyy-MM-dd</c>; processing it again retries that run, so a letter already issued is not
    /// issued again. After the day's run was cancelled, a new run of that day gets the next number (<c>run-yyyy-MM-dd-2</c>).
    /// </summary>
    private static DunningRunId RunId(LocalDate day, IReadOnlyList<StoredRun> runs)
    {
        var baseId = "run-" + Format.Date(day);
        var id = baseId;
        for (var n = 2; runs.FirstOrDefault(r => r.Id == id) is { Cancelled: true }; n++)
        {
            id = $"{baseId}-{n}";
        }

        return new DunningRunId(id);
    }

    /// <summary>
    /// Cancels every letter of a run, latest first, with the library's <c>DunningService.CancelLetterAsync</c>
    /// (cancelling a letter again changes nothing, so a cancellation interrupted half-way completes when repeated).
    /// </summary>
    private static async Task<int> CancelRunAsync(CliHost host, StoredRun run, string reason, CancellationToken cancellationToken)
    {
        foreach (var letter in run.Letters.Reverse())
        {
            await host.Dunning.CancelLetterAsync(host.Actor, letter.Id, [.. letter.Customers.Select(c => new CustomerId(c))], reason, cancellationToken);
        }

        return run.Letters.Count;
    }

    public static async Task WriteLettersAsync(CliContext context, DocumentFiles files, IReadOnlyList<DunningLetter> letters)
    {
        // One letter per core at a time: each file is rendered and written on its own (the renderer is thread-safe,
        // Render_FromManyThreadsAtOnce_GivesTheSameBytesAsOneByOne), and the PDFs are most of a large run's time.
        var progress = context.Progress(context.T("Schreiben", "Letters"), letters.Count);
        var gate = new Lock();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = context.CancellationToken };
        await Parallel.ForEachAsync(letters, options, async (letter, cancellationToken) =>
        {
            await files.LetterAsync(letter, cancellationToken);
            lock (gate)
            {
                progress.Advance();
            }
        });

        progress.Done();
    }

    private static void Unreadable(TextWriter o, CliContext context, IReadOnlyList<Core.Ledger.CorruptJournalException> unreadable)
    {
        foreach (var account in unreadable)
        {
            o.WriteLine(context.T($"NICHT LESBAR: {account.Message}", $"UNREADABLE: {account.Message}"));
        }
    }
}

/// <summary>The options of commands that write documents.</summary>
internal static class DocumentOptions
{
    public static Option<string?> Out() => new("--out") { Description = "The folder for the documents (PDF); default under $DEBITOR_HOME/documents" };

    public static Option<bool> Html() => new("--html") { Description = "Write every document as HTML too" };
}
