using Debitor.Cli;

try
{
    await DunningJob.RunAsync(CliOptions.Parse(args), Console.Out);
    return 0;
}
catch (UsageException e)
{
    Console.Error.WriteLine("debitor: " + e.Message);
    Console.Error.WriteLine(CliOptions.Usage);
    return 2;
}
catch (Exception e) when (e is FormatException or ArgumentException or IOException or System.Text.Json.JsonException or InvalidOperationException)
{
    Console.Error.WriteLine("debitor: " + e.Message);
    return 1;
}
