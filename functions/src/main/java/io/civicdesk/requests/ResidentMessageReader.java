package io.civicdesk.requests;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.languages.Language;
import io.civicdesk.languages.LanguageReader;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.PhoneInput;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.TextInput;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a resident or follower sends about a request: {@code {"message": "…"}} (a reply or more information),
 * {@code {"reason": "…"}} (not fixed), {@code {"email": "…", "language": "vi"}} or {@code {"phone": "0412 …"}} (follow) and {@code {"token": "…"}}
 * (confirm, unfollow). Each mistake is refused naming its field.
 */
public final class ResidentMessageReader {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");
    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{16,64}$");

    /** Who asks to follow (an email, or a mobile in E.164 for texts), and the language their mails are to be in. */
    public record FollowRequest(String email, String phone, Language language) {
    }

    private ResidentMessageReader() {
    }

    /** The resident's words in {@code field}: required, at most {@link ResidentReplies#MAX_MESSAGE} characters. */
    public static String words(JsonNode body, String field, String label) {
        List<FieldError> errors = new ArrayList<>();
        String text = TextInput.optional(object(body).path(field), field, label, ResidentReplies.MAX_MESSAGE, errors);
        if (text == null && errors.isEmpty()) {
            errors.add(new FieldError(field, "Enter " + label.toLowerCase(java.util.Locale.ROOT) + "."));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return text;
    }

    public static FollowRequest follow(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (object(body).hasNonNull("phone") && !body.hasNonNull("email")) {
            String phone = PhoneInput.optional(body.path("phone"), "phone", true, errors);
            if (phone == null && errors.isEmpty()) {
                errors.add(new FieldError("phone", "Enter your mobile number, like 0412 345 678, or your email address."));
            }
            Language language = LanguageReader.field(body, errors);
            if (!errors.isEmpty()) {
                throw Refusal.invalid(errors);
            }
            return new FollowRequest(null, phone, language);
        }
        String email = TextInput.optional(object(body).path("email"), "email", "Your email address",
                SubmissionReader.MAX_EMAIL, errors);
        if (email == null && errors.isEmpty()) {
            errors.add(new FieldError("email", "Enter your email address, like name@example.com."));
        } else if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "Enter an email address in the correct format, like name@example.com."));
        }
        Language language = LanguageReader.field(body, errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new FollowRequest(email, null, language);
    }

    public static String token(JsonNode body) {
        JsonNode token = object(body).path("token");
        if (!token.isTextual() || !TOKEN.matcher(token.asText()).matches()) {
            throw Refusal.invalid("token", "The link is incomplete: open it again from the email, whole.");
        }
        return token.asText();
    }

    private static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw Refusal.unreadable("Send the details as a JSON object.");
        }
        return body;
    }
}
