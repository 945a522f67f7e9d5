package dev.timbre.telephony.sip;

import gov.nist.core.ServerLogger;
import gov.nist.core.StackLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's stack and message logs, through SLF4J (logger {@code dev.timbre.telephony.sip.stack}; messages at TRACE).
 * Named in the stack's properties so that the stack never loads log4j. Thread-safe.
 */
public final class SipStackLog implements StackLogger {
    private static final Logger log = LoggerFactory.getLogger("dev.timbre.telephony.sip.stack");

    @Override public void logStackTrace() {}
    @Override public void logStackTrace(int level) {}
    @Override public int getLineCount() { return 0; }
    @Override public void logException(Throwable t) { log.debug("SIP stack exception", t); }
    @Override public void logDebug(String message) { log.debug(message); }
    @Override public void logDebug(String message, Exception e) { log.debug(message, e); }
    @Override public void logTrace(String message) { log.trace(message); }
    @Override public void logFatalError(String message) { log.error(message); }
    @Override public void logError(String message) { log.warn(message); }
    @Override public boolean isLoggingEnabled() { return log.isDebugEnabled(); }

    @Override
    public boolean isLoggingEnabled(int level) {
        return switch (level) {
            case TRACE_ERROR, TRACE_FATAL -> true;
            case TRACE_WARN -> log.isWarnEnabled();
            case TRACE_INFO -> log.isInfoEnabled();
            case TRACE_DEBUG -> log.isDebugEnabled();
            default -> log.isTraceEnabled();
        };
    }

    @Override public void logError(String message, Exception e) { log.warn(message, e); }
    @Override public void logWarning(String message) { log.debug(message); }
    @Override public void logInfo(String message) { log.debug(message); }
    @Override public void disableLogging() {}
    @Override public void enableLogging() {}
    @Override public void setBuildTimeStamp(String buildTimeStamp) {}
    @Override public void setStackProperties(Properties properties) {}
    @Override public String getLoggerName() { return log.getName(); }

    /** The message log: each SIP message at TRACE. */
    public static final class Messages implements ServerLogger {
        @Override public void closeLogFile() {}

        @Override
        public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
            if (log.isTraceEnabled()) log.trace("{} {} -> {}\n{}", sender ? "sent" : "received", from, to, message);
        }

        @Override
        public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
            logMessage(message, from, to, sender, time);
        }

        @Override
        public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
            logMessage(message, from, to, sender, 0);
        }

        @Override public void logException(Exception e) { log.debug("SIP message log", e); }
        @Override public void setStackProperties(Properties properties) {}
        @Override public void setSipStack(SipStack stack) {}
    }
}
