package dev.timbre.convai.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Twilio's protocols against Timbre's Twilio routes, inbound: the signed voice webhook and its TwiML, the Media Stream
 * both ways (paced media, marks, clear, DTMF in and out, stop), transfers and hang-ups, and the bad input of each.
 */
@Tag("integration")
class TwilioStreamApiTest extends TwilioRoutesFixture {
    @Test
    void an_inbound_call_streams_both_ways_at_the_pace_of_real_time() throws Exception {
        Stream s = inbound("CAinbound1");
        Map<String, String> params = new LinkedHashMap<>(s.parameters());
        params.put("customer", "Ada");
        try (MediaStreamsClient caller = MediaStreamsClient.connect(s.url()).start("ACtest", "CAinbound1", params)) {
            Call call = nextCall();
            assertThat(call.agentId).isEqualTo(agentId);
            assertThat(call.phoneNumberId).isEqualTo(numberId);
            assertThat(call.conversationId).isNull();
            assertThat(call.initiation.path("dynamic_variables").path("customer").asText()).isEqualTo("Ada");
            assertThat(call.line.info().direction()).isEqualTo("inbound");
            assertThat(call.line.info().callId()).isEqualTo("CAinbound1");
            assertThat(call.line.info().streamId()).isEqualTo(caller.streamSid);
            assertThat(call.line.info().from()).isEqualTo("+15557770000");
            assertThat(call.line.info().to()).isEqualTo(number);

            // the greeting (1 s) arrives as media frames of our stream, paced in real time, with marks
            MediaStreamsClient.Received first = caller.next("media", 5000);
            assertThat(first).isNotNull();
            assertThat(first.message().path("streamSid").asText()).isEqualTo(caller.streamSid);
            long last = first.atNanos();
            int marks = 0;
            while (caller.heard().length < GREETING.length) {
                MediaStreamsClient.Received r = caller.received.poll(3, TimeUnit.SECONDS);
                assertThat(r).as("media until the whole greeting came").isNotNull();
                if (r.message().path("event").asText().equals("media")) last = r.atNanos();
                if (r.message().path("event").asText().equals("mark")) marks++;
            }
            long spreadMs = (last - first.atNanos()) / 1_000_000;
            assertThat(spreadMs).as("1 s of audio sent over ~1 s less the lead").isBetween(800L, 1300L);
            assertThat(caller.heard()).isEqualTo(GREETING);
            Thread.sleep(300);
            assertThat(marks + caller.drain(0).size()).isGreaterThan(0);
            assertThat(call.line.playedMillis()).isBetween(960L, 1000L);
            assertThat(((TwilioMediaStream) call.line).confirmedMillis()).as("Twilio echoed our marks").isEqualTo(1000L);

            // the caller speaks: the agent hears every byte; a key press arrives as a digit
            byte[] speech = tone(300, 400);
            caller.speak(speech);
            caller.dtmf('5');
            assertThat(call.digits.poll(5, TimeUnit.SECONDS)).isEqualTo('5');
            assertThat(call.heardBytes()).isEqualTo(speech.length);

            // barge-in: 3 s queued, cleared after ~0.5 s: Twilio is told to clear, the line counts only what was heard
            caller.drain(100);
            call.line.play(tone(500, 3000));
            Thread.sleep(500);
            call.line.clear();
            MediaStreamsClient.Received clear = caller.next("clear", 3000);
            assertThat(clear).as("a clear message").isNotNull();
            assertThat(clear.message().path("streamSid").asText()).isEqualTo(caller.streamSid);
            assertThat(call.line.playedMillis() - 1000).isBetween(350L, 700L);
            int afterClear = caller.heard().length;
            Thread.sleep(300);
            assertThat(caller.heard().length).as("nothing more after the clear").isEqualTo(afterClear);

            // keypad tones out: two keys, 200 ms each, as in-band audio
            call.line.sendDigits("12");
            Thread.sleep(700);
            assertThat(caller.heard().length - afterClear).isEqualTo(2 * 1600);

            caller.stop();
            assertThat(call.ended.get(5, TimeUnit.SECONDS)).contains("hung up");
            assertThat(caller.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1000);
        }
    }

    @Test
    void a_stream_needs_an_unspent_grant_from_our_twiml() throws Exception {
        try (MediaStreamsClient forged = MediaStreamsClient.connect(base().replace("http", "ws") + "/twilio/media-stream")
                .start("ACtest", "CAx", Map.of("timbre_token", "forged.token"))) {
            assertThat(forged.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1008);
        }
        Stream s = inbound("CAgrant1");
        try (MediaStreamsClient wrongCall = MediaStreamsClient.connect(s.url()).start("ACtest", "CAother", s.parameters())) {
            assertThat(wrongCall.closed.get(5, TimeUnit.SECONDS)).as("a grant is for its own call").isEqualTo(1008);
        }
        Stream t = inbound("CAgrant2");
        try (MediaStreamsClient ok = MediaStreamsClient.connect(t.url()).start("ACtest", "CAgrant2", t.parameters())) {
            Call call = nextCall();
            try (MediaStreamsClient replay = MediaStreamsClient.connect(t.url()).start("ACtest", "CAgrant2", t.parameters())) {
                assertThat(replay.closed.get(5, TimeUnit.SECONDS)).as("a grant is single-use").isEqualTo(1008);
            }
            call.line.hangUp();
            assertThat(call.ended.get(5, TimeUnit.SECONDS)).isEqualTo("hung up");
            assertThat(ok.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1000);
            awaitRequest("/Calls/CAgrant2.json", "Status", "completed");
        }
    }

    @Test
    void a_socket_that_never_starts_is_closed() throws Exception {
        try (MediaStreamsClient idle = MediaStreamsClient.connect(base().replace("http", "ws") + "/twilio/media-stream")) {
            idle.send(java.util.Map.of("event", "connected", "protocol", "Call", "version", "1.0.0"));
            idle.send("not json");
            assertThat(idle.closed.get(TwilioRoutes.START_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)).isEqualTo(1008);
        }
    }

    @Test
    void a_bad_signature_is_403_and_a_proxy_s_forwarded_url_is_what_is_signed() throws Exception {
        var unsigned = twilioPost("/twilio/inbound_call", voiceWebhook("CAsig", number), null, null, Map.of());
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.body()).contains("invalid_twilio_signature");
        var wrongKey = twilioPost("/twilio/inbound_call", voiceWebhook("CAsig", number), "another-token", base() + "/twilio/inbound_call", Map.of());
        assertThat(wrongKey.statusCode()).isEqualTo(403);
        var otherUrl = twilioPost("/twilio/inbound_call", voiceWebhook("CAsig", number), TOKEN, "https://elsewhere.test/twilio/inbound_call", Map.of());
        assertThat(otherUrl.statusCode()).isEqualTo(403);
        var proxied = twilioPost("/twilio/inbound_call", voiceWebhook("CAsig", number), TOKEN, "https://timbre.example.com/twilio/inbound_call",
                Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "timbre.example.com"));
        assertThat(proxied.statusCode()).as(proxied.body()).isEqualTo(200);
        assertThat(proxied.body()).contains("<Stream url=\"wss://timbre.example.com/twilio/media-stream\">");
        var signedWithPort = twilioPost("/twilio/inbound_call", voiceWebhook("CAsig", number), TOKEN, "https://timbre.example.com/twilio/inbound_call",
                Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "timbre.example.com:443"));
        assertThat(signedWithPort.statusCode()).as("the default port may be left out of what Twilio signed").isEqualTo(200);
    }

    @Test
    void a_number_that_cannot_take_the_call_is_told_so_and_hung_up() throws Exception {
        var unknown = twilioPost("/twilio/inbound_call", voiceWebhook("CAunknown", "+15559999999"), TOKEN, base() + "/twilio/inbound_call", Map.of());
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("<Say>").contains("<Hangup/>").doesNotContain("<Stream");
        var idle = twilioPost("/twilio/inbound_call", voiceWebhook("CAidle", idleNumber), TOKEN, base() + "/twilio/inbound_call", Map.of());
        assertThat(idle.statusCode()).isEqualTo(200);
        assertThat(idle.body()).contains("<Say>").contains("<Hangup/>").doesNotContain("<Stream");
    }

    @Test
    void a_bad_webhook_request_is_4xx() throws Exception {
        Map<String, String> noTo = voiceWebhook("CAbad", number);
        noTo.remove("To");
        var missing = twilioPost("/twilio/inbound_call", noTo, TOKEN, base() + "/twilio/inbound_call", Map.of());
        assertThat(missing.statusCode()).isEqualTo(400);
        var json = http.send(HttpRequest.newBuilder(URI.create(base() + "/twilio/inbound_call")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"To\":\"" + number + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(415);
    }
}
