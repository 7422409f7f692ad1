package io.civicdesk.languages;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A language the product speaks to residents in: English (the source of every text), and the languages many Perth
 * residents speak at home besides it — Arabic (written right to left) and Vietnamese. {@code tag} is the BCP-47
 * tag the portal, the API and the stored records use; {@code locale} formats dates and numbers (Latin digits in
 * every language, the same as the portal shows, so a reference or a phone number reads the same everywhere).
 */
public enum Language {
    ENGLISH("en", "English", false, Locale.forLanguageTag("en-AU")),
    ARABIC("ar", "العربية", true, Locale.forLanguageTag("ar-u-nu-latn")),
    VIETNAMESE("vi", "Tiếng Việt", false, Locale.forLanguageTag("vi-VN"));

    /** The language every text is written in first, and the one a missing translation falls back to. */
    public static final Language SOURCE = ENGLISH;

    private final String tag;
    private final String name;
    private final boolean rightToLeft;
    private final Locale locale;

    Language(String tag, String name, boolean rightToLeft, Locale locale) {
        this.tag = tag;
        this.name = name;
        this.rightToLeft = rightToLeft;
        this.locale = locale;
    }

    public String tag() {
        return tag;
    }

    /** The language's name in itself, as the picker shows it. */
    public String nativeName() {
        return name;
    }

    public boolean rightToLeft() {
        return rightToLeft;
    }

    public Locale locale() {
        return locale;
    }

    public static List<Language> supported() {
        return List.of(values());
    }

    /**
     * The language a BCP-47 tag names, by its primary subtag ({@code ar}, {@code ar-AU} and {@code AR} are all
     * Arabic); empty for anything else, including a tag that is not well formed.
     */
    public static Optional<Language> of(String tag) {
        if (tag == null || !tag.strip().matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")) {
            return Optional.empty();
        }
        String primary = Locale.forLanguageTag(tag.strip()).getLanguage();
        return Arrays.stream(values()).filter(language -> language.tag.equals(primary)).findFirst();
    }

    /** The language of a stored record: its tag, or English for a record made before languages were kept. */
    public static Language stored(String tag) {
        return of(tag).orElse(SOURCE);
    }
}
