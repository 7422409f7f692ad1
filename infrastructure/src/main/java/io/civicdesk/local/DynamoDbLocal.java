package io.civicdesk.local;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/** DynamoDB Local in this JVM, in memory, serving HTTP on its own port like the real service. */
final class DynamoDbLocal implements AutoCloseable {
    private static final String NATIVE_LIBRARY_PATH = "sqlite4java.library.path";

    private final DynamoDBProxyServer server;
    private final int port;

    /**
     * @param nativeLibraries where the build copied sqlite4java's native libraries (used unless the JVM was
     *                        already given {@code -Dsqlite4java.library.path})
     */
    DynamoDbLocal(Path nativeLibraries) throws Exception {
        if (System.getProperty(NATIVE_LIBRARY_PATH) == null) {
            if (!Files.isDirectory(nativeLibraries)) {
                throw new IllegalStateException(nativeLibraries + " is missing: build the infrastructure module first"
                        + " (mvn -pl infrastructure -am package), it copies sqlite4java's native libraries there");
            }
            System.setProperty(NATIVE_LIBRARY_PATH, nativeLibraries.toString());
        }
        // DynamoDB Local warns of every failed condition (the product's claims and idempotency rely on them); its
        // own log4j2.xml drops those, but the functions' log4j2.properties is the one Log4j reads in this JVM.
        Configurator.setLevel("software.amazon.dynamodb.services.local", Level.OFF);
        this.port = LocalStack.freePort();
        this.server = ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
        server.start();
    }

    String endpoint() {
        return "http://localhost:" + port;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
