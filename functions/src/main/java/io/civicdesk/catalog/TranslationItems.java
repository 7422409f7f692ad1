package io.civicdesk.catalog;

import io.civicdesk.languages.Translations;
import io.civicdesk.platform.Items;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

import static io.civicdesk.platform.Items.s;

/**
 * Translations as one item attribute, {@code translations}: a map of language tag to a map of field to text. The
 * same shape for every translated item (a service, an article version), so the tables read alike.
 */
public final class TranslationItems {
    private TranslationItems() {
    }

    /** The attribute; null (left out) when there are none. */
    public static AttributeValue item(Translations translations) {
        if (translations.byLanguage().isEmpty()) {
            return null;
        }
        Map<String, AttributeValue> languages = new HashMap<>();
        translations.byLanguage().forEach((tag, fields) -> {
            Map<String, AttributeValue> texts = new HashMap<>();
            fields.forEach((field, text) -> texts.put(field, s(text)));
            languages.put(tag, AttributeValue.fromM(texts));
        });
        return AttributeValue.fromM(languages);
    }

    public static Translations read(Map<String, AttributeValue> item) {
        Map<String, Map<String, String>> languages = new HashMap<>();
        Items.map(item, "translations").forEach((tag, fields) -> {
            Map<String, String> texts = new HashMap<>();
            if (fields.hasM()) {
                fields.m().forEach((field, text) -> texts.put(field, text.s()));
            }
            languages.put(tag, texts);
        });
        return new Translations(languages);
    }
}
