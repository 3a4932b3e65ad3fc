using System.Text;
using Debitor.Core.Application;
using Debitor.Core.Files;
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
}
