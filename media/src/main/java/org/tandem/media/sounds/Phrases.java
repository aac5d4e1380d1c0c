package org.tandem.media.sounds;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the node says, as the names of the prompts to play one after the other, in the English order
 * Asterisk's sound sets are recorded for ("digits/20" "digits/3" for 23; "digits/3" "digits/hundred" for 300).
 * Another language plays its own recordings in that order.
 */
public final class Phrases {

    /** Every prompt a phrase may name: the sound set must hold them all (checked at start-up). */
    public static final Set<String> PROMPTS = allPrompts();

    private static final String DIGITS = "digits/";

    private Phrases() {
    }

    /** A whole number said as a number: "twenty three", "one thousand two hundred", "minus five". */
    public static List<String> number(long number) {
        List<String> names = new ArrayList<>();
        if (number < 0) {
            names.add(DIGITS + "minus");
        }
        sayMagnitude(Math.abs(number), names);
        return List.copyOf(names);
    }

    /** A number said digit by digit, as an extension or a phone number is: "one oh one" is "1" "0" "1". */
    public static List<String> digits(String digits) {
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("no digits to say");
        }
        List<String> names = new ArrayList<>(digits.length());
        for (char digit : digits.toCharArray()) {
            names.add(DIGITS + switch (digit) {
                case '*' -> "star";
                case '#' -> "pound";
                default -> {
                    if (digit < '0' || digit > '9') {
                        throw new IllegalArgumentException("'" + digits + "' is not a string of digits, * and #");
                    }
                    yield String.valueOf(digit);
                }
            });
        }
        return List.copyOf(names);
    }

    /**
     * A mailbox's counts: "you have three new messages and one old message", "you have one new message",
     * "you have no messages".
     */
    public static List<String> messageCounts(int fresh, int old) {
        if (fresh < 0 || old < 0) {
            throw new IllegalArgumentException("message counts cannot be negative: " + fresh + ", " + old);
        }
        List<String> names = new ArrayList<>(List.of("vm-youhave"));
        if (fresh == 0 && old == 0) {
            names.addAll(List.of("vm-no", "vm-messages"));
            return List.copyOf(names);
        }
        if (fresh > 0) {
            sayCount(fresh, "vm-INBOX", names);
        }
        if (fresh > 0 && old > 0) {
            names.add("vm-and");
        }
        if (old > 0) {
            sayCount(old, "vm-Old", names);
        }
        return List.copyOf(names);
    }

    private static void sayCount(int count, String folder, List<String> names) {
        names.addAll(number(count));
        names.add(folder);
        names.add(count == 1 ? "vm-message" : "vm-messages");
    }

    private static void sayMagnitude(long number, List<String> names) {
        if (number <= 20) {
            names.add(DIGITS + number);
        } else if (number < 100) {
            names.add(DIGITS + number / 10 * 10);
            sayRest(number % 10, names);
        } else if (number < 1_000) {
            sayScaled(number, 100, "hundred", names);
        } else if (number < 1_000_000) {
            sayScaled(number, 1_000, "thousand", names);
        } else if (number < 1_000_000_000) {
            sayScaled(number, 1_000_000, "million", names);
        } else if (number < 1_000_000_000_000L) {
            sayScaled(number, 1_000_000_000, "billion", names);
        } else {
            throw new IllegalArgumentException(number + " is too large to say (the sound sets stop at billions)");
        }
    }

    private static void sayScaled(long number, long scale, String word, List<String> names) {
        sayMagnitude(number / scale, names);
        names.add(DIGITS + word);
        sayRest(number % scale, names);
    }

    private static void sayRest(long rest, List<String> names) {
        if (rest > 0) {
            sayMagnitude(rest, names);
        }
    }

    private static Set<String> allPrompts() {
        Set<String> prompts = new TreeSet<>(List.of("vm-youhave", "vm-no", "vm-INBOX", "vm-Old", "vm-and",
                "vm-message", "vm-messages"));
        for (String word : List.of("minus", "star", "pound", "hundred", "thousand", "million", "billion")) {
            prompts.add(DIGITS + word);
        }
        for (int number = 0; number <= 20; number++) {
            prompts.add(DIGITS + number);
        }
        for (int tens = 30; tens <= 90; tens += 10) {
            prompts.add(DIGITS + tens);
        }
        return Set.copyOf(prompts);
    }
}
