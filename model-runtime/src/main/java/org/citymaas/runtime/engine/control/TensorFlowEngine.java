package org.citymaas.runtime.engine.control;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.List;
import org.citymaas.runtime.ModelRuntimeException;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.inference.entity.Tensor;

/**
 * DJL's TensorFlow engine. It runs on the GPU when DJL finds a CUDA device (and the GPU native library
 * is on the classpath, see the {@code gpu} Maven profile), else on the CPU. Models are loaded by DJL and run
 * through TensorFlow's session ({@link #load}), or through a DJL {@code Predictor} ({@link #loadPredictor}).
 */
public final class TensorFlowEngine implements InferenceEngine {

    /** Which device to use. */
    public enum DevicePreference {
        /** The GPU when DJL finds one, else the CPU. */
        AUTO,
        CPU,
        GPU
    }

    private final Device device;

    public TensorFlowEngine(DevicePreference preference) {
        Engine engine = Engine.getEngine("TensorFlow");
        boolean gpu = engine.getGpuCount() > 0;
        this.device = switch (preference) {
            case CPU -> Device.cpu();
            case AUTO -> gpu ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (!gpu) {
                    throw new ModelRuntimeException("no CUDA GPU found by the TensorFlow engine");
                }
                yield Device.gpu();
            }
        };
    }

    /** The TensorFlow version the engine runs, e.g. {@code 2.16.1}. */
    public static String version() {
        return Engine.getEngine("TensorFlow").getVersion();
    }

    @Override
    public String device() {
        return device.toString();
    }

    /**
     * The version's SavedModel with runners that call the TensorFlow session directly ({@link SessionRunner}):
     * what the runtime's workers use.
     */
    @Override
    public LoadedModel load(ModelVersion version) {
        return SessionModel.load(version);
    }

    /**
     * The same SavedModel through DJL's {@code Predictor} and {@link TensorTranslator}, the call the runtime used
     * before {@link SessionRunner}: kept as the reference its outputs are checked against and for the benchmark's
     * comparison row.
     */
    public LoadedModel loadPredictor(ModelVersion version) {
        Criteria<List<Tensor>, List<Tensor>> criteria = Criteria.builder()
                .setTypes(TensorTranslator.INPUT, TensorTranslator.OUTPUT)
                .optModelPath(version.savedModel())
                .optEngine("TensorFlow")
                .optDevice(device)
                .optTranslator(new TensorTranslator())
                .build();
        try {
            ZooModel<List<Tensor>, List<Tensor>> model = criteria.loadModel();
            return new DjlModel(model);
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new ModelRuntimeException("cannot load " + version.ref() + " from " + version.savedModel(), e);
        }
    }

    private record DjlModel(ZooModel<List<Tensor>, List<Tensor>> model) implements LoadedModel {

        @Override
        public BatchRunner newRunner() {
            return new DjlRunner(model.newPredictor());
        }

        @Override
        public void close() {
            model.close();
        }
    }

    private record DjlRunner(Predictor<List<Tensor>, List<Tensor>> predictor) implements BatchRunner {

        @Override
        public List<Tensor> run(List<Tensor> inputs) {
            try {
                return predictor.predict(inputs);
            } catch (TranslateException e) {
                throw new ModelRuntimeException("inference failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            predictor.close();
        }
    }
}
