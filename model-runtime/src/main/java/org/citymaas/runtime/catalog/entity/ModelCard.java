package org.citymaas.runtime.catalog.entity;

import java.util.List;
import java.util.Optional;

/**
 * A model version's card: what it is for, who owns it, its schema, how well it does and on what data.
 *
 * @param name catalog name
 * @param version version
 * @param department owning department (tenant slug)
 * @param task e.g. {@code regression}, {@code binary-classification}, {@code text-classification}
 * @param title a short human name
 * @param intendedUse what it may be used for
 * @param limitations what it must not be used for, where it is weak
 * @param inputs input schema
 * @param outputs output schema
 * @param metrics held-out metrics with their baselines
 * @param trainingData the data it learned from
 * @param riskLevel harm a wrong answer can do
 * @param textFeatures text featurization before the model, or {@code null}
 * @param recording what the audit log keeps of a request to this version ({@code metadata} when absent)
 */
public record ModelCard(
        String name,
        String version,
        String department,
        String task,
        String title,
        String intendedUse,
        List<String> limitations,
        List<FieldSpec> inputs,
        List<FieldSpec> outputs,
        List<Metric> metrics,
        TrainingData trainingData,
        RiskLevel riskLevel,
        TextFeatures textFeatures,
        RecordingLevel recording) {

    public ModelCard {
        recording = recording == null ? RecordingLevel.METADATA : recording;
        limitations = limitations == null ? List.of() : List.copyOf(limitations);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }

    public ModelCard withTrainingData(TrainingData data) {
        return new ModelCard(
                name,
                version,
                department,
                task,
                title,
                intendedUse,
                limitations,
                inputs,
                outputs,
                metrics,
                data,
                riskLevel,
                textFeatures,
                recording);
    }

    public ModelRef ref() {
        return ModelRef.of(name, version);
    }

    public Optional<FieldSpec> input(String field) {
        return inputs.stream().filter(f -> f.name().equals(field)).findFirst();
    }

    public Optional<TextFeatures> optionalTextFeatures() {
        return Optional.ofNullable(textFeatures);
    }
}
