package org.citymaas.runtime.engine.control;

import ai.djl.tensorflow.engine.SavedModelBundle;
import ai.djl.tensorflow.engine.javacpp.JavacppUtils;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import org.citymaas.runtime.ModelRuntimeException;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.tensorflow.internal.c_api.TF_Operation;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;

/**
 * A SavedModel loaded the way DJL loads it (same tags, same session configuration, so the same thread settings),
 * with its {@code serving_default} signature resolved to graph operations once; its runners call the session
 * directly ({@link SessionRunner}), without DJL's NDArrays.
 */
final class SessionModel implements LoadedModel {

    /** A signature entry: its key (the tensor's name for callers) and the graph operation and output index. */
    record Endpoint(String name, TF_Operation operation, int index) {}

    private final SavedModelBundle bundle;
    private final Endpoint[] inputs;
    private final Endpoint[] outputs;

    private SessionModel(SavedModelBundle bundle, Endpoint[] inputs, Endpoint[] outputs) {
        this.bundle = bundle;
        this.inputs = inputs;
        this.outputs = outputs;
    }

    static SessionModel load(ModelVersion version) {
        SavedModelBundle bundle;
        try {
            bundle = JavacppUtils.loadSavedModelBundle(
                    version.savedModel().toString(), new String[] {"serve"}, JavacppUtils.getSessionConfig(), null);
        } catch (RuntimeException e) {
            throw new ModelRuntimeException("cannot load " + version.ref() + " from " + version.savedModel(), e);
        }
        try {
            SignatureDef signature =
                    bundle.getMetaGraphDef().getSignatureDefMap().get("serving_default");
            if (signature == null) {
                throw new ModelRuntimeException(
                        version.ref() + " has no serving_default signature in " + version.savedModel());
            }
            return new SessionModel(
                    bundle, endpoints(bundle, signature.getInputsMap()), endpoints(bundle, signature.getOutputsMap()));
        } catch (RuntimeException e) {
            bundle.close();
            throw e;
        }
    }

    /** The entries sorted by key, as DJL orders them. */
    private static Endpoint[] endpoints(SavedModelBundle bundle, Map<String, TensorInfo> map) {
        var endpoints = new ArrayList<Endpoint>();
        for (var e : new TreeMap<>(map).entrySet()) {
            Pair<TF_Operation, Integer> op = JavacppUtils.getGraphOperationByName(
                    bundle.getGraph(), e.getValue().getName());
            endpoints.add(new Endpoint(e.getKey(), op.getKey(), op.getValue()));
        }
        return endpoints.toArray(Endpoint[]::new);
    }

    @Override
    public BatchRunner newRunner() {
        return new SessionRunner(bundle.getSession(), inputs, outputs);
    }

    @Override
    public void close() {
        bundle.close();
    }
}
