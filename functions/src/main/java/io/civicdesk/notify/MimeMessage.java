package io.civicdesk.notify;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * A mail with attachments as one RFC 5322 / MIME message, for SES's raw content: multipart/mixed holding the
 * text and HTML as multipart/alternative, then each attachment. Every part is base64 so no line is too long
 * and no character needs escaping; the subject is an RFC 2047 encoded word.
 */
final class MimeMessage {
    private MimeMessage() {
    }

    static byte[] of(String from, Mail mail) {
        String mixed = "mixed-" + UUID.randomUUID();
        String alternative = "alt-" + UUID.randomUUID();
        StringBuilder out = new StringBuilder();
        header(out, "From", from);
        header(out, "To", mail.to());
        header(out, "Subject", encodedWord(mail.subject()));
        header(out, "MIME-Version", "1.0");
        header(out, "Content-Type", "multipart/mixed; boundary=\"" + mixed + "\"");
        out.append("\r\n");
        out.append("--").append(mixed).append("\r\n");
        header(out, "Content-Type", "multipart/alternative; boundary=\"" + alternative + "\"");
        out.append("\r\n");
        part(out, alternative, "text/plain; charset=UTF-8", null, mail.text().getBytes(StandardCharsets.UTF_8));
        if (mail.html() != null) {
            part(out, alternative, "text/html; charset=UTF-8", null, mail.html().getBytes(StandardCharsets.UTF_8));
        }
        out.append("--").append(alternative).append("--\r\n");
        for (Mail.Attachment attachment : mail.attachments()) {
            String name = attachment.filename().replaceAll("[^A-Za-z0-9._-]", "_");
            part(out, mixed, attachment.contentType() + "; name=\"" + name + "\"",
                    "attachment; filename=\"" + name + "\"", attachment.content());
        }
        out.append("--").append(mixed).append("--\r\n");
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void part(StringBuilder out, String boundary, String contentType, String disposition, byte[] content) {
        out.append("--").append(boundary).append("\r\n");
        header(out, "Content-Type", contentType);
        if (disposition != null) {
            header(out, "Content-Disposition", disposition);
        }
        header(out, "Content-Transfer-Encoding", "base64");
        out.append("\r\n");
        out.append(Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(content)).append("\r\n");
    }

    private static void header(StringBuilder out, String name, String value) {
        // A header value never carries a line break: that would let text start a header of its own.
        out.append(name).append(": ").append(value.replaceAll("[\r\n]+", " ")).append("\r\n");
    }

    static String encodedWord(String text) {
        if (text.chars().allMatch(c -> c >= 32 && c < 127)) {
            return text;
        }
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
