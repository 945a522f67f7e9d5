package dev.timbre.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SipSettingsTest {
    @Test
    void defaultsListenOn5060WithRtpFrom10000To20000() {
        SipSettings s = SipSettings.fromEnv(Map.of());
        assertThat(s.enabled()).isTrue();
        assertThat(s.port()).isEqualTo(5060);
        assertThat(s.bindHost()).isEqualTo("0.0.0.0");
        assertThat(s.rtpMin()).isEqualTo(10000);
        assertThat(s.rtpMax()).isEqualTo(20000);
        assertThat(s.rtpTimeoutSeconds()).isEqualTo(30);
        assertThat(s.advertisedHost()).isNotEqualTo("0.0.0.0");
    }

    @Test
    void theEnvironmentSetsPortsHostsAndCanTurnSipOff() {
        SipSettings s = SipSettings.fromEnv(Map.of("TIMBRE_SIP_PORT", "5080", "TIMBRE_SIP_HOST", "10.0.0.5", "TIMBRE_RTP_PORTS", "30000-30100",
                "TIMBRE_SIP_PUBLIC_HOST", "203.0.113.7", "TIMBRE_RTP_TIMEOUT_SECONDS", "10"));
        assertThat(s).isEqualTo(new SipSettings(true, "10.0.0.5", "203.0.113.7", 5080, 30000, 30100, 10));
        assertThat(s.advertisedHost()).isEqualTo("203.0.113.7");
        assertThat(SipSettings.fromEnv(Map.of("TIMBRE_SIP_HOST", "10.0.0.5")).advertisedHost()).isEqualTo("10.0.0.5");
        assertThat(SipSettings.fromEnv(Map.of("TIMBRE_SIP_PORT", "off")).enabled()).isFalse();
    }

    @Test
    void badValuesFailStartUpNamingTheSetting() {
        assertThatThrownBy(() -> SipSettings.fromEnv(Map.of("TIMBRE_SIP_PORT", "x"))).hasMessageContaining("TIMBRE_SIP_PORT");
        assertThatThrownBy(() -> SipSettings.fromEnv(Map.of("TIMBRE_SIP_PORT", "70000"))).hasMessageContaining("TIMBRE_SIP_PORT");
        assertThatThrownBy(() -> SipSettings.fromEnv(Map.of("TIMBRE_RTP_PORTS", "20000"))).hasMessageContaining("TIMBRE_RTP_PORTS");
        assertThatThrownBy(() -> SipSettings.fromEnv(Map.of("TIMBRE_RTP_PORTS", "500-600"))).hasMessageContaining("TIMBRE_RTP_PORTS");
        assertThatThrownBy(() -> SipSettings.fromEnv(Map.of("TIMBRE_RTP_TIMEOUT_SECONDS", "0"))).hasMessageContaining("TIMBRE_RTP_TIMEOUT_SECONDS");
    }
}
