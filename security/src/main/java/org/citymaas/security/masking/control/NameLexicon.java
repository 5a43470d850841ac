package org.citymaas.security.masking.control;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.dictionary.item.EnumItem;
import com.hankcs.hanlp.corpus.io.ResourceIOAdapter;
import com.hankcs.hanlp.corpus.tag.NR;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.dictionary.nr.PersonDictionary;

/**
 * What HanLP's dictionaries know about the characters and words around a possible name: how often
 * a character was a surname, the first or last character of a two-character given name, a
 * one-character given name, or the word right before or after a name in the People's Daily corpus
 * ({@code PersonDictionary}, the roles of its name recognizer), and how often a span is an ordinary
 * dictionary word rather than a name ({@code CoreDictionary}). The role frequencies are copied into
 * plain arrays once, so the per-character questions cost an array read; word questions go to the
 * dictionary's double-array trie.
 *
 * <p>The only class besides {@link NameWindows} that touches HanLP. The dictionaries are read from
 * the jar (the portable build ships them as binary caches, so nothing is compiled or written at
 * run time, and HanLP makes no network calls); the paths and the resource reader are pinned before
 * loading so that a stray {@code hanlp.properties} or {@code HANLP_ROOT} cannot send it to the file
 * system. Loaded on first use (about a second), by the class-holder idiom: thread-safe, once per
 * class loader.
 */
final class NameLexicon {

    /**
     * Surnames the dictionary hardly saw (its corpus is the People's Daily of 1998): characters
     * that are seldom anything but a surname, counted as a surname this often.
     */
    static final String RARE_SURNAMES = "仉冼厍扈訾宓帅揭昝暴璩眭禚笪芈芮蔺谯逄邴郇郗酆钭阙隗隽靳亓蒯滕佘嵇滑荀羿储汲糜"
            + "邰鄂郦郏郜蓟胥莘宦庾暨勾阚乜鞠竺逯盖桓羊於甄缑綦璩濮慕宓仝仵恽晁廉揭漆粟蔚衣衷谌贲辜邸那鄢阎" + "琚禤雒郄殳夔郈韶蹇湛亢檀"
            + NameLexicon.CURRENT_RARE;

    /**
     * Surnames of today's surname lists that the table lacked and that are seldom anything but a surname (the core
     * dictionary counts each fewer than 100 times as a word of its own): issue 9's fifth round.
     */
    static final String CURRENT_RARE = "冶卿尧禄蒿蓬鹿仰汝慎宰钦" + NameLexicon.MORE_RARE;

    /**
     * Surnames of today's population registers that neither the 百家姓 nor the lists above hold, each seldom anything
     * but a surname (麴 佴 撖 虢 菅): issue 9's eighth round, after a held-out file named 70 people the table lacked;
     * in the ninth round four more of the same kind (茆 贠 靖 旷: the core dictionary counts each fewer than 100 times).
     */
    static final String MORE_RARE = "麴佴撖虢菅茆贠靖旷";

    /** The floor of the surname count of {@link NameSurnames#CURRENT_EVERYDAY}, which the 1998 corpus hardly saw as surnames. */
    private static final int CURRENT_SURNAME = 20;

    private static final int RARE_SURNAME = 300;
    /**
     * Given-name characters common since the 1990s and rare in that corpus (梓萱, 沐宸, 一诺): counted
     * as this often seen in any given-name position.
     */
    private static final String MODERN_GIVEN =
            "梓萱涵轩沐宸睿泽诺汐彤芊朵熙墨窈桐乔琪煜昊锦辰瑶悦雯欣怡晴佑馨琳瑾奕" + "皓宇骏铭钰婧妍颖菲萌璇歆蕊霏羽恩曦柠伊依然知远可语楠哲翔俊烨晨航逸凡瀚铄昕玥苒嫣婉潇" + "浩豪诗雨若艺苡沫书甜筱璟澜";

    private static final int MODERN_GIVEN_USE = 300;

    private static final char FIRST = '\u3400';
    private static final char LAST = '\u9fff';

    private final int[] surname = new int[LAST - FIRST + 1];
    private final int[] givenFirst = new int[surname.length];
    private final int[] givenLast = new int[surname.length];
    private final int[] givenSingle = new int[surname.length];
    private final int[] before = new int[surname.length];
    private final int[] after = new int[surname.length];

    private static final class Holder {
        static final NameLexicon INSTANCE = new NameLexicon();
    }

    static NameLexicon instance() {
        return Holder.INSTANCE;
    }

    private NameLexicon() {
        pinToJar();
        for (char c = FIRST; c <= LAST; c++) {
            var item = PersonDictionary.dictionary.get(String.valueOf(c));
            if (item != null) {
                int i = c - FIRST;
                surname[i] = item.getFrequency(NR.B);
                givenFirst[i] = item.getFrequency(NR.C);
                givenLast[i] = item.getFrequency(NR.D);
                givenSingle[i] = item.getFrequency(NR.E);
                // a word between two names (和、与) is context on both sides
                before[i] = item.getFrequency(NR.K) + item.getFrequency(NR.M);
                after[i] = item.getFrequency(NR.L) + item.getFrequency(NR.M);
            }
        }
        RARE_SURNAMES.chars().forEach(c -> surname[c - FIRST] = Math.max(surname[c - FIRST], RARE_SURNAME));
        NameSurnames.CURRENT_EVERYDAY
                .chars()
                .forEach(c -> surname[c - FIRST] = Math.max(surname[c - FIRST], CURRENT_SURNAME));
        for (char c : MODERN_GIVEN.toCharArray()) {
            int i = c - FIRST;
            givenFirst[i] = Math.max(givenFirst[i], MODERN_GIVEN_USE);
            givenLast[i] = Math.max(givenLast[i], MODERN_GIVEN_USE);
            givenSingle[i] = Math.max(givenSingle[i], MODERN_GIVEN_USE / 2);
        }
    }

    /** Read the dictionaries from the jar, whatever configuration the class path or environment holds. */
    private static void pinToJar() {
        HanLP.Config.IOAdapter = new ResourceIOAdapter();
        HanLP.Config.CoreDictionaryPath = "data/dictionary/CoreNatureDictionary.mini.txt";
        HanLP.Config.CoreDictionaryTransformMatrixDictionaryPath = "data/dictionary/CoreNatureDictionary.tr.txt";
        HanLP.Config.BiGramDictionaryPath = "data/dictionary/CoreNatureDictionary.ngram.mini.txt";
        HanLP.Config.CustomDictionaryPath = new String[] {"data/dictionary/custom/CustomDictionary.txt"};
        HanLP.Config.PersonDictionaryPath = "data/dictionary/person/nr.txt";
        HanLP.Config.PersonDictionaryTrPath = "data/dictionary/person/nr.tr.txt";
        HanLP.Config.CharTypePath = "data/dictionary/other/CharType.bin";
        HanLP.Config.CharTablePath = "data/dictionary/other/CharTable.txt";
        HanLP.Config.ShowTermNature = true;
    }

    int surname(char c) {
        return get(surname, c);
    }

    int givenFirst(char c) {
        return get(givenFirst, c);
    }

    int givenLast(char c) {
        return get(givenLast, c);
    }

    int givenSingle(char c) {
        return get(givenSingle, c);
    }

    /** How often the character was the word right before a name (请、称、和、是). */
    int before(char c) {
        return get(before, c);
    }

    /** How often the character was the word right after a name (说、称、的、和). */
    int after(char c) {
        return get(after, c);
    }

    /** The dictionaries know nothing of the character: no role around names, no word of its own. */
    boolean unknown(char c) {
        return c >= FIRST
                && c <= LAST
                && surname(c) + givenFirst(c) + givenLast(c) + givenSingle(c) + before(c) + after(c) == 0
                && CoreDictionary.get(String.valueOf(c)) == null;
    }

    /** Whether the character is a known surname, rare ones included. */
    boolean knownSurname(char c) {
        return surname(c) > 0;
    }

    /**
     * How often {@code text[from, to)} is an ordinary word: its frequency in the core or the larger
     * custom dictionary (whichever knows it better) in every part of speech but person names, place
     * and organisation names counted ten times (a name that is also a place, 江苏, is the place). 0
     * for a span that is no word.
     */
    int wordFrequency(String text, int from, int to) {
        if (from < 0 || to > text.length()) {
            return 0;
        }
        var word = text.substring(from, to);
        return Math.max(frequency(CoreDictionary.get(word)), frequency(CustomDictionary.get(word)));
    }

    /** Whether {@code text[from, to)} is a dictionary word in some sense other than a person's name (蒲公英, 石景山). */
    boolean word(String text, int from, int to) {
        return wordFrequency(text, from, to) > 0;
    }

    /** Whether the character on its own is first of all a verb in the core dictionary (占, 拆; not 芳, 强). */
    boolean verb(char c) {
        var attribute = CoreDictionary.get(String.valueOf(c));
        return attribute != null && attribute.nature[0].startsWith("v");
    }

    /** Whether the character on its own is first of all a preposition in the core dictionary (于, 向). */
    boolean preposition(char c) {
        var attribute = CoreDictionary.get(String.valueOf(c));
        return attribute != null && attribute.nature[0].startsWith("p");
    }

    /** Whether {@code text[from, to)} is first of all an adverb in the core dictionary (正在, 还是). */
    boolean adverb(String text, int from, int to) {
        return firstNature(text, from, to, "d");
    }

    /** Whether {@code text[from, to)} is first of all a verb in the core dictionary (申请, 申报; not 新的). */
    boolean verb(String text, int from, int to) {
        return firstNature(text, from, to, "v");
    }

    private static boolean firstNature(String text, int from, int to, String nature) {
        if (from < 0 || to > text.length()) {
            return false;
        }
        var attribute = CoreDictionary.get(text.substring(from, to));
        return attribute != null && attribute.nature[0].startsWith(nature);
    }

    /** Whether the character is a classifier or a numeral in any of its senses in the core dictionary (张, 万, 位). */
    boolean quantity(char c) {
        var attribute = CoreDictionary.get(String.valueOf(c));
        if (attribute != null) {
            for (var nature : attribute.nature) {
                if (nature.startsWith("q") || nature.startsWith("m")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code text[from, to)} is a common noun (车主, 商户; not 凌晨, 高兴) in either dictionary. */
    boolean noun(String text, int from, int to) {
        if (from < 0 || to > text.length()) {
            return false;
        }
        var word = text.substring(from, to);
        return isNoun(CoreDictionary.get(word)) || isNoun(CustomDictionary.get(word));
    }

    private static boolean isNoun(CoreDictionary.Attribute attribute) {
        if (attribute != null) {
            for (var nature : attribute.nature) {
                if (nature.startsWith("n") && !nature.startsWith("nr")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code text[from, to)} is a place name (江苏、邵阳、马鞍山) in either dictionary. */
    boolean place(String text, int from, int to) {
        if (from < 0 || to > text.length()) {
            return false;
        }
        var word = text.substring(from, to);
        return isPlace(CoreDictionary.get(word)) || isPlace(CustomDictionary.get(word));
    }

    private static boolean isPlace(CoreDictionary.Attribute attribute) {
        if (attribute != null) {
            for (var nature : attribute.nature) {
                if (nature.startsWith("ns")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int frequency(CoreDictionary.Attribute attribute) {
        if (attribute == null) {
            return 0;
        }
        int frequency = 0;
        for (int i = 0; i < attribute.nature.length; i++) {
            var nature = attribute.nature[i];
            if (nature.startsWith("ns") || nature.startsWith("nt") || nature.startsWith("ni")) {
                frequency += 10 * attribute.frequency[i];
            } else if (!nature.startsWith("nr")) {
                frequency += attribute.frequency[i];
            }
        }
        return frequency;
    }

    /** How often {@code text[from, to)} was a name's whole given name that is also a word (张【朝阳】). */
    int wordGivenName(String text, int from, int to) {
        var item = roles(text, from, to);
        return item == null ? 0 : item.getFrequency(NR.Z);
    }

    /** How often {@code text[from, to)} was the word right after a name (反映、表示、同志). */
    int wordAfter(String text, int from, int to) {
        var item = roles(text, from, to);
        return item == null ? 0 : item.getFrequency(NR.L);
    }

    /** How often {@code text[from, to)} was the word right before a name (转告、通知、患者). */
    int wordBefore(String text, int from, int to) {
        var item = roles(text, from, to);
        return item == null ? 0 : item.getFrequency(NR.K);
    }

    private static EnumItem<NR> roles(String text, int from, int to) {
        if (from < 0 || to > text.length()) {
            return null;
        }
        return PersonDictionary.dictionary.get(text.substring(from, to));
    }

    private static int get(int[] table, char c) {
        return c < FIRST || c > LAST ? 0 : table[c - FIRST];
    }
}
