package io.civicdesk.notify;

/**
 * A mail to send, written down before it is sent. {@code purpose} and {@code reference} say why it exists
 * without reading its content.
 */
public record Mail(String id, String to, String subject, String text, String html, String purpose, String reference) {
}
