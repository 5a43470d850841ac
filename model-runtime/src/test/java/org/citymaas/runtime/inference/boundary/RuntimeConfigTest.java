package org.citymaas.runtime.inference.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.citymaas.runtime.engine.control.TensorFlowEngine.DevicePreference;
import org.citymaas.runtime.inference.entity.ShareKey;
import org.junit.jupiter.api.Test;

class RuntimeConfigTest {

    private static final RuntimeConfig BASE = new RuntimeConfig(
            DevicePreference.CPU,
            2,
            8,
            Map.of("a", 4),
            Duration.ofMillis(3),
            10,
            Duration.ofSeconds(5),
            1024,
            Map.of(ShareKey.of("health"), 2.0),
            1.5,
            Duration.ofSeconds(7));

    /** A with-method's result that, with the same component set back, is the original changed nothing else. */
    @Test
    void eachWithMethodChangesOnlyWhatItNames() {
        assertThat(BASE.withDevice(DevicePreference.GPU).device()).isEqualTo(DevicePreference.GPU);
        assertThat(BASE.withDevice(DevicePreference.GPU).withDevice(DevicePreference.CPU))
                .isEqualTo(BASE);
        assertThat(BASE.withWorkers(5).workers()).isEqualTo(5);
        assertThat(BASE.withWorkers(5).withWorkers(2)).isEqualTo(BASE);
        var batching = BASE.withBatching(16, Duration.ZERO);
        assertThat(batching.maxBatchRows()).isEqualTo(16);
        assertThat(batching.maxBatchDelay()).isZero();
        assertThat(batching.withBatching(8, Duration.ofMillis(3))).isEqualTo(BASE);
        assertThat(BASE.withQueueCapacity(3).queueCapacity()).isEqualTo(3);
        assertThat(BASE.withQueueCapacity(3).withQueueCapacity(10)).isEqualTo(BASE);
        assertThat(BASE.withDefaultTimeout(Duration.ofSeconds(1)).defaultTimeout())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(BASE.withDefaultTimeout(Duration.ofSeconds(1)).withDefaultTimeout(Duration.ofSeconds(5)))
                .isEqualTo(BASE);
        assertThat(BASE.withMemoryBudget(99).memoryBudgetBytes()).isEqualTo(99);
        assertThat(BASE.withMemoryBudget(99).withMemoryBudget(1024)).isEqualTo(BASE);
        assertThat(BASE.withTenantWeights(Map.of()).tenantWeights()).isEmpty();
        assertThat(BASE.withTenantWeights(Map.of()).withTenantWeights(BASE.tenantWeights()))
                .isEqualTo(BASE);
        assertThat(BASE.withShutdownGrace(Duration.ZERO).shutdownGrace()).isZero();
        assertThat(BASE.withShutdownGrace(Duration.ZERO).withShutdownGrace(Duration.ofSeconds(7)))
                .isEqualTo(BASE);
    }

    @Test
    void maxBatchRowsOfOneModelAddsToTheOthersAndLeavesTheOriginalAlone() {
        var config = BASE.withMaxBatchRows("b", 2);

        assertThat(config.maxBatchRowsByModel()).isEqualTo(Map.of("a", 4, "b", 2));
        assertThat(config.maxBatchRows("b")).isEqualTo(2);
        assertThat(config.maxBatchRows("c")).isEqualTo(8);
        assertThat(BASE.maxBatchRowsByModel()).isEqualTo(Map.of("a", 4));
        assertThat(config.withMaxBatchRows("b", 4).maxBatchRowsByModel()).isEqualTo(Map.of("a", 4, "b", 4));
    }

    @Test
    void aChangedConfigurationIsCheckedAgain() {
        assertThatThrownBy(() -> BASE.withWorkers(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BASE.withBatching(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BASE.withQueueCapacity(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BASE.withMaxBatchRows("b", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBatchRows of b");
        assertThatThrownBy(() -> BASE.withTenantWeights(Map.of(ShareKey.of("health"), 0.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weight of");
        assertThatThrownBy(() -> BASE.withTenantWeights(null)).isInstanceOf(NullPointerException.class);
    }
}
