package dev.timbre.texttospeech.normalize;

import static dev.timbre.texttospeech.normalize.Chars.is;
import static dev.timbre.texttospeech.normalize.Chars.wordChar;

import java.util.List;

/**
 * Unit abbreviations after a number ("5 km", "10kg", "3 ft"), matched case-sensitively and longest first, with at
 * most one space between number and unit and no letter or digit right after the unit.
 */
final class Units {
    private record Unit(String symbol, String singular, String plural) {
    }

    /** Longest symbols first, so "km/h" wins over "km" and "mph" over "m". */
    private static final List<Unit> UNITS = List.of(
            new Unit("km/h", "kilometer per hour", "kilometers per hour"),
            new Unit("mph", "mile per hour", "miles per hour"),
            new Unit("kph", "kilometer per hour", "kilometers per hour"),
            new Unit("lbs", "pound", "pounds"),
            new Unit("hrs", "hour", "hours"),
            new Unit("sec", "second", "seconds"),
            new Unit("min", "minute", "minutes"),
            new Unit("GHz", "gigahertz", "gigahertz"),
            new Unit("MHz", "megahertz", "megahertz"),
            new Unit("kHz", "kilohertz", "kilohertz"),
            new Unit("Hz", "hertz", "hertz"),
            new Unit("km", "kilometer", "kilometers"),
            new Unit("cm", "centimeter", "centimeters"),
            new Unit("mm", "millimeter", "millimeters"),
            new Unit("mi", "mile", "miles"),
            new Unit("ft", "foot", "feet"),
            new Unit("kg", "kilogram", "kilograms"),
            new Unit("mg", "milligram", "milligrams"),
            new Unit("lb", "pound", "pounds"),
            new Unit("oz", "ounce", "ounces"),
            new Unit("ml", "milliliter", "milliliters"),
            new Unit("mL", "milliliter", "milliliters"),
            new Unit("hr", "hour", "hours"),
            new Unit("ms", "millisecond", "milliseconds"),
            new Unit("TB", "terabyte", "terabytes"),
            new Unit("GB", "gigabyte", "gigabytes"),
            new Unit("MB", "megabyte", "megabytes"),
            new Unit("KB", "kilobyte", "kilobytes"),
            new Unit("kB", "kilobyte", "kilobytes"),
            new Unit("kW", "kilowatt", "kilowatts"),
            new Unit("m", "meter", "meters"),
            new Unit("g", "gram", "grams"),
            new Unit("l", "liter", "liters"),
            new Unit("L", "liter", "liters"),
            new Unit("h", "hour", "hours"),
            new Unit("s", "second", "seconds"));

    private Units() {
    }

    /**
     * A unit starting at {@code i} (right after a number, one space allowed): the match ends after the unit and speaks
     * its name, singular when {@code one}. {@code null} if none.
     */
    static Match at(String t, int i, boolean one) {
        int j = is(t, i, ' ') ? i + 1 : i;
        for (Unit u : UNITS) {
            if (t.startsWith(u.symbol, j) && !wordChar(t, j + u.symbol.length())
                    && !is(t, j + u.symbol.length(), '/') && !is(t, j + u.symbol.length(), '\'')) {
                return new Match(j + u.symbol.length(), one ? u.singular : u.plural);
            }
        }
        if (is(t, j, '°')) {
            String degrees = one ? "degree" : "degrees";
            if (is(t, j + 1, 'C') && !wordChar(t, j + 2)) return new Match(j + 2, degrees + " Celsius");
            if (is(t, j + 1, 'F') && !wordChar(t, j + 2)) return new Match(j + 2, degrees + " Fahrenheit");
            return new Match(j + 1, degrees);
        }
        return null;
    }
}
