package org.citymaas.portal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClosedLoopTest {

    @Test
    void theModelRowsOfTheMeasuredAnswersAreSummedWhenEachAnswerSaysThem() throws Exception {
        var cell = ClosedLoop.run("explain", 2, 1, 0.05, 0.2, () -> new ClosedLoop.Call() {
            @Override
            public int send() throws Exception {
                Thread.sleep(2);
                return 200;
            }

            @Override
            public long rowsRun() {
                return 32;
            }
        });

        assertThat(cell.ok()).isPositive();
        assertThat(cell.modelRowsRun()).isEqualTo(32 * cell.ok());
        assertThat(cell.modelRowsPerCall()).isEqualTo(32.0);
    }

    @Test
    void answersThatDoNotSayLeaveTheModelRowsToTheRequestRows() throws Exception {
        var cell = ClosedLoop.run("infer", 2, 64, 0.05, 0.2, () -> () -> {
            Thread.sleep(2);
            return 200;
        });

        assertThat(cell.modelRowsRun()).isEqualTo(-1);
        assertThat(cell.modelRowsPerSecond()).isEqualTo(cell.rowsPerSecond());
        assertThat(cell.modelRowsPerCall()).isCloseTo(64.0, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void refusalsAreCountedNotSummed() throws Exception {
        var cell = ClosedLoop.run("explain", 1, 1, 0.05, 0.2, () -> new ClosedLoop.Call() {
            @Override
            public int send() throws Exception {
                Thread.sleep(2);
                return 429;
            }

            @Override
            public long rowsRun() {
                return 32;
            }
        });

        assertThat(cell.ok()).isZero();
        assertThat(cell.refused()).containsKey(429);
        assertThat(cell.modelRowsRun()).isZero();
    }
}
