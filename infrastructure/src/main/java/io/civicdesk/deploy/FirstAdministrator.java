package io.civicdesk.deploy;

import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Json;
import io.civicdesk.staff.CognitoSignInAccounts;
import io.civicdesk.staff.StaffAdministration;
import io.civicdesk.staff.StaffFormReader;
import io.civicdesk.directory.StaffDirectory;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A new stack's first administrator, who then adds everyone else on the staff page:
 * {@code ./civicdesk first-admin --user-pool <StaffUserPoolId> --catalog-table <CatalogTableName> --email <email> --name <name>}.
 * The same staff administration as the page, so the account (Cognito mails the invitation) and the directory item
 * are made together; run again after a failure, it finishes the job. The SDK finds the account, region and
 * endpoints the usual way (AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL...), so this works on whatever account the
 * shell's credentials point at.
 */
public final class FirstAdministrator {
    private static final String USAGE = "Usage: ./civicdesk first-admin --user-pool <StaffUserPoolId> --catalog-table <CatalogTableName>"
            + " --email <their email> --name \"<their name>\"";

    private FirstAdministrator() {
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        if (options == null) {
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        try (CognitoIdentityProviderClient cognito = AwsClients.cognito(); DynamoDbClient dynamo = AwsClients.dynamoDb()) {
            StaffAdministration.Member admin = add(cognito, options.get("--user-pool"), dynamo, options.get("--catalog-table"),
                    options.get("--email"), options.get("--name"));
            System.out.println("Added " + admin.name() + " as an administrator (staff id " + admin.id() + "). Cognito has mailed "
                    + admin.email() + " a temporary password: sign in at the stack's StaffSignInDomain, then add the other staff"
                    + " on the staff page (Staff and roles).");
        } catch (Refusal e) {
            System.err.println("civicdesk first-admin: " + e.getMessage());
            e.errors().stream().map(FieldError::message).forEach(message -> System.err.println("  " + message));
            System.exit(1);
        }
    }

    /** The administrator, added as the staff page adds anyone: an account in the user pool, its admin group, the directory item. */
    public static StaffAdministration.Member add(CognitoIdentityProviderClient cognito, String userPoolId, DynamoDbClient dynamo,
                                                 String catalogTable, String email, String name) {
        StaffAdministration administration = new StaffAdministration(new StaffDirectory(dynamo, catalogTable),
                new CognitoSignInAccounts(cognito, userPoolId), new CatalogStore(dynamo, catalogTable));
        return administration.add(StaffFormReader.addition(Json.MAPPER.valueToTree(Map.of("email", email, "name", name,
                "roles", List.of("admin")))));
    }

    /** {@code --name value} pairs, each of the four once; null if anything else was given. */
    private static Map<String, String> options(String[] args) {
        List<String> names = List.of("--user-pool", "--catalog-table", "--email", "--name");
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!names.contains(args[i]) || options.put(args[i], args[i + 1]) != null) {
                return null;
            }
        }
        return args.length % 2 == 0 && options.keySet().containsAll(names) ? options : null;
    }
}
