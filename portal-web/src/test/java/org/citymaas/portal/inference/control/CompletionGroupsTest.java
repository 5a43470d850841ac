package org.citymaas.portal.inference.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CompletionGroupsTest {

    @Test
    void concurrentCallersShareTransactionsAndEachGetsItsOwnAnswerAfterItsGroupWasWritten() throws Exception {
        var written = Collections.synchronizedList(new ArrayList<Integer>());
        var transactions = new AtomicInteger();
        var groups = new CompletionGroups<Integer, String>(
                64,
                items -> {
                    transactions.incrementAndGet();
                    sleep(5);
                    written.addAll(items);
                    return items.stream().map(i -> "done-" + i).toList();
                },
                item -> {
                    throw new AssertionError("no group failed");
                });
        var pool = Executors.newFixedThreadPool(32);
        var answers = new ArrayList<Future<String>>();
        for (int i = 0; i < 320; i++) {
            var item = i;
            answers.add(pool.submit(() -> {
                var answer = groups.write(item);
                assertThat(written)
                        .as("answered only after its group was written")
                        .contains(item);
                return answer;
            }));
        }
        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i).get(30, TimeUnit.SECONDS)).isEqualTo("done-" + i);
        }
        pool.shutdown();

        assertThat(written).hasSize(320).doesNotHaveDuplicates();
        assertThat(transactions.get()).as("fewer transactions than callers").isLessThan(320);
    }

    @Test
    void whenAGroupFailsEveryItemOfItIsWrittenAloneOnItsCallersThreadAndOnlyTheBadOneFails() throws Exception {
        var alone = Collections.synchronizedList(new ArrayList<Integer>());
        var release = new CountDownLatch(1);
        var groups = new CompletionGroups<Integer, String>(
                64,
                items -> {
                    await(release);
                    if (items.contains(13)) {
                        throw new IllegalStateException("group rolled back");
                    }
                    return items.stream().map(i -> "group-" + i).toList();
                },
                item -> {
                    if (item == 13) {
                        throw new IllegalArgumentException("item 13 is bad");
                    }
                    alone.add(item);
                    return "alone-" + item;
                });
        var pool = Executors.newFixedThreadPool(8);
        var first = pool.submit(() -> groups.write(0)); // leads and waits in the group function
        sleep(100);
        var queued = new ArrayList<Future<String>>();
        for (int i = 10; i < 16; i++) {
            var item = i;
            queued.add(pool.submit(() -> groups.write(item)));
        }
        sleep(200);
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("group-0");
        for (int i = 0; i < queued.size(); i++) {
            var item = 10 + i;
            var answer = queued.get(i);
            if (item == 13) {
                assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("item 13 is bad");
            } else {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("alone-" + item);
            }
        }
        pool.shutdown();
        assertThat(alone).containsExactlyInAnyOrder(10, 11, 12, 14, 15);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
