package org.citymaas.portal.batch.control;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.citymaas.portal.batch.entity.BatchLine;
import org.citymaas.portal.batch.entity.LineOutcome;
import org.citymaas.portal.exports.control.SpreadsheetCsv;
import org.citymaas.portal.inference.entity.ReadableOutput;
import org.citymaas.runtime.catalog.entity.FieldSpec;

/**
 * The results file of a batch: one line per input line, in the file's order: its line number, the
 * input columns masked as the model saw them (empty while the line waits to run: the raw input is
 * never written out; people join the results to their file by line number), the outputs (a
 * classifier's top label and its score, else the values), then {@code status} ({@code OK}, the
 * status number of a refusal ({@link LineOutcome#status()}), or {@code PENDING}) and {@code error}.
 * It is written by {@link SpreadsheetCsv}: a byte order mark, so that spreadsheet programs read the
 * Chinese text as UTF-8, and no cell a spreadsheet would run as a formula.
 */
public final class BatchResults {

    private BatchResults() {}

    public static String write(List<String> columns, List<FieldSpec> outputs, List<BatchLine> lines) {
        return write(columns, outputs, List.of(), lines);
    }

    /**
     * As {@link #write(List, List, List)}, with the attribution columns of an explained job after the
     * outputs ({@link BatchAttributions#columns}), empty for a line not answered.
     */
    public static String write(
            List<String> columns, List<FieldSpec> outputs, List<String> attributions, List<BatchLine> lines) {
        var header = new ArrayList<String>();
        header.add("line");
        header.addAll(columns);
        for (var output : outputs) {
            header.add(output.name());
            if (!output.labels().isEmpty()) {
                header.add(output.name() + "_score");
            }
        }
        header.addAll(attributions);
        header.add("status");
        header.add("error");
        var out = new StringBuilder();
        try (var csv = SpreadsheetCsv.forSpreadsheets(out)) {
            csv.row(header);
            for (var line : lines) {
                csv.row(record(line, columns, outputs, attributions));
            }
        }
        return out.toString();
    }

    private static List<String> record(
            BatchLine line, List<String> columns, List<FieldSpec> specs, List<String> attributions) {
        var values = new ArrayList<String>();
        values.add(String.valueOf(line.line()));
        columns.forEach(c -> values.add(line.done() ? line.cell(c).orElse("") : ""));
        var answered = line.outputs() == null ? List.<ReadableOutput>of() : line.outputs();
        for (var spec : specs) {
            var output =
                    answered.stream().filter(o -> o.name().equals(spec.name())).findFirst();
            if (!spec.labels().isEmpty()) {
                var classified = output.filter(ReadableOutput::classified);
                values.add(classified.map(ReadableOutput::topLabel).orElse(""));
                values.add(classified.map(o -> number(o.topScore())).orElse(""));
            } else {
                values.add(output.map(BatchResults::values).orElse(""));
            }
        }
        attributions.forEach(c -> values.add(BatchAttributions.cell(answered, c)));
        values.add(
                line.outcome() == null
                        ? "PENDING"
                        : line.outcome() == LineOutcome.DONE
                                ? "OK"
                                : String.valueOf(line.outcome().status()));
        values.add(line.errorMessage() == null ? "" : line.errorMessage());
        return values;
    }

    private static String values(ReadableOutput output) {
        if (output.values().size() == output.texts().size()) {
            return String.join(
                    " ", output.values().stream().map(BatchResults::number).toList());
        }
        return String.join(" ", output.texts());
    }

    /** A number as people write it: no exponent, no float noise past six decimals. */
    static String number(double value) {
        return new DecimalFormat("0.######", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }
}
