package org.citymaas.billing.documents.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.citymaas.billing.pricing.entity.ChargeModel;
import org.citymaas.billing.pricing.entity.Unit;
import org.citymaas.billing.statements.entity.StatementStatus;

/** How values read on a statement: CNY with the yuan sign, thousands separators, Chinese first with English. */
final class Labels {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC+8'");

    private Labels() {}

    /** An amount in CNY to the fen: {@code ¥12,345.60}, a credit {@code -¥3.20}. */
    static String money(BigDecimal amount) {
        var text = format("#,##0.00", amount.abs().setScale(2, RoundingMode.HALF_UP));
        return (amount.signum() < 0 ? "-¥" : "¥") + text;
    }

    /** A unit price as exact as it was set (up to 9 decimals, at least 2): {@code ¥0.0035}. */
    static String price(BigDecimal price) {
        return (price.signum() < 0 ? "-¥" : "¥") + format("#,##0.00#######", price.abs());
    }

    /** A quantity without trailing zeros: {@code 1,234,567.5}. */
    static String quantity(BigDecimal quantity) {
        return format("#,##0.#########", quantity);
    }

    private static String format(String pattern, BigDecimal value) {
        var format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    /** The month as {@code 2026年3月 2026-03}. */
    static String period(YearMonth month) {
        return "%d年%d月  %s".formatted(month.getYear(), month.getMonthValue(), month);
    }

    /** The instant in Asia/Shanghai: {@code 2026-04-01 09:30 UTC+8}. */
    static String time(Instant instant) {
        return TIME.format(instant.atZone(SHANGHAI));
    }

    /** The status, Chinese first, saying plainly whether the amounts are final. */
    static String status(StatementStatus status) {
        return switch (status) {
            case OPEN -> "本月预估（月份未结束，金额会变化）  ESTIMATE: month to date, amounts will change";
            case DRAFT -> "草稿（未出具，金额可能变化）  DRAFT: not issued, amounts may change";
            case ISSUED -> "已出具  ISSUED: final";
            case VOID -> "已作废  VOID: withdrawn, not payable";
        };
    }

    /** The stamp shown at the top of a statement that is not a final, payable one; null for an issued one. */
    static String stamp(StatementStatus status) {
        return switch (status) {
            case OPEN -> "预估 ESTIMATE";
            case DRAFT -> "草稿 DRAFT";
            case ISSUED -> null;
            case VOID -> "作废 VOID";
        };
    }

    /** The unit, Chinese then English, on two lines. */
    static String[] unit(Unit unit) {
        return switch (unit) {
            case REQUEST -> new String[] {"次请求", "request"};
            case ROW -> new String[] {"输入行", "input row"};
            case CPU_SECOND -> new String[] {"CPU 秒", "CPU second"};
            case GPU_SECOND -> new String[] {"GPU 秒", "GPU second"};
            case EXPLANATION -> new String[] {"解释行", "explained row"};
        };
    }

    /** How the unit is priced, Chinese then English. */
    static String chargeModel(ChargeModel model) {
        return switch (model) {
            case PER_UNIT -> "单一价 Per unit";
            case GRADUATED -> "累进阶梯 Graduated";
            case VOLUME -> "总量阶梯 Volume";
            case PACKAGE -> "按包 Package";
        };
    }
}
