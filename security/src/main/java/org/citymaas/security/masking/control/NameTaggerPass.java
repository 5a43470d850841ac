package org.citymaas.security.masking.control;

import java.util.ArrayList;
import java.util.List;
import org.citymaas.security.masking.entity.Finding;
import org.citymaas.security.masking.entity.PiiType;

/**
 * The person-name tagger ({@link NameTaggerModel}) over the scanner's findings (issue 9, eleventh round). The tagger
 * reads clauses (runs between punctuation, whitespace and line breaks; a middle dot joins) that hold a surname of the
 * table, and for a span in question its <em>margin</em>: the best score of the clause with the span a name minus the
 * best with it outside any name. <em>Add</em>: a span the tagger tags, 2-4 characters, opened by a surname of the table
 * (a compound one as such), spared by the look-alike rules, that no finding touches (nor the characters either side), is
 * a name where its margin reaches {@link #ADD}. <em>Veto</em>: a name the recognizers found is dropped where its margin
 * is below {@link #VETO}. Thresholds chosen by leave-one-file-out cross-validation over the development files (security
 * README, "Eleventh round"). Thread-safe; the work arrays are per thread.
 */
final class NameTaggerPass {

    /** Tagger spans with at least this margin are added. */
    static final float ADD = 20;
    /** Found names with a margin below this are dropped. */
    static final float VETO = -20;

    /** {@code -Dcitymaas.masking.nameTagger=false} turns the tagger off in {@link PiiScanner#PiiScanner()}. */
    static final String SWITCH = "citymaas.masking.nameTagger";

    /**
     * A margin reads the span's clause, but no further than this many characters either side: a text without
     * punctuation costs no more than linear time however many names it holds.
     */
    static final int REACH = 100;

    private static final ThreadLocal<Work> WORK = ThreadLocal.withInitial(Work::new);

    private final NameTaggerModel model;
    private final float add;
    private final float veto;

    NameTaggerPass(NameTaggerModel model, float add, float veto) {
        this.model = model;
        this.add = add;
        this.veto = veto;
    }

    /** The shipped tagger at the chosen thresholds, or {@code null} where the switch turns it off. */
    static NameTaggerPass shipped() {
        return Boolean.parseBoolean(System.getProperty(SWITCH, "true"))
                ? new NameTaggerPass(NameTaggerModel.shipped(), ADD, VETO)
                : null;
    }

    /** The findings with the tagger's names added and its vetoed names dropped (the same list where nothing changes). */
    List<Finding> refine(String text, List<Finding> findings) {
        var work = WORK.get();
        work.text = null;
        List<Finding> out = null;
        for (int k = 0; k < findings.size(); k++) {
            var f = findings.get(k);
            if (f.type() == PiiType.PERSON_NAME && margin(text, f.start(), f.end(), work) < veto) {
                if (out == null) {
                    out = new ArrayList<>(findings.subList(0, k));
                }
            } else if (out != null) {
                out.add(f);
            }
        }
        int n = text.length();
        int from = 0;
        List<Finding> added = null;
        while (from < n) {
            int to = clauseEnd(text, from);
            if (to > from + 1 && holdsSurname(text, from, to)) {
                decode(text, from, to, work);
                for (int i = 0; i < to - from; i++) {
                    if (work.tags[i] != NameTaggerViterbi.B) {
                        continue;
                    }
                    int j = i + 1;
                    while (j < to - from && work.tags[j] == NameTaggerViterbi.I) {
                        j++;
                    }
                    int a = from + i;
                    int b = from + j;
                    if (b - a >= 2
                            && b - a <= 4
                            && free(findings, a, b)
                            && plausible(text, a, b)
                            && margin(text, a, b, work) >= add) {
                        if (added == null) {
                            added = new ArrayList<>(2);
                        }
                        added.add(new Finding(PiiType.PERSON_NAME, a, b));
                    }
                    i = j - 1;
                }
            }
            from = Math.max(to, from + 1);
        }
        work.text = null;
        if (added == null) {
            return out == null ? findings : out;
        }
        var all = new ArrayList<>(out == null ? findings : out);
        all.addAll(added);
        all.sort(null);
        return all;
    }

    /** The tagger's name spans over the whole text, every clause ({@code start * 1000 + end}): the tagger alone. */
    List<Integer> spans(String text) {
        var work = WORK.get();
        var out = new ArrayList<Integer>();
        int n = text.length();
        int from = 0;
        while (from < n) {
            int to = clauseEnd(text, from);
            if (to > from) {
                decode(text, from, to, work);
                for (int i = 0; i < to - from; i++) {
                    if (work.tags[i] == NameTaggerViterbi.B) {
                        int j = i + 1;
                        while (j < to - from && work.tags[j] == NameTaggerViterbi.I) {
                            j++;
                        }
                        out.add((from + i) * 1000 + from + j);
                        i = j - 1;
                    }
                }
            }
            from = Math.max(to, from + 1);
        }
        return out;
    }

    /** The tagger's margin for {@code [a, b)} as a name, within its clause. */
    float margin(String text, int a, int b) {
        var work = WORK.get();
        work.text = null;
        return margin(text, a, b, work);
    }

    private float margin(String text, int a, int b, Work work) {
        int from = a;
        while (from > 0 && from > a - REACH && !separator(text.charAt(from - 1))) {
            from--;
        }
        int to = b;
        while (to < text.length() && to < b + REACH && !separator(text.charAt(to))) {
            to++;
        }
        emit(text, from, to, work);
        int n = to - from;
        boolean opens = from == 0;
        boolean closes = to == text.length();
        return NameTaggerViterbi.best(model.trans, work.emit, n, opens, closes, a - from, b - from, true)
                - NameTaggerViterbi.best(model.trans, work.emit, n, opens, closes, a - from, b - from, false);
    }

    private void decode(String text, int from, int to, Work work) {
        emit(text, from, to, work);
        NameTaggerViterbi.decode(
                model.trans, work.emit, to - from, from == 0, to == text.length(), work.back, work.tags);
    }

    /** The clause's emissions into the work arrays, unless they hold them already. */
    private void emit(String text, int from, int to, Work work) {
        if (work.text == text && work.model == model && work.from == from && work.to == to) {
            return;
        }
        work.ensure(to - from);
        model.emissions(text, from, to, work.emit);
        work.text = text;
        work.model = model;
        work.from = from;
        work.to = to;
    }

    /** The end of the clause that starts at {@code from} (the first separator at or after it). */
    private static int clauseEnd(String text, int from) {
        int i = from;
        while (i < text.length() && !separator(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Punctuation, whitespace and controls end a clause; a middle dot (努尔兰·赛力克) does not. */
    static boolean separator(char c) {
        if (c < 0x80) {
            return c <= ' ' || !Character.isLetterOrDigit(c);
        }
        if (c == '·' || c == '・' || c == '•' || c == '‧') {
            return false;
        }
        int type = Character.getType(c);
        return switch (type) {
            case Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION,
                    Character.CONTROL -> true;
            default -> false;
        };
    }

    private static boolean holdsSurname(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (NameSurnames.triggers(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** No finding covers {@code [a, b)} or the characters either side. */
    private static boolean free(List<Finding> findings, int a, int b) {
        for (int k = 0; k < findings.size(); k++) {
            var f = findings.get(k);
            if (f.start() < b + 1 && f.end() > a - 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * The recognizer's validation: a surname of the table opens it, 2-4 characters (four only after a compound surname:
     * 欧阳娜娜, not 乌云密布), no look-alike speaks against it, and a span of three or four characters is no dictionary
     * word (蒲公英), as in the recognizer.
     */
    static boolean plausible(String text, int from, int to) {
        int surname = NameSurnames.length(text, from);
        return to - from >= 2
                && to - from <= 4
                && surname > 0
                && to - from > surname
                && (to - from < 4 || surname == 2)
                && !NameSurnames.insideCompound(text, from)
                && !NameLookalikes.covers(text, from)
                && !NameLookalikes.around(text, from, to)
                && !NameLookalikes.everydayWord(text, from)
                && (to - from < 3 || !NameLexicon.instance().word(text, from, to));
    }

    /** One thread's work arrays, grown as needed, and the clause whose emissions they hold. */
    private static final class Work {
        float[] emit = new float[3 * 256];
        byte[] back = new byte[3 * 256];
        byte[] tags = new byte[256];
        String text;
        NameTaggerModel model;
        int from;
        int to;

        void ensure(int n) {
            if (tags.length < n) {
                int size = Math.max(n, tags.length * 2);
                emit = new float[3 * size];
                back = new byte[3 * size];
                tags = new byte[size];
            }
        }
    }
}
