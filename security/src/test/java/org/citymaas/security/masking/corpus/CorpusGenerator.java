package org.citymaas.security.masking.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.citymaas.security.masking.entity.Finding;
import org.citymaas.security.masking.entity.PiiType;

/**
 * Complaint-style sentences with PII of every type in realistic settings, look-alikes (order and
 * ticket numbers, timestamps, amounts, numbers with a wrong check digit, digits inside longer runs)
 * mixed in, and exact labels. The same seed always gives the same corpus.
 */
public final class CorpusGenerator {

    private final PiiValues values;
    private final List<LabelledCase> cases = new ArrayList<>();
    private StringBuilder text;
    private List<Finding> labels;

    public CorpusGenerator(long seed) {
        this.values = new PiiValues(seed);
    }

    public List<LabelledCase> generate(int perType) {
        for (int i = 0; i < perType; i++) {
            idCard();
            mobile();
            landline();
            email();
            bankCard();
            plate();
            uscc();
            passport();
            ip();
            name();
            lookAlikes();
        }
        return List.copyOf(cases);
    }

    private void idCard() {
        start();
        switch (values.random().nextInt(4)) {
            case 0 -> say("我的身份证号是").pii(PiiType.CN_ID_CARD, values::idCard).say("，办理居住证时系统提示信息有误。");
            case 1 ->
                say("申请人身份证号码：")
                        .pii(PiiType.CN_ID_CARD, values::idCard)
                        .say("，工单号")
                        .lookAlike()
                        .say("。");
            case 2 ->
                say("老人持旧版身份证")
                        .pii(PiiType.CN_ID_CARD, values::legacyIdCard)
                        .say("无法在窗口办理社保，")
                        .say(amount());
            default ->
                say("来电称身份证")
                        .pii(PiiType.CN_ID_CARD, values::idCard)
                        .say("被冒用注册公司，于")
                        .say(timestamp())
                        .say("发现。");
        }
        finish("generated:CN_ID_CARD");
    }

    private void mobile() {
        start();
        switch (values.random().nextInt(4)) {
            case 0 -> say("市民来电反映，其手机号").pii(PiiType.CN_MOBILE, values::mobile).say("近日频繁收到骚扰短信，请尽快处理。");
            case 1 ->
                say("回访电话：")
                        .pii(PiiType.CN_MOBILE, values::mobile)
                        .say("，订单号")
                        .lookAlike()
                        .say("。");
            case 2 ->
                say("请联系 ")
                        .pii(PiiType.CN_MOBILE, values::mobile)
                        .say(" 核实，共")
                        .say(count())
                        .say("。");
            default ->
                say("Call me at ")
                        .pii(PiiType.CN_MOBILE, values::mobile)
                        .say(" after 6pm, ticket ")
                        .lookAlike()
                        .say(".");
        }
        finish("generated:CN_MOBILE");
    }

    private void landline() {
        start();
        switch (values.random().nextInt(3)) {
            case 0 -> say("单位座机").pii(PiiType.CN_LANDLINE, values::landline).say("无人接听，投诉多次未果。");
            case 1 ->
                say("请拨打")
                        .pii(PiiType.CN_LANDLINE, values::landline)
                        .say("联系物业，费用")
                        .say(amount())
                        .say("。");
            default ->
                say("办公电话：")
                        .pii(PiiType.CN_LANDLINE, values::landline)
                        .say("；时间")
                        .say(timestamp());
        }
        finish("generated:CN_LANDLINE");
    }

    private void email() {
        start();
        switch (values.random().nextInt(3)) {
            case 0 -> say("请将处理结果发送至邮箱").pii(PiiType.EMAIL, values::email).say("，谢谢。");
            case 1 -> say("联系邮箱: ").pii(PiiType.EMAIL, values::email).say(" 工单").lookAlike();
            default ->
                say("回复到")
                        .pii(PiiType.EMAIL, values::email)
                        .say("即可，已等待")
                        .say(count())
                        .say("。");
        }
        finish("generated:EMAIL");
    }

    private void bankCard() {
        start();
        switch (values.random().nextInt(3)) {
            case 0 ->
                say("退款请打到我的银行卡")
                        .pii(PiiType.BANK_CARD, values::bankCard)
                        .say("，金额")
                        .say(amount());
            case 1 ->
                say("卡号 ")
                        .pii(PiiType.BANK_CARD, values::bankCard)
                        .say(" 被盗刷")
                        .say(count())
                        .say("。");
            default ->
                say("补贴发放账户：")
                        .pii(PiiType.BANK_CARD, values::bankCard)
                        .say("，流水号")
                        .lookAlike()
                        .say("。");
        }
        finish("generated:BANK_CARD");
    }

    private void plate() {
        start();
        switch (values.random().nextInt(3)) {
            case 0 -> say("车牌号为").pii(PiiType.CN_PLATE, values::plate).say("的车辆长期占用消防通道。");
            case 1 ->
                say("一辆")
                        .pii(PiiType.CN_PLATE, values::plate)
                        .say("于")
                        .say(timestamp())
                        .say("闯红灯。");
            default ->
                say("举报").pii(PiiType.CN_PLATE, values::plate).say("违章停车，罚款").say(amount());
        }
        finish("generated:CN_PLATE");
    }

    private void uscc() {
        start();
        switch (values.random().nextInt(2)) {
            case 0 ->
                say("涉事企业统一社会信用代码")
                        .pii(PiiType.CN_USCC, values::uscc)
                        .say("，拖欠工资")
                        .say(amount());
            default ->
                say("商户信用代码：")
                        .pii(PiiType.CN_USCC, values::uscc)
                        .say("，订单")
                        .lookAlike()
                        .say("。");
        }
        finish("generated:CN_USCC");
    }

    private void passport() {
        start();
        switch (values.random().nextInt(2)) {
            case 0 ->
                say("外籍家属护照号")
                        .pii(PiiType.PASSPORT, values::passport)
                        .say("，签证于")
                        .say(timestamp())
                        .say("到期。");
            default -> say("护照 ").pii(PiiType.PASSPORT, values::passport).say(" 在机场遗失，航班G1234次。");
        }
        finish("generated:PASSPORT");
    }

    private void ip() {
        start();
        switch (values.random().nextInt(2)) {
            case 0 ->
                say("登录日志显示来自")
                        .pii(PiiType.IP_ADDRESS, values::ip)
                        .say("的异常访问，共")
                        .say(count())
                        .say("。");
            default -> say("客户端IP:").pii(PiiType.IP_ADDRESS, values::ip).say("，版本v2.3.10.1");
        }
        finish("generated:IP_ADDRESS");
    }

    private void name() {
        start();
        switch (values.random().nextInt(10)) {
            case 0 -> say("来电人").pii(PiiType.PERSON_NAME, values::name).say("反映小区噪音扰民。");
            case 1 ->
                say("联系人：").pii(PiiType.PERSON_NAME, values::name).say("，电话").pii(PiiType.CN_MOBILE, values::mobile);
            case 2 -> pii(PiiType.PERSON_NAME, values::name).say("先生来电称快递丢失。");
            case 3 -> say("患者").pii(PiiType.PERSON_NAME, values::name).say("于昨日在市第一医院就诊。");
            case 4 ->
                say("投诉人").pii(PiiType.PERSON_NAME, values::name).say("称物业乱收费").say(amount());
            case 5 -> say("我叫").pii(PiiType.PERSON_NAME, values::name).say("，住在幸福路12号。");
            case 6 -> say("请").pii(PiiType.PERSON_NAME, values::name).say("女士到窗口领取材料。");
            case 7 -> say("学生").pii(PiiType.PERSON_NAME, values::name).say("的家长反映校车超载。");
            case 8 ->
                say("姓名：").pii(PiiType.PERSON_NAME, values::name).say("；身份证：").pii(PiiType.CN_ID_CARD, values::idCard);
            default -> say("业主").pii(PiiType.PERSON_NAME, values::name).say("和邻居因停车位发生纠纷。");
        }
        finish("generated:PERSON_NAME");
    }

    /** Sentences with no PII in them at all, only things that look like it. */
    private void lookAlikes() {
        start();
        switch (values.random().nextInt(8)) {
            case 0 -> say("身份证号").say(values.idCardWrongCheck()).say("校验失败，请核对。");
            case 1 -> say("卡号").say(values.bankCardWrongCheck()).say("无效，已驳回。");
            case 2 ->
                say("订单号").lookAlike().say("，下单时间").say(timestamp()).say("，实付").say(amount());
            case 3 ->
                say("流水号")
                        .say("2023" + values.pick("11", "12") + values.digits(2)
                                + values.idCard().replace(" ", "").replace('x', '0'))
                        .say("已入账。");
            case 4 ->
                say("工单")
                        .say("20" + values.digits(4) + values.pick("138", "186", "159") + values.digits(8))
                        .say("已转办。");
            case 5 ->
                say(values.pick(
                        "高兴地说王府井大街周末人很多，张贴的通知是黄色的。",
                        "市民高度关注此事，乘客安全无小事。",
                        "司机师傅态度很差，业主车位被占。",
                        "用户余额不足，客户金额有误，学生安全需保障。",
                        "患者家属要求赔偿，居民用水困难。"));
            case 6 ->
                say("号码")
                        .say(values.pick("120", "110", "127", "104") + values.digits(8))
                        .say("不是手机号，版本1.2.3.4.5。");
            default ->
                say("12345热线工单")
                        .say("2023" + values.digits(11))
                        .say("，时间戳")
                        .say(values.pick("1699171822", "1699171822123"))
                        .say("。");
        }
        finish("generated:look-alike");
    }

    private String lookAlikeText() {
        return switch (values.random().nextInt(5)) {
            case 0 -> "4200" + values.digits(24);
            case 1 -> "SF" + values.digits(13);
            case 2 -> "GD" + values.digits(14);
            case 3 -> "2023" + values.digits(14);
            default -> "JD00" + values.digits(11);
        };
    }

    private String timestamp() {
        return values.pick("20231105143022", "2023-11-05 14:30:22", "2024年3月8日", "20240229", "1699171822");
    }

    private String amount() {
        return values.pick("1380.00元", "¥2,380.50", "12345678.90元", "人民币18600元", "￥66.6");
    }

    private String count() {
        return values.pick("3次", "1200人", "13812次", "45天", "6222户");
    }

    private void start() {
        text = new StringBuilder();
        labels = new ArrayList<>();
    }

    private CorpusGenerator say(String literal) {
        text.append(literal);
        return this;
    }

    private CorpusGenerator lookAlike() {
        return say(lookAlikeText());
    }

    private CorpusGenerator pii(PiiType type, Supplier<String> value) {
        int s = text.length();
        text.append(value.get());
        labels.add(new Finding(type, s, text.length()));
        return this;
    }

    private void finish(String source) {
        cases.add(new LabelledCase(source, text.toString(), List.copyOf(labels)));
    }
}
