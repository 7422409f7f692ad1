package io.civicdesk.testing;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class whose outcome could hang on the day it runs: due dates, business days, holidays, closures, today's
 * figures. Besides the suite's own run, {@code ./civicdesk test} runs these again at fixed days that have broken
 * date code before (Christmas Eve, New Year's Eve at 23:59 in Perth, 29 February, the night Sydney's daylight
 * saving starts, a WA public holiday, a Saturday night): see the {@code dates} profile in infrastructure/pom.xml.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("dates")
public @interface DependsOnTheDate {
}
