package org.citymaas.runtime.catalog.entity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param translations the text for people in other languages than English, by language ({@code zh})
 * @param fairness per-group metrics on the held-out rows and their checks, or {@code null} (a card without one cannot be approved for publishing)
 * @param predictionReference its predictions' distribution on the held-out set (drift's reference), or {@code null} (an uploaded version without one: no drift judgement)
 * @param explanation how its predictions are explained, or {@code null}: not explained
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
        RecordingLevel recording,
        Map<String, CardText> translations,
        FairnessReport fairness,
        PredictionReference predictionReference,
        ExplanationSpec explanation) {

    /** The language of the card's own text fields. */
    public static final String ENGLISH = "en";

    public ModelCard {
        recording = recording == null ? RecordingLevel.METADATA : recording;
        limitations = limitations == null ? List.of() : List.copyOf(limitations);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        translations = translations == null ? Map.of() : Map.copyOf(translations);
    }

    /** A card with English text only and none of the assessed sections. */
    public ModelCard(
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
        this(
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
                trainingData,
                riskLevel,
                textFeatures,
                recording,
                Map.of());
    }

    /** A card with translations and none of the assessed sections (fairness, predictionReference, explanation). */
    public ModelCard(
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
            RecordingLevel recording,
            Map<String, CardText> translations) {
        this(
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
                trainingData,
                riskLevel,
                textFeatures,
                recording,
                translations,
                null,
                null,
                null);
    }

    public ModelCard withTrainingData(TrainingData data) {
        return copy(data, translations, fairness, predictionReference, explanation);
    }

    public ModelCard withTranslations(Map<String, CardText> texts) {
        return copy(trainingData, texts, fairness, predictionReference, explanation);
    }

    public ModelCard withFairness(FairnessReport section) {
        return copy(trainingData, translations, section, predictionReference, explanation);
    }

    public ModelCard withPredictionReference(PredictionReference section) {
        return copy(trainingData, translations, fairness, section, explanation);
    }

    public ModelCard withExplanation(ExplanationSpec section) {
        return copy(trainingData, translations, fairness, predictionReference, section);
    }

    /** This card with the sections a {@code with…} method may replace (each of its own type) as given. */
    private ModelCard copy(
            TrainingData newTrainingData,
            Map<String, CardText> newTranslations,
            FairnessReport newFairness,
            PredictionReference newPredictionReference,
            ExplanationSpec newExplanation) {
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
                newTrainingData,
                riskLevel,
                textFeatures,
                recording,
                newTranslations,
                newFairness,
                newPredictionReference,
                newExplanation);
    }

    /**
     * The text for people in a language ({@code zh}, {@code en}, or a locale's language): the translation
     * where the card has one, English for every part it lacks (a card with English only reads in English
     * in every language; a limitation list is taken whole, from the translation only when it has as many
     * entries as the English one).
     */
    public CardText text(String language) {
        var english = english();
        var t = translations.get(language);
        if (t == null || ENGLISH.equals(language)) {
            return english;
        }
        return t.over(english);
    }

    /** Whether the card has every part of its text in a language. */
    public boolean translated(String language) {
        var t = translations.get(language);
        var english = english();
        return t != null && t.covers(english) && (trainingData == null || !CardText.blank(t.trainingData()));
    }

    private CardText english() {
        var in = new LinkedHashMap<String, String>();
        inputs.forEach(f -> in.put(f.name(), f.description() == null ? "" : f.description()));
        var out = new LinkedHashMap<String, String>();
        outputs.forEach(f -> out.put(f.name(), f.description() == null ? "" : f.description()));
        var base = new LinkedHashMap<String, String>();
        metrics.forEach(m -> base.put(m.name(), m.baseline() == null ? "" : m.baseline()));
        return new CardText(
                title,
                intendedUse,
                limitations,
                in,
                out,
                base,
                trainingData == null ? null : trainingData.description());
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

    /** The reference drift is judged against, when the card has a usable one. */
    public Optional<PredictionReference> driftReference() {
        return Optional.ofNullable(predictionReference).filter(PredictionReference::usable);
    }

    /** How its predictions are explained; empty: they are not. */
    public Optional<ExplanationSpec> optionalExplanation() {
        return Optional.ofNullable(explanation);
    }
}
