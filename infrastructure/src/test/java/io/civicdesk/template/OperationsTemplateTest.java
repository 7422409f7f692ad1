package io.civicdesk.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.civicdesk.local.LocalStack;
import io.civicdesk.local.template.FunctionDefinition;
import io.civicdesk.local.template.SamTemplate;
import io.civicdesk.local.template.TableDefinition;
import io.civicdesk.platform.Metrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * template.yaml lets operators see it working: an alarm topic, alarms on every function and table, on the API's
 * 5xx, on mail given up and on failed schedules; no event of a schedule or a stream dropped silently; X-Ray
 * tracing as a parameter; Powertools configured alike for every function.
 */
class OperationsTemplateTest {
    private static final SamTemplate TEMPLATE = SamTemplate.read(LocalStack.findProjectRoot().resolve("template.yaml"));
    private static final String ALARM = "AWS::CloudWatch::Alarm";
    private static final Map<String, Object> ALARM_TOPIC = Map.of("Ref", "AlarmTopic");

    @Test
    void everyFunctionHasOneAlarmOnItsErrorsAndThrottlesOfTheSameShape() {
        List<String> functions = TEMPLATE.functions().stream().map(FunctionDefinition::logicalId).toList();
        Map<String, String> shapes = new LinkedHashMap<>();
        for (String function : functions) {
            Map<String, Object> alarm = properties(function + "Alarm", ALARM);
            String shape = alarm.toString().replace(function, "<function>");
            assertTrue(shape.contains("MetricName=Errors") && shape.contains("MetricName=Throttles"), function + ": " + shape);
            assertTrue(shape.contains("{Name=FunctionName, Value={Ref=<function>}}"), function + ": " + shape);
            shapes.put(function, shape);
        }
        assertEquals(1, Set.copyOf(shapes.values()).size(), "every function's alarm has the same shape: " + shapes);
        assertEquals(functions.size(), resources(ALARM).keySet().stream().filter(id -> id.endsWith("FunctionAlarm")).count(),
                "no alarm for a function the template does not have");
    }

    @Test
    void everyTableHasAnAlarmOnItsThrottledReadsAndWrites() {
        Set<String> shapes = TEMPLATE.tables().stream().map(TableDefinition::logicalId).map(table -> {
            String shape = properties(table + "ThrottlesAlarm", ALARM).toString().replace(table, "<table>");
            assertTrue(shape.contains("MetricName=ReadThrottleEvents") && shape.contains("MetricName=WriteThrottleEvents")
                    && shape.contains("{Name=TableName, Value={Ref=<table>}}"), table + ": " + shape);
            return shape;
        }).collect(Collectors.toSet());
        assertEquals(1, shapes.size(), "every table's alarm has the same shape");
    }

    @Test
    void everyAlarmTellsTheAlarmTopicWhenItGoesOffAndWhenItClears() {
        Map<String, Map<String, Object>> alarms = resources(ALARM);
        assertTrue(alarms.size() >= TEMPLATE.functions().size() + TEMPLATE.tables().size() + 4, alarms.keySet().toString());
        alarms.forEach((id, alarm) -> {
            Map<String, Object> p = map(alarm.get("Properties"));
            assertEquals(List.of(ALARM_TOPIC), p.get("AlarmActions"), id);
            assertEquals(List.of(ALARM_TOPIC), p.get("OKActions"), id);
            assertEquals("notBreaching", p.get("TreatMissingData"), id + ": no data is no failure");
        });
        assertTrue(resources("AWS::SNS::Topic").containsKey("AlarmTopic"));
        Map<String, Object> subscription = resources("AWS::SNS::Subscription").get("AlarmEmailSubscription");
        assertEquals("HasAlarmEmail", subscription.get("Condition"), "mailed only when AlarmEmail is given");
        assertEquals(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "AlarmEmail"), "")))),
                TEMPLATE.section("Conditions").get("HasAlarmEmail"));
        assertEquals("", map(TEMPLATE.section("Parameters").get("AlarmEmail")).get("Default"), "optional");
    }

    @Test
    void theApisServerErrorsAndMailGivenUpAreAlarmed() {
        Map<String, Object> api = properties("ApiServerErrorsAlarm", ALARM);
        assertEquals("AWS/ApiGateway", api.get("Namespace"));
        assertEquals("5xx", api.get("MetricName"));
        assertEquals(List.of(Map.of("Name", "ApiId", "Value", Map.of("Ref", "CivicDeskApi"))), api.get("Dimensions"));

        // The metric the mail sender counts, in the namespace and under the service Powertools is given.
        Map<String, Object> dead = properties("MailsDeadAlarm", ALARM);
        Map<String, Object> environment = map(map(map(TEMPLATE.section("Globals").get("Function")).get("Environment")).get("Variables"));
        assertEquals(Metrics.Metric.MAILS_DEAD.metricName(), dead.get("MetricName"));
        assertEquals(environment.get("POWERTOOLS_METRICS_NAMESPACE"), dead.get("Namespace"));
        assertEquals(List.of(Map.of("Name", "Service", "Value", environment.get("POWERTOOLS_SERVICE_NAME"))), dead.get("Dimensions"));
    }

    @Test
    void noScheduleOrStreamEventIsDroppedSilently() {
        Set<String> queues = resources("AWS::SQS::Queue").keySet();
        int schedules = 0;
        int streams = 0;
        for (Map.Entry<String, Map<String, Object>> function : resources("AWS::Serverless::Function").entrySet()) {
            for (Map.Entry<String, Object> event : map(map(function.getValue().get("Properties")).get("Events")).entrySet()) {
                String where = function.getKey() + "." + event.getKey();
                Map<String, Object> e = map(event.getValue());
                Map<String, Object> p = map(e.get("Properties"));
                switch (String.valueOf(e.get("Type"))) {
                    case "ScheduleV2" -> {
                        schedules++;
                        assertTrue(queues.contains(getAttOf(map(p.get("DeadLetterConfig")).get("Arn"))), where + " has a dead-letter queue");
                        assertEquals(Map.of("Ref", "Schedules"), p.get("GroupName"), where + " is in the stack's schedule group");
                    }
                    case "DynamoDB" -> {
                        streams++;
                        Map<String, Object> onFailure = map(map(p.get("DestinationConfig")).get("OnFailure"));
                        assertEquals("SQS", onFailure.get("Type"), where);
                        assertTrue(queues.contains(getAttOf(onFailure.get("Destination"))), where + " has an on-failure queue");
                    }
                    case "Schedule" -> throw new AssertionError(where + ": use ScheduleV2 (a dead-letter queue, the stack's group)");
                    default -> {
                    }
                }
            }
        }
        assertTrue(schedules > 0 && streams > 0);
        // Something waiting in any of the queues is an alarm; so is a schedule that could not invoke its function.
        String undelivered = properties("UndeliveredEventsAlarm", ALARM).toString();
        queues.forEach(queue -> assertTrue(undelivered.contains("Fn::GetAtt=[" + queue + ", QueueName]"), queue));
        String schedulesFailed = properties("ScheduleFailuresAlarm", ALARM).toString();
        assertTrue(schedulesFailed.contains("Namespace=AWS/Scheduler") && schedulesFailed.contains("{Name=ScheduleGroup, Value={Ref=Schedules}}"),
                schedulesFailed);
    }

    @Test
    void xRayTracingIsAParameterEveryFunctionFollows() {
        Map<String, Object> parameter = map(TEMPLATE.section("Parameters").get("TracingEnabled"));
        assertEquals(List.of("true", "false"), parameter.get("AllowedValues"));
        assertEquals("false", parameter.get("Default"));
        assertEquals(Map.of("Fn::Equals", List.of(Map.of("Ref", "TracingEnabled"), "true")),
                TEMPLATE.section("Conditions").get("TracingOn"));
        assertEquals(Map.of("Fn::If", List.of("TracingOn", "Active", "PassThrough")),
                map(TEMPLATE.section("Globals").get("Function")).get("Tracing"));
        resources("AWS::Serverless::Function").forEach((id, function) ->
                assertFalse(map(function.get("Properties")).containsKey("Tracing"), id + " overrides Globals' Tracing"));
    }

    /** One value for every function, so the local stack (one JVM, one set of system properties) can run them all. */
    @Test
    void powertoolsIsConfiguredInGlobalsForEveryFunction() {
        Map<String, Object> environment = map(map(map(TEMPLATE.section("Globals").get("Function")).get("Environment")).get("Variables"));
        assertEquals(Map.of("Ref", "AWS::StackName"), environment.get("POWERTOOLS_SERVICE_NAME"));
        assertEquals("CivicDesk", environment.get("POWERTOOLS_METRICS_NAMESPACE"));
        assertEquals(Map.of("Ref", "LogLevel"), environment.get("POWERTOOLS_LOG_LEVEL"));
        assertFalse(((List<?>) map(TEMPLATE.section("Parameters").get("LogLevel")).get("AllowedValues")).contains("DEBUG"),
                "no DEBUG: libraries' debug lines may quote what they send");
        for (FunctionDefinition function : TEMPLATE.functions()) {
            assertTrue(function.environment().keySet().containsAll(environment.keySet()), function.logicalId());
            Map<String, Object> own = map(map(map(resources("AWS::Serverless::Function").get(function.logicalId())
                    .get("Properties")).get("Environment")).get("Variables"));
            assertTrue(own.keySet().stream().noneMatch(name -> name.startsWith("POWERTOOLS_")), function.logicalId()
                    + " sets Powertools' variables of its own");
        }
    }

    private static Map<String, Map<String, Object>> resources(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        TEMPLATE.section("Resources").forEach((id, resource) -> {
            if (type.equals(map(resource).get("Type"))) {
                found.put(id, map(resource));
            }
        });
        return found;
    }

    private static Map<String, Object> properties(String logicalId, String type) {
        Map<String, Object> resource = resources(type).get(logicalId);
        assertTrue(resource != null, "template.yaml has no " + type + " " + logicalId);
        return map(resource.get("Properties"));
    }

    /** The logical ID of {@code !GetAtt Id.Arn}. */
    private static String getAttOf(Object value) {
        List<?> getAtt = (List<?>) map(value).get("Fn::GetAtt");
        assertEquals("Arn", getAtt.get(1), String.valueOf(value));
        return String.valueOf(getAtt.get(0));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }
}
