package io.civicdesk.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The portal as the CDN and the local stack serve it, built from its sources ({@code portal/}): every file as it
 * is, except that in each page ({@code .html}) an include — {@code <!--#include NAME key="value" ...-->} — is
 * replaced by the shared piece {@code portal/_includes/NAME.html}, so the page header and footer are written once.
 *
 * <p>A piece names its parameters and their defaults on its first line, {@code <!--#params key="default" ...-->};
 * an include may give only those. In the piece, {@code {{key}}} is the value (as text: HTML-escaped),
 * {@code {{#key}}...{{/key}}} is kept when the value is not empty and {@code {{^key}}...{{/key}}} when it is (a
 * section tag alone on its line takes the line with it). A link inside a {@code <nav>} of a piece that points at
 * the page it is put into is marked {@code aria-current="page"}. Folders whose name starts with {@code _} are
 * sources only, never published. Anything the build cannot make sense of fails it, naming the page.
 *
 * <p>{@code java io.civicdesk.portal.PortalBuild <sources> <output>} builds once (the Maven build runs it into
 * {@code infrastructure/target/portal}, the folder a deployment uploads). A file whose bytes are already in the
 * output is not written again, so its time stays and {@code aws s3 sync} uploads only what changed; each file is
 * replaced whole, never seen half-written; what the sources no longer have is removed.
 */
public final class PortalBuild {
    static final String INCLUDES = "_includes";
    private static final String NAME = "[a-z][a-z0-9-]*";
    private static final String ATTRIBUTES = "((?:\\s+" + NAME + "=\"[^\"]*\")*)";
    private static final Pattern INCLUDE = Pattern.compile("<!--#include\\s+(" + NAME + ")" + ATTRIBUTES + "\\s*-->");
    private static final Pattern PARAMS = Pattern.compile("\\A<!--#params" + ATTRIBUTES + "\\s*-->[ \\t]*\\R?");
    private static final Pattern ATTRIBUTE = Pattern.compile("(" + NAME + ")=\"([^\"]*)\"");
    private static final Pattern STANDALONE_SECTION_TAG = Pattern.compile("(?m)^[ \\t]*(\\{\\{[#^/]" + NAME + "\\}\\})[ \\t]*\\R");
    private static final Pattern SECTION = Pattern.compile("\\{\\{([#^])(" + NAME + ")\\}\\}(.*?)\\{\\{/\\2\\}\\}", Pattern.DOTALL);
    private static final Pattern VALUE = Pattern.compile("\\{\\{(" + NAME + ")\\}\\}");
    private static final Pattern NAV = Pattern.compile("<nav\\b.*?</nav>", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("<a\\b[^>]*\\bhref=\"([^\"]*)\"[^>]*>");
    /** Every build writes under this lock: two stacks in one JVM may build into the same folder. */
    private static final Object WRITING = new Object();

    private final Path sources;
    private final Path output;
    private String builtFrom;

    public PortalBuild(Path sources, Path output) {
        this.sources = sources.toAbsolutePath().normalize();
        this.output = output.toAbsolutePath().normalize();
        if (this.output.startsWith(this.sources) || this.sources.startsWith(this.output)) {
            throw new IllegalArgumentException("the built portal (" + output + ") must be outside its sources (" + sources
                    + "), and they outside it");
        }
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("Usage: java io.civicdesk.portal.PortalBuild <portal sources> <output folder>");
            System.exit(2);
        }
        try {
            new PortalBuild(Path.of(args[0]), Path.of(args[1])).build();
        } catch (IOException | RuntimeException e) {
            System.err.println("The portal could not be built: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Where the built portal is. */
    public Path output() {
        return output;
    }

    /** Builds the portal into the output folder. */
    public void build() throws IOException {
        synchronized (WRITING) {
            String fingerprint = fingerprint();
            write(assemble());
            builtFrom = fingerprint;
        }
    }

    /** Builds again when a source has changed (or gone, or come) since this object last built: an edit shows at once. */
    public void refresh() throws IOException {
        synchronized (WRITING) {
            if (!fingerprint().equals(builtFrom)) {
                build();
            }
        }
    }

    /** The finished portal: each published file's path (with / between folders) and its bytes. */
    Map<String, byte[]> assemble() throws IOException {
        Map<String, String> pieces = new HashMap<>();
        Map<String, byte[]> files = new TreeMap<>();
        for (Path file : publishedSources()) {
            String path = relative(file);
            byte[] bytes = Files.readAllBytes(file);
            files.put(path, path.endsWith(".html")
                    ? page(path, new String(bytes, StandardCharsets.UTF_8), pieces).getBytes(StandardCharsets.UTF_8) : bytes);
        }
        return files;
    }

    /** A page with its includes put in. */
    private String page(String path, String text, Map<String, String> pieces) throws IOException {
        Matcher include = INCLUDE.matcher(text);
        StringBuilder page = new StringBuilder();
        while (include.find()) {
            String name = include.group(1);
            String piece = pieces.get(name);
            if (piece == null) {
                Path file = sources.resolve(INCLUDES).resolve(name + ".html");
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IllegalArgumentException(path + " includes " + name + ", but there is no " + sources.relativize(file));
                }
                piece = Files.readString(file);
                pieces.put(name, piece);
            }
            include.appendReplacement(page, Matcher.quoteReplacement(render(path, name, piece, attributes(include.group(2)))));
        }
        include.appendTail(page);
        int unknown = page.indexOf("<!--#");
        if (unknown >= 0) {
            throw new IllegalArgumentException(path + " has a directive this build does not know: "
                    + page.substring(unknown, Math.min(page.length(), unknown + 60)).lines().findFirst().orElse(""));
        }
        return page.toString();
    }

    /** One piece as one page includes it: its parameters filled in, its sections kept or dropped, its nav's own link marked. */
    private static String render(String page, String name, String piece, Map<String, String> given) {
        Matcher params = PARAMS.matcher(piece);
        boolean declared = params.find();
        Map<String, String> values = declared ? attributes(params.group(1)) : new LinkedHashMap<>();
        for (Map.Entry<String, String> value : given.entrySet()) {
            if (!values.containsKey(value.getKey())) {
                throw new IllegalArgumentException(page + " gives " + name + " the parameter " + value.getKey()
                        + ", which it does not take (it takes: " + String.join(", ", values.keySet()) + ")");
            }
            values.put(value.getKey(), value.getValue());
        }
        String text = STANDALONE_SECTION_TAG.matcher(piece.substring(declared ? params.end() : 0)).replaceAll("$1");
        for (Matcher section = SECTION.matcher(text); section.find(); section = SECTION.matcher(text)) {
            String value = parameter(page, name, values, section.group(2));
            boolean kept = section.group(1).equals("#") != value.isEmpty();
            text = text.substring(0, section.start()) + (kept ? section.group(3) : "") + text.substring(section.end());
        }
        Matcher value = VALUE.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (value.find()) {
            value.appendReplacement(filled, Matcher.quoteReplacement(escape(parameter(page, name, values, value.group(1)))));
        }
        value.appendTail(filled);
        if (filled.indexOf("{{") >= 0) {
            throw new IllegalArgumentException(name + " (in " + page + ") has a {{ that is not a parameter or a whole section");
        }
        return markCurrent(page, filled.toString()).stripTrailing();
    }

    private static String parameter(String page, String name, Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException(name + " (in " + page + ") uses {{" + key + "}}, which its <!--#params --> line does not name");
        }
        return value;
    }

    /** In each nav, the link to the page itself: aria-current="page". */
    private static String markCurrent(String page, String text) {
        URI self = URI.create("/" + page);
        Matcher nav = NAV.matcher(text);
        StringBuilder marked = new StringBuilder();
        while (nav.find()) {
            Matcher link = LINK.matcher(nav.group());
            StringBuilder links = new StringBuilder();
            while (link.find()) {
                String tag = link.group();
                boolean current = !tag.contains("aria-current") && pointsAt(self, link.group(1));
                link.appendReplacement(links, Matcher.quoteReplacement(
                        current ? tag.substring(0, tag.length() - 1) + " aria-current=\"page\">" : tag));
            }
            link.appendTail(links);
            nav.appendReplacement(marked, Matcher.quoteReplacement(links.toString()));
        }
        nav.appendTail(marked);
        return marked.toString();
    }

    private static boolean pointsAt(URI self, String href) {
        if (href.isEmpty() || href.startsWith("#") || href.startsWith("//") || href.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
            return false;
        }
        String path = self.resolve(href.replaceAll("[?#].*$", "")).getPath();
        return (path.endsWith("/") ? path + "index.html" : path).equals(self.getPath());
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(text);
        while (attribute.find()) {
            attributes.put(attribute.group(1), attribute.group(2));
        }
        return attributes;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** Writes what changed, each file whole (a reader sees the old file or the new one), and removes what is gone. */
    private void write(Map<String, byte[]> files) throws IOException {
        Files.createDirectories(output);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = output.resolve(file.getKey());
            if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Arrays.equals(Files.readAllBytes(target), file.getValue())) {
                continue;
            }
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), ".building-", ".part");
            try {
                Files.write(partial, file.getValue());
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        List<Path> gone = new ArrayList<>();
        try (Stream<Path> built = Files.walk(output)) {
            built.filter(path -> !path.equals(output)).sorted(Comparator.reverseOrder()).forEach(path -> {
                String name = output.relativize(path).toString().replace('\\', '/');
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                        ? files.keySet().stream().noneMatch(kept -> kept.startsWith(name + "/")) : !files.containsKey(name)) {
                    gone.add(path);
                }
            });
        }
        for (Path path : gone) {
            Files.deleteIfExists(path);
        }
    }

    /** The source files that are published: regular files, not links, outside the folders whose names start with _. */
    private List<Path> publishedSources() throws IOException {
        if (!Files.isDirectory(sources)) {
            throw new IOException("there is no portal folder at " + sources);
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                    .filter(file -> !isSourceOnly(sources.relativize(file))).sorted().toList();
        }
    }

    private static boolean isSourceOnly(Path relative) {
        for (Path part : relative.getParent() == null ? List.<Path>of() : relative.getParent()) {
            if (part.toString().startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    private String relative(Path file) {
        return sources.relativize(file).toString().replace('\\', '/');
    }

    /** Every source file's path, size and time: what changes when anyone edits, adds or removes one. */
    private String fingerprint() throws IOException {
        Set<String> entries = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.forEach(file -> {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    entries.add(relative(file) + ' ' + attributes.size() + ' ' + attributes.lastModifiedTime());
                } catch (NoSuchFileException e) {
                    // Gone while being listed (an editor's temporary file): the next look sees what stays.
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return String.join("\n", entries);
    }
}
