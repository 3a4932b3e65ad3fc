using System.Text;
using Debitor.Core.Application;
using Debitor.Core.Files;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Collections;

public sealed class FileAttachmentTests
{
    private static readonly byte[] Eicar = Encoding.ASCII.GetBytes(@"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*");
    private readonly ServiceFixture _fixture = new();
    private readonly InMemoryFileStorage _storage = new();

    private CollectionService With(IVirusScanner scanner) => new(_fixture.Service, _fixture.Store, new InterestSchemeRegistry(), scanner, _storage);

    private sealed class BrokenScanner : IVirusScanner
    {
        public ValueTask<ScanResult> ScanAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => throw new TimeoutException("scanner did not answer");
    }

    [Fact]
    public async Task AttachFileAsync_CleanFile_IsStoredAndListed()
    {
        await _fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer());

        var result = await With(new EicarTestScanner()).AttachFileAsync(Clerk, CustomerA, Id("f-1"), "Delivery note", "note.pdf", "application/pdf", "%PDF-1.7 …"u8.ToArray());

        Assert.True(result.IsStored);
        Assert.Equal(1, _storage.Count);
        var account = await _fixture.Service.GetAccountAsync(Accountant, CustomerA);
        Assert.Equal("Delivery note", Assert.Single(account.Files).Title);
        Assert.Equal(64, account.Files[0].Sha256.Length);
    }

    [Fact]
    public async Task AttachFileAsync_InfectedFile_StoresNothingAndSaysWhy()
    {
        await _fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer());

        var result = await With(new EicarTestScanner()).AttachFileAsync(Clerk, CustomerA, Id("f-1"), "Invoice copy", "copy.exe", "application/octet-stream", Eicar);

        Assert.False(result.IsStored);
        Assert.Equal((ScanVerdict.Infected, "EICAR-Test-File"), (result.Scan.Verdict, result.Scan.Detail));
        Assert.Equal(0, _storage.Count);
        Assert.Empty((await _fixture.Service.GetAccountAsync(Accountant, CustomerA)).Files);
    }

    [Fact]
    public async Task AttachFileAsync_ScannerFails_FailsClosed()
    {
        await _fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer());

        var result = await With(new BrokenScanner()).AttachFileAsync(Clerk, CustomerA, Id("f-1"), "Contract", "c.pdf", "application/pdf", "x"u8.ToArray());

        Assert.Equal((false, ScanVerdict.Failed, "scanner did not answer"), (result.IsStored, result.Scan.Verdict, result.Scan.Detail));
        Assert.Equal(0, _storage.Count);
    }

    [Fact]
    public async Task AttachFileAsync_ActorWithoutPermission_IsRefusedBeforeAnythingIsStored()
    {
        await _fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer());

        await Assert.ThrowsAsync<AuthorizationException>(() => With(new EicarTestScanner()).AttachFileAsync(Viewer, CustomerA, Id("f-1"), "Contract", "c.pdf", "application/pdf", "x"u8.ToArray()));

        Assert.Equal(0, _storage.Count);
    }

    [Fact]
    public async Task AttachFileAsync_NoScannerConfigured_FailsClosed()
    {
        await _fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer());

        var result = await With(new UnconfiguredVirusScanner()).AttachFileAsync(Clerk, CustomerA, Id("f-1"), "Contract", "c.pdf", "application/pdf", "x"u8.ToArray());

        Assert.Equal(ScanVerdict.Failed, result.Scan.Verdict);
        Assert.Equal(0, _storage.Count);
    }

    [Fact]
    public async Task AttachFileAsync_ReusedEntryIdWithOtherContent_ThrowsAndKeepsTheStoredContent()
    {
        // Issue 12, defect 3: the second call used to overwrite v1's bytes before it refused the reused id.
        await _fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer());
        var service = With(new EicarTestScanner());
        var first = await service.AttachFileAsync(Clerk, CustomerA, Id("file-1"), "Contract", "c.pdf", "application/pdf", "v1"u8.ToArray());

        await Assert.ThrowsAsync<DuplicateEntryException>(() => service.AttachFileAsync(Clerk, CustomerA, Id("file-1"), "Contract", "c.pdf", "application/pdf", "something else"u8.ToArray()));

        Assert.Equal(1, _storage.Count);
        var stored = await _storage.ReadAsync(first.File!.StorageKey, default);
        Assert.Equal("v1"u8.ToArray(), stored!.Value.ToArray());
        var recorded = Assert.Single((await _fixture.Service.GetAccountAsync(Accountant, CustomerA)).Files);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stored.Value.Span)), recorded.Sha256);
    }

    [Fact]
    public async Task AttachFileAsync_SameFileAgain_IsARetryThatChangesNothing()
    {
        await _fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer());
        var service = With(new EicarTestScanner());
        var first = await service.AttachFileAsync(Clerk, CustomerA, Id("file-1"), "Contract", "c.pdf", "application/pdf", "v1"u8.ToArray());
        var version = (await _fixture.Service.GetAccountAsync(Accountant, CustomerA)).Version;

        var again = await service.AttachFileAsync(Clerk, CustomerA, Id("file-1"), "Contract", "c.pdf", "application/pdf", "v1"u8.ToArray());

        Assert.Equal(first, again);
        Assert.Equal(version, (await _fixture.Service.GetAccountAsync(Accountant, CustomerA)).Version);
    }

    [Fact]
    public async Task AttachFileAsync_TwoContentsRacingForOneId_NeverLeaveStorageAndJournalDisagreeing()
    {
        await _fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer());
        var service = With(new EicarTestScanner());
        var contents = Enumerable.Range(0, 8).Select(i => Encoding.ASCII.GetBytes($"version {i}")).ToList();

        var attempts = contents.Select(c => Task.Run(async () =>
        {
            try
            {
                await service.AttachFileAsync(Clerk, CustomerA, Id("file-1"), "Contract", "c.pdf", "application/pdf", c);
            }
            catch (DuplicateEntryException)
            {
                // Another attempt recorded the id first.
            }
        }));
        await Task.WhenAll(attempts);

        var recorded = Assert.Single((await _fixture.Service.GetAccountAsync(Accountant, CustomerA)).Files);
        var stored = await _storage.ReadAsync(recorded.StorageKey, default);
        Assert.Equal(recorded.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stored!.Value.Span)));
    }

    [Fact]
    public async Task StoreAsync_OtherContentUnderAUsedKey_IsRefused()
    {
        await _storage.StoreAsync("k", "v1"u8.ToArray(), default);

        var exception = await Assert.ThrowsAsync<ArgumentException>(async () => await _storage.StoreAsync("k", "v2"u8.ToArray(), default));

        Assert.Equal("key", exception.ParamName);
        Assert.Equal("v1"u8.ToArray(), (await _storage.ReadAsync("k", default))!.Value.ToArray());
    }
}
