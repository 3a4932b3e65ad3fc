using System.Text.Json.Nodes;
using Debitor.Core.Ports;
using Debitor.Core.Serialization;
using Debitor.Core.Testing;

namespace Debitor.Core.Tests.Serialization;

/// <summary>
/// The document format written straight into one buffer (D16.66) is byte for byte what writing it through a JSON node tree
/// gave before: the golden files compare an indented form, so the compact stored text is checked here.
/// </summary>
public sealed class DocumentJsonWriterTests
{
    [Fact]
    public async Task Serialize_EveryDocumentKind_IsTheCompactTextOfItsNodeTree()
    {
        var documents = await OutboxSampleDocuments.WriteAsync(new InMemoryCustomerAccountStore());

        Assert.Equal(DocumentJson.Kinds.Order(StringComparer.Ordinal), documents.Select(DocumentJson.KindOf).Distinct().Order(StringComparer.Ordinal));
        Assert.All(documents, document =>
        {
            var written = DocumentJson.Serialize(document);
            Assert.Equal(JsonNode.Parse(written)!.ToJsonString(), written);
            Assert.StartsWith("{\"format\":2,\"kind\":\"" + DocumentJson.KindOf(document) + "\",\"document\":{", written, StringComparison.Ordinal);
        });
    }
}
