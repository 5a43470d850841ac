package org.citymaas.security.masking.corpus;

import java.util.Random;
import org.citymaas.security.masking.control.CheckDigits;

/** Valid PII values of every type, and near misses, drawn from a seeded random source. */
final class PiiValues {

    static final String[] PROVINCES = {
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
        "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"
    };
    private static final String[] MOBILE_PREFIXES = {
        "130", "131", "132", "133", "135", "136", "137", "138", "139", "147", "150", "151", "152", "153", "155",
        "157", "158", "159", "166", "170", "173", "175", "176", "177", "178", "180", "181", "182", "185", "186",
        "187", "188", "189", "191", "193", "195", "198", "199"
    };
    private static final String[] AREA_CODES = {
        "010", "020", "021", "022", "023", "024", "025", "027", "028", "029", "0755", "0571", "0512", "0731", "0851",
        "0871", "0931", "0991", "0431", "0451", "0371", "0311", "0351", "0471", "0531", "0532", "0591", "0898"
    };
    private static final String[] CARD_BINS = {
        "622202", "621700", "622848", "623058", "621226", "622588", "625965", "436742", "518710", "356833", "601382",
        "955880"
    };
    private static final String[] DOMAINS = {
        "163.com",
        "qq.com",
        "126.com",
        "gmail.com",
        "sina.com.cn",
        "foxmail.com",
        "outlook.com",
        "jt.gov.cn",
        "citymaas.org"
    };
    private static final String[] PINYIN = {
        "zhang", "wang", "li", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xiaoming", "lihua", "wei", "fang"
    };
    static final String PLATE_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    private static final String PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢";
    static final String[] COMPOUND_SURNAMES = {"欧阳", "司马", "诸葛", "上官"};
    static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏辉建文斌宇浩凯晨欣怡婷雪琳思雨梓涵子轩博宏志海峰家俊嘉佳诗晓丹波亮成国鑫帅旭琪颖倩慧莉蕾彤睿妍悦";

    private final Random random;

    PiiValues(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    char pickChar(String chars) {
        return chars.charAt(random.nextInt(chars.length()));
    }

    String digits(int n) {
        var sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    String idCard() {
        var first17 = pick(PROVINCES)
                + String.format("%02d%02d", 1 + random.nextInt(20), 1 + random.nextInt(30))
                + String.format(
                        "%04d%02d%02d", 1940 + random.nextInt(66), 1 + random.nextInt(12), 1 + random.nextInt(28))
                + digits(3);
        char check = CheckDigits.idCardCheck(first17.toCharArray());
        var id = first17 + check;
        if (check == 'X' && random.nextBoolean()) {
            id = first17 + 'x';
        }
        return random.nextInt(10) == 0 ? id.substring(0, 6) + " " + id.substring(6, 14) + " " + id.substring(14) : id;
    }

    String legacyIdCard() {
        return pick(PROVINCES)
                + String.format("%02d%02d", 1 + random.nextInt(20), 1 + random.nextInt(30))
                + String.format("%02d%02d%02d", 40 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28))
                + digits(3);
    }

    /** A well-formed ID number whose check character is wrong. */
    String idCardWrongCheck() {
        var id = idCard().replace(" ", "");
        char check = Character.toUpperCase(id.charAt(17));
        char wrong = check == '9' ? '1' : check == 'X' ? '5' : (char) (check + 1);
        return id.substring(0, 17) + wrong;
    }

    String mobile() {
        var number = pick(MOBILE_PREFIXES) + digits(8);
        return switch (random.nextInt(8)) {
            case 0 -> "+86 " + number;
            case 1 -> "+86-" + number;
            case 2 -> "86" + number;
            case 3 -> number.substring(0, 3) + " " + number.substring(3, 7) + " " + number.substring(7);
            case 4 -> number.substring(0, 3) + "-" + number.substring(3, 7) + "-" + number.substring(7);
            case 5 -> "(+86)" + number;
            default -> number;
        };
    }

    String landline() {
        var area = pick(AREA_CODES);
        var subscriber = (char) ('2' + random.nextInt(7)) + digits(area.length() == 3 || random.nextBoolean() ? 7 : 6);
        var number = switch (random.nextInt(6)) {
            case 0 -> "(" + area + ")" + subscriber;
            case 1 -> "（" + area + "）" + subscriber;
            case 2 -> area + " " + subscriber;
            case 3 -> area + subscriber;
            default -> area + "-" + subscriber;
        };
        return switch (random.nextInt(6)) {
            case 0 -> number + "转" + digits(3);
            case 1 -> number + "-" + digits(4);
            case 2 -> number + " 转 " + digits(2);
            default -> number;
        };
    }

    String email() {
        var local = pick(PINYIN)
                + pick("", ".", "_")
                + pick(PINYIN)
                + (random.nextBoolean() ? digits(2 + random.nextInt(3)) : "");
        return local + "@" + pick(DOMAINS);
    }

    String bankCard() {
        var body = pick(CARD_BINS) + digits((random.nextInt(3) == 0 ? 16 : 19) - 7);
        var card = body + luhnDigit(body);
        if (random.nextInt(3) == 0) {
            var sep = random.nextBoolean() ? " " : "-";
            var grouped = new StringBuilder();
            for (int i = 0; i < card.length(); i += 4) {
                grouped.append(i == 0 ? "" : sep).append(card, i, Math.min(card.length(), i + 4));
            }
            return grouped.toString();
        }
        return card;
    }

    /** A card-shaped number whose Luhn digit is wrong. */
    String bankCardWrongCheck() {
        var body = pick(CARD_BINS) + digits(12);
        return body + (char) ('0' + ((luhnDigit(body) - '0' + 1 + random.nextInt(9)) % 10));
    }

    static char luhnDigit(String body) {
        for (char d = '0'; d <= '9'; d++) {
            if (CheckDigits.luhn((body + d).toCharArray())) {
                return d;
            }
        }
        throw new IllegalStateException();
    }

    String plate() {
        var head = "" + pickChar(PLATE_PROVINCES) + pickChar(PLATE_LETTERS) + (random.nextInt(4) == 0 ? "·" : "");
        return switch (random.nextInt(5)) {
            case 0 -> head + pick("D", "F") + pickChar(PLATE_LETTERS + "0123456789") + digits(4);
            case 1 -> head + digits(5) + pick("D", "F");
            case 2 -> head + pickChar(PLATE_LETTERS) + digits(4);
            default -> head + digits(3) + pickChar(PLATE_LETTERS + "0123456789") + digits(1);
        };
    }

    String uscc() {
        var body = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            body.append(random.nextInt(3) == 0 ? pickChar("ABCDEFGHJKLMNPQRTUWXY") : (char) ('0' + random.nextInt(10)));
        }
        char orgCheck = CheckDigits.organizationCodeCheck(body);
        var first17 = pick("91", "92", "12", "52", "11", "31", "Y1")
                + pick(PROVINCES)
                + String.format("%02d%02d", 1 + random.nextInt(20), random.nextInt(30))
                + body
                + orgCheck;
        return first17 + CheckDigits.usccCheck(first17);
    }

    String passport() {
        return switch (random.nextInt(3)) {
            case 0 -> "E" + pickChar("ABCDEFGHJKLMNPQRSTUVWXYZ") + digits(7);
            case 1 -> "G" + digits(8);
            default -> "E" + digits(8);
        };
    }

    String ip() {
        return pick("10", "172", "192", "61", "114", "218", "222", "58") + "." + random.nextInt(256) + "."
                + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    String name() {
        var surname = random.nextInt(12) == 0 ? pick(COMPOUND_SURNAMES) : String.valueOf(pickChar(SURNAMES));
        var given = "" + pickChar(GIVEN) + (random.nextInt(3) == 0 ? "" : String.valueOf(pickChar(GIVEN)));
        return surname + given;
    }
}
