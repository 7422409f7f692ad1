package io.civicdesk.local;

import com.sun.net.httpserver.HttpExchange;
import io.civicdesk.portal.PortalBuild;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The built portal's files ({@link PortalBuild}), as the CDN serves them: {@code index.html} for a directory's own
 * path, the rest by name with its content type and the portal's {@link SecurityHeaders}; no directory listings and
 * nothing outside the built portal (not by {@code ..}, not by a symbolic link). Before each answer the portal is
 * built again if a source changed, so a developer's edit shows on the next reload; a source the build cannot read
 * is answered with a 500 that says why.
 */
final class StaticFiles {
    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("map", "application/json"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("xml", "application/xml"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ics", "text/calendar; charset=utf-8"),
            Map.entry("pdf", "application/pdf"));

    private final PortalBuild portal;
    private final Path root;

    StaticFiles(PortalBuild portal) {
        this.portal = portal;
        this.root = portal.output();
    }

    void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            send(exchange, 405, "text/plain; charset=utf-8", "Method Not Allowed".getBytes(StandardCharsets.UTF_8));
            return;
        }
        try {
            portal.refresh();
        } catch (IOException | RuntimeException e) {
            send(exchange, 500, "text/plain; charset=utf-8",
                    ("The portal could not be built: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
            return;
        }
        Path file = resolve(exchange.getRequestURI().getPath());
        if (file == null) {
            send(exchange, 404, "text/plain; charset=utf-8", "Not Found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        send(exchange, 200, CONTENT_TYPES.getOrDefault(extension, "application/octet-stream"), Files.readAllBytes(file));
    }

    /** The regular file inside the root that a decoded request path names, or null. */
    private Path resolve(String path) throws IOException {
        if (path == null || path.indexOf('\0') >= 0 || !Files.isDirectory(root)) {
            return null;
        }
        String relative = (path.endsWith("/") ? path + "index.html" : path).replaceFirst("^/+", "");
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file) || !file.toRealPath().startsWith(root.toRealPath())) {
            return null;
        }
        return file;
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        SecurityHeaders.addTo(exchange.getResponseHeaders());
        // Always revalidate: a developer's edit shows on the next reload.
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }
}
