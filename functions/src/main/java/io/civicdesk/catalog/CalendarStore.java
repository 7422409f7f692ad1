package io.civicdesk.catalog;

import io.civicdesk.platform.Items;
import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.sla.OpeningSpan;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.civicdesk.platform.Items.s;

/**
 * The business calendars, {@code CALENDAR#{id} / CALENDAR} in the catalogue table (its key design is at the top of
 * {@link CatalogStore}). A calendar is one GetItem; a holiday is added or removed by one conditional UpdateItem of
 * the holidays map, so it never overwrites a change made meanwhile to the rest of the calendar.
 */
final class CalendarStore {
    private final CatalogTable table;

    CalendarStore(CatalogTable table) {
        this.table = table;
    }

    Optional<BusinessCalendar> calendar(String calendarId) {
        return table.get(pk(calendarId), "CALENDAR").map(item -> calendar(calendarId, item));
    }

    void put(BusinessCalendar calendar) {
        table.put(Map.of("pk", s(pk(calendar.id())), "sk", s("CALENDAR"),
                "timeZone", s(calendar.zone().getId()),
                "openingHours", AttributeValue.fromM(calendar.openingHours().entrySet().stream().collect(Collectors.toMap(
                        entry -> entry.getKey().name(),
                        entry -> Items.strings(entry.getValue().stream().map(OpeningSpan::toString).toList())))),
                "holidays", AttributeValue.fromM(calendar.holidays().entrySet().stream().collect(Collectors.toMap(
                        entry -> entry.getKey().toString(), entry -> s(entry.getValue()))))));
    }

    Optional<BusinessCalendar> addHoliday(String calendarId, LocalDate date, String name) {
        return updateHolidays(calendarId, "SET holidays.#date = :name", "attribute_exists(pk)",
                Map.of(":name", s(name)), date);
    }

    Optional<BusinessCalendar> removeHoliday(String calendarId, LocalDate date) {
        return updateHolidays(calendarId, "REMOVE holidays.#date", "attribute_exists(holidays.#date)", null, date);
    }

    private Optional<BusinessCalendar> updateHolidays(String calendarId, String update, String condition,
                                                      Map<String, AttributeValue> values, LocalDate date) {
        try {
            Map<String, AttributeValue> item = table.dynamo.updateItem(request -> request.tableName(table.name)
                    .key(Items.key(pk(calendarId), "CALENDAR"))
                    .updateExpression(update).conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#date", date.toString()))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(calendar(calendarId, item));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    private static BusinessCalendar calendar(String calendarId, Map<String, AttributeValue> item) {
        return new BusinessCalendar(
                calendarId,
                ZoneId.of(Items.string(item, "timeZone")),
                Items.map(item, "openingHours").entrySet().stream().collect(Collectors.toMap(
                        entry -> DayOfWeek.valueOf(entry.getKey()),
                        entry -> entry.getValue().l().stream().map(span -> OpeningSpan.parse(span.s())).toList())),
                Items.map(item, "holidays").entrySet().stream().collect(Collectors.toMap(
                        entry -> LocalDate.parse(entry.getKey()), entry -> entry.getValue().s())));
    }

    private static String pk(String calendarId) {
        return "CALENDAR#" + calendarId;
    }
}
