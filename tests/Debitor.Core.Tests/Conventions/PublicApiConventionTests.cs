using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace Debitor.Core.Tests.Conventions;

/// <summary>Keeps the house style of the public surface from drifting (see STYLE.md).</summary>
public sealed class PublicApiConventionTests
{
    private static readonly Assembly Library = typeof(Core.Money).Assembly;

    private static IEnumerable<Type> PublicTypes => Library.GetExportedTypes();

    [Fact]
    public void PublicClasses_AreSealedStaticOrAbstract()
    {
        var open = PublicTypes
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !typeof(Delegate).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(open);
    }

    [Fact]
    public void PublicStructs_AreReadOnly()
    {
        var mutable = PublicTypes
            .Where(t => t.IsValueType && !t.IsEnum && t.GetCustomAttribute<IsReadOnlyAttribute>() is null)
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(mutable);
    }

    [Fact]
    public void PublicStructs_HaveNoPublicSettersOtherThanInit()
    {
        var settable = PublicTypes
            .Where(t => t.IsValueType && !t.IsEnum)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p.SetMethod is { IsPublic: true } setter && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToList();

        Assert.Empty(settable);
    }

    [Fact]
    public void PublicTypes_HaveDocumentation()
    {
        var xmlPath = Path.ChangeExtension(Library.Location, ".xml");
        Assert.True(File.Exists(xmlPath), $"XML documentation file not found next to {Library.Location}");
        var documented = XDocument.Load(xmlPath)
            .Descendants("member")
            .Select(m => (string?)m.Attribute("name"))
            .ToHashSet(StringComparer.Ordinal);

        var undocumented = PublicTypes
            .Select(t => "T:" + t.FullName!.Replace('+', '.'))
            .Where(id => !documented.Contains(id))
            .ToList();

        Assert.Empty(undocumented);
    }

    [Fact]
    public void DomainExceptions_ShareTheLibraryBaseType()
    {
        var strays = PublicTypes
            .Where(t => typeof(Exception).IsAssignableFrom(t) && !typeof(DebitorException).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(strays);
    }
}
