package io.civicdesk.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
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

    /**
     * Runs {@code entry}'s {@code public static List<String[]> run()} inside a counting class loader over the
     * functions' classpath and returns its rows. The handlers log a JSON line per event to standard output: kept
     * out of the tables, and shown only if the run fails.
     */
    @SuppressWarnings("unchecked")
    static List<String[]> runCounted(List<Path> functionClasspath, Class<?> entry) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream handlerLog = new ByteArrayOutputStream();
        System.setOut(new PrintStream(handlerLog, true, StandardCharsets.UTF_8));
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        try (CountingClassLoader loader = new CountingClassLoader(functionClasspath)) {
            // As in Lambda, the functions' loader is the thread's context loader: what libraries find through
            // ServiceLoader (Powertools' logging manager, Log4j's provider) must be that loader's own copy.
            thread.setContextClassLoader(loader);
            return (List<String[]>) Class.forName(entry.getName(), true, loader).getMethod("run").invoke(null);
        } catch (InvocationTargetException e) {
            System.setOut(out);
            System.err.print(handlerLog.toString(StandardCharsets.UTF_8));
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            thread.setContextClassLoader(context);
            System.setOut(out);
        }
    }
}
