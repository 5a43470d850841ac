package org.citymaas.runtime.training.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.citymaas.runtime.catalog.entity.FairnessReport;
import org.citymaas.runtime.catalog.entity.Metric;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.RiskLevel;
import org.citymaas.runtime.catalog.entity.Sensitivity;
import org.citymaas.runtime.catalog.entity.TextFeatures;
import org.citymaas.runtime.catalog.entity.TrainingData;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.runtime.training.control.MlpSpec.Feature;
import org.citymaas.runtime.training.control.MlpSpec.FeatureKind;
import org.citymaas.runtime.training.control.MlpSpec.Head;
import org.citymaas.runtime.training.control.MlpSpec.HeadKind;

/**
 * Routes a 12345 hotline complaint (Chinese free text) to the handling department and a category.
 * Simulated complaints combine a place, a time, the problem in one of several phrasings, sometimes a
 * side remark about another problem, and a request; a few are routed inconsistently, as in real logs.
 */
public final class ComplaintRoutingRecipe implements ModelRecipe {

    public static final String NAME = "complaint-routing";
    static final long SEED = 20250612L;
    static final TextFeatures FEATURES = new TextFeatures("text", "text_features", 2048, 2);
    private static final int ROWS = 9000;
    private static final int TRAIN = 7200;

    record Category(String department, String name, List<String> phrases) {}

    static final List<String> DEPARTMENTS = List.of("交通运输", "生态环境", "城市管理", "住房建设", "水务", "市场监管", "人力社保", "教育");

    static final List<Category> CATEGORIES = List.of(
            new Category("交通运输", "交通拥堵", List.of("路口堵车特别严重", "红绿灯时间太短一直拥堵", "早晚高峰车辆排成长队", "这段路天天堵得走不动", "信号灯坏了车辆乱成一团")),
            new Category("交通运输", "公交服务", List.of("公交车等了一个小时都没来", "公交司机态度恶劣", "公交线路被取消出行不便", "公交站牌信息错误", "末班车提前发车")),
            new Category("交通运输", "停车管理", List.of("车辆乱停乱放堵住消防通道", "小区门口违停严重", "共享单车堆满人行道", "停车场乱收费", "僵尸车长期占用车位")),
            new Category("生态环境", "噪音扰民", List.of("工地夜间施工噪音很大", "广场舞音响声音太吵", "半夜装修电钻声不断", "酒吧音乐吵得睡不着", "施工机器轰鸣到凌晨")),
            new Category("生态环境", "空气污染", List.of("工厂排放黑烟气味刺鼻", "有人焚烧垃圾烟雾很大", "餐馆油烟直排到楼上", "化工厂附近有异味", "露天烧烤烟尘污染")),
            new Category("生态环境", "水体污染", List.of("河道发黑发臭", "有企业往河里偷排污水", "湖面漂浮大量死鱼", "排污口流出黄色废水", "小河里全是油污")),
            new Category("城市管理", "占道经营", List.of("小商贩占道摆摊", "夜市摊位占满人行道", "店铺把货物堆在路上", "流动摊贩堵塞通道", "早点摊占用盲道")),
            new Category("城市管理", "垃圾清运", List.of("垃圾桶满了好几天没人清运", "小区垃圾堆积发臭", "建筑垃圾随意倾倒", "垃圾分类点脏乱差", "路边垃圾没人打扫")),
            new Category("城市管理", "违章建筑", List.of("楼顶私自搭建违章建筑", "一楼住户违规扩建院子", "有人在绿地上盖房子", "阳台违规外扩", "私自加盖彩钢房")),
            new Category(
                    "住房建设", "物业纠纷", List.of("物业公司乱收物业费", "物业不作为电梯坏了没人修", "物业擅自占用公共收益", "物业服务很差保安不在岗", "业委会选举被物业干预")),
            new Category("住房建设", "房屋质量", List.of("新房墙体开裂", "楼顶漏水屋里发霉", "开发商交房质量差", "外墙瓷砖脱落很危险", "地下室渗水严重")),
            new Category("水务", "停水", List.of("家里突然停水也没有通知", "自来水水压太低", "停水三天了还没恢复", "水龙头流出黄水", "自来水有很重的漂白粉味")),
            new Category("水务", "排水内涝", List.of("下雨路面积水很深", "下水道堵塞污水外溢", "雨水井盖缺失", "小区地库被雨水淹了", "排水管破裂污水横流")),
            new Category("市场监管", "食品安全", List.of("饭店食物不新鲜吃完拉肚子", "超市卖过期食品", "外卖里吃出虫子", "无证小作坊生产食品", "餐馆后厨卫生很差")),
            new Category("市场监管", "消费纠纷", List.of("商家拒绝退款", "健身房老板跑路卡里的钱退不了", "商品价格标注不清多收钱", "网购商品以次充好", "理发店强制办卡")),
            new Category("人力社保", "拖欠工资", List.of("公司拖欠工资三个月", "老板跑路工资没发", "工地包工头拖欠农民工工资", "辞职后公司不结算工资", "加班费一直不给")),
            new Category("人力社保", "社保办理", List.of("单位不给缴纳社保", "社保转移手续办不下来", "医保报销流程太复杂", "退休金迟迟没有到账", "失业金申请被拒")),
            new Category("教育", "校外培训", List.of("培训机构收费后关门", "校外培训班违规上课", "补习班强制续费", "培训机构退费困难", "学科类培训仍在周末开课")),
            new Category("教育", "入学咨询", List.of("孩子入学学位不够", "学区划分不合理", "转学手续办不了", "幼儿园报名名额太少", "随迁子女入学材料太多")));

    private static final List<String> PLACES = List.of(
            "朝阳区建国路",
            "海淀区中关村大街",
            "东城区和平里",
            "西城区金融街附近",
            "丰台区科技园",
            "我们小区",
            "学校门口",
            "地铁站旁边",
            "老旧小区里",
            "人民路和解放路交叉口",
            "新城花园",
            "滨江路",
            "城南村",
            "幸福里小区");
    private static final List<String> TIMES = List.of("最近一周", "昨天晚上", "每天早上", "这几个月", "今天下午", "已经很久了", "从上个月开始", "");
    private static final List<String> ASKS =
            List.of("希望尽快处理", "请相关部门管一管", "多次反映没有解决", "请给个说法", "希望有关部门调查", "麻烦尽快回复", "谢谢", "");
    private static final List<String> OPENERS = List.of("你好，", "我要投诉，", "反映一个问题，", "市民来电：", "", "");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Split generate() {
        var rnd = new Random(SEED);
        String[] text = new String[ROWS];
        long[] department = new long[ROWS];
        long[] category = new long[ROWS];
        for (int i = 0; i < ROWS; i++) {
            int c = rnd.nextInt(CATEGORIES.size());
            Category cat = CATEGORIES.get(c);
            var sb = new StringBuilder();
            sb.append(pick(OPENERS, rnd)).append(pick(PLACES, rnd)).append(pick(TIMES, rnd));
            sb.append(pick(cat.phrases(), rnd));
            if (rnd.nextDouble() < 0.4) {
                sb.append("，而且").append(pick(cat.phrases(), rnd));
            }
            if (rnd.nextDouble() < 0.2) {
                Category other = CATEGORIES.get(rnd.nextInt(CATEGORIES.size()));
                sb.append("，另外听说").append(pick(other.phrases(), rnd)).append("不知道是否属实");
            }
            if (rnd.nextDouble() < 0.3) {
                sb.append("，联系电话1").append(3 + rnd.nextInt(6)).append("********");
            }
            sb.append("，").append(pick(ASKS, rnd)).append("。");
            if (rnd.nextDouble() < 0.04) {
                c = rnd.nextInt(CATEGORIES.size());
            }
            text[i] = sb.toString();
            category[i] = c;
            department[i] = DEPARTMENTS.indexOf(CATEGORIES.get(c).department());
        }
        Table all = new Table.Builder(ROWS)
                .text("text", text)
                .labels("department", department)
                .labels("category", category)
                .text(GroupAttributes.column("department_size"), departmentSizes(department))
                .build();
        return Split.withGroups(all.slice(0, TRAIN), all.slice(TRAIN, ROWS));
    }

    /**
     * A department's size class: {@code large} for the three departments that handle three complaint categories
     * each, {@code small} for the five that handle two.
     */
    static String size(String department) {
        long categories = CATEGORIES.stream()
                .filter(c -> c.department().equals(department))
                .count();
        return categories >= 3 ? "large" : "small";
    }

    /** The size class of each complaint's handling department (derived from the label, no random draw). */
    private static String[] departmentSizes(long[] department) {
        String[] sizes = new String[department.length];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = size(DEPARTMENTS.get((int) department[i]));
        }
        return sizes;
    }

    @Override
    public List<String> groupAttributes() {
        return List.of("department_size");
    }

    @Override
    public FairnessReport fairness(Table heldOut, Map<String, Tensor> predictions) {
        return FairnessEvaluation.routing(
                heldOut,
                predictions.get("department_probs").floats(),
                heldOut.column("department").longs(),
                groupAttributes().get(0),
                DEPARTMENTS.stream().map(ComplaintRoutingRecipe::size).toList());
    }

    private static String pick(List<String> options, Random rnd) {
        return options.get(rnd.nextInt(options.size()));
    }

    @Override
    public MlpSpec network() {
        return new MlpSpec(
                List.of(new Feature(FEATURES.output(), FeatureKind.DENSE, FEATURES.dimensions())),
                null,
                new int[] {64},
                List.of(
                        new Head("department_probs", HeadKind.SOFTMAX, DEPARTMENTS.size(), "department"),
                        new Head("category_probs", HeadKind.SOFTMAX, CATEGORIES.size(), "category")),
                1500,
                128,
                0.002f,
                SEED);
    }

    @Override
    public ModelCard card(List<Metric> metrics) {
        var categoryLabels = new ArrayList<String>();
        CATEGORIES.forEach(c -> categoryLabels.add(c.department() + "/" + c.name()));
        return new ModelCard(
                NAME,
                "1",
                "hotline",
                "text-classification",
                "12345 hotline complaint routing",
                "Suggests the handling department and category of a citizen complaint to the hotline"
                        + " dispatcher, who confirms or corrects it.",
                List.of(
                        "Trained on simulated complaints in Mandarin: retrain on the hotline's own labelled tickets.",
                        "A suggestion for a dispatcher, never an automatic dismissal or an answer to the citizen.",
                        "The text is masked for personal data by the portal before the model sees it."),
                List.of(Schema.text(
                        "text",
                        2000,
                        Sensitivity.MASK,
                        "The complaint as recorded by the operator, Chinese free text (personal data masked).")),
                List.of(
                        Schema.output(
                                "department_probs",
                                DEPARTMENTS.size(),
                                "probability",
                                "Probability per handling department.",
                                DEPARTMENTS),
                        Schema.output(
                                "category_probs",
                                CATEGORIES.size(),
                                "probability",
                                "Probability per complaint category.",
                                categoryLabels)),
                metrics,
                new TrainingData(
                        "Simulated 12345 complaints: place, time, the problem in one of several phrasings, side remarks"
                                + " about other problems, masked phone numbers, a request; 4% routed inconsistently."
                                + " Held out: a random 20%.",
                        getClass().getName(), SEED, 0, 0),
                RiskLevel.MEDIUM,
                FEATURES,
                null);
    }

    @Override
    public List<Metric> evaluate(Table heldOut, Map<String, Tensor> predictions) {
        Table train = generate().train();
        long[] dep = heldOut.column("department").longs();
        long[] cat = heldOut.column("category").longs();
        return List.of(
                new Metric(
                        "department_accuracy",
                        Scores.round(Scores.accuracy(
                                predictions.get("department_probs").floats(), dep)),
                        "majority class",
                        Scores.round(Scores.majorityAccuracy(
                                train.column("department").longs(), dep)),
                        true,
                        dep.length),
                new Metric(
                        "category_accuracy",
                        Scores.round(Scores.accuracy(
                                predictions.get("category_probs").floats(), cat)),
                        "majority class",
                        Scores.round(
                                Scores.majorityAccuracy(train.column("category").longs(), cat)),
                        true,
                        cat.length));
    }
}
