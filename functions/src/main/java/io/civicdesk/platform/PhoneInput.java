package io.civicdesk.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.List;
import java.util.Optional;

/**
 * Phone numbers, read the same way by every API that takes one, and held in E.164 ({@code +61412345678}):
 * Google's libphonenumber checks them against each country's numbering plan. A number written without a
 * country code is Australian ({@code 0412 345 678}).
 */
public final class PhoneInput {
    private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "AU";
    /** Longer than any number written with spaces and brackets: anything longer is not a phone number. */
    private static final int MAX_LENGTH = 40;

    private PhoneInput() {
    }

    /**
     * The number in E.164, or null when absent or blank; records an error naming {@code field} when it is not
     * text or not a number that can be dialled (a text message also needs a mobile: {@code mobile}).
     */
    public static String optional(JsonNode value, String field, boolean mobile, List<FieldError> errors) {
        String typed = TextInput.optional(value, field, "The phone number", MAX_LENGTH, errors);
        if (typed == null) {
            return null;
        }
        Optional<Phonenumber.PhoneNumber> number = parse(typed);
        if (number.isEmpty()) {
            errors.add(new FieldError(field, "Enter a phone number, like 0412 345 678 or +61 412 345 678."));
            return null;
        }
        if (mobile && !canText(number.get())) {
            errors.add(new FieldError(field, "Enter a mobile number for text messages, like 0412 345 678."));
            return null;
        }
        return e164(number.get());
    }

    /**
     * {@code preferredChannel} beside a {@code contact.phone} already read: "email" (the default) or "sms", which
     * needs a mobile. True when texts were chosen (a mistake is recorded, naming its field, as for the rest).
     */
    public static boolean textsChosen(JsonNode body, String phone, List<FieldError> errors) {
        JsonNode channel = body.path("preferredChannel");
        if (channel.isMissingNode() || channel.isNull() || "email".equals(channel.asText())) {
            return false;
        }
        if (!"sms".equals(channel.asText())) {
            errors.add(new FieldError("preferredChannel", "Choose how we keep you posted: email or text message."));
            return false;
        }
        if (phone == null && errors.stream().noneMatch(error -> error.field().equals("contact.phone"))) {
            errors.add(new FieldError("contact.phone", "Enter your mobile number, or choose email."));
        } else if (phone != null && !canText(phone)) {
            errors.add(new FieldError("contact.phone", "Enter a mobile number for text messages, like 0412 345 678."));
        }
        return true;
    }

    /** The typed number in E.164, or empty when it is not a number that can be dialled. */
    public static Optional<String> e164(String typed) {
        return parse(typed).map(PhoneInput::e164);
    }

    /** A stored number in E.164: numbers kept before they were (as typed, like 0412345678) are read as E.164 too. */
    public static String stored(String phone) {
        if (phone == null) {
            return null;
        }
        return parse(phone).map(PhoneInput::e164).orElse(phone);
    }

    /** Whether the number (E.164 or as typed) can receive a text: a mobile, or a number that may be one. */
    public static boolean canText(String phone) {
        return phone != null && parse(phone).filter(PhoneInput::canText).isPresent();
    }

    private static boolean canText(Phonenumber.PhoneNumber number) {
        PhoneNumberUtil.PhoneNumberType type = NUMBERS.getNumberType(number);
        return type == PhoneNumberUtil.PhoneNumberType.MOBILE || type == PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE;
    }

    private static Optional<Phonenumber.PhoneNumber> parse(String typed) {
        try {
            Phonenumber.PhoneNumber number = NUMBERS.parse(typed, DEFAULT_REGION);
            return NUMBERS.isValidNumber(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private static String e164(Phonenumber.PhoneNumber number) {
        return NUMBERS.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }
}
