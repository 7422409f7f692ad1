package io.civicdesk.guides;

/** An answer a resident can choose at a step, and where choosing it leads. */
public record GuideAnswer(String label, Lead lead) {
}
