package org.citymaas.runtime.training.control;

import static org.citymaas.runtime.training.control.CityCalendar.bump;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
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
 * PM2.5 of the next 6 hours at a monitoring station. The simulated city has heating-season and rush-hour
 * emissions, calm-wind stagnation, northerly winds that clean the air, southerly transport, rain
 * washout and humidity; 6 stations, hourly, first half of 2025. The last 31 days are held out.
 */
public final class AirQualityRecipe implements ModelRecipe {

    public static final String NAME = "air-quality-forecast";
    static final long SEED = 20250315L;
    static final int HORIZON = 6;
    private static final int STATIONS = 6;
    private static final int HELD_OUT_FROM_DAY = 150;
    private static final List<String> WEATHER = List.of(
            "temperature_c", "relative_humidity_pct", "wind_speed_ms", "wind_direction_deg", "precipitation_mm");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Split generate() {
        var rnd = new Random(SEED);
        int hours = CityCalendar.DAYS * 24;
        float[][] weather = new float[WEATHER.size()][hours];
        double windAr = 0;
        double dir = 200;
        double tempAr = 0;
        boolean raining = false;
        for (int t = 0; t < hours; t++) {
            int d = t / 24;
            int h = t % 24;
            windAr = 0.94 * windAr + 0.25 * rnd.nextGaussian();
            dir = (dir + 12 * rnd.nextGaussian() + 360) % 360;
            tempAr = 0.97 * tempAr + 0.4 * rnd.nextGaussian();
            raining = raining ? rnd.nextDouble() > 0.18 : rnd.nextDouble() < 0.015 + 0.01 * d / CityCalendar.DAYS;
            double temp = -2 + 28.0 * d / CityCalendar.DAYS + 5 * Math.sin((h - 9) * Math.PI / 12) + tempAr;
            double rain = raining ? -Math.log(1 - rnd.nextDouble()) * 2 : 0;
            weather[0][t] = (float) temp;
            weather[1][t] = (float)
                    Math.max(8, Math.min(100, 55 - 0.8 * (temp - 12) + (raining ? 30 : 0) + 6 * rnd.nextGaussian()));
            weather[2][t] = (float) Math.min(25, Math.exp(Math.log(2.6) + windAr + 0.25 * bump(h, 15, 3)));
            weather[3][t] = (float) dir;
            weather[4][t] = (float) rain;
        }
        int rowsPerStation = hours - 24 - HORIZON;
        int rows = STATIONS * rowsPerStation;
        float[] last24 = new float[rows * 24];
        float[][] w = new float[WEATHER.size()][rows];
        long[] hourOfDay = new long[rows];
        float[] target = new float[rows * HORIZON];
        int[] day = new int[rows];
        int row = 0;
        double[] locals = new double[STATIONS];
        for (int s = 0; s < STATIONS; s++) {
            double local = 0.75 + 0.5 * rnd.nextDouble();
            locals[s] = local;
            float[] pm = new float[hours];
            double level = 40;
            for (int t = 0; t < hours; t++) {
                int d = t / 24;
                int h = t % 24;
                double wind = weather[2][t];
                double rad = Math.toRadians(weather[3][t]);
                boolean heating = d < 75;
                double emission = local
                        * (20
                                + (heating ? 40 : 0)
                                + 45 * bump(h, 8, 1.5)
                                + 55 * bump(h, 19, 2)
                                + (heating ? 25 * bump(h, 22, 3) : 0));
                double stagnation = 2.6 / (wind + 0.6);
                double transport = Math.max(0, -Math.cos(rad)) * 35 * Math.min(wind, 6) / 6;
                double cleaning = Math.max(0, Math.cos(rad)) * Math.min(wind, 8) * 0.04;
                double humid = 1 + Math.max(0, weather[1][t] - 70) * 0.01;
                double equilibrium = emission * stagnation * humid + transport;
                double k = 0.12 + 0.03 * Math.min(wind, 8) + cleaning;
                level += k * (equilibrium - level) - 0.12 * level * Math.min(weather[4][t], 5) / 5;
                level = Math.max(3, level * Math.exp(0.03 * rnd.nextGaussian()));
                pm[t] = (float) Math.max(1, level + 3 * rnd.nextGaussian());
            }
            for (int t = 23; t < hours - HORIZON - 1; t++, row++) {
                System.arraycopy(pm, t - 23, last24, row * 24, 24);
                for (int c = 0; c < WEATHER.size(); c++) {
                    w[c][row] = weather[c][t];
                }
                hourOfDay[row] = t % 24;
                System.arraycopy(pm, t + 1, target, row * HORIZON, HORIZON);
                day[row] = t / 24;
            }
        }
        var b = new Table.Builder(rows).fp32("pm25_last_24h", 24, last24);
        for (int c = 0; c < WEATHER.size(); c++) {
            b.fp32(WEATHER.get(c), 1, w[c]);
        }
        Table all = b.int64("hour_of_day", hourOfDay)
                .fp32("target", HORIZON, target)
                .text(GroupAttributes.column("district"), districts(locals, rowsPerStation))
                .build();
        return Split.withGroups(
                all.select(IntStream.range(0, rows)
                        .filter(i -> day[i] < HELD_OUT_FROM_DAY)
                        .toArray()),
                all.select(IntStream.range(0, rows)
                        .filter(i -> day[i] >= HELD_OUT_FROM_DAY)
                        .toArray()));
    }

    static final List<String> DISTRICTS = List.of("Centre", "Industrial-East", "Suburb-West");

    /**
     * The district of each station's rows, from its own stream: stations with more local emission lie more
     * often in the industrial east, those with less in the western suburb.
     */
    private static String[] districts(double[] locals, int rowsPerStation) {
        var rnd = GroupAttributes.stream(SEED);
        String[] district = new String[locals.length * rowsPerStation];
        for (int s = 0; s < locals.length; s++) {
            double emission = (locals[s] - 0.75) / 0.5;
            String d = DISTRICTS.get(GroupAttributes.pick(rnd, 1, 0.5 + 1.5 * emission, 2 - 1.5 * emission));
            java.util.Arrays.fill(district, s * rowsPerStation, (s + 1) * rowsPerStation, d);
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
                predictions.get("pm25_next_6h").floats(),
                heldOut.column("target").floats(),
                HORIZON,
                groupAttributes(),
                true);
    }

    @Override
    public MlpSpec network() {
        var features = new java.util.ArrayList<Feature>();
        features.add(new Feature("pm25_last_24h", FeatureKind.NUMERIC, 24));
        WEATHER.forEach(n -> features.add(new Feature(n, FeatureKind.NUMERIC, 1)));
        features.add(new Feature("hour_of_day", FeatureKind.ONE_HOT, 24));
        return new MlpSpec(
                features,
                "pm25_last_24h",
                new int[] {64, 32},
                List.of(new Head("pm25_next_6h", HeadKind.REGRESSION, HORIZON, "target")),
                3000,
                256,
                0.002f,
                SEED);
    }

    @Override
    public ModelCard card(List<Metric> metrics) {
        return new ModelCard(
                NAME,
                "1",
                "environment",
                "regression",
                "PM2.5 forecast, next 6 hours",
                "Public air-quality information and early warning at a monitoring station, next to the"
                        + " official forecast.",
                List.of(
                        "Trained on simulated readings: recalibrate on the station network's own data before use.",
                        "Uses current weather only, no weather forecast: fronts arriving within 6 hours are missed.",
                        "Not a substitute for the official pollution alert procedure."),
                List.of(
                        Schema.fp32(
                                "pm25_last_24h",
                                24,
                                "ug/m3",
                                0,
                                1500,
                                "Hourly PM2.5 of the last 24 hours, oldest first."),
                        Schema.fp32("temperature_c", 1, "degC", -50, 55, "Air temperature now."),
                        Schema.fp32("relative_humidity_pct", 1, "%", 0, 100, "Relative humidity now."),
                        Schema.fp32("wind_speed_ms", 1, "m/s", 0, 75, "Wind speed now."),
                        Schema.fp32(
                                "wind_direction_deg", 1, "deg", 0, 360, "Direction the wind blows from, 0 = north."),
                        Schema.fp32("precipitation_mm", 1, "mm/h", 0, 300, "Precipitation in the hour just ended."),
                        Schema.int64("hour_of_day", "h", 0, 23, "Hour of day (Asia/Shanghai) of the last reading.")),
                List.of(Schema.output(
                        "pm25_next_6h", HORIZON, "ug/m3", "Expected hourly PM2.5 for each of the next 6 hours.", null)),
                metrics,
                new TrainingData(
                        "Simulated hourly readings of 6 stations, 2025-01-01 to 2025-06-30: heating season and rush-hour"
                                + " emissions, stagnation in calm wind, northerly cleaning, southerly transport, rain"
                                + " washout, humidity, sensor noise. Held out: the last 31 days (time split).",
                        getClass().getName(),
                        SEED,
                        0,
                        0),
                RiskLevel.MEDIUM,
                null,
                null);
    }

    @Override
    public List<Metric> evaluate(Table heldOut, Map<String, Tensor> predictions) {
        float[] truth = heldOut.column("target").floats();
        float[] last = heldOut.column("pm25_last_24h").floats();
        float[] persistence = new float[truth.length];
        for (int i = 0; i < truth.length; i++) {
            persistence[i] = last[(i / HORIZON) * 24 + 23];
        }
        return List.of(new Metric(
                "mae_ug_m3_6h",
                Scores.round(Scores.mae(predictions.get("pm25_next_6h").floats(), truth)),
                "persistence (last reading for all 6 hours)",
                Scores.round(Scores.mae(persistence, truth)),
                false,
                heldOut.rows()));
    }
}
