package org.citymaas.runtime.training.control;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.citymaas.runtime.catalog.entity.FairnessReport;
import org.citymaas.runtime.catalog.entity.Metric;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.RiskLevel;
import org.citymaas.runtime.catalog.entity.Sensitivity;
import org.citymaas.runtime.catalog.entity.TrainingData;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.runtime.training.control.MlpSpec.Feature;
import org.citymaas.runtime.training.control.MlpSpec.FeatureKind;
import org.citymaas.runtime.training.control.MlpSpec.Head;
import org.citymaas.runtime.training.control.MlpSpec.HeadKind;

/**
 * A student's final exam score from the term's record. Students have a latent ability and motivation
 * that drive attendance, homework, study time and the earlier scores; chronic absence costs extra.
 */
public final class EducationScoreRecipe implements ModelRecipe {

    public static final String NAME = "education-score-predict";
    static final long SEED = 20250902L;
    private static final int ROWS = 8000;
    private static final int TRAIN = 6400;
    private static final List<String> INPUTS = List.of(
            "attendance_rate", "homework_completion", "previous_term_score", "midterm_score", "weekly_study_hours");

    @Override
    public String name() {
        return NAME;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static float clip(double v, double lo, double hi) {
        return (float) Math.max(lo, Math.min(hi, v));
    }

    @Override
    public Split generate() {
        var rnd = new Random(SEED);
        String[] ids = new String[ROWS];
        float[][] cols = new float[INPUTS.size()][ROWS];
        float[] finalScore = new float[ROWS];
        for (int i = 0; i < ROWS; i++) {
            double ability = rnd.nextGaussian();
            double motivation = rnd.nextGaussian();
            double attendance = clip(sigmoid(1.8 + 0.9 * motivation + 0.5 * rnd.nextGaussian()), 0, 1);
            double homework = clip(sigmoid(1.0 + 1.1 * motivation + 0.3 * ability + 0.6 * rnd.nextGaussian()), 0, 1);
            double study = clip(8 + 4 * motivation + 2.5 * rnd.nextGaussian(), 0, 40);
            double previous = clip(70 + 10 * ability + 3 * motivation + 6 * rnd.nextGaussian(), 0, 100);
            double midterm = clip(70 + 11 * ability + 4 * motivation + 6 * rnd.nextGaussian(), 0, 100);
            double score = 8
                    + 0.38 * midterm
                    + 0.22 * previous
                    + 16 * attendance
                    + 10 * homework
                    + 2.2 * Math.sqrt(study)
                    - (attendance < 0.75 ? 30 * (0.75 - attendance) : 0)
                    + 4.5 * rnd.nextGaussian();
            ids[i] = String.format("S2025%06d", 100000 + rnd.nextInt(900000));
            cols[0][i] = (float) attendance;
            cols[1][i] = (float) homework;
            cols[2][i] = (float) previous;
            cols[3][i] = (float) midterm;
            cols[4][i] = (float) study;
            finalScore[i] = clip(score, 0, 100);
        }
        var b = new Table.Builder(ROWS).text("student_id", ids);
        for (int c = 0; c < INPUTS.size(); c++) {
            b.fp32(INPUTS.get(c), 1, cols[c]);
        }
        groups(b, cols[2]);
        Table all = b.fp32("target", 1, finalScore).build();
        return Split.withGroups(all.slice(0, TRAIN), all.slice(TRAIN, ROWS));
    }

    static final List<String> DISTRICTS = List.of("Chengdong", "Chengxi", "Chengnan", "Chengbei", "Gaoxin");

    /**
     * District and school type, from their own stream: students with a better previous term are somewhat more
     * often in the two better-off districts (Chengdong, Gaoxin); key schools take more of the students with
     * high previous scores (more so in those districts), vocational schools more of those with low ones.
     */
    private static void groups(Table.Builder b, float[] previous) {
        var rnd = GroupAttributes.stream(SEED);
        String[] district = new String[ROWS];
        String[] school = new String[ROWS];
        for (int i = 0; i < ROWS; i++) {
            double z = (previous[i] - 70) / 10;
            double affluent = Math.exp(0.4 * z);
            int d = GroupAttributes.pick(rnd, affluent, 1, 1, 1, affluent);
            district[i] = DISTRICTS.get(d);
            double keyShare = sigmoid((previous[i] - 80) / 5) * (d == 0 || d == 4 ? 1.3 : 0.8);
            double vocational = 0.6 * sigmoid((62 - previous[i]) / 5);
            int s = GroupAttributes.pick(rnd, keyShare, Math.max(0.05, 1 - keyShare - vocational), vocational);
            school[i] = List.of("key", "ordinary", "vocational").get(s);
        }
        b.text(GroupAttributes.column("district"), district).text(GroupAttributes.column("school_type"), school);
    }

    @Override
    public List<String> groupAttributes() {
        return List.of("district", "school_type");
    }

    @Override
    public FairnessReport fairness(Table heldOut, Map<String, Tensor> predictions) {
        return FairnessEvaluation.regression(
                heldOut,
                predictions.get("final_score").floats(),
                heldOut.column("target").floats(),
                1,
                groupAttributes(),
                false);
    }

    @Override
    public MlpSpec network() {
        return new MlpSpec(
                INPUTS.stream().map(n -> new Feature(n, FeatureKind.NUMERIC, 1)).toList(),
                null,
                new int[] {32, 16},
                List.of(new Head("final_score", HeadKind.REGRESSION, 1, "target")),
                2500,
                128,
                0.003f,
                SEED);
    }

    @Override
    public ModelCard card(List<Metric> metrics) {
        return new ModelCard(
                NAME,
                "1",
                "education",
                "regression",
                "Final score prediction",
                "Early warning for teachers and counsellors: which students may need support before the final"
                        + " exam, reviewed by a person.",
                List.of(
                        "Trained on simulated records: validate on the district's own records before use.",
                        "Must not be used to grade, rank, admit or sanction a student.",
                        "The student id is accepted for traceability and dropped before the model."),
                List.of(
                        Schema.text("student_id", 32, Sensitivity.DROP, "The student's id; never reaches the model."),
                        Schema.fp32("attendance_rate", 1, "ratio", 0, 1, "Share of lessons attended this term."),
                        Schema.fp32("homework_completion", 1, "ratio", 0, 1, "Share of homework handed in."),
                        Schema.fp32("previous_term_score", 1, "points", 0, 100, "Final score of the previous term."),
                        Schema.fp32("midterm_score", 1, "points", 0, 100, "Midterm exam score this term."),
                        Schema.fp32(
                                "weekly_study_hours", 1, "h/week", 0, 80, "Self-reported study time outside class.")),
                List.of(Schema.output("final_score", 1, "points", "Expected final exam score (0-100).", null)),
                metrics,
                new TrainingData(
                        "Simulated records of 8,000 students: latent ability and motivation drive attendance,"
                                + " homework, study time and earlier scores; chronic absence costs extra; exam"
                                + " noise. Held out: a random 20%.",
                        getClass().getName(), SEED, 0, 0),
                RiskLevel.HIGH,
                null,
                null);
    }

    @Override
    public List<Metric> evaluate(Table heldOut, Map<String, Tensor> predictions) {
        float[] truth = heldOut.column("target").floats();
        float[] trainMean = new float[truth.length];
        java.util.Arrays.fill(trainMean, (float) meanOfTraining());
        return List.of(new Metric(
                "mae_points",
                Scores.round(Scores.mae(predictions.get("final_score").floats(), truth)),
                "mean predictor (training mean)",
                Scores.round(Scores.mae(trainMean, truth)),
                false,
                truth.length));
    }

    private double meanOfTraining() {
        float[] t = generate().train().column("target").floats();
        double sum = 0;
        for (float v : t) {
            sum += v;
        }
        return sum / t.length;
    }
}
