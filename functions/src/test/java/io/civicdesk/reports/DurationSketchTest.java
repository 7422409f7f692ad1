package io.civicdesk.reports;

import io.civicdesk.figures.DurationSketch;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DurationSketchTest {

    /** The exact nearest-rank quantile, to check the sketch against. */
    private static double exact(double[] sorted, double q) {
        return sorted[(int) Math.max(0, Math.ceil(q * sorted.length) - 1)];
    }

    @Test
    void percentilesAreWithinTheStatedRelativeErrorOfTheExactFigures() {
        Random random = new Random(42);
        double[] minutes = new double[50_000];
        DurationSketch sketch = new DurationSketch();
        for (int i = 0; i < minutes.length; i++) {
            // Long-tailed, like resolution times: most within a day of business time, a few taking weeks.
            minutes[i] = Math.exp(random.nextGaussian() * 1.5 + 6);
            sketch.add(minutes[i]);
        }
        Arrays.sort(minutes);
        for (double q : new double[]{0.01, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1.0}) {
            double truth = exact(minutes, q);
            double estimate = sketch.quantile(q);
            assertTrue(Math.abs(estimate - truth) <= DurationSketch.RELATIVE_ERROR * truth + 1e-9,
                    "q=" + q + " estimate " + estimate + " vs " + truth);
        }
    }

    @Test
    void mergingDaysGivesTheSameSketchAsRecordingThemTogether() {
        Random random = new Random(7);
        DurationSketch whole = new DurationSketch();
        DurationSketch quarter = new DurationSketch();
        for (int day = 0; day < 90; day++) {
            DurationSketch daily = new DurationSketch();
            for (int i = 0; i < 40; i++) {
                double value = random.nextInt(3) == 0 ? 0 : random.nextDouble() * 5000;
                daily.add(value);
                whole.add(value);
            }
            quarter.merge(new DurationSketch(daily.buckets(), daily.zeros()));
        }
        assertEquals(whole.count(), quarter.count());
        assertEquals(whole.buckets(), quarter.buckets());
        assertEquals(whole.quantile(0.9), quarter.quantile(0.9));
    }

    @Test
    void sameMinuteAnswersAndAnEmptySketchAreHandled() {
        DurationSketch sketch = new DurationSketch();
        assertTrue(Double.isNaN(sketch.quantile(0.5)));
        sketch.add(0);
        sketch.add(0);
        sketch.add(100);
        assertEquals(0, sketch.quantile(0.5));
        assertEquals(100, sketch.quantile(1.0), 1.0);
    }
}
