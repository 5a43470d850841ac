package org.citymaas.runtime.training.control;

import static org.citymaas.runtime.training.control.CityCalendar.bump;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.citymaas.runtime.catalog.entity.FairnessReport;
import org.citymaas.runtime.catalog.entity.Metric;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.RiskLevel;
import org.citymaas.runtime.catalog.entity.TrainingData;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.runtime.training.control.MlpSpec.Feature;
import org.citymaas.runtime.training.control.MlpSpec.FeatureKind;
import org.citymaas.runtime.training.control.MlpSpec.Head;
import org.citymaas.runtime.training.control.MlpSpec.HeadKind;

/**
 * Next-hour vehicle count of a road segment. Loop-detector-like hourly counts of 10 segments over the
 * first half of 2025: weekday double rush hours, weekend and holiday afternoons, the Spring Festival
 * exodus, rain, incidents and counting noise. The last 31 days are held out.
 */
public final class TrafficFlowRecipe implements ModelRecipe {

    public static final String NAME = "traffic-flow-forecast";
    static final long SEED = 20250101L;
    private static final int SEGMENTS = 10;
    private static final int HELD_OUT_FROM_DAY = 150;

    private final String version;
    private final long trainingSeed;

    /** Version 1, as shipped. */
    public TrafficFlowRecipe() {
        this("1", SEED);
    }

    /**
     * Another version on the same simulated data, the network trained from another seed (initial weights and
     * minibatch order).
     */
    public TrafficFlowRecipe(String version, long trainingSeed) {
        this.version = version;
        this.trainingSeed = trainingSeed;
    }

    @Override
    public String name() {
        return NAME;
    }

    static double profile(double hour, boolean weekday) {
        return weekday
                ? 0.05 + 0.95 * bump(hour, 8, 1.2) + 0.85 * bump(hour, 18, 1.5) + 0.45 * bump(hour, 13, 3.5)
                : 0.05 + 0.65 * bump(hour, 14.5, 3.5) + 0.2 * bump(hour, 20, 1.8);
    }

    @Override
    public Split generate() {
        var rnd = new Random(SEED);
        int hours = CityCalendar.DAYS * 24;
        int rowsPerSegment = hours - 24;
        int rows = SEGMENTS * rowsPerSegment;
        float[] recent = new float[rows * 24];
        long[] hourOfDay = new long[rows];
        long[] dayOfWeek = new long[rows];
        long[] holiday = new long[rows];
        float[] rain = new float[rows];
        float[] next = new float[rows];
        int[] day = new int[rows];
        int row = 0;
        double[] peaks = new double[SEGMENTS];
        for (int s = 0; s < SEGMENTS; s++) {
            double peak = 400 + rnd.nextDouble() * 1400;
            peaks[s] = peak;
            double commuter = 0.6 + 0.4 * rnd.nextDouble();
            float[] counts = new float[hours];
            float[] mm = new float[hours];
            boolean raining = false;
            int incident = 0;
            for (int t = 0; t < hours; t++) {
                int d = t / 24;
                int h = t % 24;
                raining = raining ? rnd.nextDouble() > 0.15 : rnd.nextDouble() < 0.02;
                mm[t] = raining ? (float) (-Math.log(1 - rnd.nextDouble()) * 2.5) : 0f;
                boolean workday = CityCalendar.dayOfWeek(d) < 5 && !CityCalendar.holiday(d);
                double level = workday
                        ? commuter * profile(h, true) + (1 - commuter) * profile(h, false)
                        : profile(h, false) * (CityCalendar.holiday(d) ? 0.85 : 1.0);
                if (CityCalendar.springFestival(d)) {
                    level *= 0.55;
                }
                level *= 1 - Math.min(0.35, 0.03 * mm[t]) - (raining ? 0.06 : 0);
                if (incident > 0) {
                    incident--;
                    level *= 0.5;
                } else if (rnd.nextDouble() < 0.002) {
                    incident = 1 + rnd.nextInt(3);
                }
                double mean = peak * level * (1 + 0.0005 * d);
                double noisy = mean * Math.exp(rnd.nextGaussian() * 0.06) + rnd.nextGaussian() * Math.sqrt(mean);
                counts[t] = (float) Math.max(0, Math.round(noisy));
            }
            for (int t = 24; t < hours; t++, row++) {
                System.arraycopy(counts, t - 24, recent, row * 24, 24);
                int d = t / 24;
                hourOfDay[row] = t % 24;
                dayOfWeek[row] = CityCalendar.dayOfWeek(d);
                holiday[row] = CityCalendar.holiday(d) ? 1 : 0;
                rain[row] = mm[t - 1];
                next[row] = counts[t];
                day[row] = d;
            }
        }
        var all = new Table.Builder(rows)
                .fp32("recent_counts", 24, recent)
                .int64("hour_of_day", hourOfDay)
                .int64("day_of_week", dayOfWeek)
                .int64("is_holiday", holiday)
                .fp32("precipitation_mm", 1, rain)
                .fp32("target", 1, next)
                .text(GroupAttributes.column("district"), districts(peaks, rowsPerSegment))
                .build();
        return Split.withGroups(
                all.select(java.util.stream.IntStream.range(0, rows)
                        .filter(i -> day[i] < HELD_OUT_FROM_DAY)
                        .toArray()),
                all.select(java.util.stream.IntStream.range(0, rows)
                        .filter(i -> day[i] >= HELD_OUT_FROM_DAY)
                        .toArray()));
    }

    static final List<String> DISTRICTS = List.of("Centre", "East", "West", "North");

    /**
     * The district of each segment's rows, from its own stream: busier segments lie more often in the centre.
     */
    private static String[] districts(double[] peaks, int rowsPerSegment) {
        var rnd = GroupAttributes.stream(SEED);
        String[] district = new String[peaks.length * rowsPerSegment];
        for (int s = 0; s < peaks.length; s++) {
            double busy = (peaks[s] - 400) / 1400;
            String d = DISTRICTS.get(GroupAttributes.pick(rnd, 0.5 + 2 * busy, 1, 1, 1));
            java.util.Arrays.fill(district, s * rowsPerSegment, (s + 1) * rowsPerSegment, d);
        }
        return district;
    }

    @Override
    public List<String> groupAttributes() {
        return List.of("district");
    }

    @Override
    public FairnessReport fairness(Table heldOut, Map<String, Tensor> predictions) {
        return FairnessEvaluation.regression(
                heldOut,
                predictions.get("vehicles_next_hour").floats(),
                heldOut.column("target").floats(),
                1,
                groupAttributes(),
                true);
    }

    @Override
    public MlpSpec network() {
        return new MlpSpec(
                List.of(
                        new Feature("recent_counts", FeatureKind.NUMERIC, 24),
                        new Feature("hour_of_day", FeatureKind.ONE_HOT, 24),
                        new Feature("day_of_week", FeatureKind.ONE_HOT, 7),
                        new Feature("is_holiday", FeatureKind.ONE_HOT, 2),
                        new Feature("precipitation_mm", FeatureKind.NUMERIC, 1)),
                "recent_counts",
                new int[] {128, 64},
                List.of(new Head("vehicles_next_hour", HeadKind.REGRESSION, 1, "target")),
                3000,
                256,
                0.002f,
                trainingSeed);
    }

    @Override
    public ModelCard card(List<Metric> metrics) {
        return new ModelCard(
                NAME,
                version,
                "transport",
                "regression",
                "Road segment traffic flow, next hour",
                "Short-term planning of signal timing, traffic police deployment and public information"
                        + " boards for a road segment with a working loop detector.",
                List.of(
                        "Trained on simulated counts: recalibrate on the city's own detector data before operational use.",
                        "Forecasts one hour ahead only; accidents and road works are not announced to it.",
                        "Not for enforcement or for decisions about individual drivers."),
                List.of(
                        Schema.fp32(
                                "recent_counts",
                                24,
                                "vehicles/h",
                                0,
                                20000,
                                "Hourly vehicle counts of the last 24 hours, oldest first, the last one just ended."),
                        Schema.int64("hour_of_day", "h", 0, 23, "Hour of day (Asia/Shanghai) the forecast is for."),
                        Schema.int64("day_of_week", null, 0, 6, "Day of week of the forecast hour, 0 = Monday."),
                        Schema.int64("is_holiday", null, 0, 1, "1 when the forecast day is a public holiday."),
                        Schema.fp32("precipitation_mm", 1, "mm/h", 0, 300, "Precipitation in the hour just ended.")),
                List.of(Schema.output(
                        "vehicles_next_hour", 1, "vehicles/h", "Expected vehicle count in the coming hour.", null)),
                metrics,
                new TrainingData(
                        "Simulated loop-detector counts of 10 road segments, hourly, 2025-01-01 to 2025-06-30: weekday"
                                + " rush hours, weekends, public holidays and the Spring Festival, rain, incidents,"
                                + " counting noise. Held out: the last 31 days (time split)."
                                + (trainingSeed == SEED ? "" : " Network trained from seed " + trainingSeed + "."),
                        getClass().getName(),
                        SEED,
                        0,
                        0),
                RiskLevel.LOW,
                null,
                null);
    }

    @Override
    public List<Metric> evaluate(Table heldOut, Map<String, Tensor> predictions) {
        float[] truth = heldOut.column("target").floats();
        float[] recent = heldOut.column("recent_counts").floats();
        float[] persistence = new float[truth.length];
        for (int i = 0; i < truth.length; i++) {
            persistence[i] = recent[i * 24 + 23];
        }
        return List.of(new Metric(
                "mae_vehicles_per_hour",
                Scores.round(Scores.mae(predictions.get("vehicles_next_hour").floats(), truth)),
                "persistence (last hour's count)",
                Scores.round(Scores.mae(persistence, truth)),
                false,
                truth.length));
    }
}
