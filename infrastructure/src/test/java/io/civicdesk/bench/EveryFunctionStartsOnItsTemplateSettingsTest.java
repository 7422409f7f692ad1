package io.civicdesk.bench;

import io.civicdesk.local.LocalStack;
import io.civicdesk.local.template.SamTemplate;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/**
 * The local stack runs every handler in one JVM, where a setting given to one function is seen by all; Lambda gives
 * each only the variables the template lists. So each function is started here as Lambda would start it — a fresh JVM
 * with only its template variables — and invoked once on its first route or schedule. A handler that needs a setting
 * the template does not give it fails here by the setting's name, not at a deployed cold start.
 */
class EveryFunctionStartsOnItsTemplateSettingsTest {

    @Test
    void everyFunctionStartsAndAnswersWithOnlyTheSettingsTheTemplateGivesIt() {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        SamTemplate template = SamTemplate.read(LocalStack.findProjectRoot().resolve("template.yaml"));
        // Throws, naming the function and its output, when one fails to start or answers 5xx.
        assertDoesNotThrow(() -> ColdStarts.measure(TestStack.get(), template, classpath, 0, 1));
    }
}
