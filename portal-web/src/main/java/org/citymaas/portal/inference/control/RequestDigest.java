package org.citymaas.portal.inference.control;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.inference.entity.DataType;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.security.audit.entity.AuditEvent;

/**
 * What makes two requests under one request id the same request: the model, the version asked for,
 * the outputs asked for and the masked input tensors, as lowercase hex SHA-256 of a canonical
 * form. Input and output order, JSON spacing and number spelling do not count; every value does.
 * Digesting the masked inputs (what the model runs on) rather than the audit summary, which holds
 * only the first row's text, means no two inputs the model would answer differently share a digest,
 * and no personal data the masking removed is kept in a guessable hash.
 */
public final class RequestDigest {

    /** Changes when the canonical form does, so digests of two forms never compare equal. */
    private static final String FORM = "citymaas-request/1";

    private static final String ANSWER_FORM = "citymaas-answer/1";

    /** An explanation of the same inputs is another request than their inference. */
    private static final String EXPLANATION_FORM = "citymaas-explanation/1";

    private RequestDigest() {}

    /**
     * @param model the model asked for
     * @param version the version asked for, null for the department's default
     * @param outputs the outputs asked for, empty for all
     * @param maskedInputs the inputs after masking, as the runtime gets them
     */
    public static String of(String model, String version, List<String> outputs, List<Tensor> maskedInputs) {
        return of(FORM, model, version, outputs, maskedInputs);
    }

    /** As {@link #of}, for an explanation of the request: never the digest of its inference. */
    public static String ofExplanation(String model, String version, List<String> outputs, List<Tensor> maskedInputs) {
        return of(EXPLANATION_FORM, model, version, outputs, maskedInputs);
    }

    private static String of(
            String form, String model, String version, List<String> outputs, List<Tensor> maskedInputs) {
        var bytes = new ByteArrayOutputStream(capacity(maskedInputs));
        try (var out = new DataOutputStream(bytes)) {
            text(out, form);
            text(out, model);
            out.writeBoolean(version != null);
            if (version != null) {
                text(out, version);
            }
            var names = outputs.stream().distinct().sorted().toList();
            out.writeInt(names.size());
            for (var name : names) {
                text(out, name);
            }
            var inputs = maskedInputs.stream()
                    .sorted(Comparator.comparing(Tensor::name))
                    .toList();
            out.writeInt(inputs.size());
            for (var tensor : inputs) {
                tensor(out, tensor);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return AuditEvent.digest(bytes.toByteArray());
    }

    /**
     * The digest of an answer, for the audit event's response digest: the version that answered, the
     * request id and the outputs given, in the same canonical form as requests, so that it is the same
     * whichever channel (the API, the model page, a batch line) carried the answer and in which format.
     */
    public static String ofAnswer(ModelRef model, String requestId, List<Tensor> outputs) {
        var bytes = new ByteArrayOutputStream(capacity(outputs));
        try (var out = new DataOutputStream(bytes)) {
            text(out, ANSWER_FORM);
            text(out, model.name());
            text(out, String.valueOf(model.version()));
            text(out, requestId);
            out.writeInt(outputs.size());
            for (var tensor : outputs) {
                tensor(out, tensor);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return AuditEvent.digest(bytes.toByteArray());
    }

    /** One tensor in the canonical form (name, type, shape, every value), the bytes an input's digest is of. */
    public static byte[] canonical(Tensor tensor) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            tensor(out, tensor);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static void tensor(DataOutputStream out, Tensor tensor) throws IOException {
        text(out, tensor.name());
        text(out, tensor.datatype().name());
        out.writeInt(tensor.shape().length);
        for (var dimension : tensor.shape()) {
            out.writeLong(dimension);
        }
        out.writeInt(tensor.size());
        switch (tensor.datatype()) {
            case FP32 -> {
                for (var value : tensor.floats()) {
                    // floatToIntBits, not the raw bits: NaNs that differ only in payload are one value
                    out.writeInt(Float.floatToIntBits(value));
                }
            }
            case INT64 -> {
                for (var value : tensor.longs()) {
                    out.writeLong(value);
                }
            }
            case BYTES -> {
                for (var value : tensor.strings()) {
                    out.writeBoolean(value != null);
                    if (value != null) {
                        text(out, value);
                    }
                }
            }
        }
    }

    /**
     * About the size of the canonical form, so that the buffer is allocated once (growing it copied the
     * bytes again and again: 6% of the governed path's CPU in the benchmark's profile).
     */
    private static int capacity(List<Tensor> tensors) {
        long bytes = 256;
        for (var tensor : tensors) {
            bytes += 64 + 8L * tensor.shape().length + (tensor.datatype() == DataType.BYTES ? 32L : 8L) * tensor.size();
        }
        return (int) Math.min(bytes, 1 << 24);
    }

    /** Length first, so that no two sequences of texts run together into the same bytes. */
    private static void text(DataOutputStream out, String text) throws IOException {
        var utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
