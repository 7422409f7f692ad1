package io.civicdesk.search;

/** One outcome a resident's browser sends: no personal information, only what happened to which article. */
public record Outcome(KnowledgeEvent event, String articleId, String serviceId) {
}
