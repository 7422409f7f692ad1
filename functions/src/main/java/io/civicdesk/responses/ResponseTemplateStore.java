package io.civicdesk.responses;

import io.civicdesk.languages.Language;
import io.civicdesk.platform.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * The council's response templates, in the catalogue table.
 *
 * <pre>
 * pk = RESPONSES  sk = TEMPLATE#{templateId}   one template whole: title, use, serviceId, status, language, text,
 *                                              retired, version (1, 2, ...), changedAt, changedBy
 * </pre>
 * Every template is read with one Query of the partition (a council keeps tens, not thousands): what an officer is
 * offered and the staff page's list. A save, and retiring, is one PutItem written only over the version the editor
 * read (none yet for a new template or a product default never saved): two editors cannot overwrite each other.
 * The product's defaults ({@code responses/defaults.json}) are not items: a council with none saved has them all.
 */
public final class ResponseTemplateStore implements ResponseTemplates {
    static final String LISTING = "RESPONSES";
    private static final String TEMPLATE = "TEMPLATE#";

    private final DynamoDbClient dynamo;
    private final String table;

    public ResponseTemplateStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<ResponseTemplate> saved() {
        List<ResponseTemplate> templates = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :sk)")
                    .expressionAttributeValues(Map.of(":pk", s(LISTING), ":sk", s(TEMPLATE)))
                    .exclusiveStartKey(from).build());
            page.items().forEach(item -> templates.add(template(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return templates;
    }

    @Override
    public Optional<ResponseTemplate> saved(String templateId) {
        Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(table)
                .key(Items.key(LISTING, TEMPLATE + templateId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(template(item));
    }

    @Override
    public boolean save(ResponseTemplate template, int expectedVersion) {
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(item(template));
        if (expectedVersion == 0) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("version = :expected").expressionAttributeValues(Map.of(":expected", n(expectedVersion)));
        }
        try {
            dynamo.putItem(put.build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * The catalogue file's template ({@code ./civicdesk seed}, the local stack), saved only where none of that id is:
     * seeding again never undoes a supervisor's change on the templates page, nor brings back one they retired.
     */
    public void load(ResponseTemplate template, Instant at) {
        save(template.saved(1, at, "the catalogue file"), 0);
    }

    private static Map<String, AttributeValue> item(ResponseTemplate template) {
        Map<String, AttributeValue> item = new HashMap<>(Items.key(LISTING, TEMPLATE + template.templateId()));
        item.put("kind", s("response-template"));
        item.put("templateId", s(template.templateId()));
        item.put("title", s(template.title()));
        item.put("use", s(template.use().wireName()));
        item.put("serviceId", template.serviceId() == null ? null : s(template.serviceId()));
        item.put("status", template.status() == null ? null : s(template.status()));
        item.put("language", s(template.language().tag()));
        item.put("text", s(template.text()));
        item.put("retired", template.retired() ? Items.bool(true) : null);
        item.put("version", n(template.version()));
        item.put("changedAt", s(template.changedAt().toString()));
        item.put("changedBy", s(template.changedBy()));
        return Items.compact(item);
    }

    private static ResponseTemplate template(Map<String, AttributeValue> item) {
        Integer version = Items.integer(item, "version");
        return new ResponseTemplate(Items.string(item, "templateId"), Items.string(item, "title"),
                ResponseUse.fromWireName(Items.string(item, "use")).orElseThrow(), Items.string(item, "serviceId"),
                Items.string(item, "status"), Language.stored(Items.string(item, "language")), Items.string(item, "text"),
                Items.flag(item, "retired"), version == null ? 0 : version, Instant.parse(Items.string(item, "changedAt")),
                Items.string(item, "changedBy"));
    }
}
