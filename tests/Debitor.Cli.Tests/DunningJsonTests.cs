using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Debitor.Cli.Output;
using Debitor.Cli.Storage;
using Debitor.Core.Dunning;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Debitor.Cli.Tests;

/// <summary>
/// The JSON the tool writes as it goes (D16.263) is the JSON it wrote before by serializing objects: the oracle here is
/// that former model, serialized with the tool's options.
/// </summary>
public sealed class DunningJsonTests
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    [Fact]
    public async Task Proposal_SamplePortfolio_IsTheSerializedModelCharacterForCharacter()
    {
        using var cli = new CliHarness();
        await cli.RunOkAsync("demo", "--out", cli.Out);
        await using var host = await CliHost.OpenAsync(cli.Db, null, CancellationToken.None);
        var request = Commands.DunningCommands.Request(host, await host.DunningSettingsAsync(CancellationToken.None), null, null, null, false, false, true);
        var proposal = await host.Dunning.PreviewAsync(host.Actor, request, CancellationToken.None);
        Assert.NotEmpty(proposal.Letters);
        Assert.NotEmpty(proposal.Excluded);

        Assert.Equal(JsonSerializer.Serialize(ProposalModel(proposal), Options), Streamed(json => DunningJson.Proposal(json, proposal)));
    }

    [Fact]
    public async Task Commands_PrintTheSameDocumentsAsTheSerializedModel()
    {
        using var cli = new CliHarness();
        var demo = await cli.RunOkAsync("demo", "--out", cli.Out, "--format", "json");
        var preview = await cli.RunOkAsync("dunning", "preview", "--format", "json");
        var process = await cli.RunOkAsync("dunning", "process", "--out", cli.Out + "-run", "--format", "json");

        await using var host = await CliHost.OpenAsync(cli.Db, null, CancellationToken.None);
        var runs = await host.Database.ReadRunsAsync(CancellationToken.None);
        var run = Assert.Single(runs);
        using var demoDocument = JsonDocument.Parse(demo.Output);
        using var previewDocument = JsonDocument.Parse(preview.Output);
        using var processDocument = JsonDocument.Parse(process.Output);
        Assert.True(demoDocument.RootElement.GetProperty("created").GetBoolean());
        Assert.Equal(
            demoDocument.RootElement.GetProperty("proposal").GetRawText(),
            previewDocument.RootElement.GetProperty("proposal").GetRawText());
        Assert.False(previewDocument.RootElement.TryGetProperty("documents", out _));
        Assert.Equal(run.Letters.Count, processDocument.RootElement.GetProperty("issued").GetInt32());
        Assert.Equal(run.Letters.Count, processDocument.RootElement.GetProperty("letters").GetArrayLength());
        Assert.Equal(cli.Out + "-run", processDocument.RootElement.GetProperty("documents").GetString());
        Assert.EndsWith("}" + Environment.NewLine, process.Output, StringComparison.Ordinal);
    }

    /// <summary>Text in pieces of any size, split inside a character or not, arrives whole and in order.</summary>
    [Property(MaxTest = 300)]
    public Property TextWriterBuffer_AnyPieceSize_HandsOnTheTextUnchanged() =>
        Prop.ForAll(
            Gen.Elements("a", "ä", "ß", "€", "\"", "\\", "\n", "𝄞", "Straße 1", "Müller & Söhne").ListOf().Select(parts => string.Concat(parts)).ToArbitrary(),
            Gen.Choose(4, 40).ToArbitrary(),
            (text, pieceSize) =>
            {
                var output = new StringWriter();
                var pieces = new TextWriterBuffer(output, pieceSize);
                using (var json = new Utf8JsonWriter(pieces, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    json.WriteStartArray();
                    foreach (var part in text.Split(' '))
                    {
                        json.WriteStringValue(part);
                    }

                    json.WriteEndArray();
                }

                pieces.Complete();
                return output.ToString() == JsonSerializer.Serialize(text.Split(' '), new JsonSerializerOptions(Options) { WriteIndented = false });
            });

    private static string Streamed(Action<Utf8JsonWriter> write)
    {
        var output = new StringWriter();
        var pieces = new TextWriterBuffer(output, 16);
        using (var json = new Utf8JsonWriter(pieces, new JsonWriterOptions { Indented = true, Encoder = Options.Encoder }))
        {
            write(json);
        }

        pieces.Complete();
        return output.ToString();
    }

    private static object ProposalModel(DunningProposal proposal) => new
    {
        letters = proposal.Letters.Select(LetterModel).ToList(),
        excluded = proposal.Excluded.Select(l => new { customer = l.Customer.Value, document = l.DocumentNumber, installment = l.Installment.Number, due = Format.Date(l.DueDate), open = Format.Amount(l.OpenAmount), currency = l.OpenAmount.Currency.Code, level = l.Level, reason = l.Explanation }).ToList(),
        notices = proposal.NoticeCount,
        unreadable = proposal.UnreadableAccounts.Select(u => u.Message).ToList(),
    };

    private static object LetterModel(DunningLetter letter) => new
    {
        id = letter.Id,
        recipient = letter.RecipientId.Value,
        name = letter.Recipient.Name,
        level = letter.Level,
        currency = letter.Currency.Code,
        overdue = Format.Amount(letter.OverdueTotal),
        fees = Format.Amount(letter.FeeTotal),
        interest = Format.Amount(letter.InterestTotal),
        totalDue = Format.Amount(letter.TotalDue),
        deadline = Format.Date(letter.PaymentDeadline),
        lines = letter.Lines.Select(l => new { customer = l.Customer.Value, document = l.DocumentNumber, installment = l.Installment.Number, due = Format.Date(l.DueDate), open = Format.Amount(l.OpenAmount), level = l.Level, status = l.Status.ToString(), notice = l.IssuesNotice }).ToList(),
    };
}
