package org.citymaas.runtime.training.control;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.citymaas.runtime.catalog.entity.FairnessReport;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.Metric;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.RecordingLevel;
import org.citymaas.runtime.catalog.entity.RiskLevel;
import org.citymaas.runtime.catalog.entity.TrainingData;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.runtime.training.control.MlpSpec.Feature;
import org.citymaas.runtime.training.control.MlpSpec.FeatureKind;
import org.citymaas.runtime.training.control.MlpSpec.Head;
import org.citymaas.runtime.training.control.MlpSpec.HeadKind;

/**
 * Probability of type 2 diabetes from 8 clinical measurements (the Pima layout). Simulated adults:
 * age, weight and family history drive glucose, insulin and blood pressure; the outcome follows a
 * non-linear risk with a threshold on glucose.
 */
public final class HealthRiskRecipe implements ModelRecipe {

    public static final String NAME = "health-risk";
    static final long SEED = 20250520L;
    private static final int ROWS = 6000;
    private static final int TRAIN = 4800;
    private static final List<String> INPUTS = List.of(
            "pregnancies", "glucose", "blood_pressure", "skin_thickness", "insulin", "bmi", "diabetes_pedigree", "age");

    @Override
    public String name() {
        return NAME;
    }

    private static float clip(double v, double lo, double hi) {
        return (float) Math.max(lo, Math.min(hi, v));
    }

    @Override
    public Split generate() {
        var rnd = new Random(SEED);
        float[][] cols = new float[INPUTS.size()][ROWS];
        float[] outcome = new float[ROWS];
        for (int i = 0; i < ROWS; i++) {
            double age = 21 + Math.min(60, -Math.log(1 - rnd.nextDouble()) * 12);
            double pedigree = clip(Math.exp(-1.0 + 0.6 * rnd.nextGaussian()), 0.05, 2.5);
            double bmi = clip(27 + 6 * rnd.nextGaussian() + 0.05 * (age - 30), 16, 65);
            double pregnancies = Math.max(0, Math.round((age - 20) / 8 * rnd.nextDouble() * 3));
            double resistance = 0.04 * (bmi - 27) + 0.02 * (age - 35) + 0.5 * pedigree + 0.5 * rnd.nextGaussian();
            double glucose = clip(110 + 22 * resistance + 15 * rnd.nextGaussian(), 50, 250);
            double insulin = clip(Math.exp(4.6 + 0.35 * resistance + 0.4 * rnd.nextGaussian()), 15, 850);
            double bp = clip(70 + 0.25 * (age - 35) + 0.4 * (bmi - 27) + 9 * rnd.nextGaussian(), 40, 130);
            double skin = clip(20 + 0.8 * (bmi - 27) + 6 * rnd.nextGaussian(), 5, 70);
            double logit = -1.2
                    + 0.045 * (glucose - 120)
                    + 1.6 * Math.max(0, (glucose - 140) / 20)
                    + 0.07 * (bmi - 30)
                    + 0.025 * (age - 35)
                    + 0.9 * (pedigree - 0.4)
                    + 0.06 * pregnancies
                    + 0.004 * (insulin - 120);
            outcome[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1f : 0f;
            double[] v = {pregnancies, glucose, bp, skin, insulin, bmi, pedigree, age};
            for (int c = 0; c < v.length; c++) {
                cols[c][i] = (float) v[c];
            }
        }
        var b = new Table.Builder(ROWS);
        for (int c = 0; c < INPUTS.size(); c++) {
            b.fp32(INPUTS.get(c), 1, cols[c]);
        }
        groups(b, cols[0], cols[7]);
        Table all = b.fp32("target", 1, outcome).build();
        return Split.withGroups(all.slice(0, TRAIN), all.slice(TRAIN, ROWS));
    }

    static final List<String> AGE_BANDS = List.of("21-29", "30-39", "40-49", "50-64", "65+");

    /**
     * Age band from the age; sex: a person with pregnancies is female, the others are female or male (from
     * their own stream) so that half of all rows are female where the data allow it. In the Pima layout most
     * adults have pregnancies, so every row without one is male: 267 of the 1,200 held-out rows.
     */
    private static void groups(Table.Builder b, float[] pregnancies, float[] age) {
        var rnd = GroupAttributes.stream(SEED);
        int mothers = 0;
        for (float p : pregnancies) {
            mothers += p > 0 ? 1 : 0;
        }
        double femaleWithout = Math.max(0, (ROWS / 2.0 - mothers) / (ROWS - mothers));
        String[] sex = new String[ROWS];
        String[] band = new String[ROWS];
        for (int i = 0; i < ROWS; i++) {
            sex[i] = pregnancies[i] > 0 || rnd.nextDouble() < femaleWithout ? "female" : "male";
            band[i] = ageBand(age[i]);
        }
        b.text(GroupAttributes.column("age_band"), band).text(GroupAttributes.column("sex"), sex);
    }

    static String ageBand(double age) {
        return age < 30
                ? AGE_BANDS.get(0)
                : age < 40
                        ? AGE_BANDS.get(1)
                        : age < 50 ? AGE_BANDS.get(2) : age < 65 ? AGE_BANDS.get(3) : AGE_BANDS.get(4);
    }

    @Override
    public List<String> groupAttributes() {
        return List.of("age_band", "sex");
    }

    @Override
    public FairnessReport fairness(Table heldOut, Map<String, Tensor> predictions) {
        return FairnessEvaluation.binary(
                heldOut,
                predictions.get("diabetes_risk").floats(),
                heldOut.column("target").floats(),
                0.5,
                groupAttributes());
    }

    @Override
    public MlpSpec network() {
        return new MlpSpec(
                INPUTS.stream().map(n -> new Feature(n, FeatureKind.NUMERIC, 1)).toList(),
                null,
                new int[] {32, 16},
                List.of(new Head("diabetes_risk", HeadKind.SIGMOID, 1, "target")),
                2000,
                128,
                0.002f,
                SEED);
    }

    @Override
    public ModelCard card(List<Metric> metrics) {
        List<FieldSpec> inputs = List.of(
                Schema.fp32("pregnancies", 1, "count", 0, 25, "Number of pregnancies."),
                Schema.fp32("glucose", 1, "mg/dL", 0, 400, "Plasma glucose 2 h after an oral glucose tolerance test."),
                Schema.fp32("blood_pressure", 1, "mmHg", 0, 200, "Diastolic blood pressure."),
                Schema.fp32("skin_thickness", 1, "mm", 0, 100, "Triceps skin fold thickness."),
                Schema.fp32("insulin", 1, "uU/mL", 0, 1000, "2-hour serum insulin."),
                Schema.fp32("bmi", 1, "kg/m2", 10, 80, "Body mass index."),
                Schema.fp32("diabetes_pedigree", 1, "score", 0, 3, "Diabetes pedigree function (family history)."),
                Schema.fp32("age", 1, "years", 18, 120, "Age."));
        return new ModelCard(
                NAME,
                "1",
                "health",
                "binary-classification",
                "Type 2 diabetes risk",
                "Screening support in community health centres: flags adults whose measurements suggest a"
                        + " follow-up test; a clinician decides.",
                List.of(
                        "Trained on simulated measurements: validate on the city's own screening data before use.",
                        "Not a diagnosis; never the sole basis of a treatment or insurance decision.",
                        "Probabilities are calibrated to the simulated prevalence, not to a real population."),
                inputs,
                List.of(Schema.output("diabetes_risk", 1, "probability", "Probability of type 2 diabetes.", null)),
                metrics,
                new TrainingData(
                        "Simulated adults (Pima-style measurements): age, BMI and family history drive insulin"
                                + " resistance, glucose, insulin and blood pressure; the outcome follows a non-linear"
                                + " risk. Held out: a random 20%.",
                        getClass().getName(), SEED, 0, 0),
                RiskLevel.HIGH,
                null,
                RecordingLevel.REQUEST);
    }

    @Override
    public List<Metric> evaluate(Table heldOut, Map<String, Tensor> predictions) {
        float[] truth = heldOut.column("target").floats();
        float[] p = predictions.get("diabetes_risk").floats();
        long[] labels = new long[truth.length];
        float[] asClasses = new float[truth.length * 2];
        for (int i = 0; i < truth.length; i++) {
            labels[i] = truth[i] > 0.5f ? 1 : 0;
            asClasses[i * 2] = 1 - p[i];
            asClasses[i * 2 + 1] = p[i];
        }
        float[] trainTruth = generate().train().column("target").floats();
        long[] trainLabels = new long[trainTruth.length];
        for (int i = 0; i < trainTruth.length; i++) {
            trainLabels[i] = trainTruth[i] > 0.5f ? 1 : 0;
        }
        return List.of(
                new Metric("auc", Scores.round(Scores.auc(p, truth)), "constant score", 0.5, true, truth.length),
                new Metric(
                        "accuracy",
                        Scores.round(Scores.accuracy(asClasses, labels)),
                        "majority class",
                        Scores.round(Scores.majorityAccuracy(trainLabels, labels)),
                        true,
                        truth.length));
    }
}
