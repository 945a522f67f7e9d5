package dev.timbre.engine.marytts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.timbre.engine.WordTiming;
import java.io.StringReader;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class WordTimelineTest {
    /** Shaped like MaryTTS's ACOUSTPARAMS output for "Hi, Dr. X." (trimmed). */
    private static final String XML = """
            <maryxml xmlns="http://mary.dfki.de/2002/MaryXML"><p><s><phrase>
              <t>Hi<syllable><ph d="100" p="h" f0="(50,200)"/><ph d="150" p="AI" f0="(0,180)(100,220)"/></syllable></t>
              <t pos=".">,</t><boundary breakindex="4" duration="400"/>
              <mtu orig="Dr."><t>doctor<syllable><ph d="200" p="d"/></syllable><syllable><ph d="50" p="r="/></syllable></t></mtu>
              <t>X<syllable><ph d="100" p="E" f0="(50,200)"/><ph d="100" p="k"/></syllable></t>
              <t pos=".">.</t><boundary breakindex="5" duration="400"/>
            </phrase></s></p></maryxml>""";

    private static Document parse() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(XML)));
    }

    @Test
    void phones_and_pauses_add_up_and_expanded_tokens_keep_their_written_form() throws Exception {
        List<WordTiming> words = WordTimeline.read(parse(), 2.0);
        assertThat(words).extracting(WordTiming::word).containsExactly("Hi", "Dr.", "X");
        assertThat(words.get(0).start()).isCloseTo(2.0, within(1e-9));
        assertThat(words.get(0).end()).isCloseTo(2.25, within(1e-9));
        assertThat(words.get(1).start()).isCloseTo(2.65, within(1e-9));
        assertThat(words.get(1).end()).isCloseTo(2.9, within(1e-9));
        assertThat(words.get(2).end()).isCloseTo(3.1, within(1e-9));
    }

    @Test
    void pitch_shift_scales_around_the_mean_then_adds() throws Exception {
        Document doc = parse();
        PitchShift.apply(doc, -60, 2);
        var phones = doc.getElementsByTagName("ph");
        // targets 200, 180, 220, 200: mean 200
        assertThat(((org.w3c.dom.Element) phones.item(0)).getAttribute("f0")).isEqualTo("(50,140)");
        assertThat(((org.w3c.dom.Element) phones.item(1)).getAttribute("f0")).isEqualTo("(0,100)(100,180)");
        assertThat(((org.w3c.dom.Element) phones.item(2)).getAttribute("f0")).isEmpty();
    }
}
