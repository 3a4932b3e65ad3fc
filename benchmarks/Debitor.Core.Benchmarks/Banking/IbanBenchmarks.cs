using BenchmarkDotNet.Attributes;
using Debitor.Core.Banking;

namespace Debitor.Core.Benchmarks.Banking;

/// <summary>Parsing IBANs: the hot path of importing bank statements and customer master data.</summary>
[MemoryDiagnoser]
public class IbanBenchmarks
{
    private string _valid = string.Empty;
    private string _invalid = string.Empty;
    private string _printed = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        // Built at run time so that the strings are ordinary heap strings, as read from a file.
        _valid = string.Concat("DE89", "370400440532013000");
        _invalid = string.Concat("DE88", "370400440532013000");
        _printed = string.Concat("DE89 3704 0044 ", "0532 0130 00");
    }

    [Benchmark]
    public bool TryParseValidElectronic() => Iban.TryParse(_valid, out _);

    [Benchmark]
    public bool TryParseInvalidElectronic() => Iban.TryParse(_invalid, out _);

    [Benchmark]
    public Iban ParsePrintFormat() => Iban.Parse(_printed);
}
