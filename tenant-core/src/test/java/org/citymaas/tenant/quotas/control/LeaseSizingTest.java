package org.citymaas.tenant.quotas.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.citymaas.tenant.quotas.entity.LeaseBlock;
import org.citymaas.tenant.quotas.entity.QuotaLimit;
import org.junit.jupiter.api.Test;

class LeaseSizingTest {

    private static final LeaseBlock CONFIGURED = new LeaseBlock(1_000, 100_000);

    @Test
    void farFromTheLimitTheConfiguredBlockIsLeased() {
        var block = LeaseSizing.block(
                Optional.of(new QuotaLimit(1_000_000, 100_000_000)),
                new LeaseBlock(10, 10),
                new LeaseBlock(2_000, 200_000),
                CONFIGURED,
                1);

        assertThat(block).isEqualTo(CONFIGURED);
    }

    @Test
    void nearTheLimitABlockIsAQuarterOfWhatIsNeitherUsedNorLeased() {
        var block = LeaseSizing.block(
                Optional.of(new QuotaLimit(500, 1_000_000)),
                new LeaseBlock(300, 300),
                new LeaseBlock(100, 100),
                CONFIGURED,
                1);

        assertThat(block).isEqualTo(new LeaseBlock(25, 100_000));
    }

    @Test
    void withLessThanFourRequestsUnleasedNothingIsLeasedAndTheRequestIsReservedExactly() {
        var limit = Optional.of(new QuotaLimit(500, 1_000_000));

        assertThat(LeaseSizing.block(limit, new LeaseBlock(490, 0), new LeaseBlock(7, 0), CONFIGURED, 1))
                .isEqualTo(LeaseBlock.NONE);
        assertThat(LeaseSizing.block(limit, new LeaseBlock(490, 0), new LeaseBlock(6, 0), CONFIGURED, 1))
                .isEqualTo(new LeaseBlock(1, 100_000));
    }

    @Test
    void aBlockThatCannotHoldTheRequestsRowsIsNotLeased() {
        var limit = Optional.of(new QuotaLimit(500, 1_000));

        assertThat(LeaseSizing.block(limit, LeaseBlock.NONE, LeaseBlock.NONE, CONFIGURED, 251))
                .isEqualTo(LeaseBlock.NONE);
        assertThat(LeaseSizing.block(limit, LeaseBlock.NONE, LeaseBlock.NONE, CONFIGURED, 250))
                .isEqualTo(new LeaseBlock(125, 250));
        assertThat(LeaseSizing.block(Optional.empty(), LeaseBlock.NONE, LeaseBlock.NONE, CONFIGURED, 100_001))
                .isEqualTo(LeaseBlock.NONE);
    }

    @Test
    void anUnlimitedModelLeasesTheConfiguredBlock() {
        assertThat(LeaseSizing.block(
                        Optional.empty(), new LeaseBlock(1L << 40, 1L << 40), LeaseBlock.NONE, CONFIGURED, 64))
                .isEqualTo(CONFIGURED);
    }

    @Test
    void aLimitLoweredBelowWhatIsUsedLeavesNothingFree() {
        var free = LeaseSizing.free(new QuotaLimit(10, 10), new LeaseBlock(20, 5), new LeaseBlock(0, 3));

        assertThat(free).isEqualTo(new LeaseBlock(0, 2));
    }
}
