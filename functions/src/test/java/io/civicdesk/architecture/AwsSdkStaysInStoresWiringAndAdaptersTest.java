package io.civicdesk.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.civicdesk.architecture.MainCode.fileClass;
import static io.civicdesk.architecture.MainCode.fileName;

/**
 * The AWS SDK ({@code software.amazon.awssdk}) is used only where we talk to AWS: stores (a table's items and the
 * named {@code Write}s they hand back), the wiring that builds them once per container, and the adapters named for the
 * service they adapt. Services and handlers never hold a {@code DynamoDbClient} nor build SDK types, so they can be
 * tested with in-memory fakes of the store interfaces.
 */
class AwsSdkStaysInStoresWiringAndAdaptersTest {

    /** Stores and their parts (a store's item mapping, {@code *Items}, and its table access, {@code *Table}), and wiring. */
    private static final Set<String> ENDINGS = Set.of("Store", "Items", "Table", "Wiring");
    private static final Set<String> BEGINNINGS = Set.of("Dynamo", "Ses", "Sns", "Cognito");

    /** Classes that are the SDK's edge themselves. */
    private static final Set<String> PLATFORM = Set.of(
            "io.civicdesk.platform.AwsClients",   // builds the SDK clients once per container
            "io.civicdesk.platform.Items",        // reads and writes attribute values
            "io.civicdesk.platform.Write",        // a named part of a transaction: wraps the SDK's Put/Update/Check
            "io.civicdesk.directory.StaffDirectory"); // the directory's store, named as the council names the list

    static boolean mayUseTheSdk(JavaClass type) {
        String name = fileName(type);
        if (name.endsWith("Handler")) {
            return false; // a handler gets its stores from the wiring, even one named for an AWS service
        }
        return ENDINGS.stream().anyMatch(name::endsWith) || BEGINNINGS.stream().anyMatch(name::startsWith)
                || PLATFORM.contains(fileClass(type));
    }

    @Test
    void onlyStoresWiringAndAwsAdaptersUseTheAwsSdk() {
        MainCode.assertNone("software.amazon.awssdk is used only by *Store (and its *Items, *Table), *Wiring, Dynamo*, Ses*, Sns*, "
                        + "Cognito*, platform's AwsClients, Items, Write and the StaffDirectory (never by a handler)",
                MainCode.uses(type -> !mayUseTheSdk(type),
                        dependency -> MainCode.inPackage(dependency.getTargetClass(), "software.amazon.awssdk")));
    }
}
