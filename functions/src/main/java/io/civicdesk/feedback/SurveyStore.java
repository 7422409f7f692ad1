package io.civicdesk.feedback;

import io.civicdesk.platform.Items;
import io.civicdesk.platform.Write;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * Surveys after service, and the counter tablet's taps, in the feedback table.
 *
 * <pre>
 * pk                   sk        item
 * SURVEY#{reference}   SURVEY    one per request: serviceId, serviceName, unitId, invitedAt, surveySecretHash,
 *                                requestSecretHash; once answered: answeredAt, satisfaction, recommend, comment
 * SURVEY#BOOKING#{reference}
 *                      SURVEY    one per booking that took place: the same, with subject = booking, the facility as
 *                                the service and the booking's secret hash as requestSecretHash
 * SMILEY#{id}          SMILEY    a tap on the counter tablet: unitId, deviceName, answeredAt, satisfaction, comment
 * (either, with a comment)       period = COMMENTS#{yyyy-mm}, periodAt = {answeredAt}#{id}   → index ByPeriod
 * </pre>
 *
 * One answer per request: the answer is an Update whose condition is that the survey exists and has no answer
 * yet, in the same transaction as the day figures' ADDs. Index {@code ByPeriod} (period, periodAt) is sparse:
 * only answers with a comment carry {@code period}, so the review panel reads a month's comments, newest first,
 * with one Query.
 */
public final class SurveyStore implements Surveys {
    static final String INDEX = "ByPeriod";

    private final DynamoDbClient dynamo;
    private final String table;

    public SurveyStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Write invitation(Survey survey) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(partition(survey.subject(), survey.reference())));
        item.put("sk", s("SURVEY"));
        item.put("subject", s(survey.subject().wireName()));
        item.put("reference", s(survey.reference()));
        item.put("serviceId", s(survey.serviceId()));
        item.put("serviceName", s(survey.serviceName()));
        item.put("unitId", s(survey.unitId()));
        item.put("invitedAt", s(survey.invitedAt().toString()));
        item.put("surveySecretHash", s(survey.surveySecretHash()));
        item.put("requestSecretHash", s(survey.requestSecretHash()));
        return Write.put("survey", Put.builder().tableName(table).item(Items.compact(item))
                .conditionExpression("attribute_not_exists(pk)").build());
    }

    @Override
    public Write answer(Survey.Subject subject, String reference, SurveyAnswer answer, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder set = new StringBuilder("SET answeredAt = :at, satisfaction = :satisfaction");
        values.put(":at", s(at.toString()));
        values.put(":satisfaction", n(answer.satisfaction()));
        if (answer.recommend() != null) {
            set.append(", recommend = :recommend");
            values.put(":recommend", n(answer.recommend()));
        }
        if (answer.comment() != null) {
            set.append(", #comment = :comment, period = :period, periodAt = :periodAt");
            values.put(":comment", s(answer.comment()));
            values.put(":period", s(commentsPeriod(at)));
            values.put(":periodAt", s(at + "#" + reference));
        }
        Update.Builder update = Update.builder().tableName(table).key(Items.key(partition(subject, reference), "SURVEY"))
                .updateExpression(set.toString())
                .conditionExpression("attribute_exists(pk) AND attribute_not_exists(answeredAt)")
                .expressionAttributeValues(values);
        if (answer.comment() != null) {
            update.expressionAttributeNames(Map.of("#comment", "comment"));
        }
        return Write.update("survey", update.build());
    }

    @Override
    public Write smiley(String id, String unitId, String deviceName, SurveyAnswer answer, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("SMILEY#" + id));
        item.put("sk", s("SMILEY"));
        item.put("unitId", s(unitId));
        item.put("deviceName", s(deviceName));
        item.put("answeredAt", s(at.toString()));
        item.put("satisfaction", n(answer.satisfaction()));
        item.put("comment", s(answer.comment()));
        if (answer.comment() != null) {
            item.put("period", s(commentsPeriod(at)));
            item.put("periodAt", s(at + "#" + id));
        }
        return Write.put("smiley", Put.builder().tableName(table).item(Items.compact(item))
                .conditionExpression("attribute_not_exists(pk)").build());
    }

    @Override
    public Optional<Survey> find(Survey.Subject subject, String reference) {
        Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(table)
                .key(Items.key(partition(subject, reference), "SURVEY")).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(survey(item));
    }

    @Override
    public List<Comment> comments(YearMonth month) {
        List<Comment> comments = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table).indexName(INDEX)
                    .keyConditionExpression("period = :period")
                    .expressionAttributeValues(Map.of(":period", s("COMMENTS#" + month)))
                    .scanIndexForward(false).exclusiveStartKey(startKey).build());
            for (Map<String, AttributeValue> item : page.items()) {
                boolean counter = Items.string(item, "sk").equals("SMILEY");
                comments.add(new Comment(Instant.parse(Items.string(item, "answeredAt")), counter ? "counter" : "online",
                        Items.string(item, "reference"), counter ? Items.string(item, "deviceName") : Items.string(item, "serviceName"),
                        Items.string(item, "unitId"), Items.integer(item, "satisfaction"), Items.integer(item, "recommend"),
                        Items.string(item, "comment")));
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return comments;
    }

    private static String partition(Survey.Subject subject, String reference) {
        return subject == Survey.Subject.BOOKING ? "SURVEY#BOOKING#" + reference : "SURVEY#" + reference;
    }

    private static String commentsPeriod(Instant at) {
        return "COMMENTS#" + YearMonth.from(at.atZone(java.time.ZoneOffset.UTC));
    }

    private static Survey survey(Map<String, AttributeValue> item) {
        String answeredAt = Items.string(item, "answeredAt");
        SurveyAnswer answer = answeredAt == null ? null : new SurveyAnswer(Items.integer(item, "satisfaction"),
                Items.integer(item, "recommend"), Items.string(item, "comment"));
        Survey.Subject subject = Survey.Subject.BOOKING.wireName().equals(Items.string(item, "subject"))
                ? Survey.Subject.BOOKING : Survey.Subject.REQUEST;
        return new Survey(subject, Items.string(item, "reference"), Items.string(item, "serviceId"),
                Items.string(item, "serviceName"), Items.string(item, "unitId"),
                Instant.parse(Items.string(item, "invitedAt")), Items.string(item, "surveySecretHash"),
                Items.string(item, "requestSecretHash"), answeredAt == null ? null : Instant.parse(answeredAt), answer);
    }
}
