package io.civicdesk.languages;

import io.civicdesk.platform.Dates;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words and formats of one language, for what the product writes to a resident (mails, texts): messages by
 * their stable key from the language's catalogue, falling back to English for a key not yet translated (a test
 * keeps every catalogue complete), and dates, times and numbers as the language writes them. English dates stay as
 * Australians write them ("Wednesday 25 November 2026"); the others are java.time's full localized date.
 */
public final class Texts {
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Map<Language, Texts> LOADED = new EnumMap<>(Language.class);

    private final Language language;
    private final Map<String, String> messages;
    private final Map<String, String> source;
    private final DateTimeFormatter date;
    private final DateTimeFormatter time;

    private Texts(Language language, Map<String, String> messages, Map<String, String> source) {
        this.language = language;
        this.messages = messages;
        this.source = source;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(language.locale());
        this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(language.locale());
    }

    /** The texts of {@code language}, read once per container. */
    public static synchronized Texts of(Language language) {
        return LOADED.computeIfAbsent(language, chosen -> new Texts(chosen, MessagesReader.read(chosen),
                chosen == Language.SOURCE ? Map.of() : of(Language.SOURCE).messages));
    }

    public Language language() {
        return language;
    }

    /**
     * The message {@code key} with its values put in: {@code nameValues} are pairs, a name then its value.
     *
     * @throws IllegalArgumentException when English has no such key (a bug: the completeness test names it)
     */
    public String get(String key, Object... nameValues) {
        String text = messages.get(key);
        if (text == null || text.isBlank()) {
            text = source.get(key);
        }
        if (text == null) {
            throw new IllegalArgumentException("No message '" + key + "' in " + MessagesReader.resource(Language.SOURCE));
        }
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            values.put(String.valueOf(nameValues[i]), nameValues[i + 1]);
        }
        Matcher matcher = PARAMETER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : String.valueOf(value)));
        }
        return matcher.appendTail(out).toString();
    }

    /** "Hello Sam," or, for someone who gave no name, "Hello,", in this language. */
    public String hello(String name) {
        return name == null ? get("mail.hello") : get("mail.helloNamed", "name", name);
    }

    /**
     * The translation of something English already words its own way (a status a workflow labels): {@code key}
     * in this language's own catalogue, else {@code english} as it is.
     */
    public String orElse(String key, String english) {
        String text = language == Language.SOURCE ? null : messages.get(key);
        return text == null || text.isBlank() ? english : text;
    }

    /** "Wednesday 25 November 2026", "الأربعاء، 25 نوفمبر 2026", "Thứ Tư, 25 tháng 11, 2026". */
    public String date(LocalDate day) {
        return language == Language.SOURCE ? Dates.spoken(day) : date.format(day);
    }

    /** A time and its day, in the time's own zone. */
    public String dateTime(ZonedDateTime at) {
        return language == Language.SOURCE ? Dates.spokenTime(at) : time.format(at) + " " + date.format(at);
    }

    /** A time of day as the language writes it ("14:30"; English keeps its own words, this is for the others). */
    public String time(LocalTime at) {
        return time.format(at);
    }

    public String number(Number number) {
        return NumberFormat.getNumberInstance(language.locale()).format(number);
    }

    /** The attributes of a mail's {@code <html>}: its language and, for Arabic, its direction. */
    public String htmlAttributes() {
        return "lang=\"" + (language == Language.SOURCE ? "en-AU" : language.tag()) + "\" dir=\""
                + (language.rightToLeft() ? "rtl" : "ltr") + "\"";
    }
}
