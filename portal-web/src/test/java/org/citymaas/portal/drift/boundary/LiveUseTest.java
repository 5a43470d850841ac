package org.citymaas.portal.drift.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.citymaas.portal.drift.entity.CountKey;
import org.citymaas.runtime.catalog.control.ModelCardCodec;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.Test;

class LiveUseTest {

    private static final ModelCard TRAFFIC = ModelCardCodec.read(
            Path.of("../model-runtime/src/main/resources/catalog/traffic-flow-forecast/1/model-card.json"));
    private static final ModelRef RAN = ModelRef.of("traffic-flow-forecast", "1");
    private static final TenantId TRANSPORT = new TenantId("transport");

    /** The database, as a list of what each flush added; it refuses while {@code down}. */
    static final class Written extends PredictionCounts {
        final List<Map<CountKey, long[]>> flushes = new ArrayList<>();
        boolean down;

        @Override
        public void add(Map<CountKey, long[]> counts) {
            if (down) {
                throw new IllegalStateException("database down");
            }
            flushes.add(new HashMap<>(counts));
        }
    }

    private static LiveUse live(Written written) {
        var live = new LiveUse();
        live.stored = written;
        return live;
    }

    private static Tensor vehicles(float... values) {
        return Tensor.fp32("vehicles_next_hour", new long[] {values.length, 1}, values);
    }

    @Test
    void eachRowIsCountedInItsBinOfTheCardsReference() {
        var written = new Written();
        var live = live(written);

        live.count(TRANSPORT, RAN, TRAFFIC, List.of(vehicles(10f, 50f, 2000f, 3000f)));
        live.count(TRANSPORT, RAN, TRAFFIC, List.of(vehicles(2500f)));

        assertThat(live.flush()).isEqualTo(1);
        var counts = written.flushes.get(0).values().iterator().next();
        assertThat(counts).containsExactly(1, 1, 0, 0, 0, 0, 0, 0, 0, 3);
        var key = written.flushes.get(0).keySet().iterator().next();
        assertThat(key.department()).isEqualTo("transport");
        assertThat(key.version()).isEqualTo("1");
        assertThat(live.flush()).as("nothing new").isZero();
    }

    @Test
    void aVersionWithoutAReferenceIsCountedInOneBin() {
        var written = new Written();
        var live = live(written);
        var uploaded = new ModelCard(
                TRAFFIC.name(),
                "7",
                TRAFFIC.department(),
                TRAFFIC.task(),
                TRAFFIC.title(),
                TRAFFIC.intendedUse(),
                TRAFFIC.limitations(),
                TRAFFIC.inputs(),
                TRAFFIC.outputs(),
                TRAFFIC.metrics(),
                TRAFFIC.trainingData(),
                TRAFFIC.riskLevel(),
                null,
                null);

        live.count(TRANSPORT, ModelRef.of("traffic-flow-forecast", "7"), uploaded, List.of(vehicles(1f, 2f, 3f)));
        live.flush();

        assertThat(written.flushes.get(0).values().iterator().next()).containsExactly(3);
    }

    @Test
    void anAnswerWithoutTheReferencesOutputOrADepartmentIsNotCounted() {
        var written = new Written();
        var live = live(written);

        live.count(TRANSPORT, RAN, TRAFFIC, List.of(Tensor.fp32("other", new long[] {1, 1}, 5f)));
        live.count(null, RAN, TRAFFIC, List.of(vehicles(5f)));

        assertThat(live.flush()).isZero();
        assertThat(written.flushes).isEmpty();
    }

    @Test
    void countsAFlushCouldNotWriteAreWrittenByTheNext() {
        var written = new Written();
        var live = live(written);
        live.count(TRANSPORT, RAN, TRAFFIC, List.of(vehicles(10f)));
        written.down = true;

        assertThatThrownBy(live::flush).hasMessageContaining("database down");
        live.count(TRANSPORT, RAN, TRAFFIC, List.of(vehicles(10f)));
        written.down = false;

        assertThat(live.flush()).isEqualTo(1);
        assertThat(written.flushes.get(0).values().iterator().next()[0]).isEqualTo(2);
    }
}
