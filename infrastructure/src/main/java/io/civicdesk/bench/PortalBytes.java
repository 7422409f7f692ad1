package io.civicdesk.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The portal's bytes on a first load (empty cache), per page: the page, the CSS and JavaScript its tags name
 * (stylesheet, modulepreload, script) and the modules those import, each file counted once, read from the built portal's
 * files (PortalBuild: each page with its header and footer in).
 */
final class PortalBytes {
    /** CloudFront compresses only files of at least this many bytes; smaller ones go as they are. */
    private static final int SMALLEST_COMPRESSED = 1_000;
    private static final Pattern TAG = Pattern.compile("<(link|script)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern STATIC_IMPORT =
            Pattern.compile("^\\s*(?:(?:import|export)\\b[^'\";]*?\\bfrom|import)\\s*['\"]([^'\"]+)['\"]", Pattern.MULTILINE);

    private PortalBytes() {
    }

    /**
     * The scripts that bring search and the knowledge base to a page: the search box's suggestions, the results,
     * the article pages, the guidance beside a request, the staff pages'.
     */
    private static final Set<String> SEARCH_SCRIPTS = Set.of("js/suggest.js", "js/search.js", "js/article.js",
            "staff/js/knowledge.js", "staff/js/synonyms.js", "staff/js/knowledge-figures.js", "staff/js/articles.js",
            "staff/js/article.js", "staff/js/guidance.js");

    static Table measure(Path portal) throws IOException {
        return measure(portal, "Portal bytes on first load", page -> true);
    }

    /** The same, for the pages that gained search or the knowledge base (issue 10), on their own. */
    static Table searchPages(Path portal) throws IOException {
        return measure(portal, "Portal bytes on first load, the pages that gained search or the knowledge base", page -> loadedBy(portal, page)
                .stream().anyMatch(file -> SEARCH_SCRIPTS.contains(portal.relativize(file).toString().replace('\\', '/'))));
    }

    /** What opening the report form's map loads (js/map-picker.js and its loader import only what the page already has). */
    private static final List<String> MAP_FILES = List.of("js/map-picker.js", "js/leaflet-load.js", "vendor/leaflet/leaflet.js",
            "vendor/leaflet/leaflet.css",
            "vendor/leaflet/images/marker-icon-2x.png", "vendor/leaflet/images/marker-shadow.png");

    /** The report page on first load, the map closed, and what opening the map adds (tiles not counted). */
    static Table reportMap(Path portal) throws IOException {
        Table table = new Table("The report page with the map closed and opened",
                "How measured: as the portal's bytes on first load; opening the map adds " + String.join(", ", MAP_FILES)
                        + " (a phone's screen shows the 2x marker). Not counted: the map's tiles, from the tile server.",
                "Report page", "Files", "Raw bytes", "Gzip bytes");
        Set<Path> closed = loadedBy(portal, portal.resolve("report.html"));
        long[] first = bytes(closed);
        table.add("first load, map closed", closed.size(), Table.number(first[0]), Table.number(first[1]));
        Set<Path> opened = new LinkedHashSet<>(closed);
        MAP_FILES.forEach(file -> opened.add(portal.resolve(file)));
        long[] open = bytes(opened);
        table.add("map opened (first load and the map)", opened.size(), Table.number(open[0]), Table.number(open[1]));
        return table;
    }

    private static long[] bytes(Set<Path> files) throws IOException {
        long raw = 0;
        long gzip = 0;
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            raw += bytes.length;
            // PNGs are compressed already: CloudFront sends them as they are.
            gzip += bytes.length < SMALLEST_COMPRESSED || file.toString().endsWith(".png") ? bytes.length : gzipped(bytes);
        }
        return new long[] {raw, gzip};
    }

    private interface PagePredicate {
        boolean test(Path page) throws IOException;
    }

    private static Table measure(Path portal, String title, PagePredicate included) throws IOException {
        Table table = new Table(title,
                "How measured: read from the built portal (infrastructure/target/portal, what a deployment uploads); per page, the HTML plus the CSS/JS its <link rel=stylesheet|modulepreload>"
                        + " and <script src> name and the modules they import, each once. Gzip: each file on its own at"
                        + " Java's default level; files under " + Table.number(SMALLEST_COMPRESSED) + " bytes counted raw,"
                        + " as CloudFront sends them. Not counted: favicon, API responses, /config.js (one line, written"
                        + " at deploy or by the local gateway).",
                "Page", "Files", "Raw bytes", "Gzip bytes", "CSS/JS loaded");
        List<Path> pages;
        // The resident pages and, a folder down, the staff pages.
        try (Stream<Path> files = Files.walk(portal, 2)) {
            pages = files.filter(file -> file.toString().endsWith(".html")).sorted().toList();
        }
        for (Path page : pages) {
            if (!included.test(page)) {
                continue;
            }
            Set<Path> loaded = loadedBy(portal, page);
            long[] bytes = bytes(loaded);
            table.add(portal.relativize(page), loaded.size(), Table.number(bytes[0]), Table.number(bytes[1]),
                    loaded.stream().skip(1).map(file -> portal.relativize(file).toString()).collect(Collectors.joining(" ")));
        }
        return table;
    }

    /** The page first, then what it loads, in the order found; a file named but missing fails the run. */
    private static Set<Path> loadedBy(Path portal, Path page) throws IOException {
        Set<Path> loaded = new LinkedHashSet<>(List.of(page));
        Deque<Path> modules = new ArrayDeque<>();
        Matcher tags = TAG.matcher(Files.readString(page));
        while (tags.find()) {
            String tag = tags.group();
            String rel = attribute(tag, "rel");
            String url = tags.group(1).equalsIgnoreCase("script") ? attribute(tag, "src")
                    : rel != null && (rel.contains("stylesheet") || rel.contains("modulepreload")) ? attribute(tag, "href") : null;
            Path file = url == null ? null : resolve(portal, page, url);
            if (file != null && loaded.add(file) && file.toString().endsWith(".js")) {
                modules.add(file);
            }
        }
        while (!modules.isEmpty()) {
            Path module = modules.poll();
            Matcher imports = STATIC_IMPORT.matcher(Files.readString(module));
            while (imports.find()) {
                Path file = resolve(portal, module, imports.group(1));
                if (file != null && loaded.add(file)) {
                    modules.add(file);
                }
            }
        }
        return loaded;
    }

    private static String attribute(String tag, String name) {
        Matcher value = Pattern.compile("\\b" + name + "\\s*=\\s*[\"']([^\"']*)[\"']", Pattern.CASE_INSENSITIVE).matcher(tag);
        return value.find() ? value.group(1) : null;
    }

    /** A URL of the portal's own as its file; null for another site's. */
    private static Path resolve(Path portal, Path from, String url) {
        if (url.matches("(?i)^([a-z]+:|//).*")) {
            return null;
        }
        String path = url.replaceAll("[?#].*$", "");
        Path file = (path.startsWith("/") ? portal.resolve(path.substring(1)) : from.getParent().resolve(path)).normalize();
        if (file.equals(portal.resolve("config.js"))) {
            return null;
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(portal.relativize(from) + " loads " + url + ", which is not in the portal");
        }
        return file;
    }

    private static long gzipped(byte[] bytes) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.size();
    }
}
