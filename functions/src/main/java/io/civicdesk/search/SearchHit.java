package io.civicdesk.search;

/**
 * One result: what was found and a snippet of where. {@code snippetHtml} is escaped text with the matched words
 * in {@code <mark>}, safe to put on a page as it is.
 */
public record SearchHit(SearchDocument.Type type, String id, String title, String summary, String snippetHtml,
                        boolean forResidents, String kind, float score) {
}
