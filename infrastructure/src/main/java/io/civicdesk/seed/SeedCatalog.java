package io.civicdesk.seed;

import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code ./civicdesk seed <file> [--table <CatalogTable name>] [--check]}: checks a catalogue file and loads it into
 * a catalogue table. The SDK finds the account, region and endpoint the usual way (AWS_PROFILE, AWS_REGION,
 * AWS_ENDPOINT_URL, ...), so this writes to whatever account the shell is signed in to; the table is
 * {@code --table}, else CATALOG_TABLE. {@code --check} only checks the file, and needs no account.
 */
public final class SeedCatalog {
    static final String USAGE = "Usage: ./civicdesk seed <catalogue file> [--table <CatalogTable name>] [--check]";

    private SeedCatalog() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err, AwsClients::dynamoDb, Clocks.fromConfig()));
    }

    /**
     * 0 when loaded (or, with --check, loadable), 1 when the file has mistakes or the load could not finish, 2 when
     * the command is wrong.
     */
    static int run(List<String> args, PrintStream out, PrintStream err, Supplier<DynamoDbClient> dynamo, Clock clock) {
        List<String> files = new ArrayList<>();
        String table = Config.optional("CATALOG_TABLE");
        boolean check = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--check")) {
                check = true;
            } else if (arg.equals("--table") && i + 1 < args.size()) {
                table = args.get(++i);
            } else if (arg.startsWith("-")) {
                err.println("seed: " + arg + " is not an option of seed (or it needs a value).\n" + USAGE);
                return 2;
            } else {
                files.add(arg);
            }
        }
        if (files.size() != 1) {
            err.println(USAGE);
            return 2;
        }
        if (!check && table == null) {
            err.println("seed: which table? Give the stack's CatalogTable name with --table (or set CATALOG_TABLE).\n" + USAGE);
            return 2;
        }
        Path path = Path.of(files.get(0));
        CatalogFile file;
        try {
            file = CatalogFile.read(path, clock);
        } catch (IOException e) {
            err.println("seed: cannot read " + path + ": " + e.getMessage());
            return 2;
        } catch (CatalogFileException e) {
            return mistakes(e, path, err);
        }
        String contents = file.council().name() + ": " + file.units().size() + " units, " + file.services().size()
                + " services, " + file.calendars().size() + " calendars, " + file.policies().size() + " policies, "
                + file.facilities().size() + " facilities, " + file.synonyms().groups().size() + " groups of synonyms, "
                + file.articles().size() + " articles, " + file.guides().size() + " guided conversations, "
                + file.retention().size() + " retention periods";
        if (check) {
            out.println(path + " is a catalogue that can be loaded. " + contents + ". Nothing was written.");
            return 0;
        }
        try {
            CatalogLoad load = new CatalogLoad(dynamo.get(), table);
            List<String> left = load.write(file);
            List<String> unpublished = load.guideArticlesNotPublished(file);
            out.println("Loaded " + path + " into " + table + ". " + contents + ".");
            if (!left.isEmpty()) {
                out.println("The table also holds what this file does not name, left as it was: " + String.join(", ", left) + ".");
            }
            if (!unpublished.isEmpty()) {
                out.println("The guided conversations lead to articles not published for residents yet: "
                        + String.join(", ", unpublished) + ".");
            }
            return 0;
        } catch (CatalogFileException e) {
            return mistakes(e, path, err);
        } catch (SdkException | IllegalStateException e) {
            // Each item is written whole, so loading the file again finishes what was begun.
            err.println("seed: the load into " + table + " stopped: " + e.getMessage()
                    + "\nWhat was written so far stays; load the file again once the cause is put right.");
            return 1;
        }
    }

    private static int mistakes(CatalogFileException e, Path path, PrintStream err) {
        e.mistakes().forEach(err::println);
        int count = e.mistakes().size();
        err.println(count + (count == 1 ? " mistake" : " mistakes") + " in " + path + "; nothing was written.");
        return 1;
    }
}
