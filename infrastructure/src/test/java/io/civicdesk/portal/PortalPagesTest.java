package io.civicdesk.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.civicdesk.local.LocalStack;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real portal, built as a deployment uploads it (infrastructure/target/portal): every page carries the one
 * header and footer of portal/_includes, no page's source holds a copy of its own, and what makes each page its own
 * (its head, its content, its place in the navigation) comes through.
 */
class PortalPagesTest {
    private static final Path ROOT = LocalStack.findProjectRoot();
    private static final Path SOURCES = ROOT.resolve("portal");
    private static final Path BUILT = ROOT.resolve("infrastructure/target/portal");
    /** What the header says on the pages that are not about reporting and tracking. */
    private static final Map<String, String> SERVICE_NAMES = Map.of("book.html", "Book a facility",
            "booking.html", "Book a facility", "facility.html", "Book a facility", "counter.html", "Customer service counter");
    private static final Pattern INCLUDE = Pattern.compile("<!--#include [^>]*-->");
    private static final Pattern HEADER = Pattern.compile("<a href=\"#main-content\" class=\"skip-link\">.*?</header>\n", Pattern.DOTALL);
    private static final Pattern FOOTER = Pattern.compile("<footer class=\"footer\">.*?</footer>\n", Pattern.DOTALL);
    private static final Pattern STAFF_NAV = Pattern.compile("<nav class=\"staff-nav\".*?</nav>\n", Pattern.DOTALL);
    private static final Pattern NAV = Pattern.compile("<nav\\b.*?</nav>", Pattern.DOTALL);
    private static final Pattern CURRENT_LINK = Pattern.compile("<a\\b[^>]*href=\"([^\"]*)\"[^>]*aria-current=\"page\"");
    private static Map<String, String> sources;
    private static Map<String, String> built;

    @BeforeAll
    static void build() throws IOException {
        new PortalBuild(SOURCES, BUILT).build();
        sources = pages(SOURCES);
        built = pages(BUILT);
    }

    /** The resident pages and, a folder down, the staff pages, by their path in the portal. */
    private static Map<String, String> pages(Path portal) throws IOException {
        Map<String, String> pages = new TreeMap<>();
        try (Stream<Path> files = Files.walk(portal, 2)) {
            for (Path file : files.filter(file -> file.toString().endsWith(".html")).toList()) {
                String path = portal.relativize(file).toString().replace('\\', '/');
                if (!path.startsWith(PortalBuild.INCLUDES + "/")) {
                    pages.put(path, Files.readString(file));
                }
            }
        }
        return pages;
    }

    private static boolean staff(String page) {
        return page.startsWith("staff/");
    }

    private static String only(Pattern pattern, String page, String text) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), page + " has no " + pattern);
        String found = matcher.group();
        assertFalse(matcher.find(), page + " has more than one " + pattern);
        return found;
    }

    @Test
    void theBuiltPortalHasEveryPageAndNoneOfTheSharedPieces() {
        assertEquals(sources.keySet(), built.keySet());
        assertTrue(built.size() >= 23, "the resident and the staff pages: " + built.keySet());
        assertFalse(Files.exists(BUILT.resolve(PortalBuild.INCLUDES)));
    }

    @Test
    void noPageSourceHoldsACopiedHeaderFooterOrNavigation() {
        for (Map.Entry<String, String> page : sources.entrySet()) {
            String text = page.getValue();
            for (String copied : List.of("skip-link", "<header", "header__council", "<footer", "staff-nav", "&copy;")) {
                assertFalse(text.contains(copied), page.getKey() + " holds " + copied + " of its own: it belongs in portal/_includes");
            }
            List<String> includes = INCLUDE.matcher(text).results().map(found -> found.group().split("\\s+")[1]).toList();
            assertEquals(staff(page.getKey()) ? List.of("staff-header") : List.of("header", "footer"), includes, page.getKey());
        }
    }

    @Test
    void everyBuiltPageCarriesTheOneHeaderAndFooter() {
        Set<String> residentHeaders = built.entrySet().stream().filter(page -> !staff(page.getKey()))
                .map(page -> generic(only(HEADER, page.getKey(), page.getValue()))).collect(Collectors.toSet());
        Set<String> residentFooters = built.entrySet().stream().filter(page -> !staff(page.getKey()) && !page.getKey().equals("counter.html"))
                .map(page -> generic(only(FOOTER, page.getKey(), page.getValue()))).collect(Collectors.toSet());
        Set<String> staffHeaders = built.entrySet().stream().filter(page -> staff(page.getKey()))
                .map(page -> generic(only(HEADER, page.getKey(), page.getValue()) + only(STAFF_NAV, page.getKey(), page.getValue())))
                .collect(Collectors.toSet());

        // The counter tablet's header is the same but for the link home a customer at the counter is not given.
        assertEquals(2, residentHeaders.size(), String.join("\n", residentHeaders));
        assertEquals(1, residentFooters.size(), String.join("\n", residentFooters));
        assertEquals(1, staffHeaders.size(), String.join("\n", staffHeaders));
        for (Map.Entry<String, String> page : built.entrySet()) {
            String header = only(HEADER, page.getKey(), page.getValue());
            String service = staff(page.getKey()) ? "Staff workspace" : SERVICE_NAMES.getOrDefault(page.getKey(), "Report a problem or track a request");
            assertTrue(Pattern.compile("<span class=\"header__service\"( data-i18n=\"[a-z.]+\")?>" + Pattern.quote(service) + "</span>")
                    .matcher(header).find(), page.getKey() + ": " + header);
            if (staff(page.getKey())) {
                assertFalse(page.getValue().contains("<footer"), page.getKey() + ": the staff pages have no footer");
            }
        }
        String counter = built.get("counter.html");
        assertFalse(only(HEADER, "counter.html", counter).contains("href=\"index.html\""), "the counter tablet offers no way off the page");
        assertFalse(only(FOOTER, "counter.html", counter).contains("<nav"), "the counter tablet offers no way off the page");
        // Served at whatever address was not found, the 404 page's links start at the root.
        assertFalse(built.get("404.html").replaceAll("href=\"#main-content\"", "").matches("(?s).*href=\"(?!/).*"), built.get("404.html"));
    }

    /** A header or footer without what a page may set: its service name, the root its links start at, its own link marked. */
    private static String generic(String block) {
        return block.replaceAll("<span class=\"header__service\"[^>]*>[^<]*</span>", "<span class=\"header__service\"></span>")
                .replace(" aria-current=\"page\"", "").replace("href=\"/", "href=\"").replace("src=\"/", "src=\"");
    }

    @Test
    void inEachNavigationTheLinkToThePageItselfIsMarkedCurrent() {
        for (Map.Entry<String, String> page : built.entrySet()) {
            URI self = URI.create("/" + page.getKey());
            for (String nav : NAV.matcher(page.getValue()).results().map(MatchResult::group).toList()) {
                List<String> current = CURRENT_LINK.matcher(nav).results().map(found -> found.group(1)).toList();
                boolean linked = Pattern.compile("href=\"([^\"]*)\"").matcher(nav).results()
                        .anyMatch(link -> pointsAt(self, link.group(1)));
                assertEquals(linked ? 1 : 0, current.size(), page.getKey() + ": " + nav);
                current.forEach(href -> assertTrue(pointsAt(self, href), page.getKey() + " marks " + href));
            }
        }
        assertTrue(built.get("staff/people.html").contains("href=\"people.html\" data-can=\"manageStaff\" aria-current=\"page\""));
        assertTrue(built.get("staff/index.html").contains("href=\"./\" data-can=\"workQueue\" aria-current=\"page\""));
        assertFalse(built.get("staff/request.html").contains("aria-current=\"page\""), "a request is in no navigation");
    }

    private static boolean pointsAt(URI self, String href) {
        String path = self.resolve(href).getPath();
        return (path.endsWith("/") ? path + "index.html" : path).equals(self.getPath());
    }

    /** Everything in a page's source but its includes is in the built page as written, in order: its title, scripts, content. */
    @Test
    void whatMakesEachPageItsOwnComesThroughUnchanged() {
        for (Map.Entry<String, String> page : sources.entrySet()) {
            String result = built.get(page.getKey());
            int from = 0;
            for (String part : INCLUDE.split(page.getValue())) {
                int at = result.indexOf(part, from);
                assertTrue(at >= from, page.getKey() + " lost or moved: " + part);
                from = at + part.length();
            }
            assertEquals(page.getValue().substring(0, page.getValue().indexOf("<body>")), result.substring(0, result.indexOf("<body>")),
                    page.getKey() + ": the head is the page's own");
        }
    }
}
