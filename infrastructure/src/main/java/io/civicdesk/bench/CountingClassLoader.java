package io.civicdesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The functions as deployed (the shaded jar) and these bench classes, loaded apart from the local stack's
 * classpath, in a loader whose copy of the SDK finds {@link CallCounter} on its list of global interceptors.
 *
 * <p>The SDK reads that list from a classpath resource
 * ({@value #GLOBAL_INTERCEPTORS}). Shipping the resource itself in the infrastructure module would put the
 * counter into every SDK client of {@code ./civicdesk run}, of the system tests and of the cold-start JVMs;
 * answering for it here puts it only into the clients of handlers loaded through this loader.
 */
final class CountingClassLoader extends URLClassLoader {
    private static final String GLOBAL_INTERCEPTORS = "software/amazon/awssdk/global/handlers/execution.interceptors";
    /** Names {@link CallCounter}; kept under the bench's own path, where the SDK never looks by itself. */
    private static final String COUNTER = "io/civicdesk/bench/execution.interceptors";

    CountingClassLoader(List<Path> classpath) {
        // Parent: the JDK only, so the SDK, Jackson and the handlers are this loader's own copies.
        super("counting", classpath.stream().map(CountingClassLoader::url).toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (!name.equals(GLOBAL_INTERCEPTORS)) {
            return super.getResources(name);
        }
        List<URL> lists = Collections.list(super.getResources(name));
        lists.add(findResource(COUNTER));
        return Collections.enumeration(lists);
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}
