package io.civicdesk.catalog;

import io.civicdesk.platform.Items;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/** The council, its units and its services as catalogue items (the key design is at the top of {@link CatalogStore}). */
final class CatalogItems {
    private CatalogItems() {
    }

    static Map<String, AttributeValue> councilItem(Council council) {
        return Map.of("pk", s(CatalogTable.CATALOG), "sk", s("COUNCIL"), "name", s(council.name()),
                "timeZone", s(council.timeZone()), "calendarId", s(council.calendarId()));
    }

    static Council council(Map<String, AttributeValue> item) {
        return new Council(Items.string(item, "name"), Items.string(item, "timeZone"), Items.string(item, "calendarId"));
    }

    static Map<String, AttributeValue> unitItem(Unit unit) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(CatalogTable.CATALOG));
        item.put("sk", s("UNIT#" + unit.id()));
        item.put("id", s(unit.id()));
        item.put("name", s(unit.name()));
        item.put("email", s(unit.email()));
        return Items.compact(item);
    }

    static Unit unit(Map<String, AttributeValue> item) {
        return new Unit(Items.string(item, "id"), Items.string(item, "name"), Items.string(item, "email"));
    }

    static Map<String, AttributeValue> serviceItem(Service service) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(CatalogTable.CATALOG));
        item.put("sk", s("SERVICE#" + service.id()));
        item.put("id", s(service.id()));
        item.put("name", s(service.name()));
        item.put("theme", s(service.theme()));
        item.put("unitId", s(service.unitId()));
        item.put("description", s(service.description()));
        item.put("whatHappensNext", s(service.whatHappensNext()));
        item.put("timeframe", s(service.timeframe()));
        item.put("notice", s(service.notice()));
        item.put("responseDays", n(service.responseDays()));
        item.put("resolutionDays", n(service.resolutionDays()));
        item.put("keywords", Items.strings(service.keywords()));
        item.put("order", n(service.order()));
        item.put("questions", AttributeValue.fromL(service.questions().stream()
                .map(question -> AttributeValue.fromM(questionItem(question))).toList()));
        item.put("translations", TranslationItems.item(service.translations()));
        item.put("fee", service.fee() == null ? null : AttributeValue.fromM(Map.of("amountCents", n(service.fee().amountCents()),
                "covers", s(service.fee().covers()), "payOnline", Items.bool(service.fee().payOnline()))));
        return Items.compact(item);
    }

    static Service service(Map<String, AttributeValue> item) {
        return new Service(Items.string(item, "id"), Items.string(item, "name"), Items.string(item, "theme"),
                Items.string(item, "unitId"), Items.string(item, "description"),
                Items.string(item, "whatHappensNext"), Items.string(item, "timeframe"),
                Items.string(item, "notice"), Items.integer(item, "responseDays"),
                Items.integer(item, "resolutionDays"), Items.stringList(item, "keywords"),
                Items.integer(item, "order"),
                Items.mapList(item, "questions").stream().map(CatalogItems::question).toList(), TranslationItems.read(item), fee(item));
    }

    private static ServiceFee fee(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> fee = Items.map(item, "fee");
        return fee.isEmpty() ? null : new ServiceFee(Items.number(fee, "amountCents"), Items.string(fee, "covers"),
                Items.flag(fee, "payOnline"));
    }

    private static Map<String, AttributeValue> questionItem(Question question) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", s(question.id()));
        item.put("label", s(question.label()));
        item.put("type", s(question.type().wireName()));
        item.put("required", Items.bool(question.required()));
        item.put("help", s(question.help()));
        item.put("options", question.options().isEmpty() ? null : Items.strings(question.options()));
        item.put("order", n(question.order()));
        item.put("maxLength", question.maxLength() == null ? null : n(question.maxLength()));
        item.put("min", question.min() == null ? null : n(question.min()));
        item.put("max", question.max() == null ? null : n(question.max()));
        return Items.compact(item);
    }

    private static Question question(Map<String, AttributeValue> item) {
        return new Question(Items.string(item, "id"), Items.string(item, "label"),
                QuestionType.fromWireName(Items.string(item, "type")), Items.flag(item, "required"),
                Items.string(item, "help"), Items.stringList(item, "options"), Items.integer(item, "order"),
                Items.integer(item, "maxLength"), Items.decimal(item, "min"), Items.decimal(item, "max"));
    }
}
