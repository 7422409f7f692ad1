package io.civicdesk.local.template;

import static io.civicdesk.local.template.Values.integer;
import static io.civicdesk.local.template.Values.list;
import static io.civicdesk.local.template.Values.map;
import static io.civicdesk.local.template.Values.string;

import io.civicdesk.local.template.FunctionDefinition.HttpRoute;
import io.civicdesk.local.template.FunctionDefinition.JwtAuthorizer;
import io.civicdesk.local.template.FunctionDefinition.ScheduleEvent;
import io.civicdesk.local.template.FunctionDefinition.StreamEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateGroupRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.StringAttributeConstraintsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameConfigurationType;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/**
 * The SAM template, read for what the local stack builds from it: the DynamoDB tables, the Cognito user pools and
 * their groups, and the functions with their handlers, environments, routes (and the JWT authorizers that guard
 * them), schedules and stream sources.
 */
public final class SamTemplate {
    private static final String TABLE = "AWS::DynamoDB::Table";
    private static final String FUNCTION = "AWS::Serverless::Function";
    private static final String HTTP_API = "AWS::Serverless::HttpApi";
    private static final String USER_POOL = "AWS::Cognito::UserPool";
    private static final String USER_POOL_GROUP = "AWS::Cognito::UserPoolGroup";
    private static final String HEADER_SOURCE = "$request.header.";

    private final Map<String, Object> root;

    private SamTemplate(Map<String, Object> root) {
        this.root = root;
    }

    public static SamTemplate read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the template " + file, e);
        }
    }

    public static SamTemplate parse(String yaml) {
        return new SamTemplate(CfnYaml.load(yaml));
    }

    public List<TableDefinition> tables() {
        return resources(TABLE).entrySet().stream().map(e -> table(e.getKey(), e.getValue())).toList();
    }

    /**
     * The S3 buckets, logical ID to name: its {@code BucketName} resolved through {@code intrinsics}, or for a bucket
     * CloudFormation names, its logical ID in lower case.
     */
    public Map<String, String> buckets(Intrinsics intrinsics) {
        Map<String, String> buckets = new java.util.LinkedHashMap<>();
        resources("AWS::S3::Bucket").forEach((id, properties) -> buckets.put(id, properties.containsKey("BucketName")
                ? intrinsics.resolve(properties.get("BucketName")) : id.toLowerCase(Locale.ROOT)));
        return buckets;
    }

    public TableDefinition table(String logicalId) {
        return tables().stream().filter(t -> t.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The template declares no table " + logicalId));
    }

    public List<UserPoolDefinition> userPools() {
        Map<String, Map<String, Object>> groups = resources(USER_POOL_GROUP);
        return resources(USER_POOL).entrySet().stream().map(pool -> userPool(pool.getKey(), pool.getValue(),
                groups.entrySet().stream().filter(group -> pool.getKey().equals(
                        map(group.getValue().get("UserPoolId"), group.getKey() + ".UserPoolId").get("Ref")))
                        .map(group -> CreateGroupRequest.builder()
                                .groupName(string(group.getValue().get("GroupName"), group.getKey() + ".GroupName"))
                                .description(string(group.getValue(), "Description", group.getKey(), null)).build())
                        .toList())).toList();
    }

    public List<FunctionDefinition> functions() {
        Map<String, Object> globals = map(map(root.get("Globals"), "Globals").get("Function"), "Globals.Function");
        return resources(FUNCTION).entrySet().stream()
                .map(e -> function(e.getKey(), merge(globals, e.getValue()))).toList();
    }

    /**
     * Intrinsics for local values: parameters take their defaults, a table's {@code Ref} is its local name, and
     * {@code localReferences} (pseudo parameters such as {@code AWS::Region}, {@code Resource.Attribute}s) add to
     * or override those.
     */
    public Intrinsics intrinsics(Map<String, String> localReferences) {
        Map<String, String> references = new HashMap<>();
        map(root.get("Parameters"), "Parameters").forEach((name, parameter) -> {
            Object fallback = map(parameter, "Parameters." + name).get("Default");
            if (fallback != null) {
                references.put(name, string(fallback, "Parameters." + name + ".Default"));
            }
        });
        tables().forEach(table -> references.put(table.logicalId(), table.tableName()));
        references.putAll(localReferences);
        return new Intrinsics(references, map(root.get("Conditions"), "Conditions"),
                map(root.get("Mappings"), "Mappings"));
    }

    /** The logical IDs of the template's resources of a type, such as {@code AWS::Cognito::UserPoolClient}. */
    public List<String> logicalIds(String type) {
        return List.copyOf(resources(type).keySet());
    }

    /** A resource's Properties as plain maps, lists and scalars, intrinsics in their long form ({@code Fn::Sub}). */
    public Map<String, Object> properties(String logicalId) {
        Object resource = map(root.get("Resources"), "Resources").get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("The template declares no resource " + logicalId);
        }
        return map(map(resource, logicalId).get("Properties"), logicalId + ".Properties");
    }

    /**
     * A top-level section as written (intrinsics as their long forms), such as {@code Parameters} or
     * {@code Resources}; empty if absent. For checks of what the local stack does not build: alarms, queues.
     */
    public Map<String, Object> section(String name) {
        return map(root.get(name), name);
    }

    /** The logical ID a resource's property names with {@code !Ref}, such as an app client's UserPoolId. */
    public Optional<String> reference(String logicalId, String property) {
        Object ref = properties(logicalId).get(property) instanceof Map<?, ?> value ? value.get("Ref") : null;
        return Optional.ofNullable(ref).map(Object::toString);
    }

    private Map<String, Map<String, Object>> resources(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        map(root.get("Resources"), "Resources").forEach((logicalId, resource) -> {
            Map<String, Object> declaration = map(resource, logicalId);
            if (type.equals(declaration.get("Type"))) {
                found.put(logicalId, map(declaration.get("Properties"), logicalId + ".Properties"));
            }
        });
        return found;
    }

    private static TableDefinition table(String id, Map<String, Object> p) {
        BillingMode billing = BillingMode.fromValue(string(p, "BillingMode", id, "PROVISIONED"));
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(id).billingMode(billing)
                .attributeDefinitions(list(p.get("AttributeDefinitions"), id + ".AttributeDefinitions").stream()
                        .map(a -> map(a, id + ".AttributeDefinitions"))
                        .map(a -> AttributeDefinition.builder()
                                .attributeName(string(a.get("AttributeName"), id + ".AttributeName"))
                                .attributeType(string(a.get("AttributeType"), id + ".AttributeType")).build())
                        .toList())
                .keySchema(keySchema(p.get("KeySchema"), id));
        throughput(p, id).ifPresent(request::provisionedThroughput);
        List<GlobalSecondaryIndex> globalIndexes = list(p.get("GlobalSecondaryIndexes"), id).stream()
                .map(i -> map(i, id + ".GlobalSecondaryIndexes"))
                .map(i -> {
                    String where = id + "." + i.get("IndexName");
                    GlobalSecondaryIndex.Builder index = GlobalSecondaryIndex.builder()
                            .indexName(string(i.get("IndexName"), where))
                            .keySchema(keySchema(i.get("KeySchema"), where))
                            .projection(projection(i.get("Projection"), where));
                    throughput(i, where).ifPresent(index::provisionedThroughput);
                    return index.build();
                }).toList();
        if (!globalIndexes.isEmpty()) {
            request.globalSecondaryIndexes(globalIndexes);
        }
        List<LocalSecondaryIndex> localIndexes = list(p.get("LocalSecondaryIndexes"), id).stream()
                .map(i -> map(i, id + ".LocalSecondaryIndexes"))
                .map(i -> LocalSecondaryIndex.builder()
                        .indexName(string(i.get("IndexName"), id + ".IndexName"))
                        .keySchema(keySchema(i.get("KeySchema"), id + "." + i.get("IndexName")))
                        .projection(projection(i.get("Projection"), id + "." + i.get("IndexName"))).build())
                .toList();
        if (!localIndexes.isEmpty()) {
            request.localSecondaryIndexes(localIndexes);
        }
        Map<String, Object> stream = map(p.get("StreamSpecification"), id + ".StreamSpecification");
        if (!stream.isEmpty()) {
            request.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                    .streamViewType(string(stream.get("StreamViewType"), id + ".StreamViewType")).build());
        }
        Map<String, Object> ttl = map(p.get("TimeToLiveSpecification"), id + ".TimeToLiveSpecification");
        Optional<String> ttlAttribute = flag(ttl, "Enabled", id)
                ? Optional.of(string(ttl.get("AttributeName"), id + ".TimeToLiveSpecification.AttributeName"))
                : Optional.empty();
        boolean pitr = flag(map(p.get("PointInTimeRecoverySpecification"), id), "PointInTimeRecoveryEnabled", id);
        return new TableDefinition(id, request.build(), ttlAttribute, pitr);
    }

    private UserPoolDefinition userPool(String id, Map<String, Object> p, List<CreateGroupRequest> groups) {
        CreateUserPoolRequest.Builder request = CreateUserPoolRequest.builder().poolName(id)
                .usernameAttributesWithStrings(list(p.get("UsernameAttributes"), id + ".UsernameAttributes").stream()
                        .map(attribute -> string(attribute, id + ".UsernameAttributes")).toList())
                .schema(list(p.get("Schema"), id + ".Schema").stream().map(a -> map(a, id + ".Schema")).map(a -> {
                    String where = id + ".Schema." + a.get("Name");
                    Map<String, Object> constraints = map(a.get("StringAttributeConstraints"), where + ".StringAttributeConstraints");
                    SchemaAttributeType.Builder attribute = SchemaAttributeType.builder()
                            .name(string(a.get("Name"), where + ".Name"))
                            .attributeDataType(string(a, "AttributeDataType", where, "String"))
                            .mutable(flag(a, "Mutable", where));
                    if (!constraints.isEmpty()) {
                        attribute.stringAttributeConstraints(StringAttributeConstraintsType.builder()
                                .minLength(string(constraints, "MinLength", where, null))
                                .maxLength(string(constraints, "MaxLength", where, null)).build());
                    }
                    return attribute.build();
                }).toList());
        Map<String, Object> usernames = map(p.get("UsernameConfiguration"), id + ".UsernameConfiguration");
        if (!usernames.isEmpty()) {
            request.usernameConfiguration(UsernameConfigurationType.builder()
                    .caseSensitive(flag(usernames, "CaseSensitive", id + ".UsernameConfiguration")).build());
        }
        Map<String, Object> adminCreate = map(p.get("AdminCreateUserConfig"), id + ".AdminCreateUserConfig");
        if (!adminCreate.isEmpty()) {
            request.adminCreateUserConfig(AdminCreateUserConfigType.builder()
                    .allowAdminCreateUserOnly(flag(adminCreate, "AllowAdminCreateUserOnly", id + ".AdminCreateUserConfig")).build());
        }
        Object trigger = map(p.get("LambdaConfig"), id + ".LambdaConfig").get("PreTokenGeneration");
        return new UserPoolDefinition(id, request.build(), groups, Optional.ofNullable(trigger).map(t -> function(t, id)));
    }

    /** {@code !Ref Function.Alias} (SAM's alias of a published function), {@code !Ref Function} or {@code !GetAtt Function.Arn}. */
    private String function(Object reference, String pool) {
        Map<String, Object> intrinsic = map(reference, pool + ".LambdaConfig.PreTokenGeneration");
        String target = intrinsic.containsKey("Ref") ? intrinsic.get("Ref").toString().replaceAll("\\.(Alias|Version)$", "")
                : list(intrinsic.get("Fn::GetAtt"), pool + ".LambdaConfig.PreTokenGeneration").get(0).toString();
        if (!resources(FUNCTION).containsKey(target)) {
            throw new IllegalArgumentException(pool + ".LambdaConfig.PreTokenGeneration should name a function of this template");
        }
        return target;
    }

    private static List<KeySchemaElement> keySchema(Object value, String where) {
        return list(value, where + ".KeySchema").stream().map(k -> map(k, where + ".KeySchema"))
                .map(k -> KeySchemaElement.builder().attributeName(string(k.get("AttributeName"), where))
                        .keyType(string(k.get("KeyType"), where)).build())
                .toList();
    }

    private static Projection projection(Object value, String where) {
        Map<String, Object> projection = map(value, where + ".Projection");
        Projection.Builder builder = Projection.builder()
                .projectionType(string(projection, "ProjectionType", where, "KEYS_ONLY"));
        List<String> nonKey = list(projection.get("NonKeyAttributes"), where).stream()
                .map(a -> string(a, where + ".NonKeyAttributes")).toList();
        if (!nonKey.isEmpty()) {
            builder.nonKeyAttributes(nonKey);
        }
        return builder.build();
    }

    private static Optional<ProvisionedThroughput> throughput(Map<String, Object> p, String where) {
        Map<String, Object> throughput = map(p.get("ProvisionedThroughput"), where + ".ProvisionedThroughput");
        return throughput.isEmpty() ? Optional.empty() : Optional.of(ProvisionedThroughput.builder()
                .readCapacityUnits((long) integer(throughput, "ReadCapacityUnits", where, 1))
                .writeCapacityUnits((long) integer(throughput, "WriteCapacityUnits", where, 1)).build());
    }

    private FunctionDefinition function(String id, Map<String, Object> p) {
        List<HttpRoute> routes = new ArrayList<>();
        List<ScheduleEvent> schedules = new ArrayList<>();
        List<StreamEvent> streams = new ArrayList<>();
        List<FunctionDefinition.ObjectEvent> objects = new ArrayList<>();
        List<String> unemulated = new ArrayList<>();
        map(p.get("Events"), id + ".Events").forEach((name, value) -> {
            String where = id + ".Events." + name;
            Map<String, Object> event = map(value, where);
            Map<String, Object> e = map(event.get("Properties"), where + ".Properties");
            String type = string(event.get("Type"), where + ".Type");
            switch (type) {
                // Without Path and Method, SAM makes the API's catch-all $default route.
                case "HttpApi" -> routes.add(e.containsKey("Path")
                        ? new HttpRoute(string(e, "Method", where, "ANY").toUpperCase(Locale.ROOT),
                        string(e.get("Path"), where + ".Path"), authorizer(e, where))
                        : new HttpRoute("ANY", "$default", authorizer(e, where)));
                case "Schedule" -> {
                    if (!e.containsKey("Enabled") || flag(e, "Enabled", where)) {
                        schedules.add(new ScheduleEvent(name, string(e.get("Schedule"), where + ".Schedule"),
                                Optional.empty(), optional(e, "Input", where)));
                    }
                }
                case "ScheduleV2" -> {
                    if (!"DISABLED".equals(e.get("State"))) {
                        schedules.add(new ScheduleEvent(name,
                                string(e.get("ScheduleExpression"), where + ".ScheduleExpression"),
                                optional(e, "ScheduleExpressionTimezone", where), optional(e, "Input", where)));
                    }
                }
                case "DynamoDB" -> {
                    if (!e.containsKey("Enabled") || flag(e, "Enabled", where)) {
                        streams.add(new StreamEvent(name, streamTable(e.get("Stream"), where),
                                integer(e, "BatchSize", where, 100), integer(e, "MaximumRetryAttempts", where, -1),
                                list(map(e.get("FilterCriteria"), where).get("Filters"), where).stream()
                                        .map(f -> string(map(f, where).get("Pattern"), where + ".Pattern"))
                                        .toList()));
                    }
                }
                case "S3" -> objects.add(new FunctionDefinition.ObjectEvent(name,
                        string(map(e.get("Bucket"), where + ".Bucket").get("Ref"), where + ".Bucket.Ref"),
                        list(map(map(e.get("Filter"), where).get("S3Key"), where).get("Rules"), where).stream()
                                .map(rule -> map(rule, where)).filter(rule -> "prefix".equals(rule.get("Name")))
                                .map(rule -> string(rule.get("Value"), where + ".Filter")).findFirst().orElse("")));
                default -> unemulated.add(name + " (" + type + ")");
            }
        });
        return new FunctionDefinition(id, string(p.get("Handler"), id + ".Handler"),
                map(map(p.get("Environment"), id + ".Environment").get("Variables"), id + ".Environment.Variables"),
                integer(p, "MemorySize", id, 128), integer(p, "Timeout", id, 3),
                List.copyOf(routes), List.copyOf(schedules), List.copyOf(streams), List.copyOf(objects),
                List.copyOf(unemulated));
    }

    /**
     * SAM's rule: the event's {@code Auth.Authorizer}, else its API's {@code DefaultAuthorizer}; {@code NONE} is
     * none. Anything the local stack cannot check as API Gateway would (another kind of authorizer, authorization
     * scopes) fails here rather than leave a route open locally that is closed when deployed.
     */
    private Optional<JwtAuthorizer> authorizer(Map<String, Object> event, String where) {
        Map<String, Object> auth = map(event.get("Auth"), where + ".Auth");
        Map<String, Object> apiAuth = map(httpApi(event.get("ApiId"), where).get("Auth"), where + " (its API's Auth)");
        String name = auth.containsKey("Authorizer") ? string(auth.get("Authorizer"), where + ".Auth.Authorizer")
                : string(apiAuth, "DefaultAuthorizer", where + " (its API's Auth)", "NONE");
        if (name.equals("NONE")) {
            return Optional.empty();
        }
        Map<String, Object> authorizer = map(map(apiAuth.get("Authorizers"), where).get(name), where + " " + name);
        Map<String, Object> jwt = map(authorizer.get("JwtConfiguration"), where + " " + name + ".JwtConfiguration");
        if (jwt.isEmpty()) {
            throw new IllegalArgumentException(where + ": " + name + " is not a JWT authorizer of its API, and the "
                    + "local stack emulates JWT authorizers only");
        }
        if (auth.containsKey("AuthorizationScopes") || authorizer.containsKey("AuthorizationScopes")) {
            throw new IllegalArgumentException(where + ": the local stack does not emulate authorization scopes");
        }
        String source = string(authorizer, "IdentitySource", where + " " + name, HEADER_SOURCE + "Authorization");
        if (!source.startsWith(HEADER_SOURCE)) {
            throw new IllegalArgumentException(where + " " + name + ": a JWT authorizer's IdentitySource is one header "
                    + "(" + HEADER_SOURCE + "Name), not " + source);
        }
        return Optional.of(new JwtAuthorizer(name, source.substring(HEADER_SOURCE.length()), jwt.get("issuer"),
                list(jwt.get("audience"), where + " " + name + ".JwtConfiguration.audience")));
    }

    /** The API an HttpApi event is on (its {@code ApiId}, else SAM's implicit API), Globals.HttpApi merged in. */
    private Map<String, Object> httpApi(Object apiId, String where) {
        Map<String, Object> globals = map(map(root.get("Globals"), "Globals").get("HttpApi"), "Globals.HttpApi");
        if (apiId == null) {
            return globals;
        }
        Map<String, Object> api = resources(HTTP_API).get(map(apiId, where + ".ApiId").get("Ref"));
        if (api == null) {
            throw new IllegalArgumentException(where + ".ApiId should be !Ref <an " + HTTP_API + " in this template>");
        }
        return merge(globals, api);
    }

    /** {@code !GetAtt SomeTable.StreamArn}: the local stack reads that table's stream. */
    private String streamTable(Object stream, String where) {
        List<?> getAtt = list(map(stream, where + ".Stream").get("Fn::GetAtt"), where + ".Stream");
        if (getAtt.size() != 2 || !"StreamArn".equals(getAtt.get(1)) || !resources(TABLE).containsKey(getAtt.get(0))) {
            throw new IllegalArgumentException(where + ".Stream should be !GetAtt <a table in this template>.StreamArn");
        }
        return getAtt.get(0).toString();
    }

    private static Optional<String> optional(Map<String, Object> p, String key, String where) {
        return Optional.ofNullable(p.get(key)).map(v -> string(v, where + "." + key));
    }

    private static boolean flag(Map<String, Object> p, String key, String where) {
        return Boolean.parseBoolean(string(p, key, where, "false"));
    }

    /** SAM's Globals rule: the function's own scalars (and intrinsics) win, maps merge key by key, lists add up. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> merge(Map<String, Object> globals, Map<String, Object> own) {
        Map<String, Object> merged = new LinkedHashMap<>(globals);
        own.forEach((key, value) -> merged.merge(key, value, (global, mine) -> {
            if (global instanceof Map<?, ?> g && mine instanceof Map<?, ?> m && !intrinsic(g) && !intrinsic(m)) {
                return merge((Map<String, Object>) global, (Map<String, Object>) mine);
            }
            if (global instanceof List<?> g && mine instanceof List<?> m) {
                List<Object> both = new ArrayList<>(g);
                both.addAll(m);
                return both;
            }
            return mine;
        }));
        return merged;
    }

    private static boolean intrinsic(Map<?, ?> map) {
        return map.size() == 1 && map.keySet().stream().allMatch(k -> k.equals("Ref") || k.toString().startsWith("Fn::"));
    }
}
