package io.civicdesk.portal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the build puts a shared piece into the pages, on sources written here (PortalPagesTest: the real portal). */
class PortalBuildTest {
    private static final String HEADER = """
            <!--#params service="Reports" kiosk="" -->
            <header>
            {{^kiosk}}
              <a href="index.html">{{service}}</a>
            {{/kiosk}}
            {{#kiosk}}
              <span>{{service}}</span>
            {{/kiosk}}
            </header>
            <nav>
              <a href="index.html">Home</a>
              <a href="./">Home again</a>
              <a href="other.html?x=1#top">Other</a>
              <a href="https://example.com/other.html">Elsewhere</a>
            </nav>
            """;

    @TempDir
    Path temp;
    Path sources;
    Path output;

    @BeforeEach
    void sources() throws IOException {
        sources = Files.createDirectories(temp.resolve("portal"));
        output = temp.resolve("built");
        Files.createDirectories(sources.resolve("_includes"));
        Files.writeString(sources.resolve("_includes/header.html"), HEADER);
    }

    private String built(String page, String text) throws IOException {
        Files.createDirectories(sources.resolve(page).getParent());
        Files.writeString(sources.resolve(page), text);
        new PortalBuild(sources, output).build();
        return Files.readString(output.resolve(page));
    }

    @Test
    void anIncludeBecomesThePieceWithItsDefaultsAndTheLinkToThePageItselfMarked() throws IOException {
        assertEquals("""
                <body>
                <header>
                  <a href="index.html">Reports</a>
                </header>
                <nav>
                  <a href="index.html" aria-current="page">Home</a>
                  <a href="./" aria-current="page">Home again</a>
                  <a href="other.html?x=1#top">Other</a>
                  <a href="https://example.com/other.html">Elsewhere</a>
                </nav>
                <main></main>
                """, built("index.html", "<body>\n<!--#include header -->\n<main></main>\n"));
    }

    @Test
    void aPageGivesValuesAsTextAndSectionsFollowThem() throws IOException {
        String page = built("other.html", "<!--#include header service=\"Bins & <bags>\" kiosk=\"yes\" -->\n");
        assertTrue(page.startsWith("<header>\n  <span>Bins &amp; &lt;bags&gt;</span>\n</header>\n"), page);
        assertTrue(page.contains("<a href=\"other.html?x=1#top\" aria-current=\"page\">Other</a>"), page);
        assertFalse(page.contains("index.html\" aria-current"), page);
    }

    @Test
    void aLinkIsMatchedAsTheBrowserResolvesItFromThePage() throws IOException {
        Files.writeString(sources.resolve("_includes/nav.html"),
                "<!--#params -->\n<nav><a href=\"/index.html\">Home</a> <a href=\"../index.html\">Up</a> <a href=\"./\">Here</a></nav>\n");
        assertEquals("<nav><a href=\"/index.html\">Home</a> <a href=\"../index.html\">Up</a> <a href=\"./\" aria-current=\"page\">Here</a></nav>\n",
                built("staff/index.html", "<!--#include nav -->\n"));
    }

    @Test
    void everyOtherFileIsCopiedAsItIsAndThePiecesAreNotPublished() throws IOException {
        byte[] image = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        Files.createDirectories(sources.resolve("css"));
        Files.write(sources.resolve("css/logo.png"), image);
        Files.writeString(sources.resolve("css/site.css"), "/* <!--#include header --> is only text here */");
        built("index.html", "<p>No includes</p>\n");

        assertArrayEquals(image, Files.readAllBytes(output.resolve("css/logo.png")));
        assertEquals("/* <!--#include header --> is only text here */", Files.readString(output.resolve("css/site.css")));
        assertEquals("<p>No includes</p>\n", Files.readString(output.resolve("index.html")));
        assertFalse(Files.exists(output.resolve("_includes")));
    }

    @Test
    void aMistakeFailsTheBuildNamingThePage() throws IOException {
        Files.writeString(sources.resolve("a.html"), "<!--#include footer -->\n");
        assertMessage("a.html includes footer, but there is no _includes/footer.html");
        Files.writeString(sources.resolve("a.html"), "<!--#include header colour=\"red\" -->\n");
        assertMessage("a.html gives header the parameter colour, which it does not take (it takes: service, kiosk)");
        Files.writeString(sources.resolve("a.html"), "<!--#inclde header -->\n");
        assertMessage("a.html has a directive this build does not know: <!--#inclde header -->");
        Files.writeString(sources.resolve("a.html"), "<!--#include header -->\n");
        Files.writeString(sources.resolve("_includes/header.html"), "<!--#params -->\n<p>{{service}}</p>\n");
        assertMessage("header (in a.html) uses {{service}}, which its <!--#params --> line does not name");
    }

    private void assertMessage(String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> new PortalBuild(sources, output).build()).getMessage());
    }

    @Test
    void aBuildAgainWritesOnlyWhatChangedAndRemovesWhatIsGone() throws IOException {
        built("index.html", "<!--#include header -->\n");
        Files.writeString(sources.resolve("old.html"), "<p>Old</p>\n");
        new PortalBuild(sources, output).build();
        FileTime earlier = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(output.resolve("index.html"), earlier);
        Files.delete(sources.resolve("old.html"));

        new PortalBuild(sources, output).build();

        assertEquals(earlier, Files.getLastModifiedTime(output.resolve("index.html")), "unchanged, not written again");
        assertFalse(Files.exists(output.resolve("old.html")));
    }

    @Test
    void refreshBuildsAgainOnlyWhenASourceChanged() throws IOException {
        PortalBuild build = new PortalBuild(sources, output);
        Files.writeString(sources.resolve("index.html"), "<p>One</p>\n");
        build.refresh();
        assertEquals("<p>One</p>\n", Files.readString(output.resolve("index.html")));

        Files.writeString(output.resolve("index.html"), "changed in the output only");
        build.refresh();
        assertEquals("changed in the output only", Files.readString(output.resolve("index.html")), "no source changed");

        Files.writeString(sources.resolve("_includes/header.html"), "<!--#params -->\n<header>New</header>\n");
        Files.writeString(sources.resolve("index.html"), "<!--#include header -->\n");
        build.refresh();
        assertEquals("<header>New</header>\n", Files.readString(output.resolve("index.html")));
    }

    @Test
    void theOutputIsNeverInsideTheSources() {
        assertThrows(IllegalArgumentException.class, () -> new PortalBuild(sources, sources.resolve("built")));
        assertThrows(IllegalArgumentException.class, () -> new PortalBuild(sources, sources));
        assertThrows(IllegalArgumentException.class, () -> new PortalBuild(sources, temp));
    }
}
