-- Phone calls on the conversation record (issue 17): phone_call is metadata.phone_call as JSON text
-- (ConversationHistoryTwilioPhoneCallModel / ConversationHistorySIPTrunkingPhoneCallModel: direction, phone_number_id,
-- agent_number, external_number, type, call_sid, stream_sid), NULL for other conversations; call_sid repeats its
-- call_sid (Twilio call SID or SIP Call-ID) so that a carrier's callback finds the conversation.
ALTER TABLE conversations ADD COLUMN phone_call TEXT;
ALTER TABLE conversations ADD COLUMN call_sid VARCHAR(255);
CREATE INDEX conversations_call_sid ON conversations (call_sid);
