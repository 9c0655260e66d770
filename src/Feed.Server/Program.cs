using Feed.Server.Commands;

var verb = args.Length == 0 ? "serve" : args[0];
var rest = args.Skip(1).ToArray();
using var cancellation = new CancellationTokenSource();

try
{
    switch (verb)
    {
        case "serve":
            return await ServeCommand.RunAsync(new CommandLine(rest), cancellation.Token);
        case "generate":
            return await GenerateCommand.RunAsync(new CommandLine(rest), Console.Out, cancellation.Token);
        case "check":
            return await CheckCommand.RunAsync(rest, Console.Out, cancellation.Token);
        case "upload":
            {
                var commandLine = new CommandLine(rest);
                var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine([.. commandLine.OtherOptions()]).Build();
                await using var storage = await LocalStorage.OpenAsync(configuration, Console.Error, cancellation.Token);
                var service = new Azure.Storage.Blobs.BlobServiceClient(storage.ConnectionString);
                var options = new Feed.Core.Configuration.FeedOptions();
                configuration.GetSection(Feed.Core.Configuration.FeedSettingNames.Section).Bind(options);
                await UploadCommand.UploadAsync(service.GetBlobContainerClient(options.UploadContainer), commandLine.Positional, Console.Out, cancellation.Token);
                return 0;
            }

        case "reindex":
            return await ReindexCommand.RunAsync(Configure(new CommandLine(rest)), Console.Out, cancellation.Token);
        case "rejections":
            {
                var commandLine = new CommandLine(rest, RejectionsCommand.RedriveFlag);
                return await RejectionsCommand.RunAsync(commandLine, Configure(commandLine), Console.Out, cancellation.Token);
            }

        case "--help" or "-h" or "help":
            Console.WriteLine("""
                usage: feed [serve] [--seed FOLDER] [--urls URL]   run the local host (starts Azurite when needed)
                       feed check FILE|FOLDER...                 validate article files without storage (JSON lines)
                       feed upload FILE|FOLDER...                upload article files to the upload container
                       feed generate --count N --out DIR         write N synthetic article files (--seed S, --from I)
                       feed reindex                              rebuild every feed index from the normalized store
                       feed rejections [--redrive [NAME...]]     list rejected uploads, or ingest them again
                """);
            return 0;
        default:
            await Console.Error.WriteLineAsync($"unknown command '{verb}'; try 'feed help'");
            return 2;
    }
}
catch (Exception exception) when (exception is InvalidOperationException or FileNotFoundException or ArgumentException)
{
    await Console.Error.WriteLineAsync($"feed {verb}: {exception.Message}");
    return 1;
}
catch (Exception exception) when (Feed.Core.Storage.StorageFailure.Is(exception))
{
    await Console.Error.WriteLineAsync($"feed {verb}: storage did not answer ({Feed.Core.Storage.StorageFailure.Reason(exception)}); run the command again once it is back");
    return 1;
}

static IConfiguration Configure(CommandLine commandLine) =>
    new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine([.. commandLine.OtherOptions()]).Build();
