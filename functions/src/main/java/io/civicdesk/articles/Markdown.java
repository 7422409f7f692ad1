package io.civicdesk.articles;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * An article's Markdown as safe HTML, or as plain text for search and snippets. Raw HTML in the source is escaped,
 * never passed through, and links or images to anything but http(s), mailto and tel are dropped, so an author
 * (or someone who took over an author's account) cannot put script on a resident's page.
 */
public final class Markdown {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

    private Markdown() {
    }

    public static String html(String markdown) {
        return HTML.render(parse(markdown));
    }

    public static String text(String markdown) {
        return TEXT.render(parse(markdown));
    }

    private static Node parse(String markdown) {
        return PARSER.parse(markdown == null ? "" : markdown);
    }
}
